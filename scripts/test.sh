#!/usr/bin/env bash
# Runs every test of egensag: the generated files (`cargo xtask check`: schemas, C header,
# TypeScript and Python types, conformance vectors, also in a build that changes
# serde_json's map order), Rust (unit, property, doc, every member; the command-line
# tool's tests run its binary), the tool installed with `cargo install`, the C library
# under valgrind, the npm WebAssembly package in Node and TypeScript, the demo page in
# headless Chromium, the Python package (its wheel installed in a fresh virtual
# environment), and short fuzz runs.
#
# On a fresh machine it first installs what is missing (the wasm target, wasm-bindgen-cli,
# Chromium, valgrind, pkg-config, npm packages). Run from anywhere:
#     bash scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "toolchain"
bash scripts/setup.sh

step "format and lints"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets -- -D warnings

step "generated files are up to date (schemas, C header, TypeScript and Python types, vectors, figures)"
cargo xtask check

step "Rust tests (unit, property, doc, conformance vectors, schemas; every member)"
cargo test --workspace

step "API documentation builds without warnings"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --quiet

step "the crate packages and its packaged copy builds on its own"
cargo package -p egensag --allow-dirty --quiet

step "the main job runs on the sample data"
text=$(cargo run -q --example overview)
grep -q "Mine sager" <<<"$text"
json=$(cargo run -q --example overview -- --format json)
[[ $json == '{"as_of":'* ]]

step "the command-line tool installs and runs (cargo install --path cli)"
tool_root="$(mktemp -d)"
# --debug and the shared target directory: the binary the Rust tests built, installed.
cargo install --quiet --locked --debug --path cli --root "$tool_root" --target-dir target
grep -q "Mine sager" <("$tool_root/bin/egensag" overview --sample self)
first=$("$tool_root/bin/egensag" overview --sample self | head -n 1)
[[ $first == "Overblik for "* ]]
rm -rf "$tool_root"

if [ -f scripts/test-c.sh ]; then
  step "C library"
  bash scripts/test-c.sh
fi

if [ -f scripts/test-java.sh ]; then
  step "Java binding (JNA over the C library), JUnit 5"
  bash scripts/test-java.sh
fi

if [ -f scripts/test-wasm.sh ]; then
  step "WebAssembly package, Node, TypeScript and browser"
  bash scripts/test-wasm.sh
fi

if [ -f scripts/test-python.sh ]; then
  step "Python package (abi3 wheel installed in a fresh virtual environment; pytest, mypy)"
  bash scripts/test-python.sh
fi

if [ -f scripts/test-perf.sh ]; then
  step "performance guard (callgrind instructions per record against the floor)"
  bash scripts/test-perf.sh
fi

if [ -f scripts/fuzz-smoke.sh ]; then
  step "fuzz smoke runs"
  bash scripts/fuzz-smoke.sh
fi

step "all tests passed"
