#!/usr/bin/env bash
# Builds and tests the Python package `egensag` (run from anywhere):
#   1. tools: a virtual environment in target/python/tools with maturin, and a wheelhouse
#      with pytest and mypy (versions pinned below; both kept between runs, remade when a
#      version changes)
#   2. `maturin build --release`: the abi3 wheel users get (CPython 3.9 and later,
#      stripped) into target/python/wheels/
#   3. a FRESH virtual environment (target/python/venv, remade every run) with only the
#      built wheel and the test tools installed, and in it, outside the source tree:
#      - pytest over bindings-python/tests (every conformance vector byte for byte, the
#        dict forms, errors, threads and the GIL, the API)
#      - mypy --strict on a consumer, the example and the README's program (and mypy must
#        reject each marked line of bindings-python/tests/typing/rejected.py)
#      - stubtest: the hand-written stubs match the installed package
#      - the consumer, examples/python/overview.py and the README's program run
#   4. the same wheel in fresh virtual environments of CPython 3.9 and 3.13, where the
#      machine has them (pyenv): the consumer and the README's program run
# BUILD_ONLY=1 stops after step 2 (bench/python/run.sh uses it). Needs python3 (3.9+)
# with venv and pip, and Rust.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1
MATURIN_VERSION=1.16.0 PYTEST_VERSION=9.2.0 MYPY_VERSION=2.4.1
target="${CARGO_TARGET_DIR:-$root/target}"
dir="$target/python"
python="${PYTHON:-python3}"

step() { printf '\n== %s\n' "$*"; }
fail() { echo "test-python: $*" >&2; exit 1; }

step "tools"
"$python" -c 'import sys; assert sys.version_info >= (3, 9), sys.version' ||
  fail "$python is older than 3.9"
if ! "$python" -c 'import venv, ensurepip' 2>/dev/null; then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
  else
    fail "$python has no venv/ensurepip (Debian: apt-get install python3-venv)"
  fi
fi
stamp="maturin==$MATURIN_VERSION pytest==$PYTEST_VERSION mypy==$MYPY_VERSION $("$python" -VV | head -1)"
if [[ "$(cat "$dir/tools.stamp" 2>/dev/null)" != "$stamp" ]]; then
  rm -rf "$dir/tools" "$dir/wheelhouse" "$dir/tools.stamp"
  mkdir -p "$dir"
  "$python" -m venv "$dir/tools"
  "$dir/tools/bin/pip" install -q "maturin==$MATURIN_VERSION"
  "$dir/tools/bin/pip" download -q -d "$dir/wheelhouse" "pytest==$PYTEST_VERSION" "mypy==$MYPY_VERSION"
  echo "$stamp" > "$dir/tools.stamp"
fi
echo "$("$python" --version), $("$dir/tools/bin/maturin" --version), pytest $PYTEST_VERSION, mypy $MYPY_VERSION"

step "build the abi3 wheel (maturin build --release)"
rm -rf "$dir/wheels"
(cd bindings-python && nice "$dir/tools/bin/maturin" build --release --quiet -o "$dir/wheels")
wheel="$(ls "$dir"/wheels/egensag-*.whl)"
[[ "$(wc -l <<<"$wheel")" == 1 ]] || fail "expected one wheel, got: $wheel"
case "$(basename "$wheel")" in
  egensag-*-cp39-abi3-*.whl) ;;
  *) fail "not an abi3 wheel for CPython 3.9+: $(basename "$wheel")" ;;
esac
# Exactly what a user needs: the package, its stubs and marker, and the extension.
listing="$("$python" -m zipfile -l "$wheel" | awk 'NR > 1 {print $1}' | grep -v '\.dist-info/' | sort)"
expected="$(printf 'egensag/%s\n' __init__.py __init__.pyi _error.py _native.abi3.so _native.pyi \
  _types.pyi py.typed | sort)"
[[ "$listing" == "$expected" ]] || fail "the wheel holds other files than expected:\n$listing"
echo "$(basename "$wheel"): $(du -k "$wheel" | cut -f1) KB"
[[ -z "${BUILD_ONLY:-}" ]] || exit 0

step "a fresh virtual environment with the built wheel"
venv="$dir/venv"
rm -rf "$venv"
"$python" -m venv "$venv"
"$venv/bin/pip" install -q --no-index --find-links "$dir/wheelhouse" "$wheel" \
  "pytest==$PYTEST_VERSION" "mypy==$MYPY_VERSION"
