#!/usr/bin/env bash
# Long local fuzz run of one target (default 600 s), for the reliability note:
#     bash scripts/fuzz-long.sh request_json 600
# New inputs go to fuzz/work/<target>/ (not committed); the committed seeds in
# fuzz/corpus/<target>/ are read only. Crashes land in fuzz/artifacts/<target>/.
# The log (with libFuzzer's final "Done N runs in S second(s)") is fuzz/work/<target>.log.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?target}
seconds=${2:-600}
export RUSTC_BOOTSTRAP=1
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
mkdir -p "fuzz/work/$target"
cargo fuzz run "$target" -s none "fuzz/work/$target" "fuzz/corpus/$target" -- \
  -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
  >"fuzz/work/$target.log" 2>&1
