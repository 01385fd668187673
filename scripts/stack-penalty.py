#!/usr/bin/env python3
"""Walk-forward replay of the `stack` system's fit over a backfilled store, to choose its ridge penalty on the
development window (issue 13's honesty rule: tune there, report on a later window without further tuning).

For each date D in [FROM, TO] and each market, fits the correction y − L ~ b0 + Σ w_s (p_s − L) on the graded
lined predictions of the 60 days before D (the members catboost, matchup, moving_average, similarity; a member
missing on a row counts as the line), with a ridge penalty on every coefficient and either a squared loss (what
`StackSystem` uses) or an absolute one (iteratively reweighted), then predicts D's lined rows: the line below 100
rows of evidence. Prints each variant's MAE against the line's on the same rows, per market and weighted.

    scripts/stack-penalty.py STORE.sqlite 2023-10-24 2023-12-31 [--penalties 1000,5000,20000,100000] [--losses l2,l1]

Needs numpy. Session 11 (the bundled season, backfilled): on the development window every variant was within
±0.03 of the line's MAE, and the largest penalty (100,000, squared loss) was lowest — the value `StackSystem` uses.
"""

import argparse
import collections
import datetime
import sqlite3

import numpy as np

MEMBERS = ["catboost", "matchup", "moving_average", "similarity"]
WINDOW_DAYS, MINIMUM = 60, 100


def load(path):
    db = sqlite3.connect(path)
    rows = db.execute(
        """SELECT game_date, game_id, player_id, market, system, predicted_value, line, actual
           FROM grading_prediction_results
           WHERE line IS NOT NULL AND actual IS NOT NULL AND system IN (?, ?, ?, ?)
           ORDER BY game_date, game_id, player_id, market, system""",
        MEMBERS,
    ).fetchall()
    samples = collections.OrderedDict()
    for date, game, player, market, system, predicted, line, actual in rows:
        key = (date, game, player, market)
        if key not in samples:
            samples[key] = {"date": date, "market": market, "line": line, "actual": actual, "p": {}}
        samples[key]["p"][system] = predicted
    by_date = collections.defaultdict(list)
    for sample in samples.values():
        by_date[sample["date"]].append(sample)
    return by_date


def features(row):
    return [1.0] + [row["p"].get(system, row["line"]) - row["line"] for system in MEMBERS]


def fit(rows, penalty, loss):
    if len(rows) < MINIMUM:
        return None
    a = np.array([features(r) for r in rows])
    y = np.array([r["actual"] - r["line"] for r in rows])
    ridge = penalty * np.eye(a.shape[1])
    if loss == "l2":
        return np.linalg.solve(a.T @ a + ridge, a.T @ y)
    weights = np.ones(len(y))
    for _ in range(20):
        beta = np.linalg.solve((a * weights[:, None]).T @ a + ridge, (a * weights[:, None]).T @ y)
        weights = 1 / np.maximum(np.abs(y - a @ beta), 1.0)
    return beta


def replay(by_date, start, end, penalty, loss):
    dates = sorted(by_date)
    errors = collections.defaultdict(lambda: [0.0, 0.0, 0])
    for day in dates:
        if not start <= day <= end:
            continue
        first = (datetime.date.fromisoformat(day) - datetime.timedelta(days=WINDOW_DAYS)).isoformat()
        train = [r for d in dates if first <= d < day for r in by_date[d]]
        for market in sorted({r["market"] for r in by_date[day]}):
            beta = fit([r for r in train if r["market"] == market], penalty, loss)
            for row in by_date[day]:
                if row["market"] != market:
                    continue
                predicted = row["line"] if beta is None else max(0.0, row["line"] + float(np.dot(beta, features(row))))
                total = errors[market]
                total[0] += abs(row["actual"] - predicted)
                total[1] += abs(row["actual"] - row["line"])
                total[2] += 1
    return errors


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("store")
    parser.add_argument("start")
    parser.add_argument("end")
    parser.add_argument("--penalties", default="1000,5000,20000,100000")
    parser.add_argument("--losses", default="l2,l1")
    arguments = parser.parse_args()
    by_date = load(arguments.store)
    for loss in arguments.losses.split(","):
        for penalty in [float(p) for p in arguments.penalties.split(",")]:
            errors = replay(by_date, arguments.start, arguments.end, penalty, loss)
            rows = sum(e[2] for e in errors.values())
            weighted = sum(e[0] - e[1] for e in errors.values()) / max(rows, 1)
            per_market = ", ".join(
                f"{m} {e[0] / e[2]:.4f} vs {e[1] / e[2]:.4f} (n {e[2]})" for m, e in sorted(errors.items())
            )
            print(f"{loss} λ={penalty:g}: ΔMAE {weighted:+.5f} over {rows} rows; {per_market}")


if __name__ == "__main__":
    main()