py="$venv/bin/python"
# Everything below runs outside the source tree, so only the installed package is found.
work="$(mktemp -d "${TMPDIR:-/tmp}/egensag-python-test.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export EGENSAG_REPO="$root" MYPY_CACHE_DIR="$work/mypy-cache"
cd "$work"
"$py" -c 'import egensag, sys; print("egensag", egensag.core_version(), "from", egensag.__file__, "on", sys.version.split()[0])'

step "pytest"
"$py" -m pytest -p no:cacheprovider -q "$root/bindings-python/tests"

step "README: the program under \"Using it from Python\""
"$py" - "$root/README.md" "$work/readme_program.py" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
section = text.split("## Using it from Python", 1)[1].split("\n## ", 1)[0]
blocks = re.findall(r"```python\n(.*?)```", section, re.S)
assert len(blocks) == 1, f"expected one python block in the section, found {len(blocks)}"
open(sys.argv[2], "w", encoding="utf-8").write(blocks[0])
PY
(cd "$root/examples/data" && "$py" "$work/readme_program.py") > "$work/readme.out"
cat "$work/readme.out"
grep -q "Mine sager" "$work/readme.out" || fail "the README's program printed no overview"

step "mypy --strict: the consumer, the example and the README's program"
"$py" -m mypy --strict "$root/bindings-python/tests/typing/consumer.py" \
  "$root/examples/python/overview.py" "$work/readme_program.py"
# The stubs are real types: each line ending in an "E" comment is rejected, and no other.
rejected="$root/bindings-python/tests/typing/rejected.py"
set +e
"$py" -m mypy --strict "$rejected" > "$work/rejected.out"
status=$?
set -e
[[ $status == 1 ]] || { cat "$work/rejected.out"; fail "mypy exited $status on rejected.py (expected 1)"; }
got="$(grep -o '^[^:]*:[0-9]*: error' "$work/rejected.out" | cut -d: -f2 | sort -un)"
want="$(grep -n '# E:' "$rejected" | cut -d: -f1 | sort -un)"
[[ "$got" == "$want" ]] || { cat "$work/rejected.out"; fail "mypy flagged lines $(echo $got), expected $(echo $want)"; }
echo "rejected.py: mypy rejects exactly the $(wc -l <<<"$want") marked lines"

step "stubtest: the stubs match the installed package"
"$py" -m mypy.stubtest egensag --allowlist "$root/bindings-python/tests/typing/stubtest-allowlist.txt"

step "the consumer and the example run"
"$py" "$root/bindings-python/tests/typing/consumer.py" "$root"
"$py" "$root/examples/python/overview.py" > "$work/example.out"
grep -q "Mine sager" "$work/example.out" || fail "examples/python/overview.py printed no overview"
"$py" "$root/examples/python/overview.py" --json > "$work/example.json"
[[ "$(head -c 9 "$work/example.json")" == '{"as_of":' ]] || fail "examples/python/overview.py --json printed no overview JSON"
set +e
"$py" "$root/examples/python/overview.py" "$root/tests/vectors/error-not-json/request.json" 2> "$work/err.out"
status=$?
set -e
[[ $status == 1 ]] && grep -q '^egensag: invalid_json at ' "$work/err.out" ||
  fail "the example did not report a bad request (status $status): $(cat "$work/err.out")"

step "the same wheel on the oldest and the newest CPython here (abi3)"
# A fresh machine has CPython 3.11; where pyenv (or the system) has others, the one wheel
# must load and work on them too: the consumer and the README's program run there.
ran=0
for version in 3.9 3.13; do
  other=""
  for candidate in "python$version" "${PYENV_ROOT:-$HOME/.pyenv}"/versions/"$version".*/bin/"python$version"; do
    if "$candidate" -c 'import venv, ensurepip' 2>/dev/null; then other="$candidate"; break; fi
  done
  if [[ -z "$other" ]]; then
    echo "CPython $version: not on this machine, skipped"
    continue
  fi
  rm -rf "$dir/venv-$version"
  "$other" -m venv "$dir/venv-$version"
  "$dir/venv-$version/bin/pip" install -q --no-index "$wheel"
  "$dir/venv-$version/bin/python" -c 'import sys; print(sys.version.split()[0], end=": ")'
  "$dir/venv-$version/bin/python" "$root/bindings-python/tests/typing/consumer.py" "$root"
  (cd "$root/examples/data" && "$dir/venv-$version/bin/python" "$work/readme_program.py") > "$work/readme-$version.out"
  grep -q "Mine sager" "$work/readme-$version.out" || fail "the README's program printed no overview on $other"
  rm -rf "$dir/venv-$version"
  ran=$((ran + 1))
done
echo "the wheel ran on $ran other CPython version(s)"

step "Python package: all tests passed"
