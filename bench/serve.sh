# Sourced by the bench scripts that compare two or more programs in time
# (bench/floor-time.sh and the run.sh of bench/c, wasm, java and python). Each runs as a
# long-lived process in its `--serve` mode, pinned to one core (CORE, default 0): it
# prepares, then times one round for each line it reads on stdin and prints that round's
# `NS OUTPUT_BYTES`. The scripts ask each process for one round in turn, alternating
# the order, so the rounds of a pair are milliseconds apart: on the shared hosts these
# figures come from, the machine's speed changed by 1.5-2x from one second to the next,
# and whole runs one after the other (or side by side on two cores) gave pair ratios
# from 0.5 to 1.5; interleaved rounds agree within a few per cent.
#
#   serve_dir=$(mktemp -d)          # the caller's scratch directory
#   serve_start rust  target/release/examples/time_overview --serve P R 1 0
#   read -r ns bytes < <(serve_round rust)
#   { read -r a a_bytes; read -r b b_bytes; } < <(serve_pair "$pair" rust c)
#   serve_stop                       # closes every process's input and waits for it
#   pair_median 1.02 0.98 1.01       # the median of ratios (a sorted middle value)
#   pair_quartiles 1.02 0.98 1.01    # "Q1-Q3" of the same

serve_names=()

# Starts `command...` as the serving process NAME.
serve_start() {
  local name="$1" in out; shift
  mkfifo "$serve_dir/$name.in" "$serve_dir/$name.out"
  if command -v taskset > /dev/null; then
    taskset -c "${CORE:-0}" "$@" < "$serve_dir/$name.in" > "$serve_dir/$name.out" &
  else
    "$@" < "$serve_dir/$name.in" > "$serve_dir/$name.out" &
  fi
  exec {in}> "$serve_dir/$name.in" {out}< "$serve_dir/$name.out"
  printf -v "serve_in_$name" '%s' "$in"
  printf -v "serve_out_$name" '%s' "$out"
  serve_names+=("$name")
}

# Asks NAME for one round and prints its `NS OUTPUT_BYTES`.
serve_round() {
  local in="serve_in_$1" out="serve_out_$1" line
  echo >&"${!in}"
  read -r line <&"${!out}"
  echo "$line"
}

# Asks each NAME for one round, in the order given when PAIR is odd and in reverse when
# it is even (so that no program always goes first), and prints their `NS OUTPUT_BYTES`
# lines in the order given.
serve_pair() {
  local pair="$1" i; shift
  local names=("$@") lines=()
  if (( pair % 2 )); then
    for (( i = 0; i < ${#names[@]}; i++ )); do lines[i]="$(serve_round "${names[i]}")"; done
  else
    for (( i = ${#names[@]} - 1; i >= 0; i-- )); do lines[i]="$(serve_round "${names[i]}")"; done
  fi
  printf '%s\n' "${lines[@]}"
}

# Ends every serving process.
serve_stop() {
  local name in out fd
  for name in "${serve_names[@]}"; do
    in="serve_in_$name"; out="serve_out_$name"
    fd="${!in}"; exec {fd}>&-
    fd="${!out}"; exec {fd}<&-
  done
  serve_names=()
  wait
}

pair_median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
pair_quartiles() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "%s-%s", a[int((NR+3)/4)], a[int((3*NR+3)/4)]}'; }
pair_ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", a / b}'; }
