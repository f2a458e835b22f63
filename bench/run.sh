#!/usr/bin/env bash
# osm-inject's benchmark. One invocation measures, on the shared generated corpus (../shared/bench, gitops
# style, seed 1):
#   1. both paths against libyaml's own floor, in alternating rounds: the default run (`osm-inject -q`, with
#      bootstrap Secrets) against libyaml parsing the input plus emitting the output (`yaml-floor parse` of the
#      input + `yaml-floor roundtrip` of the default output - `yaml-floor parse` of that output), and
#      `--no-bootstrap-secrets` against `yaml-floor roundtrip` of the input; peak memory and output size of both;
#   2. the Python peers (../shared/bench/run-bench.sh, candidate without Secrets, which the peers do not write);
#   3. start-up on a one-workload file, and --check over a directory of many small files on one core and on all.
# Prints the figures; exits 1 when an output check fails.
#
#   bench/run.sh                 # sizes 1000 and 10000, peers included (about 7 minutes on 2 cores)
#   SIZES=1000 bench/run.sh      # quicker
#   ROUNDS=15 bench/run.sh       # more alternating rounds for part 1 (default 7)
#   PEERS=0 bench/run.sh         # part 1 and 3 only
#   RUAMEL=1 bench/run.sh        # also time peer-ruamel (slow: ~190 s at 10000 workloads)
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-$(cd ../shared/bench && pwd)}
SIZES=${SIZES:-"1000 10000"}
FILES=${FILES:-5000}
ROUNDS=${ROUNDS:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The binary as it ships: release, with the Swift runtime linked in (start-up without loading it), in a
# build folder of its own so that a plain `swift build` does not rebuild everything afterwards.
swift build -c release --static-swift-stdlib --scratch-path .build-static >/dev/null
bin=${OSM_INJECT:-$PWD/.build-static/release/osm-inject}

# yaml-floor as run-bench.sh builds it (shared/ is read-only here), unless YAML_FLOOR names one.
floor=${YAML_FLOOR:-$work/yaml-floor}
if [ -z "${YAML_FLOOR:-}" ]; then
  # shellcheck disable=SC2046
  cc -O2 $(pkg-config --cflags yaml-0.1) -o "$floor" "$SHARED/yaml-floor.c" $(pkg-config --libs yaml-0.1)
fi
export YAML_FLOOR=$floor

# run NAME INPUT OUTPUT COMMAND...: one timed run, corpus on stdin, appends "NAME seconds peak-KB" to $work/times.
run() {
  local name=$1 input=$2 output=$3 start end
  shift 3
  start=$EPOCHREALTIME
  /usr/bin/time -f "%M" -o "$work/rss" "$@" < "$input" > "$output" 2> "$work/stderr" \
    || { echo "$name failed:" >&2; tail -n 5 "$work/stderr" >&2; exit 1; }
  end=$EPOCHREALTIME
  echo "$name $(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.4f", b - a}') $(tail -n 1 "$work/rss")" >> "$work/times"
}

# docs FILE: the number of documents libyaml reads in FILE.
docs() {
  "$floor" parse < "$1" 2>&1 >/dev/null | sed -n 's/.*events, \([0-9]*\) documents.*/\1/p'
}

