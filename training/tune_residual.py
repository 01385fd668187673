#!/usr/bin/env python3
"""Chooses catboost_residual's fitting parameters on the development window only (2023-10-24 → 2023-12-31).

Walk-forward as `hoopcast train --target residual` would run it: for each monthly cut-off inside the window, fit
actual − line on the lined, gated rows dated before the cut-off and score line + output on the lined rows of the
month that follows (never past 2023-12-31). Prints, per parameter set, the pooled MAE against the line's MAE on the
same rows. Nothing after the window is read.

    python3 training/tune_residual.py --csv features.csv [--market points_rebounds_assists]
"""
import argparse
import itertools

import numpy as np
import pandas as pd
from catboost import CatBoostRegressor

META_COLUMNS = ["game_date", "game_id", "player_id", "market", "gate", "quality"]
WINDOW_END = "2023-12-31"
CUTOFFS = ["2023-11-01", "2023-12-01"]
ITERATIONS = [25, 50, 100, 200, 400]
DEPTHS = [2, 4, 6]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--csv", required=True)
    parser.add_argument("--market", default="points_rebounds_assists")
    parser.add_argument("--learning-rate", type=float, default=0.05)
    args = parser.parse_args()

    frame = pd.read_csv(args.csv, dtype={"game_id": str})
    features = list(frame.columns)[len(META_COLUMNS):-1]
    rows = frame[(frame["market"] == args.market) & (frame["gate"] == "pass") & frame["actual"].notna()
                 & (frame["has_line"] == 1) & (frame["game_date"] <= WINDOW_END)]
    folds = []
    for index, cutoff in enumerate(CUTOFFS):
        end = CUTOFFS[index + 1] if index + 1 < len(CUTOFFS) else "9999"
        train = rows[rows["game_date"] < cutoff]
        test = rows[(rows["game_date"] >= cutoff) & (rows["game_date"] < end)]
        folds.append((cutoff, train, test))
        print(f"cut-off {cutoff}: {len(train)} training rows, {len(test)} scored rows")

    def residual(part):
        return (part["actual"] - part["line"]).to_numpy(dtype=np.float64)

    line_errors = np.concatenate([np.abs(residual(test)) for _, _, test in folds])
    print(f"line: MAE {line_errors.mean():.4f} on {len(line_errors)} rows")
    results = []
    for iterations, depth in itertools.product(ITERATIONS, DEPTHS):
        errors = []
        for _, train, test in folds:
            model = CatBoostRegressor(iterations=iterations, depth=depth, learning_rate=args.learning_rate,
                                      loss_function="RMSE", random_seed=7, verbose=False, thread_count=2,
                                      allow_writing_files=False)
            model.fit(train[features].to_numpy(dtype=np.float64), residual(train))
            predicted = model.predict(test[features].to_numpy(dtype=np.float64))
            errors.append(np.abs(residual(test) - predicted))
        mae = np.concatenate(errors).mean()
        results.append((mae, iterations, depth))
        print(f"iterations {iterations:4} depth {depth}: MAE {mae:.4f} (line {line_errors.mean():.4f}, "
              f"difference {mae - line_errors.mean():+.4f})")
    best = min(results)
    print(f"best: iterations {best[1]}, depth {best[2]}, MAE {best[0]:.4f} against the line's {line_errors.mean():.4f}")


if __name__ == "__main__":
    main()
