#!/usr/bin/env bash
# Installs what the tests need and a fresh machine lacks; a no-op when all is there.
set -euo pipefail

need_apt=()
command -v valgrind >/dev/null || need_apt+=(valgrind)
command -v pkg-config >/dev/null || need_apt+=(pkg-config)
command -v g++ >/dev/null || need_apt+=(g++)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "missing: ${need_apt[*]} (install them with apt-get as root)" >&2
    exit 1
  fi
fi

rustup component add rustfmt clippy >/dev/null 2>&1 || true
rustup target list --installed | grep -q '^wasm32-unknown-unknown$' || rustup target add wasm32-unknown-unknown
# The CLI must equal the wasm-bindgen crate, pinned in the root Cargo.toml (the one place
# tool versions live; cbindgen is a library of `cargo xtask`, pinned there too).
wasm_bindgen="$(bash "$(dirname "$0")/tool-version.sh" wasm-bindgen)"
if ! wasm-bindgen --version 2>/dev/null | grep -q " $wasm_bindgen\$"; then
  # Not --locked: a locked dependency version is missing from the registry.
  cargo install wasm-bindgen-cli --version "$wasm_bindgen"
fi
