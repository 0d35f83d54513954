#!/usr/bin/env bash
# Builds the C library's release tarballs (run from anywhere):
#   target/dist/egensag-VERSION-ARCH-linux.tar.gz
#       egensag-VERSION/include/egensag.h
#       egensag-VERSION/lib/libegensag.so.VERSION (stripped), .so.MAJOR and .so symlinks
#       egensag-VERSION/lib/libegensag.a (debug information stripped)
#       egensag-VERSION/lib/pkgconfig/egensag.pc (relocatable: prefix=${pcfiledir}/../..)
#       egensag-VERSION/README.md (bindings-c/README.md), LICENSE-MIT, LICENSE-APACHE
#   target/dist/egensag-VERSION-ARCH-linux-debug.tar.gz
#       egensag-VERSION/lib/libegensag.so.VERSION.debug (the debug information, kept apart;
#       the stripped library names it in its .gnu_debuglink section, so gdb finds it when
#       both are in the same folder or under /usr/lib/debug)
# The release profile keeps `debug = 1` for profiling; the library users get is stripped.
# Environment: CARGO (default cargo), CARGO_TARGET_DIR (default ./target).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)"
arch="$(uname -m)"
name="egensag-$version"
dist="$target_dir/dist"
stage="$(mktemp -d "${TMPDIR:-/tmp}/egensag-package.XXXXXX")"
trap 'rm -rf "$stage"' EXIT

bash scripts/install-c.sh "$stage/$name" >/dev/null
lib="$stage/$name/lib"
so="$lib/libegensag.so.$version"

# Debug information apart, then strip, then link the two (objcopy/strip: GNU binutils).
mkdir -p "$stage/debug/$name/lib"
objcopy --only-keep-debug "$so" "$stage/debug/$name/lib/libegensag.so.$version.debug"
strip --strip-unneeded "$so"
(cd "$stage/debug/$name/lib" && objcopy --add-gnu-debuglink="libegensag.so.$version.debug" "$so")
strip --strip-debug "$lib/libegensag.a"

# A pkg-config file that works wherever the tarball is unpacked.
sed -i 's|^prefix=.*|prefix=${pcfiledir}/../..|' "$lib/pkgconfig/egensag.pc"
install -m 644 bindings-c/README.md "$stage/$name/README.md"
install -m 644 LICENSE-MIT LICENSE-APACHE "$stage/$name/"

mkdir -p "$dist"
tarball="$dist/$name-$arch-linux.tar.gz"
debug_tarball="$dist/$name-$arch-linux-debug.tar.gz"
# Reproducible archives: fixed owner, order and times.
pack() { tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C "$1" -czf "$2" "$name"; }
pack "$stage" "$tarball"
pack "$stage/debug" "$debug_tarball"
printf '%s\t%s bytes (library %s bytes)\n' "$tarball" "$(stat -c %s "$tarball")" "$(stat -c %s "$so")"
printf '%s\t%s bytes\n' "$debug_tarball" "$(stat -c %s "$debug_tarball")"
