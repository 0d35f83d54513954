#!/usr/bin/env bash
# Builds, packs and tests the npm package `egensag` (run from the repository root):
#   1. installs what is missing: the wasm32 target, wasm-bindgen-cli 0.2.130, chromium
#   2. scripts/build-wasm.sh → bindings-wasm/pkg/
#   3. npm pack, then installs the tarball into a clean consumer directory (a temp dir)
#      and runs there: node --test over bindings-wasm/tests/*.test.mjs (every conformance
#      vector byte for byte, error handling, the API) and tsc --noEmit --strict
#   4. examples/node/overview.mjs against the installed package
#   5. tests/browser/test.mjs (playwright-core + /usr/bin/chromium) against the same package
#   6. reports the .wasm size, raw and gzipped (budget: 322 KiB gzipped, 3% over the
#      320,230 bytes measured. It was 380 KB at opt-level "s" with two deserialisers per
#      type; one deserialiser and opt-level 3 made it 362 KB and 1.85x native instead of
#      3.3x; one sort in the program, dates without chrono's format strings and the
#      dependencies at "s" made it 320 KB. The performance issue's target is 150 KB;
#      this budget only guards against unnoticed growth)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
WASM_BINDGEN_VERSION="$(bash scripts/tool-version.sh wasm-bindgen)"
GZIP_BUDGET=$((322 * 1024))
export PATH="$HOME/.cargo/bin:$PATH"
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

step() { printf '\n== %s\n' "$*"; }

step "tools"
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$"; then
  # Not --locked: a locked dependency version is missing from the registry here.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
if [[ ! -x "$CHROMIUM" ]]; then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
  else
    echo "chromium is missing at $CHROMIUM and cannot be installed (not root): set CHROMIUM" >&2
    exit 1
  fi
fi
export CHROMIUM
echo "node $(node --version), npm $(npm --version), $(wasm-bindgen --version), $("$CHROMIUM" --version 2>/dev/null | head -1)"

step "build"
bash scripts/build-wasm.sh

work="$(mktemp -d "${TMPDIR:-/tmp}/egensag-wasm-test.XXXXXX")"
trap 'rm -rf "$work"' EXIT

step "npm pack"
(cd bindings-wasm/pkg && npm pack --silent --pack-destination "$work" >/dev/null)
tarball="$(ls "$work"/egensag-*.tgz)"
listing="$(tar -tzf "$tarball" | sort)"
echo "$listing"
# Exactly the files a consumer needs, one .wasm among them: nothing from the build
# folder, no source maps, no tests.
expected="$(printf 'package/%s\n' LICENSE-APACHE LICENSE-MIT README.md api.js egensag_wasm.js \
  egensag_wasm_bg.wasm index.d.ts index.js node.js package.json types.d.ts | sort)"
if [[ "$listing" != "$expected" ]]; then
  echo "the package holds other files than expected:" >&2
  diff <(echo "$expected") <(echo "$listing") >&2 || true
  exit 1
fi

step "clean consumer: npm ci, install the tarball"
consumer="$work/consumer"
mkdir -p "$consumer"
cp bindings-wasm/tests/consumer/{package.json,package-lock.json,tsconfig.json,tsconfig.bundler.json,consumer.ts} "$consumer/"
cp bindings-wasm/tests/*.test.mjs "$consumer/"
(cd "$consumer" && npm ci --silent && npm install --silent --no-save "$tarball")
node -e '
  // The package.json fields must name files that exist in the installed package.
  const fs = require("fs"), path = require("path");
  const dir = path.join(process.argv[1], "node_modules", "egensag");
  const p = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
  const targets = [p.main, p.module, p.types, p.browser, ...Object.values(p.exports).flatMap((v) => typeof v === "string" ? [v] : Object.values(v))];
  for (const t of targets) if (!fs.existsSync(path.join(dir, t))) { console.error(`package.json names a missing file: ${t}`); process.exit(1); }
  const dot = p.exports["."];
  for (const k of ["types", "import", "default"]) if (!dot[k]) { console.error(`exports["."] lacks ${k}`); process.exit(1); }
  if (Object.keys(dot)[0] !== "types") { console.error("exports[\".\"].types must come first"); process.exit(1); }
  console.log(`package.json ok: ${targets.length} targets exist`);
' "$consumer"

step "node --test (in the consumer)"
(cd "$consumer" && EGENSAG_REPO="$root" node --test --test-reporter=spec ./*.test.mjs)

step "tsc --noEmit --strict (in the consumer)"
(cd "$consumer" && ./node_modules/.bin/tsc -p tsconfig.json --noEmit --strict && ./node_modules/.bin/tsc -p tsconfig.bundler.json --noEmit --strict)
echo "tsc: consumer.ts type-checks (nodenext and bundler resolution)"

step "examples/node/overview.mjs"
example="$work/example-node"
mkdir -p "$example/examples"
cp -r examples/node examples/data "$example/examples/"
rm -rf "$example/examples/node/node_modules" "$example/examples/node/package-lock.json"
(cd "$example/examples/node" && npm install --silent --no-save --no-package-lock "$tarball" && node overview.mjs | tee "$work/overview.txt")
grep -q "Mine sager" "$work/overview.txt"

step "browser test (examples/web/ in chromium)"
(cd tests/browser && npm ci --silent)
EGENSAG_PKG_DIR="$consumer/node_modules/egensag" node tests/browser/test.mjs

step "size"
wasm="$consumer/node_modules/egensag/egensag_wasm_bg.wasm"
raw=$(wc -c <"$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
printf 'egensag_wasm_bg.wasm: %d bytes raw (%d KB), %d bytes gzipped (%d KB; budget %d KB)\n' \
  "$raw" $((raw / 1024)) "$gz" $((gz / 1024)) $((GZIP_BUDGET / 1024))
printf 'package tarball: %d bytes\n' "$(wc -c <"$tarball")"
if (( gz > GZIP_BUDGET )); then
  echo "the .wasm is over the gzipped size budget" >&2
  exit 1
fi
echo "test-wasm: all passed"
