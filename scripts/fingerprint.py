#!/usr/bin/env python3
"""Fingerprint of a backfilled SQLite store: what must not change when the code is restructured.

Prints, per system and market, the count, sum and sum of squares of predicted values and of P(over) (to 9
decimals), recommendation counts, and the graded rows, bets and total profit. Two stores with identical
fingerprints hold the same results.

    python3 scripts/fingerprint.py hoopcast-data/backfill.sqlite > before.txt
"""
import sqlite3
import sys


def main(path: str) -> None:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    print("# predictions: system market count sum(predicted) sum(predicted^2) sum(p_over) lined over under pass no_line")
    for row in db.execute("""
        SELECT system, market, COUNT(*), SUM(predicted_value), SUM(predicted_value * predicted_value),
               SUM(p_over), COUNT(line),
               SUM(recommendation = 'OVER'), SUM(recommendation = 'UNDER'), SUM(recommendation = 'PASS'),
               SUM(recommendation = 'NO_LINE')
        FROM predictions_player_props GROUP BY system, market ORDER BY system, market"""):
        system, market, n, total, squares, p_over, lined, over, under, passed, no_line = row
        print(f"{system} {market} {n} {total:.9f} {squares:.6f} {(p_over or 0):.9f} {lined} {over} {under} "
              f"{passed} {no_line}")
    graded, bets, profit = db.execute("""
        SELECT COUNT(*), SUM(outcome IN ('win', 'loss', 'push')), SUM(COALESCE(profit_units, 0))
        FROM grading_prediction_results""").fetchone()
    print(f"# graded {graded} bets {bets} profit {profit:.6f}")
    for row in db.execute("""
        SELECT system, SUM(outcome IN ('win', 'loss', 'push')), SUM(COALESCE(profit_units, 0))
        FROM grading_prediction_results GROUP BY system ORDER BY system"""):
        print(f"# graded {row[0]} bets {row[1]} profit {row[2]:.6f}")


if __name__ == "__main__":
    main(sys.argv[1])
