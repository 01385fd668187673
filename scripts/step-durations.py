#!/usr/bin/env python3
"""Mean and median wall time per step and date of a backfilled SQLite store, from ops_step_executions, and the
per-date sequential chain (predict → … → grade) that a backfill runs date after date.

    python3 scripts/step-durations.py hoopcast-data/backfill.sqlite
"""
import sqlite3
import statistics
import sys
from datetime import datetime


def seconds(start: str, end: str) -> float:
    parse = lambda text: datetime.fromisoformat(text.replace("Z", "+00:00"))
    return (parse(end) - parse(start)).total_seconds()


def main(path: str) -> None:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    by_step: dict[str, list[float]] = {}
    for step, start, end in db.execute("""
        SELECT step, started_at, finished_at FROM ops_step_executions
        WHERE status = 'succeeded' AND finished_at IS NOT NULL"""):
        by_step.setdefault(step, []).append(seconds(start, end))
    chain = 0.0
    for step, values in sorted(by_step.items()):
        mean = statistics.mean(values)
        print(f"{step:28s} {len(values):4d} dates  mean {mean * 1000:7.1f} ms  median "
              f"{statistics.median(values) * 1000:7.1f} ms  total {sum(values):6.1f} s")
        if step.startswith("predict.") or step.startswith("grade."):
            chain += mean
    print(f"predict → grade chain per date: {chain * 1000:.1f} ms")


if __name__ == "__main__":
    main(sys.argv[1])
