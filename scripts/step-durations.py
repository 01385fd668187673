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
    print_chain(db)


CHAIN = ["predict.systems", "check.predictions", "grade.predictions"]


def print_chain(db: sqlite3.Connection) -> None:
    """The chain's wall time, first predict start to last grade finish, split into each step and the gaps between
    one step's finish and the next one's start (the last gap: grade(D) finish → predict(D+1) start)."""
    times: dict[tuple[str, str], tuple[str, str]] = {}
    for step, date, start, end in db.execute(f"""
        SELECT step, partition_date, started_at, finished_at FROM ops_step_executions
        WHERE status = 'succeeded' AND finished_at IS NOT NULL
          AND step IN ({",".join("?" * len(CHAIN))}) ORDER BY id""", CHAIN):
        times[(step, date)] = (start, end)  # the last succeeded attempt
    dates = sorted({date for _, date in times if all((step, date) in times for step in CHAIN)})
    if not dates:
        return
    parts = {name: 0.0 for name in CHAIN + ["gap → " + step for step in CHAIN]}
    previous_end = None
    for date in dates:
        for step in CHAIN:
            start, end = times[(step, date)]
            if previous_end is not None:
                parts["gap → " + step] += max(0.0, seconds(previous_end, start))
            parts[step] += seconds(start, end)
            previous_end = end
    wall = seconds(times[(CHAIN[0], dates[0])][0], times[(CHAIN[-1], dates[-1])][1])
    print(f"chain wall {wall:.1f} s over {len(dates)} dates: " + ", ".join(
        f"{name} {value:.1f} s" for name, value in parts.items()))


if __name__ == "__main__":
    main(sys.argv[1])
