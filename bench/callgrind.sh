#!/usr/bin/env bash
# Instructions per record of the overview (`Engine::overview_json`) and of its floor
# (serde_json parsing the request into egensag's types and writing the same overview),
# counted by callgrind: deterministic, unlike times on a shared machine, so a regression
# shows as a number that does not move between runs. Writes target/bench-callgrind.json.
#
# The floor is serde_json as the first rounds used it, with chrono's own date codec: it is
# counted in a build with the feature `chrono-floor` (egensag's `_chrono-dates`), so that
# the ratio means the same across rounds. The same floor over egensag's own date codec
# (`egensag::dates`) is counted too, as `same_codec_floor_*`: what egensag's work costs
# beyond reading and writing JSON exactly as it does itself.
#
#   bash bench/callgrind.sh              # 100, 1,000 and 10,000 records
#   RECORDS="1000" bash bench/callgrind.sh
#   PROFILE=1 bash bench/callgrind.sh    # also prints the top functions of each (inclusive)
#
# Needs valgrind (apt-get install valgrind).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"
target="${CARGO_TARGET_DIR:-$root/target}"
records_list="${RECORDS:-100 1000 10000}"
command -v valgrind >/dev/null || { echo "valgrind is missing: apt-get install valgrind" >&2; exit 1; }
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
cargo build -q --release -p egensag-bench --example instructions --features chrono-floor
cp "$target/release/examples/instructions" "$work/instructions-floor"
cargo build -q --release -p egensag-bench --example instructions
cp "$target/release/examples/instructions" "$work/instructions"

# Instructions collected inside measured_<what> (one call), by the build BIN.
count() {
  local what="$1" records="$2" bin="$work/$3" out="$work/$1.$2.$3.out"
  valgrind --tool=callgrind --callgrind-out-file="$out" --toggle-collect="*measured_$what*" \
    "$bin" "$what" "$records" >/dev/null 2>"$work/log"
  if [[ -n "${PROFILE:-}" ]]; then
    callgrind_annotate --inclusive=yes "$out" 2>/dev/null | sed -n '1,60p' >&2
  fi
  awk '/^summary:/ {print $2}' "$out"
}

rows=()
printf '%8s %14s %14s %8s %18s %8s\n' records egensag/record floor/record ratio same-codec-floor ratio
for records in $records_list; do
  e="$(count overview "$records" instructions)"; f="$(count floor "$records" instructions-floor)"
  s="$(count floor "$records" instructions)"
  row="$(awk -v n="$records" -v e="$e" -v f="$f" -v s="$s" 'BEGIN {
    printf "{\"records\": %d, \"egensag_instructions_per_record\": %.0f, \"floor_instructions_per_record\": %.0f, \"ratio_to_floor\": %.3f, \"same_codec_floor_instructions_per_record\": %.0f, \"ratio_to_same_codec_floor\": %.3f}", n, e / n, f / n, e / f, s / n, e / s }')"
  awk -v n="$records" -v e="$e" -v f="$f" -v s="$s" 'BEGIN { printf "%8d %14.0f %14.0f %8.3f %18.0f %8.3f\n", n, e / n, f / n, e / f, s / n, e / s }'
  rows+=("$row")
done
mkdir -p "$target"
(IFS=,; printf '[%s]\n' "${rows[*]}") > "$target/bench-callgrind.json"
echo "wrote $target/bench-callgrind.json"
