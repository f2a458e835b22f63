#!/usr/bin/env bash
# osm-inject's benchmark: throughput and memory against libyaml's own floor and the Python peers
# (../shared/bench/run-bench.sh, same corpus, same run), start-up on a one-workload file, and --check over a
# directory of many small files on one core and on all cores. Prints the figures; exits 1 when an output
# check fails.
#
#   bench/run.sh                 # sizes 1000 and 10000, peers included (about 5 minutes on 2 cores)
#   SIZES=1000 bench/run.sh      # quicker
#   RUAMEL=1 bench/run.sh        # also time peer-ruamel (slow: ~190 s at 10000 workloads)
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-$(cd ../shared/bench && pwd)}
SIZES=${SIZES:-"1000 10000"}
FILES=${FILES:-5000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The binary as it ships: release, with the Swift runtime linked in (start-up without loading it), in a
# build folder of its own so that a plain `swift build` does not rebuild everything afterwards.
swift build -c release --static-swift-stdlib --scratch-path .build-static >/dev/null
bin=$PWD/.build-static/release/osm-inject

echo "== throughput and memory (candidate: osm-inject without bootstrap Secrets, which the peers do not write)"
ruamel=(--no-ruamel)
[ "${RUAMEL:-0}" = 1 ] && ruamel=()
# shellcheck disable=SC2086
"$SHARED/run-bench.sh" $SIZES "${ruamel[@]}" --markdown --candidate "$bin -q --no-bootstrap-secrets"

echo
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
