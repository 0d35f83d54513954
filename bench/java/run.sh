#!/usr/bin/env bash
# The Java API (dk.egensag.Engine through JNA and libegensag) against the Rust API on the
# same request: overview(String), overviewUtf8(byte[]) and Rust's overview_json timed in
# alternating runs (String, byte[], Rust, String, …) in one invocation; prints the ratios of
# medians and writes target/bench-java-ratio.json. By
# default it measures 1,000 records (as bench/c/run.sh) and 1 record (where the cost of the
# boundary itself shows); RECORDS="1000" measures one size. Needs javac and Debian's
# libjna-java (scripts/test-java.sh installs it). Run from anywhere.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"
sizes="${RECORDS:-1000 1}"; rounds="${ROUNDS:-9}"; runs="${RUNS:-5}"
target="${CARGO_TARGET_DIR:-$root/target}"
jna=/usr/share/java/jna.jar
[[ -f "$jna" ]] || { echo "bench-java: $jna is missing (apt-get install libjna-java)" >&2; exit 1; }
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT

cargo build -q --release -p egensag-c
cargo build -q --release -p egensag-bench --example gen_ndjson --example time_overview
javac --release 17 -cp "$jna" -d "$work/classes" bindings-java/src/main/java/dk/egensag/*.java
javac --release 17 -cp "$work/classes:$jna" -d "$work/classes" bench/java/BenchOverview.java
"$target/release/examples/gen_ndjson" --policy > "$work/policy.json"
cpu="$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

bench() { java -XX:+UseSerialGC -Djna.library.path="$target/release" -cp "$work/classes:$jna" \
  BenchOverview "$work/policy.json" "$work/request.json" "$iterations" "$rounds" "$1"; }

json="["
for records in $sizes; do
  # Iterations per round: about 20 ms of work per round at either size.
  iterations="${ITERATIONS:-$(( records >= 1000 ? 20 : 2000 ))}"
  "$target/release/examples/gen_ndjson" 1 "$records" > "$work/request.json"
  s_ns=(); b_ns=(); r_ns=()
  for _ in $(seq "$runs"); do
    read -r s s_bytes < <(bench string)
    read -r b b_bytes < <(bench bytes)
    read -r r r_bytes < <("$target/release/examples/time_overview" "$work/policy.json" "$work/request.json" "$iterations" "$rounds")
    [[ "$s_bytes" == "$r_bytes" && "$b_bytes" == "$r_bytes" ]] \
      || { echo "outputs differ in size: $s_bytes, $b_bytes vs $r_bytes" >&2; exit 1; }
    s_ns+=("$s"); b_ns+=("$b"); r_ns+=("$r")
  done
  s_med="$(median "${s_ns[@]}")"; b_med="$(median "${b_ns[@]}")"; r_med="$(median "${r_ns[@]}")"
  s_ratio="$(awk -v j="$s_med" -v r="$r_med" 'BEGIN {printf "%.3f", j / r}')"
  b_ratio="$(awk -v j="$b_med" -v r="$r_med" 'BEGIN {printf "%.3f", j / r}')"
  echo "$records records ($(wc -c < "$work/request.json") bytes in, $r_bytes out): Java String API ${s_med} ns/request," \
    "Java byte[] API ${b_med}, Rust API ${r_med} (runs: String ${s_ns[*]}; byte[] ${b_ns[*]}; Rust ${r_ns[*]})"
  echo "java_string_api_over_rust_api = $s_ratio, java_bytes_api_over_rust_api = $b_ratio at $records records"
  [[ "$json" == "[" ]] || json+=", "
  json+="{\"records\": $records, \"java_string_ns_per_request\": $s_med, \"java_bytes_ns_per_request\": $b_med,"
  json+=" \"rust_ns_per_request\": $r_med, \"string_ratio\": $s_ratio, \"bytes_ratio\": $b_ratio}"
done
echo "CPU: $cpu; $(java -version 2>&1 | head -n 1)"
mkdir -p "$target"
printf '{"cpu": "%s", "sizes": %s]}\n' "$cpu" "$json" > "$target/bench-java-ratio.json"
