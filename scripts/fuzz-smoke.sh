#!/usr/bin/env bash
# Short fuzz runs of every target (a few seconds each), part of scripts/test.sh.
# Uses cargo-fuzz (libFuzzer) on stable Rust: RUSTC_BOOTSTRAP=1 lets cargo-fuzz pass its
# -Z flags, and `-s none` skips the sanitizer (AddressSanitizer needs a nightly std;
# the code under test is safe Rust apart from the C API's thin layer).
# Exits non-zero on any crash or broken invariant; the input is kept in fuzz/artifacts/.
#     bash scripts/fuzz-smoke.sh [seconds-per-target]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-5}
export RUSTC_BOOTSTRAP=1
if ! command -v cargo-fuzz >/dev/null; then
  cargo install cargo-fuzz
fi
targets=(request_json policy_json catalogue_xml privileges_claim notifications_pair c_api
  sources_sf1470 sources_ydelsesindeks)
cargo fuzz build -s none
for t in "${targets[@]}"; do
  mkdir -p "fuzz/work/$t"
  printf '  %-20s ' "$t"
  if ! cargo fuzz run "$t" -s none "fuzz/work/$t" "fuzz/corpus/$t" -- \
      -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
      >"fuzz/work/$t.smoke.log" 2>&1; then
    echo "FAILED (see fuzz/work/$t.smoke.log and fuzz/artifacts/$t/)"
    tail -n 30 "fuzz/work/$t.smoke.log"
    exit 1
  fi
  grep -o 'Done [0-9]* runs in [0-9]* second(s)' "fuzz/work/$t.smoke.log" || echo ok
done
