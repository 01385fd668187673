#!/usr/bin/env python3
"""Reliability of the systems' raw (uncalibrated) P(over) per market on a backfilled store: lined predictions graded
with an actual, pushes left out, in ten bins of P(over); per bin the mean predicted probability, the observed over
rate and the count, and per market the Brier score and log loss. Used to choose between the normal curve and a
count distribution for a market (issue 13: compare two stores backfilled with each).

    scripts/reliability.py STORE.sqlite FROM TO [--system ensemble]
"""

import argparse
import math
import sqlite3


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("store")
    parser.add_argument("start")
    parser.add_argument("end")
    parser.add_argument("--system", default="ensemble")
    arguments = parser.parse_args()
    db = sqlite3.connect(arguments.store)
    rows = db.execute(
        """SELECT market, p_over_raw, actual > line FROM grading_prediction_results
           WHERE game_date >= ? AND game_date <= ? AND system = ? AND p_over_raw IS NOT NULL
             AND actual IS NOT NULL AND actual <> line ORDER BY market""",
        (arguments.start, arguments.end, arguments.system),
    ).fetchall()
    by_market = {}
    for market, p, over in rows:
        by_market.setdefault(market, []).append((p, over))
    for market, pairs in sorted(by_market.items()):
        brier = sum((p - o) ** 2 for p, o in pairs) / len(pairs)
        clipped = [(min(max(p, 1e-6), 1 - 1e-6), o) for p, o in pairs]
        loss = -sum(math.log(p) if o else math.log(1 - p) for p, o in clipped) / len(pairs)
        print(f"{market}: n {len(pairs)}, Brier {brier:.4f}, log loss {loss:.4f}")
        bins = {}
        for p, o in pairs:
            bins.setdefault(min(int(p * 10), 9), []).append((p, o))
        for index in sorted(bins):
            members = bins[index]
            mean = sum(p for p, _ in members) / len(members)
            observed = sum(o for _, o in members) / len(members)
            print(f"  [{index / 10:.1f}, {(index + 1) / 10:.1f}): predicted {mean:.3f}, observed {observed:.3f}, n {len(members)}")


if __name__ == "__main__":
    main()
