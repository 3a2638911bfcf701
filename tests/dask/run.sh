#!/usr/bin/env bash
# The map step on Dask: scripts/dask_extract.py runs `claimcheck extract` over parts of a
# generated corpus as tasks of a LocalCluster with 4 worker processes, then `compare` on the
# shards; the report (JSON and table) and the exit code must equal `check` on the corpus.
# Python's Dask is installed into target/dask-venv with pip; where Python, a virtual
# environment or the package cannot be had, the test says so and skips.
set -euo pipefail
cd "$(dirname "$0")/../.."

skip() {
  echo "dask test: skipped: $*"
  exit 0
}

command -v python3 >/dev/null 2>&1 || skip "no python3 on PATH"
venv=target/dask-venv
if ! "$venv/bin/python" -c "import dask.distributed" >/dev/null 2>&1; then
  python3 -m venv "$venv" >/dev/null 2>&1 || skip "python3 cannot make a virtual environment (python3-venv missing)"
  "$venv/bin/pip" install --quiet "dask[distributed]" >/dev/null 2>&1 \
    || skip "pip could not install dask[distributed]"
fi

cargo build --quiet --bin claimcheck --example generate
bin=target/debug/claimcheck
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
target/debug/examples/generate --out "$work/corpus" --size-mb 0.5 --seed 3 2>/dev/null

passed=0
failed=0
for format in json table; do
  set +e
  "$bin" check "$work/corpus" --format "$format" --width 100 >"$work/expected" 2>/dev/null
  expected_exit=$?
  "$venv/bin/python" scripts/dask_extract.py "$work/corpus" --store "$work/store-$format" \
    --workers 4 --parts 7 --claimcheck "$bin" -- --format "$format" --width 100 \
    >"$work/got" 2>"$work/stderr"
  got_exit=$?
  set -e
  if [ "$expected_exit" = "$got_exit" ] && cmp -s "$work/expected" "$work/got"; then
    passed=$((passed + 1))
    echo "dask test: $format report of extract on 4 workers + compare equals check ($(tail -1 "$work/stderr"))"
  else
    failed=$((failed + 1))
    echo "dask test: $format report differs (exit $got_exit, check's $expected_exit)"
    tail -5 "$work/stderr"
    diff "$work/expected" "$work/got" | head -20 || true
  fi
done
echo "dask test: $passed passed, $failed failed"
[ "$failed" = 0 ]
