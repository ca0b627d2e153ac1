#!/usr/bin/env python3
"""Runs one command as a child and measures it: wall time, CPU seconds (user + system, from os.wait4's rusage)
and peak RSS (ru_maxrss), plus RSS samples over time and the CPU the given server processes used meanwhile.

How to run:
    python3 bench/crawl/measure.py --json out.json --log run.log [--server-pid PID] [--progress S] -- CMD ARG...
Writes {"wall_s", "user_s", "sys_s", "cpu_s", "peak_rss_mb", "rss_samples_mb": [[t, mb], ...], "exit",
"server_cpu_s"} to --json and exits with the child's exit code. The child's stdout and stderr go to --log.
--progress S prints "t, RSS, last log line" to stderr every S seconds (with --progress-sqlite DB also the rows of
DB's `listing` table, read-only: graywatch scan prints no progress lines for a start-URL scan).
"""

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import threading
import time

CLOCK = os.sysconf("SC_CLK_TCK")


def cpu_of(pid: int) -> float:
    """User + system seconds of a process and its waited-for children so far (/proc/PID/stat), 0 if gone."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        return sum(int(fields[i]) for i in (11, 12)) / CLOCK
    except (OSError, IndexError, ValueError):
        return 0.0


def server_cpu(pids: list) -> float:
    """CPU seconds of the server processes and their children (nginx master + workers)."""
    total = 0.0
    for pid in pids:
        total += cpu_of(pid)
        try:
            with open(f"/proc/{pid}/task/{pid}/children") as handle:
                total += sum(cpu_of(int(child)) for child in handle.read().split())
        except OSError:
            pass
    return total


def rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def last_line(path: str) -> str:
    try:
        with open(path, "rb") as handle:
            handle.seek(0, os.SEEK_END)
            size = handle.tell()
            handle.seek(max(0, size - 4096))
            lines = [l for l in handle.read().decode("utf-8", "replace").replace("\r", "\n").split("\n") if l.strip()]
            return lines[-1][-120:] if lines else ""
    except OSError:
        return ""


def listings(db: str) -> str:
    """Rows of the store's `listing` table, or "?" while it cannot be read."""
    try:
        connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2)
        try:
            return str(connection.execute("SELECT count(*) FROM listing").fetchone()[0])
        finally:
            connection.close()
    except sqlite3.Error:
        return "?"


def main() -> int:
    parser = argparse.ArgumentParser(description="measure one command")
    parser.add_argument("--json", required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--server-pid", type=int, action="append", default=[])
    parser.add_argument("--progress", type=float, default=0)
    parser.add_argument("--progress-sqlite", help="count listing rows of this SQLite store in the progress lines")
    parser.add_argument("--sample", type=float, default=0.5, help="seconds between RSS samples")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no command given")
    server_before = server_cpu(args.server_pid)
    with open(args.log, "wb") as log:
        started = time.monotonic()
        child = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        samples, done = [], threading.Event()

        def sample() -> None:
            next_progress = args.progress
            while not done.wait(args.sample):
                elapsed = time.monotonic() - started
                samples.append([round(elapsed, 1), round(rss_mb(child.pid), 1)])
                if args.progress and elapsed >= next_progress:
                    next_progress += args.progress
                    rows = f"{listings(args.progress_sqlite)} listings stored  " if args.progress_sqlite else ""
                    print(f"  {elapsed:6.0f} s  RSS {samples[-1][1]:6.1f} MB  {rows}{last_line(args.log)}", file=sys.stderr, flush=True)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.monotonic() - started
        done.set()
        sampler.join()
    child.returncode = os.waitstatus_to_exitcode(status)
    result = {"command": command, "exit": child.returncode, "wall_s": round(wall, 3),
              "user_s": round(usage.ru_utime, 3), "sys_s": round(usage.ru_stime, 3),
              "cpu_s": round(usage.ru_utime + usage.ru_stime, 3), "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
              "server_cpu_s": round(server_cpu(args.server_pid) - server_before, 2) if args.server_pid else None,
              "rss_samples_mb": samples}
    with open(args.json, "w") as handle:
        json.dump(result, handle, indent=1)
    return child.returncode if child.returncode >= 0 else 128 - child.returncode


if __name__ == "__main__":
    sys.exit(main())
