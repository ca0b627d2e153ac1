#!/usr/bin/env bash
# Crash safety (issue 9): a scan SIGKILLed KILLS times (default 20) at random points — start-up and migrations,
# mid-crawl, scoring — and resumed after each kill with `graywatch scan --resume`, against an uninterrupted scan of the
# same marketplace. Prints the kills (number, seconds since the first launch and since the process's launch, what the
# store held just before: frontier done/pending, or scoring) and the final checks: nothing lost, nothing stored twice,
# PRAGMA integrity_check / foreign_key_check, the FTS5 index, `graywatch verify`. It runs the test that does this
# (Tests/GraywatchCLITests/CrashSafetyTests.swift), so the script and the test cannot drift apart.
#   bench/crash-safety.sh [KILLS]
#   SEED=N                      replay a run's kill moments (each run prints its seed)
#   URL=http://127.0.0.1:PORT/… scan a marketplace already running there (default: the bundled sample, on loopback)
#   MARKETPLACE=name            the marketplace name to store listings under (default tradewell)
#   DELAY=seconds               --delay between requests to the host (default 0.02)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
export GRAYWATCH_CRASH_KILLS="${1:-20}"
[ -z "${SEED:-}" ] || export GRAYWATCH_CRASH_SEED="$SEED"
[ -z "${URL:-}" ] || export GRAYWATCH_CRASH_URL="$URL"
[ -z "${MARKETPLACE:-}" ] || export GRAYWATCH_CRASH_MARKETPLACE="$MARKETPLACE"
[ -z "${DELAY:-}" ] || export GRAYWATCH_CRASH_DELAY="$DELAY"
echo "machine: $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'), kills: $GRAYWATCH_CRASH_KILLS"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
swift build --build-tests >"$log" 2>&1 || { cat "$log"; exit 1; }
status=0
swift test --skip-build --filter CrashSafetyTests >"$log" 2>&1 || status=$?
# The test's own lines (the kill table and the summary), then Swift Testing's verdict and any failed expectation.
grep -E '^(crash-safety:| +kill | +[0-9]+ +(scan|resume) )' "$log" || true
grep -E '(✘|recorded an issue|Expectation failed|run statistics:|passed after|failed after)' "$log" | grep -v '^ *↳ ///' || true
exit "$status"
