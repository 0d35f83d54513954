#!/usr/bin/env bash
# Long stress runs of the bindings (minutes; not part of scripts/test.sh):
#   - tests/c/stress.c: one engine, 8 threads, 1,000,000 C calls, RSS start/middle/end;
#   - bindings-wasm/tests/stress.mjs: 1,000,000 WebAssembly calls in Node, mixed
#     failing/succeeding input, heap/RSS sampled, every call answered.
#     bash scripts/stress.sh [calls]
set -euo pipefail
cd "$(dirname "$0")/.."
calls=${1:-1000000}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
echo "== C: 8 threads, $calls calls"
cargo build -q --release -p egensag-c
gcc -std=c99 -O2 -Wall -Wextra -Werror -pedantic -pthread -DCALLS="${calls}L" -Ibindings-c/include \
  tests/c/stress.c target/release/libegensag.a -lgcc_s -lutil -lrt -lpthread -lm -ldl -lc -o "$tmp/stress"
"$tmp/stress"
echo "== WebAssembly in Node: $calls calls"
[ -d bindings-wasm/pkg ] || bash scripts/build-wasm.sh
if [ ! -d "$tmp/node/node_modules/egensag" ]; then
  mkdir -p "$tmp/node/node_modules"
  ln -s "$PWD/bindings-wasm/pkg" "$tmp/node/node_modules/egensag"
fi
cp bindings-wasm/tests/stress.mjs "$tmp/node/"
node --expose-gc "$tmp/node/stress.mjs" "$calls"
