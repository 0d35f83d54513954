#!/usr/bin/env bash
# Prints the version a tool is pinned to in the root Cargo.toml ([workspace.dependencies]),
# the one place tool versions live:  bash scripts/tool-version.sh wasm-bindgen  ->  0.2.130
set -euo pipefail
name=${1:?usage: tool-version.sh CRATE}
manifest="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/Cargo.toml"
version="$(sed -n -E "s/^$name = (\{ *version = )?\"=([^\"]+)\".*/\2/p" "$manifest" | head -n 1)"
[[ -n "$version" ]] || { echo "no exact version pin for $name in Cargo.toml" >&2; exit 1; }
echo "$version"
