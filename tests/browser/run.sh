#!/usr/bin/env bash
# The HTML report in headless Chromium: builds claimcheck, then runs tests/browser/report.mjs
# on corpus/ (DOM, filters, review marks, baseline export, links, no network, screenshot in
# target/browser/report.png). Needs Chromium (Debian's `chromium`; or CHROMIUM=/path) and
# Node.js; without either it says why and skips (exit 0). CI installs Chromium first.
set -euo pipefail
cd "$(dirname "$0")/../.."

chromium="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
if [ -z "$chromium" ] || [ ! -x "$chromium" ]; then
  echo "browser test skipped: Chromium is not installed (Debian: apt-get install chromium, or set CHROMIUM)"
  exit 0
fi
if ! command -v node >/dev/null 2>&1; then
  echo "browser test skipped: Node.js is not installed"
  exit 0
fi
out="${BROWSER_TEST_OUT:-target/browser}"
mkdir -p "$out"
cargo build --quiet --bin claimcheck
echo "browser test: $("$chromium" --version 2>/dev/null | head -n 1), node $(node --version)"
node tests/browser/report.mjs "$chromium" target/debug/claimcheck corpus "$out"