echo "== both paths against libyaml's floor: median of $ROUNDS alternating rounds"
for size in $SIZES; do
  corpus=$work/corpus-$size.yaml
  python3 "$SHARED/gen-corpus.py" "$size" --seed 1 > "$corpus"
  : > "$work/times"
  # A first run of each path makes the outputs the floor reads and fills the page cache; it is not counted.
  "$bin" -q < "$corpus" > "$work/default.yaml"
  "$bin" -q --no-bootstrap-secrets < "$corpus" > "$work/plain.yaml"
  for _ in $(seq "$ROUNDS"); do
    run default "$corpus" "$work/out.yaml" "$bin" -q
    run parse-in "$corpus" /dev/null "$floor" parse
    run roundtrip-out "$work/default.yaml" /dev/null "$floor" roundtrip
    run parse-out "$work/default.yaml" /dev/null "$floor" parse
    cmp -s "$work/out.yaml" "$work/default.yaml" || { echo "default run: output differs between runs" >&2; exit 1; }
    run plain "$corpus" "$work/out.yaml" "$bin" -q --no-bootstrap-secrets
    run roundtrip-in "$corpus" /dev/null "$floor" roundtrip
    cmp -s "$work/out.yaml" "$work/plain.yaml" || { echo "--no-bootstrap-secrets: output differs between runs" >&2; exit 1; }
  done
  # Checks: every input document is in both outputs, the default output holds one Secret per injected workload.
  in_docs=$(docs "$corpus")
  injected=$(grep -c 'osm-proxy-uuid:' "$work/plain.yaml" || true)
  [ "$(docs "$work/plain.yaml")" = "$in_docs" ] || { echo "--no-bootstrap-secrets: document count differs" >&2; exit 1; }
  [ "$(grep -c 'osm-proxy-uuid:' "$work/default.yaml" || true)" = "$injected" ] \
    || { echo "default run: injected count differs" >&2; exit 1; }
  [ "$(docs "$work/default.yaml")" = $((in_docs + injected)) ] \
    || { echo "default run: not one Secret per injected workload" >&2; exit 1; }
  awk -v size="$size" -v inb="$(stat -c %s "$corpus")" -v outd="$(stat -c %s "$work/default.yaml")" \
      -v outp="$(stat -c %s "$work/plain.yaml")" -v injected="$injected" '
    function median(name,   n, i, j, t, v) {
      n = 0
      for (i = 1; i <= rounds[name]; i++) v[++n] = secs[name, i]
      for (i = 2; i <= n; i++) for (j = i; j > 1 && v[j - 1] > v[j]; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
      return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
    }
    { rounds[$1]++; secs[$1, rounds[$1]] = $2; if ($3 > peak[$1]) peak[$1] = $3 }
    END {
      # The composite floor of each round, then their median: libyaml reading the input and writing the output.
      for (i = 1; i <= rounds["default"]; i++)
        secs["composite", i] = secs["parse-in", i] + secs["roundtrip-out", i] - secs["parse-out", i]
      rounds["composite"] = rounds["default"]
      d = median("default"); c = median("composite"); p = median("plain"); r = median("roundtrip-in")
      mb = inb / 1e6
      printf "%s workloads, %.2f MB in, %d injected\n", size, mb, injected
      printf "  %-44s %8s %8s %10s %12s %10s %8s\n", "", "median s", "MB/s", "peak RSS", "peak - input", "output", "x floor"
      printf "  %-44s %8.3f %8.1f %7.1f MB %9.1f MB %7.1f MB %8.2f\n", "osm-inject (default, with Secrets)", d, mb / d,
        peak["default"] / 1024, peak["default"] / 1024 - inb / 1048576, outd / 1e6, d / c
      printf "  %-44s %8.3f %8.1f %7.1f MB %12s %7.1f MB\n", "  floor: parse in + roundtrip out - parse out", c, mb / c,
        peak["roundtrip-out"] / 1024, "", outd / 1e6
      printf "  %-44s %8.3f %8.1f %7.1f MB %9.1f MB %7.1f MB %8.2f\n", "osm-inject --no-bootstrap-secrets", p, mb / p,
        peak["plain"] / 1024, peak["plain"] / 1024 - inb / 1048576, outp / 1e6, p / r
      printf "  %-44s %8.3f %8.1f %7.1f MB %12s %7.1f MB\n", "  floor: yaml-floor roundtrip of the input", r, mb / r,
        peak["roundtrip-in"] / 1024, "", inb / 1e6
      printf "  the Secrets: %.1f MB of output, %.3f s over --no-bootstrap-secrets (%.0f us each); the floor writes them in %.3f s\n",
        (outd - outp) / 1e6, d - p, injected ? (d - p) / injected * 1e6 : 0, c - r
    }' "$work/times"
done

echo
if [ "${PEERS:-1}" != 0 ]; then
  echo "== the peers (candidate: osm-inject without bootstrap Secrets, which the peers do not write)"
  ruamel=(--no-ruamel)
  [ "${RUAMEL:-0}" = 1 ] && ruamel=()
  # shellcheck disable=SC2086
  "$SHARED/run-bench.sh" $SIZES "${ruamel[@]}" --markdown --candidate "$bin -q --no-bootstrap-secrets"
  echo
fi

echo "== start-up: one workload, median of 31 runs"
python3 "$SHARED/gen-corpus.py" 1 --seed 1 > "$work/one.yaml"
times=()
for _ in $(seq 31); do
  start=$EPOCHREALTIME
  "$bin" -q -f "$work/one.yaml" > /dev/null
  end=$EPOCHREALTIME
  times+=("$(awk -v a="$start" -v b="$end" 'BEGIN {print (b - a) * 1000}')")
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "median %.1f ms (min %.1f, max %.1f)\n", a[int((NR+1)/2)], a[1], a[NR]}'

echo
echo "== --check over $FILES small files"
python3 "$SHARED/gen-corpus.py" "$FILES" --seed 1 > "$work/many.yaml"
mkdir -p "$work/files"
python3 - "$work/many.yaml" "$work/files" "$work/config.yaml" <<'PY'
import sys, yaml
stream, folder, config = sys.argv[1:]
docs = open(stream).read().split("\n---\n")
namespaces, n = [], 0
for text in docs:
    data = yaml.safe_load(text) or {}
    kind = data.get("kind") if isinstance(data, dict) else None
    if kind == "Namespace":
        namespaces.append(text)
    elif kind in ("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Pod"):
        with open(f"{folder}/w{n:05d}.yaml", "w") as f:
            f.write(text.lstrip("-\n") + "\n")
        n += 1
with open(config, "w") as f:
    f.write("\n---\n".join(t.lstrip("-\n") for t in namespaces) + "\n")
print(f"{n} files")
PY
run_check() {
  local start end status=0
  start=$EPOCHREALTIME
  "$@" -q --check -c "$work/config.yaml" "$work/files" > /dev/null 2>&1 || status=$?
  end=$EPOCHREALTIME
  [ "$status" -le 1 ] || { echo "check failed with status $status" >&2; exit 1; }
  awk -v a="$start" -v b="$end" 'BEGIN {print b - a}'
}
one=$(run_check taskset -c 0 "$bin")
all=$(run_check "$bin")
printf 'one core %.2f s, all %s cores %.2f s, speed-up %.2fx\n' "$one" "$(nproc)" "$all" "$(awk -v a="$one" -v b="$all" 'BEGIN {print a / b}')"
