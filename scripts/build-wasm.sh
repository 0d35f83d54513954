#!/usr/bin/env bash
# Builds the npm package `egensag` into bindings-wasm/pkg/ (run from anywhere):
#   1. cargo build -p egensag-wasm --target wasm32-unknown-unknown --profile wasm-release
#   2. wasm-bindgen --target web (one .wasm, an ES module; node.js loads it with fs + initSync)
#   3. the committed bindings-wasm/npm/types.d.ts, after `cargo xtask check types` made
#      sure it is what the committed schemas/ give (`cargo xtask bless` rewrites it)
#   4. the package files from bindings-wasm/npm/ and bindings-wasm/README.md
# WASM_OPT=1 also runs wasm-opt from the npm package `binaryen` (not Debian's). It is off
# by default: on this module it costs 30-40 s and makes the gzipped size larger, not
# smaller (measured with binaryen 132 on the 319 KB module of the profile in Cargo.toml:
# 324 KB with -Oz, 322 KB with -O2; only -O1 is smaller, by 1 KB), and the module no
# faster. Earlier measurements: opt-level "s" 380 -> 449 KB with -Oz; 3: 489 -> 502 KB.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
pkg="$root/bindings-wasm/pkg"
npm_src="$root/bindings-wasm/npm"

echo "== cargo build (wasm32-unknown-unknown, wasm-release)"
cargo build -p egensag-wasm --target wasm32-unknown-unknown --profile wasm-release
wasm="$root/target/wasm32-unknown-unknown/wasm-release/egensag_wasm.wasm"

echo "== wasm-bindgen --target web"
rm -rf "$pkg"
mkdir -p "$pkg"
bindgen_out="$(mktemp -d)"
trap 'rm -rf "$bindgen_out"' EXIT
# The workspace profile strips symbols, which removes the target_features section
# wasm-bindgen reads; it then falls back to not using externref, which is fine.
wasm-bindgen --target web --out-dir "$bindgen_out" "$wasm" 2> >(grep -v 'target_features\|^$' >&2 || true)
cp "$bindgen_out/egensag_wasm.js" "$bindgen_out/egensag_wasm_bg.wasm" "$pkg/"

if [[ "${WASM_OPT:-0}" == 1 ]]; then
  echo "== wasm-opt (npm binaryen)"
  npm exec --yes --package=binaryen@132 -- wasm-opt -Oz --strip-debug --strip-producers \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$pkg/egensag_wasm_bg.wasm" -o "$pkg/egensag_wasm_bg.wasm"
fi

echo "== types.d.ts (cargo xtask check types)"
cargo xtask check types

echo "== package files"
cp "$npm_src/types.d.ts" "$npm_src/index.js" "$npm_src/node.js" "$npm_src/api.js" "$npm_src/index.d.ts" "$pkg/"
cp "$root/bindings-wasm/README.md" "$pkg/README.md"
cp "$root/LICENSE-MIT" "$root/LICENSE-APACHE" "$pkg/"
version="$(cargo metadata --no-deps --format-version 1 \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const m=JSON.parse(s).packages.find(p=>p.name==="egensag-wasm");process.stdout.write(m.version)})')"
node -e '
  const fs = require("fs");
  const [src, dst, version] = process.argv.slice(1);
  const p = JSON.parse(fs.readFileSync(src, "utf8"));
  p.version = version;
  fs.writeFileSync(dst, JSON.stringify(p, null, 2) + "\n");
' "$npm_src/package.json" "$pkg/package.json" "$version"

raw=$(wc -c < "$pkg/egensag_wasm_bg.wasm")
gz=$(gzip -9 -c "$pkg/egensag_wasm_bg.wasm" | wc -c)
echo "built bindings-wasm/pkg (egensag $version): egensag_wasm_bg.wasm $raw bytes raw, $gz bytes gzipped"
