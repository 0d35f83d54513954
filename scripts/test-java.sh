#!/usr/bin/env bash
# Tests the Java binding (bindings-java/, dk.egensag over libegensag through JNA):
#   1. installs OpenJDK 17, Debian's libjna-java and junit5 with apt-get when missing
#      (as root, or through sudo; a no-op when they are there);
#   2. builds libegensag (cargo build --release -p egensag-c: the same build scripts/test-c.sh
#      installs, a no-op when it is up to date);
#   3. checks that every function of bindings-c/include/egensag.h is bound in
#      LibEgensag.java and declared in the .NET note (docs/dotnet.md);
#   4. compiles the library with javac into a jar (and its javadoc, doclint clean), and the
#      JUnit 5 tests against the jar;
#   5. checks that the README's Java program is examples/java/Overview.java, compiles it and
#      runs it (byte for byte against a vector's overview, and on refused input);
#   6. runs the JUnit tests (every vector, the error cases, threads, and 100,000 calls with
#      flat resident memory) with the console launcher.
# Run from anywhere: bash scripts/test-java.sh. The jar is left in target/java/.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"
step() { printf '\n== %s\n' "$*"; }
fail() { echo "test-java: $*" >&2; exit 1; }

jna=/usr/share/java/jna.jar
junit=/usr/share/java/junit-platform-console-standalone.jar

step "tools"
packages=()
command -v javac >/dev/null || packages+=(openjdk-17-jdk-headless)
[[ -f "$jna" ]] || packages+=(libjna-java)
[[ -f "$junit" ]] || packages+=(junit5)
if ((${#packages[@]})); then
  sudo=""
  if [[ "$(id -u)" != 0 ]]; then
    command -v sudo >/dev/null || fail "missing: ${packages[*]} (install them with apt-get as root)"
    sudo="sudo"
  fi
  echo "installing ${packages[*]}"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi
javac -version 2>&1 | grep -Eq '^javac (1[7-9]|[2-9][0-9])' || fail "need javac 17 or later: $(javac -version 2>&1)"
java -version 2>&1 | head -n 1

target="${CARGO_TARGET_DIR:-$root/target}"
out="$target/java"
version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)"

step "libegensag (release)"
cargo build -q --release -p egensag-c
lib="$target/release"
[[ -f "$lib/libegensag.so" ]] || fail "no $lib/libegensag.so"

step "every function of egensag.h is bound in Java and declared for .NET"
functions="$(sed -n 's/^[a-z].*[ *]\(egensag_[a-z_]*\)(.*/\1/p' bindings-c/include/egensag.h | sort -u)"
[[ "$(wc -l <<<"$functions")" -ge 15 ]] || fail "found only these functions in egensag.h: $functions"
for f in $functions; do
  # egensag_error_status: Java reads the error's code, which says the same as its status.
  if [[ "$f" != egensag_error_status ]]; then
    grep -q "static native [a-z]* $f(" bindings-java/src/main/java/dk/egensag/LibEgensag.java \
      || fail "$f is not bound in LibEgensag.java"
  fi
  grep -q "static extern [a-zA-Z]* $f(" docs/dotnet.md || fail "$f is not declared in docs/dotnet.md"
done
echo "$(wc -l <<<"$functions") functions"

step "compile the library and its jar ($out)"
rm -rf "$out"
mkdir -p "$out/classes" "$out/test-classes" "$out/example"
javac -Xlint:all -Werror --release 17 -encoding UTF-8 -cp "$jna" -d "$out/classes" \
  bindings-java/src/main/java/dk/egensag/*.java
printf 'Automatic-Module-Name: dk.egensag\nImplementation-Title: egensag\nImplementation-Version: %s\n' \
  "$version" > "$out/manifest.txt"
jar --create --file "$out/egensag-$version.jar" --manifest "$out/manifest.txt" -C "$out/classes" .
jar_file="$out/egensag-$version.jar"
javac -Xlint:all -Werror --release 17 -encoding UTF-8 -cp "$jar_file:$jna:$junit" -d "$out/test-classes" \
  bindings-java/src/test/java/dk/egensag/*.java
echo "$(basename "$jar_file"): $(jar --list --file "$jar_file" | grep -c '\.class$') classes"
# The API documentation builds, its comments well-formed and their references resolved.
javadoc -quiet -Xdoclint:all,-missing -Werror -encoding UTF-8 -cp "$jna" -d "$out/javadoc" \
  bindings-java/src/main/java/dk/egensag/*.java

step "the README's Java program is examples/java/Overview.java, and it runs"
awk '/^## Using it from Java$/{s=1} s && /^```java$/{on=1; next} on && /^```$/{exit} on' README.md \
  > "$out/readme-Overview.java"
diff -u examples/java/Overview.java "$out/readme-Overview.java" \
  || fail "README.md's Java program differs from examples/java/Overview.java"
javac -Xlint:all -Werror --release 17 -encoding UTF-8 -cp "$jar_file" -d "$out/example" examples/java/Overview.java
run_example() { java -Djna.library.path="$lib" -cp "$out/example:$jar_file:$jna" Overview "$@"; }
got="$(run_example)"
[[ "$got" == '{"as_of":"2026-11-23"'* ]] || fail "the example printed: ${got:0:200}"
v=tests/vectors/anna-self
run_example "$v/policy.json" "$v/request.json" "$v/catalogue.xml" > "$out/anna-self.json"
printf '\n' | cat "$v/overview.json" - | cmp - "$out/anna-self.json" \
  || fail "the example's overview of $v differs from overview.json"
set +e
run_example "$v/policy.json" tests/vectors/error-not-json/request.json > "$out/refused.out" 2> "$out/refused.err"
status=$?
set -e
[[ "$status" == 2 && ! -s "$out/refused.out" ]] || fail "refused input: exit $status, stdout $(head -c 200 "$out/refused.out")"
cmp tests/vectors/error-not-json/error.json <(head -c -1 "$out/refused.err") \
  || fail "refused input: stderr $(cat "$out/refused.err")"
echo "example: overview, the anna-self vector byte for byte, a refused request (exit 2)"

step "JUnit 5 (vectors, errors, threads, memory)"
# A fixed, pre-touched heap: the memory test measures the process's VmRSS, and the Java
# heap's own growth must not count.
if ! java -XX:+UseSerialGC -Xms128m -Xmx128m -XX:+AlwaysPreTouch \
  -Djna.library.path="$lib" -Degensag.vectors=tests/vectors -Degensag.expectedVersion="$version" \
  -jar "$junit" -cp "$out/test-classes:$jar_file:$jna" --scan-classpath --fail-if-no-tests \
  --disable-banner --details=summary --details-theme=ascii 2>&1 | tee "$out/junit.log"; then
  fail "JUnit tests failed"
fi
grep -q '\[ *0 tests failed *\]' "$out/junit.log" || fail "JUnit reported failures"

echo
echo "test-java: all passed"
