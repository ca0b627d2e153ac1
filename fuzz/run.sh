#!/usr/bin/env bash
# Fuzzes graywatch with libFuzzer under AddressSanitizer (see fuzz/README.md).
#
#   fuzz/run.sh [SECONDS]                  page pipeline (decode → parse → extract → enrich → score), default 600 s
#   fuzz/run.sh --target text [SECONDS]    the text parsers (prices, identifiers, claims, robots.txt, charsets)
#   fuzz/run.sh --replay                   runs every file of fuzz/regressions/* and fuzz/corpus/* once, both targets
#
# One fuzzing job (the machine has 2 cores). Seeds are built from samples/ into fuzz/.seeds; new inputs go to
# fuzz/.work; after the run the committed fuzz/corpus/TARGET is re-minimized (-set_cover_merge=1) to the inputs that reach
# edges beyond the seeds. Crashes, leaks, timeouts and out-of-memory inputs land in fuzz/artifacts/TARGET.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
source scripts/setup.sh
ensure_packages python3

target=page seconds=600 replay=0
while [ $# -gt 0 ]; do
    case "$1" in
        --target) target=$2; shift 2 ;;
        --replay) replay=1; shift ;;
        -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
        *) seconds=$1; shift ;;
    esac
done

# product TARGET: the executable that fuzzes TARGET.
product() { case "$1" in page) echo GraywatchFuzz ;; text) echo GraywatchFuzzText ;; *) echo "unknown target $1" >&2; exit 2 ;; esac; }

build() {
    echo "fuzz: building $(product "$1") with -sanitize=fuzzer,address (release)" >&2
    swift build --package-path fuzz -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -g --product "$(product "$1")" >&2
}
binary() { echo "$ROOT/fuzz/.build/release/$(product "$1")"; }

# The Swift runtime's own backtracer would race libFuzzer's crash handler.
export SWIFT_BACKTRACE=enable=no
export GRAYWATCH_ROOT=$ROOT

if [ "$replay" = 1 ]; then
    status=0
    mkdir -p fuzz/artifacts
    for kind in page text; do
        build "$kind"
        files=()
        for folder in fuzz/regressions/$kind fuzz/corpus/$kind; do
            [ -d "$folder" ] && while IFS= read -r -d '' file; do files+=("$file"); done < <(find "$folder" -type f ! -name '*.md' -print0)
        done
        [ ${#files[@]} -gt 0 ] || { echo "fuzz replay $kind: no files"; continue; }
        if "$(binary "$kind")" -rss_limit_mb=2048 -timeout=60 -artifact_prefix="fuzz/artifacts/replay-" "${files[@]}" > "fuzz/.replay-$kind.log" 2>&1; then
            echo "fuzz replay $kind: ${#files[@]} files, no crash"
        else
            echo "fuzz replay $kind: FAILED (log: fuzz/.replay-$kind.log)"; tail -40 "fuzz/.replay-$kind.log"; status=1
        fi
    done
    exit $status
fi

build "$target"
case "$target" in page) max_len=1048576 dict=fuzz/html.dict ;; text) max_len=65536 dict=fuzz/text.dict ;; esac
rm -rf "fuzz/.seeds/$target"
python3 fuzz/seeds.py fuzz/.seeds >/dev/null
mkdir -p "fuzz/.work/$target" "fuzz/corpus/$target" "fuzz/artifacts/$target"
log="fuzz/.work/$target.log"
echo "fuzz: $target for ${seconds}s (log: $log)" >&2
set +e
"$(binary "$target")" -max_total_time="$seconds" -max_len="$max_len" -timeout=30 -rss_limit_mb=2048 \
    -dict="$dict" -print_final_stats=1 -artifact_prefix="fuzz/artifacts/$target/" \
    "fuzz/.work/$target" "fuzz/corpus/$target" "fuzz/.seeds/$target" > "$log" 2>&1
fuzz_status=$?
set -e

# Keep in fuzz/corpus/TARGET only the fewest inputs that reach edges the seeds do not (the seeds are rebuilt every
# run; fuzz/.work keeps the full local corpus, counters and all, for the next run on this machine).
merged=$(mktemp -d)
cp "fuzz/.seeds/$target"/* "$merged/"
"$(binary "$target")" -set_cover_merge=1 -use_counters=0 -max_len="$max_len" -timeout=30 -rss_limit_mb=2048 \
    -artifact_prefix="fuzz/artifacts/$target/merge-" "$merged" \
    "fuzz/corpus/$target" "fuzz/.work/$target" > "fuzz/.work/$target-merge.log" 2>&1 || true
for seed in "fuzz/.seeds/$target"/*; do rm -f "$merged/$(basename "$seed")"; done
if [ -n "$(ls -A "$merged")" ] || [ -z "$(ls -A "fuzz/corpus/$target")" ]; then
    rm -rf "fuzz/corpus/$target" && mv "$merged" "fuzz/corpus/$target" && chmod 755 "fuzz/corpus/$target"
else
    rm -rf "$merged"
fi

final_stat() { grep -m1 "^stat::$1:" "$log" | awk '{print $2}'; }
executions=$(final_stat number_of_executed_units) rate=$(final_stat average_exec_per_sec) rss=$(final_stat peak_rss_mb)
coverage=$(grep -E '^#[0-9]+' "$log" | grep -o 'cov: [0-9]* ft: [0-9]*' | tail -1)
crashes=$(grep -E '^(==[0-9]+==ERROR|.*ERROR: libFuzzer|SUMMARY:|artifact_prefix=.*Test unit written)' "$log" || true)
echo "fuzz $target: ${seconds}s requested, ${executions:-?} executions, ${rate:-?} exec/s, peak RSS ${rss:-?} MB, ${coverage:-no coverage line}"
echo "fuzz $target: corpus fuzz/corpus/$target $(find "fuzz/corpus/$target" -type f | wc -l) files, $(du -sh --apparent-size "fuzz/corpus/$target" | cut -f1)"
if [ $fuzz_status -eq 0 ] && [ -z "$crashes" ]; then
    echo "fuzz $target: no crash"
else
    echo "fuzz $target: FOUND (exit $fuzz_status):"; echo "$crashes"
    echo "reproduce: $(binary "$target") fuzz/artifacts/$target/FILE; minimize: add -minimize_crash=1 -runs=10000"
    exit 1
fi
