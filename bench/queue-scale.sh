#!/usr/bin/env bash
# Queue at scale: N listings with review items (default 1,000,000) in SQLite, then the review UI's list query
# (`Store.queuePage`, 50 rows) and `queueCounts` per filter and order, median and p95 of 21 runs, in a release
# build. Target: ≤ 50 ms each. The database is kept in bench/.data (gitignored) and reused when it holds N items.
#   bench/queue-scale.sh [N]        QUEUE_SCALE_DB=path to put the database elsewhere
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
count="${1:-1000000}"
db="${QUEUE_SCALE_DB:-bench/.data/queue-scale-$count.sqlite}"
mkdir -p "$(dirname "$db")"
[ -f bench/.data/.gitignore ] || { mkdir -p bench/.data && echo '*' > bench/.data/.gitignore; }
swift build -c release --product graywatch-bench >/dev/null
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "sqlite: $(sqlite3 --version 2>/dev/null | cut -d' ' -f1 || echo 'version unknown (no sqlite3 CLI)'), items: $count, database: $db"
.build/release/graywatch-bench queue-scale --db "$db" --count "$count" --runs "${RUNS:-21}"
