#!/usr/bin/env bash
# Claim-store figures (README, "Claim stores"): the start-up of a one-file run; a draft
# checked against a generated store of 10,000 documents next to `check` of the whole corpus;
# `extract` + `compare` next to `check` on a generated corpus of LARGE_MB (100 by default);
# and the Dask recipe (scripts/dask_extract.py, 4 worker processes) on that corpus.
# Usage: scripts/store-bench.sh [LARGE_MB]
set -euo pipefail
cd "$(dirname "$0")/.."
large=${1:-100}

cargo build --release --quiet --bin claimcheck --example generate
bin=target/release/claimcheck
generate=target/release/examples/generate
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

seconds() { # command... -> wall seconds (output discarded); an error (exit 2 or more) stops the bench
  local started ended status=0
  started=$(date +%s.%N)
  "$@" >/dev/null 2>"$work/stderr" || status=$?
  ended=$(date +%s.%N)
  if [ "$status" -ge 2 ]; then
    echo "store-bench: exit $status from: $*" >&2
    tail -5 "$work/stderr" >&2
    exit 1
  fi
  python3 -c "print(f'{$ended - $started:.3f}')"
}

cpu_seconds() { # command... -> user + system seconds (a shared machine's wall time is noisy)
  /usr/bin/time -f "%U %S" -o "$work/cpu" "$@" >/dev/null 2>&1 || true
  python3 -c "u, s = open('$work/cpu').read().split()[-2:]; print(f'{float(u) + float(s):.3f}')"
}

median() { # runs timer command... -> median of RUNS runs of TIMER (seconds, cpu_seconds)
  local runs=$1 timer=$2
  shift 2
  for _ in $(seq "$runs"); do "$timer" "$@"; done | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

# Start-up: one short file, no corpus.
printf 'source: Draft\npublished: 2026-05-30\n\nThe exercise, held from May 11 to May 24, involved about 600 troops.\n' >"$work/short.md"
startup=$(median 11 seconds "$bin" check "$work/short.md")
startup_cpu=$(median 11 cpu_seconds "$bin" check "$work/short.md")
echo "start-up (one short file): $(python3 -c "print(round($startup * 1000))") ms wall, $(python3 -c "print(round($startup_cpu * 1000))") ms CPU (medians of 11 runs)"

# A corpus of 10,000 documents: the size that gives them, from a 1 MB probe.
"$generate" --out "$work/probe" --size-mb 1 --seed 7 2>/dev/null
per_mb=$(find "$work/probe" -type f | wc -l)
size=$(python3 -c "print(round(10000 / $per_mb, 1))")
"$generate" --out "$work/docs" --size-mb "$size" --seed 7 2>/dev/null
count=$(find "$work/docs" -type f | wc -l)
"$bin" extract "$work/docs" -o "$work/store" --quiet
draft=$(find "$work/docs" -type f | LC_ALL=C sort | sed -n 1p) # sed reads on: no SIGPIPE
cp "$draft" "$work/draft.md"
full=$(median 3 seconds "$bin" check "$work/docs")
against=$(median 5 seconds "$bin" check "$work/draft.md" --against "$work/store")
python3 -c "print(f'store of $count documents ($size MB): check DRAFT --against STORE {$against:.3f}s, check CORPUS {$full:.3f}s: {100 * $against / $full:.1f}% of it')"

# extract + compare against check on LARGE_MB.
"$generate" --out "$work/large" --size-mb "$large" --seed 1 2>/dev/null
check=$(seconds "$bin" check "$work/large")
extract=$(seconds "$bin" extract "$work/large" -o "$work/large-store" --quiet)
compare=$(seconds "$bin" compare "$work/large-store")
shards=$(du -sm "$work/large-store" | cut -f1)
python3 -c "print(f'$large MB: check {$check:.2f}s; extract {$extract:.2f}s + compare {$compare:.2f}s = {$extract + $compare:.2f}s ({100 * ($extract + $compare) / $check:.0f}% of check; shards $shards MB)')"

# The Dask recipe, where Python's Dask can be had.
venv=target/dask-venv
if "$venv/bin/python" -c "import dask.distributed" >/dev/null 2>&1 \
  || { python3 -m venv "$venv" >/dev/null 2>&1 && "$venv/bin/pip" install --quiet "dask[distributed]" >/dev/null 2>&1; }; then
  dask=$(seconds "$venv/bin/python" scripts/dask_extract.py "$work/large" --store "$work/dask-store" --workers 4 --claimcheck "$bin")
  python3 -c "print(f'$large MB on Dask (LocalCluster, 4 worker processes, this machine): {$dask:.2f}s wall, check {$check:.2f}s')"
else
  echo "dask: skipped (Python's dask[distributed] could not be installed)"
fi
