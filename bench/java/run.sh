#!/usr/bin/env bash
# The Java API (dk.egensag.Engine through JNA and libegensag) against the Rust API on the
# same request: overview(String), overviewUtf8(byte[]) and Rust's overview_json, in
# interleaved rounds of three long-lived processes on one core (bench/serve.sh says why);
# prints the medians of the pairs' ratios and writes target/bench-java-ratio.json. By
# default it measures 1,000 records (as bench/c/run.sh) and 1 record (where the cost of the
# boundary itself shows); RECORDS="1000" measures one size. Needs javac and Debian's
# libjna-java (scripts/test-java.sh installs it). Run from anywhere.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"
sizes="${RECORDS:-1000 1}"; pairs="${PAIRS:-31}"
target="${CARGO_TARGET_DIR:-$root/target}"
jna=/usr/share/java/jna.jar
[[ -f "$jna" ]] || { echo "bench-java: $jna is missing (apt-get install libjna-java)" >&2; exit 1; }
serve_dir="$(mktemp -d)"; trap 'rm -rf "$serve_dir"' EXIT
source bench/serve.sh

cargo build -q --release -p egensag-c
cargo build -q --release -p egensag-bench --example gen_ndjson --example time_overview
javac --release 17 -cp "$jna" -d "$serve_dir/classes" bindings-java/src/main/java/dk/egensag/*.java
javac --release 17 -cp "$serve_dir/classes:$jna" -d "$serve_dir/classes" bench/java/BenchOverview.java
"$target/release/examples/gen_ndjson" --policy > "$serve_dir/policy.json"
cpu="$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
java_bench=(java -XX:+UseSerialGC -Djna.library.path="$target/release" -cp "$serve_dir/classes:$jna" BenchOverview --serve)

json="["
for records in $sizes; do
  # Iterations per round: about 10 ms of work per round at either size.
  iterations="${ITERATIONS:-$(( records >= 1000 ? 2 : 1000 ))}"
  "$target/release/examples/gen_ndjson" 1 "$records" > "$serve_dir/request.json"
  rm -f "$serve_dir"/*.in "$serve_dir"/*.out
  args=("$serve_dir/policy.json" "$serve_dir/request.json" "$iterations" 0)
  serve_start string "${java_bench[@]}" "${args[@]}" string
  serve_start bytes "${java_bench[@]}" "${args[@]}" bytes
  serve_start rust "$target/release/examples/time_overview" --serve "${args[@]}"
  s_ns=(); b_ns=(); r_ns=(); s_ratios=(); b_ratios=()
  for pair in $(seq "$pairs"); do
    { read -r s s_bytes; read -r b b_bytes; read -r r r_bytes; } < <(serve_pair "$pair" string bytes rust)
    [[ "$s_bytes" == "$r_bytes" && "$b_bytes" == "$r_bytes" ]] \
      || { echo "outputs differ in size: $s_bytes, $b_bytes vs $r_bytes" >&2; exit 1; }
    s_ns+=("$s"); b_ns+=("$b"); r_ns+=("$r")
    s_ratios+=("$(pair_ratio "$s" "$r")"); b_ratios+=("$(pair_ratio "$b" "$r")")
  done
  serve_stop
  s_med="$(pair_median "${s_ns[@]}")"; b_med="$(pair_median "${b_ns[@]}")"; r_med="$(pair_median "${r_ns[@]}")"
  s_ratio="$(pair_median "${s_ratios[@]}")"; b_ratio="$(pair_median "${b_ratios[@]}")"
  echo "$records records ($(wc -c < "$serve_dir/request.json") bytes in, $r_bytes out): Java String API ${s_med} ns/request," \
    "Java byte[] API ${b_med}, Rust API ${r_med} (medians)"
  echo "java_string_api_over_rust_api = $s_ratio ($(pair_quartiles "${s_ratios[@]}")), java_bytes_api_over_rust_api = $b_ratio ($(pair_quartiles "${b_ratios[@]}")) at $records records"
  [[ "$json" == "[" ]] || json+=", "
  json+="{\"records\": $records, \"java_string_ns_per_request\": $s_med, \"java_bytes_ns_per_request\": $b_med,"
  json+=" \"rust_ns_per_request\": $r_med, \"string_ratio\": $s_ratio, \"bytes_ratio\": $b_ratio}"
done
echo "CPU: $cpu; $(java -version 2>&1 | head -n 1)"
mkdir -p "$target"
printf '{"cpu": "%s", "sizes": %s]}\n' "$cpu" "$json" > "$target/bench-java-ratio.json"
