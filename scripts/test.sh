#!/usr/bin/env bash
# Runs every test of egensag: the generated files (`cargo xtask check`: schemas, C header,
# TypeScript types, conformance vectors, also in a build that changes serde_json's map
# order), Rust (unit, property, doc, every member), the C library under valgrind, the npm
# WebAssembly package in Node and TypeScript, the demo page in headless Chromium, and
# short fuzz runs.
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

step "generated files are up to date (schemas, C header, TypeScript types, vectors, figures)"
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

if [ -f scripts/test-c.sh ]; then
  step "C library"
  bash scripts/test-c.sh
fi

if [ -f scripts/test-wasm.sh ]; then
  step "WebAssembly package, Node, TypeScript and browser"
  bash scripts/test-wasm.sh
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
