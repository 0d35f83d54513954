#!/usr/bin/env bash
# The C API against the Rust API on the same 1,000-record request: both timed in
# alternating runs (C, Rust, C, Rust, …) in one invocation; prints the ratio of medians
# and writes target/bench-c-ratio.json. Needs gcc. Run from anywhere.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"
records="${RECORDS:-1000}"; iterations="${ITERATIONS:-20}"; rounds="${ROUNDS:-9}"; runs="${RUNS:-5}"
target="${CARGO_TARGET_DIR:-$root/target}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT

cargo build -q --release -p egensag-c
cargo build -q --release -p egensag-bench --example gen_ndjson --example time_overview
"$target/release/examples/gen_ndjson" --policy > "$work/policy.json"
"$target/release/examples/gen_ndjson" 1 "$records" > "$work/request.json"
gcc -O2 -std=c11 -o "$work/bench_overview" bench/c/bench_overview.c \
  -I bindings-c/include "$target/release/libegensag.a" -lpthread -ldl -lm

c_ns=(); rust_ns=()
for _ in $(seq "$runs"); do
  read -r c c_bytes < <("$work/bench_overview" "$work/policy.json" "$work/request.json" "$iterations" "$rounds")
  read -r r r_bytes < <("$target/release/examples/time_overview" "$work/policy.json" "$work/request.json" "$iterations" "$rounds")
  [[ "$c_bytes" == "$r_bytes" ]] || { echo "outputs differ in size: $c_bytes vs $r_bytes" >&2; exit 1; }
  c_ns+=("$c"); rust_ns+=("$r")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
c_med="$(median "${c_ns[@]}")"; r_med="$(median "${rust_ns[@]}")"
ratio="$(awk -v c="$c_med" -v r="$r_med" 'BEGIN {printf "%.3f", c / r}')"
echo "C API ${c_med} ns/request, Rust API ${r_med} ns/request at $records records (runs: C ${c_ns[*]}; Rust ${rust_ns[*]})"
echo "c_api_over_rust_api = $ratio (target: at most 1.05)"
mkdir -p "$target"
printf '{"records": %s, "c_ns_per_request": %s, "rust_ns_per_request": %s, "ratio": %s, "target_at_most": 1.05}\n' \
  "$records" "$c_med" "$r_med" "$ratio" > "$target/bench-c-ratio.json"
