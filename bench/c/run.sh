#!/usr/bin/env bash
# The C API against the Rust API on the same 1,000-record request, in interleaved rounds
# of two long-lived processes on one core (bench/serve.sh says why); prints the median
# of the pairs' ratios and writes target/bench-c-ratio.json. Needs gcc. Run from anywhere.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"
records="${RECORDS:-1000}"; iterations="${ITERATIONS:-2}"; pairs="${PAIRS:-31}"
target="${CARGO_TARGET_DIR:-$root/target}"
serve_dir="$(mktemp -d)"; trap 'rm -rf "$serve_dir"' EXIT
source bench/serve.sh

cargo build -q --release -p egensag-c
cargo build -q --release -p egensag-bench --example gen_ndjson --example time_overview
"$target/release/examples/gen_ndjson" --policy > "$serve_dir/policy.json"
"$target/release/examples/gen_ndjson" 1 "$records" > "$serve_dir/request.json"
gcc -O2 -std=c11 -o "$serve_dir/bench_overview" bench/c/bench_overview.c \
  -I bindings-c/include "$target/release/libegensag.a" -lpthread -ldl -lm
args=("$serve_dir/policy.json" "$serve_dir/request.json" "$iterations" 0)
serve_start c "$serve_dir/bench_overview" --serve "${args[@]}"
serve_start rust "$target/release/examples/time_overview" --serve "${args[@]}"

c_ns=(); rust_ns=(); ratios=()
for pair in $(seq "$pairs"); do
  { read -r c c_bytes; read -r r r_bytes; } < <(serve_pair "$pair" c rust)
  [[ "$c_bytes" == "$r_bytes" ]] || { echo "outputs differ in size: $c_bytes vs $r_bytes" >&2; exit 1; }
  c_ns+=("$c"); rust_ns+=("$r"); ratios+=("$(pair_ratio "$c" "$r")")
done
serve_stop
c_med="$(pair_median "${c_ns[@]}")"; r_med="$(pair_median "${rust_ns[@]}")"
ratio="$(pair_median "${ratios[@]}")"
echo "C API ${c_med} ns/request, Rust API ${r_med} ns/request at $records records (medians; CPU $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo))"
echo "c_api_over_rust_api = $ratio (middle half of the pairs: $(pair_quartiles "${ratios[@]}"); target: at most 1.05)"
mkdir -p "$target"
printf '{"records": %s, "c_ns_per_request": %s, "rust_ns_per_request": %s, "ratio": %s, "target_at_most": 1.05}\n' \
  "$records" "$c_med" "$r_med" "$ratio" > "$target/bench-c-ratio.json"
