#!/usr/bin/env python3
"""Trains Hoopcast's CatBoost model for one market on a feature CSV from `hoopcast features export`.

Walk-forward: the model is fitted on rows dated before --train-until (exclusive) and its metrics are measured on rows
from --train-until on (when any). Only rows that passed the feature gate and have an actual value are used.

--target actual (default) fits the stat itself; --target residual fits actual − line on the rows that have a real
line (has_line = 1) — `catboost_residual`, whose prediction is the line plus the model's output. Its MAE figures are
those of line + output.

Writes, next to --out (CatBoost's JSON model format):
  <out>                  the model, rewritten without whitespace (the same values, about 2.4x smaller; catboost and
                         the Swift evaluator read it unchanged)
  <out stem>.meta.json   feature version, feature order, market, training range, parameters, metrics
  --fixture FILE         (optional) up to --fixture-rows rows: the features and catboost's own prediction, for the
                         Swift evaluator's parity test

    python3 training/train.py --csv features.csv --market points --train-until 2024-01-01 --out models/points.json
"""
import argparse
import json
import os
import sys

import numpy as np
import pandas as pd
from catboost import CatBoostRegressor, __version__ as catboost_version

META_COLUMNS = ["game_date", "game_id", "player_id", "market", "gate", "quality"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--csv", required=True)
    parser.add_argument("--market", required=True)
    parser.add_argument("--train-until", required=True, help="first date NOT used for fitting (YYYY-MM-DD)")
    parser.add_argument("--out", required=True)
    parser.add_argument("--iterations", type=int, default=400)
    parser.add_argument("--depth", type=int, default=6)
    parser.add_argument("--learning-rate", type=float, default=0.05)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--feature-version", default="v2",
                        help="the export's feature-set version (hoopcast train passes its own; the default is the "
                             "current one, for standalone use)")
    parser.add_argument("--target", choices=["actual", "residual"], default="actual")
    parser.add_argument("--fixture")
    parser.add_argument("--fixture-rows", type=int, default=1200)
    args = parser.parse_args()

    frame = pd.read_csv(args.csv, dtype={"game_id": str})
    header = list(frame.columns)
    if header[: len(META_COLUMNS)] != META_COLUMNS or header[-1] != "actual":
        sys.exit(f"{args.csv}: unexpected header; export it with `hoopcast features export`")
    features = header[len(META_COLUMNS):-1]
    rows = frame[(frame["market"] == args.market) & (frame["gate"] == "pass") & frame["actual"].notna()]
    if args.target == "residual":
        rows = rows[rows["has_line"] == 1]
    train = rows[rows["game_date"] < args.train_until]
    test = rows[rows["game_date"] >= args.train_until]
    if len(train) < 100:
        lined = " with a line" if args.target == "residual" else ""
        sys.exit(f"only {len(train)} training rows{lined} for {args.market} before {args.train_until}")

    def target(part):
        offset = part["line"].to_numpy(dtype=np.float64) if args.target == "residual" else 0.0
        return part["actual"].to_numpy(dtype=np.float64) - offset

    model = CatBoostRegressor(iterations=args.iterations, depth=args.depth, learning_rate=args.learning_rate,
                              loss_function="RMSE", random_seed=args.seed, verbose=False, thread_count=2,
                              allow_writing_files=False)
    model.fit(train[features].to_numpy(dtype=np.float64), target(train))
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    model.save_model(args.out, format="json")
    compact(args.out)

    def mae(part):
        if len(part) == 0:
            return None
        predicted = model.predict(part[features].to_numpy(dtype=np.float64))
        return float(np.mean(np.abs(predicted - target(part))))

    meta = {
        "market": args.market,
        "target": args.target,
        "feature_version": args.feature_version,
        "features": features,
        "trained_from": str(train["game_date"].min()),
        "trained_through": str(train["game_date"].max()),
        "train_until_exclusive": args.train_until,
        "train_rows": int(len(train)),
        "test_rows": int(len(test)),
        "train_mae": mae(train),
        "test_mae": mae(test),
        "catboost_version": catboost_version,
        "parameters": {"iterations": args.iterations, "depth": args.depth, "learning_rate": args.learning_rate,
                       "loss_function": "RMSE", "random_seed": args.seed},
    }
    stem = os.path.splitext(args.out)[0]
    with open(stem + ".meta.json", "w") as handle:
        json.dump(meta, handle, indent=2, sort_keys=True)
        handle.write("\n")

    if args.fixture:
        sample = rows.head(args.fixture_rows)
        predicted = model.predict(sample[features].to_numpy(dtype=np.float64))
        out = sample[["game_id", "player_id"] + features].copy()
        out["catboost_prediction"] = [repr(float(value)) for value in predicted]
        out.to_csv(args.fixture, index=False, float_format="%.17g")
    print(json.dumps({key: meta[key] for key in ["market", "train_rows", "test_rows", "train_mae", "test_mae"]}))


def compact(path):
    """Rewrites a JSON model without indentation; Python's float repr round-trips every double exactly."""
    with open(path) as handle:
        document = json.load(handle)
    with open(path, "w") as handle:
        json.dump(document, handle, separators=(",", ":"), allow_nan=False)
        handle.write("\n")


if __name__ == "__main__":
    main()
