#!/usr/bin/env bash
# Tests the C library end to end, as a vendor would use it:
#   1. the committed header matches what cbindgen generates (`cargo xtask check header`);
#   2. the version macros match Cargo.toml, and the SONAME carries the ABI version;
#   3. scripts/install-c.sh installs to a temporary prefix;
#   4. examples/c/overview.c, tests/c/test_egensag.c and tests/c/header_cxx.cpp build
#      through pkg-config against the shared library, the test also against the static one
#      (`pkg-config --static`, from a static-only install);
#   5. the example runs on the sample data; the test runs under valgrind (shared build)
#      and plainly (static build); the C++ check runs;
#   6. scripts/package-c.sh's release tarball holds exactly the files it should, its
#      library is stripped (debug information only in the -debug tarball, linked by
#      .gnu_debuglink), and the example builds and runs from the unpacked tarball through
#      its relocatable pkg-config file.
# Run from anywhere: bash scripts/test-c.sh. With CI set, missing tools are installed
# with apt-get.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"
step() { printf '\n== %s\n' "$*"; }
fail() { echo "test-c: $*" >&2; exit 1; }

step "tools"
missing=()
for tool in gcc g++ valgrind pkg-config readelf; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
if ((${#missing[@]})); then
  if [[ -n "${CI:-}" ]]; then
    packages=()
    for tool in "${missing[@]}"; do
      case "$tool" in
        readelf) packages+=(binutils) ;;
        *) packages+=("$tool") ;;
      esac
    done
    sudo=""; [[ "$(id -u)" == 0 ]] || sudo="sudo"
    $sudo apt-get update -q
    $sudo apt-get install -y -q --no-install-recommends "${packages[@]}"
  else
    fail "missing tools: ${missing[*]} (install them, or set CI=1 to apt-get them)"
  fi
fi

step "header drift (cargo xtask check header)"
cargo xtask check header || fail "bindings-c/include/egensag.h is stale: run cargo xtask bless"

step "versions"
version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)"
macro() { sed -n "s/^#define $1 \([0-9]*\)$/\1/p" bindings-c/include/egensag.h; }
header_version="$(macro EGENSAG_VERSION_MAJOR).$(macro EGENSAG_VERSION_MINOR).$(macro EGENSAG_VERSION_PATCH)"
abi="$(macro EGENSAG_ABI_VERSION)"
[[ "$header_version" == "$version" ]] || fail "header says $header_version, Cargo.toml $version"
[[ "$abi" == "${version%%.*}" ]] || fail "EGENSAG_ABI_VERSION $abi is not the major version of $version"
echo "Cargo.toml $version = header $header_version, ABI $abi"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

step "build and install (shared + static) to $tmp/prefix"
scripts/install-c.sh "$tmp/prefix"
step "install static only to $tmp/static"
scripts/install-c.sh --static-only "$tmp/static"
soname="$(readelf -d "$tmp/prefix/lib/libegensag.so.$version" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')"
[[ "$soname" == "libegensag.so.$abi" ]] || fail "SONAME is '$soname', want libegensag.so.$abi"
echo "SONAME $soname"

cflags=(-std=c99 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror -pedantic -g)
shared_pc="$tmp/prefix/lib/pkgconfig"
static_pc="$tmp/static/lib/pkgconfig"

step "compile through pkg-config"
PKG_CONFIG_PATH="$shared_pc" pkg-config --modversion egensag | grep -qx "$version" \
  || fail "pkg-config reports another version"
gcc "${cflags[@]}" examples/c/overview.c \
  $(PKG_CONFIG_PATH="$shared_pc" pkg-config --cflags --libs egensag) -o "$tmp/overview"
gcc "${cflags[@]}" -pthread tests/c/test_egensag.c \
  $(PKG_CONFIG_PATH="$shared_pc" pkg-config --cflags --libs egensag) -o "$tmp/test_shared"
gcc "${cflags[@]}" -pthread tests/c/test_egensag.c \
  $(PKG_CONFIG_PATH="$static_pc" pkg-config --static --cflags --libs egensag) -o "$tmp/test_static"
