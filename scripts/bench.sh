#!/usr/bin/env bash
# Benchmark: claimcheck against one case-insensitive ripgrep pass of the rules' trigger words
# (`\b(?:exercise|drill|...)\b`) over the same generated corpora (10 MB and 100 MB by
# default). Prints the time ratio, throughput, peak memory, and how time grows from the small
# corpus to the large one, for the default report (the table); then the time of the JSON
# report, and of a ripgrep pass of the same words without word boundaries, which ripgrep
# answers from a literal search alone (a lower bound for any reading of the text).
# Usage: scripts/bench.sh [SMALL_MB] [LARGE_MB]
set -euo pipefail
cd "$(dirname "$0")/.."
small=${1:-10}
large=${2:-100}

if ! command -v rg >/dev/null 2>&1; then
  echo "bench: installing ripgrep" >&2
  if command -v apt-get >/dev/null 2>&1; then
    (apt-get install -y ripgrep >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y ripgrep >/dev/null)) || cargo install ripgrep
  else
    cargo install ripgrep
  fi
fi
if [ ! -x /usr/bin/time ]; then
  echo "bench: installing GNU time" >&2
  apt-get install -y time >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y time >/dev/null)
fi

cargo build --release --quiet --bin claimcheck --example generate
bin=target/release/claimcheck
generate=target/release/examples/generate
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The trigger words of every event class in the rules, as one alternation.
triggers=$(python3 - <<'PY'
import tomllib
words = []
for name in ["rules/lexicon.toml"]:
    with open(name, "rb") as f:
        for ws in tomllib.load(f)["lexicon"]["event-classes"].values():
            words += ws
print("|".join(sorted(set(words), key=len, reverse=True)))
PY
)

measure() { # command... -> "seconds peak_kib"
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || true
  tail -1 "$work/time"
}

declare -A seconds
for size in "$small" "$large"; do
  corpus="$work/corpus-$size"
  "$generate" --out "$corpus" --size-mb "$size" --seed 1 2>/dev/null
  bytes=$(du -sb "$corpus" | cut -f1)
  mb=$(python3 -c "print(round($bytes/1048576, 1))")
  # The main job as the README runs it (the table), then the full JSON report, whose size
  # grows with every claim each finding cites.
  read -r cc_s cc_kib < <(measure "$bin" check "$corpus" --stats)
  stats=$(grep "claimcheck stats" "$work/stderr" | tail -1 | sed 's/claimcheck stats: //' || true)
  read -r json_s json_kib < <(measure "$bin" check "$corpus" --format json)
  read -r rg_s rg_kib < <(measure rg -c -i "\\b(?:$triggers)\\b" "$corpus")
  read -r literal_s literal_kib < <(measure rg -c -i "$triggers" "$corpus")
  seconds[$size]=$cc_s
  python3 - "$mb" "$cc_s" "$cc_kib" "$rg_s" "$rg_kib" <<'PY'
import sys
mb, cc, cc_kib, rg, rg_kib = (float(x) for x in sys.argv[1:])
print(f"{mb:7.1f} MB  claimcheck {cc:6.2f}s ({mb/max(cc,1e-9):5.1f} MB/s, peak {cc_kib/1024:6.0f} MiB)"
      f"  rg {rg:5.2f}s  ratio {cc/max(rg,1e-3):5.2f}  memory/corpus {cc_kib/1024/mb:4.2f}")
PY
  echo "          stages: $stats"
  echo "          with --format json: ${json_s}s, peak $((json_kib / 1024)) MiB"
  echo "          rg without word boundaries: ${literal_s}s"
done
python3 -c "print(f'growth {$small} MB -> {$large} MB: time x{${seconds[$large]}/max(${seconds[$small]},1e-3):.2f} for size x{$large/$small:.0f}')"
