#!/usr/bin/env bash
# Builds libegensag in release and installs it to a prefix:
#   PREFIX/include/egensag.h
#   PREFIX/lib/libegensag.a
#   PREFIX/lib/libegensag.so.X.Y.Z, libegensag.so.X -> .so.X.Y.Z, libegensag.so -> .so.X
#   PREFIX/lib/pkgconfig/egensag.pc   (Libs.private from rustc's native-static-libs)
#
# Usage: scripts/install-c.sh [--static-only] PREFIX
#   --static-only  install only the static library (no .so files), so that
#                  `pkg-config --static --libs egensag` links libegensag.a: with both
#                  present, the linker prefers the shared library.
# Environment: CARGO (default cargo), CARGO_TARGET_DIR (default ./target).
set -euo pipefail

usage() { echo "usage: $0 [--static-only] PREFIX" >&2; exit 64; }
static_only=0
prefix=""
for arg in "$@"; do
  case "$arg" in
    --static-only) static_only=1 ;;
    -*) usage ;;
    *) [[ -z "$prefix" ]] || usage; prefix="$arg" ;;
  esac
done
[[ -n "$prefix" ]] || usage

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
cargo="${CARGO:-cargo}"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
mkdir -p "$prefix"
prefix="$(cd "$prefix" && pwd)"

version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)"
[[ "$version" =~ ^([0-9]+)\.[0-9]+\.[0-9]+ ]] || { echo "no version in Cargo.toml" >&2; exit 1; }
major="${BASH_REMATCH[1]}"
url="$(sed -n 's/^repository = "\(.*\)"/\1/p' Cargo.toml | head -n 1)"

# The system libraries the static library needs, as rustc reports them. rustc prints
# them only when it links, so make it relink this (small) crate.
touch bindings-c/src/lib.rs
native_libs="$("$cargo" rustc --release -p egensag-c --lib --crate-type staticlib \
  -- --print native-static-libs 2>&1 | sed -n 's/.*native-static-libs: //p' | tail -n 1)"
[[ -n "$native_libs" ]] || { echo "rustc did not report native-static-libs" >&2; exit 1; }
"$cargo" build --release -p egensag-c

lib="$target_dir/release"
install -d "$prefix/lib/pkgconfig" "$prefix/include"
install -m 644 bindings-c/include/egensag.h "$prefix/include/egensag.h"
install -m 644 "$lib/libegensag.a" "$prefix/lib/libegensag.a"
rm -f "$prefix/lib/libegensag.so" "$prefix/lib/libegensag.so.$major" "$prefix/lib/libegensag.so.$version"
if [[ "$static_only" == 0 ]]; then
  install -m 755 "$lib/libegensag.so" "$prefix/lib/libegensag.so.$version"
  ln -s "libegensag.so.$version" "$prefix/lib/libegensag.so.$major"
  ln -s "libegensag.so.$major" "$prefix/lib/libegensag.so"
fi
sed -e "s|@PREFIX@|$prefix|g" -e "s|@VERSION@|$version|g" -e "s|@URL@|$url|g" \
  -e "s|@LIBS_PRIVATE@|$native_libs|g" bindings-c/egensag.pc.in > "$prefix/lib/pkgconfig/egensag.pc"
echo "installed libegensag $version to $prefix"