g++ -std=c++11 -Wall -Wextra -Werror tests/c/header_cxx.cpp \
  $(PKG_CONFIG_PATH="$shared_pc" pkg-config --cflags --libs egensag) -o "$tmp/header_cxx"
if readelf -d "$tmp/test_static" | grep -q 'libegensag'; then
  fail "the static test program depends on libegensag.so"
fi
readelf -d "$tmp/test_shared" | grep -q "NEEDED.*\[libegensag.so.$abi\]" \
  || fail "the shared test program does not need libegensag.so.$abi"

step "run the example"
out="$(LD_LIBRARY_PATH="$tmp/prefix/lib" "$tmp/overview")"
[[ "$out" == '{"as_of"'* ]] || fail "example printed: ${out:0:200}"
echo "${out:0:120}..."

step "the README's C program compiles and runs"
awk '/^```c$/{on=1; next} /^```$/{if(on){exit}} on' README.md > "$tmp/readme.c"
gcc "${cflags[@]}" "$tmp/readme.c" $(PKG_CONFIG_PATH="$shared_pc" pkg-config --cflags --libs egensag) -o "$tmp/readme"
out="$(LD_LIBRARY_PATH="$tmp/prefix/lib" "$tmp/readme")"
[[ "$out" == '{"as_of":"2026-11-23"'* ]] || fail "README program printed: ${out:0:200}"

step "C++ header check"
LD_LIBRARY_PATH="$tmp/prefix/lib" "$tmp/header_cxx"

step "tests under valgrind (shared library)"
LD_LIBRARY_PATH="$tmp/prefix/lib" EGENSAG_EXPECTED_VERSION="$version" \
  valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=99 \
  "$tmp/test_shared" tests/vectors

step "tests (static library)"
EGENSAG_EXPECTED_VERSION="$version" "$tmp/test_static" tests/vectors

step "release tarball (scripts/package-c.sh)"
CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}" bash scripts/package-c.sh
dist="${CARGO_TARGET_DIR:-$root/target}/dist"
name="egensag-$version"
tarball="$dist/$name-$(uname -m)-linux.tar.gz"
want="$(printf '%s\n' "$name/" "$name/LICENSE-APACHE" "$name/LICENSE-MIT" "$name/README.md" \
  "$name/include/" "$name/include/egensag.h" "$name/lib/" "$name/lib/libegensag.a" \
  "$name/lib/libegensag.so" "$name/lib/libegensag.so.$abi" "$name/lib/libegensag.so.$version" \
  "$name/lib/pkgconfig/" "$name/lib/pkgconfig/egensag.pc" | sort)"
got="$(tar -tzf "$tarball" | sort)"
[[ "$got" == "$want" ]] || fail "tarball holds:\n$got\nwant:\n$want"
mkdir -p "$tmp/unpacked" && tar -xzf "$tarball" -C "$tmp/unpacked"
tar -xzf "$dist/$name-$(uname -m)-linux-debug.tar.gz" -C "$tmp/unpacked"
so="$tmp/unpacked/$name/lib/libegensag.so.$version"
if readelf -S "$so" | grep -q '\.debug_info'; then fail "the released library is not stripped"; fi
readelf -S "$so" | grep -q '\.gnu_debuglink' || fail "the released library does not name its debug file"
readelf -S "$so.debug" | grep -q '\.debug_info' || fail "the debug file holds no debug information"
echo "library $(stat -c %s "$so") bytes stripped, debug file $(stat -c %s "$so.debug") bytes"
unpacked_pc="$tmp/unpacked/$name/lib/pkgconfig"
gcc "${cflags[@]}" examples/c/overview.c \
  $(PKG_CONFIG_PATH="$unpacked_pc" pkg-config --cflags --libs egensag) -o "$tmp/overview_dist"
out="$(LD_LIBRARY_PATH="$tmp/unpacked/$name/lib" "$tmp/overview_dist")"
[[ "$out" == '{"as_of"'* ]] || fail "example against the tarball printed: ${out:0:200}"

echo
echo "test-c: all passed"
