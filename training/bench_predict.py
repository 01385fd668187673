#!/usr/bin/env python3
"""Times catboost's own `predict` (one thread) on the rows of a feature CSV, for comparison with the Swift evaluator.

    python3 training/bench_predict.py --model models/points/2023-10-01.json --csv features.csv --market points \
        --predictions out.txt

Prints one JSON object: rows, the best of --repeats batch timings (all rows in one call) as rows/s, and row-by-row
calls on the first --single-rows rows as rows/s. --predictions writes catboost's batch predictions, one per line
(repr), in CSV row order.
"""
import argparse
import json
import sys
import time

import numpy as np
import pandas as pd
from catboost import CatBoostRegressor

META_COLUMNS = ["game_date", "game_id", "player_id", "market", "gate", "quality"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", required=True)
    parser.add_argument("--csv", required=True)
    parser.add_argument("--market", required=True)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--single-rows", type=int, default=2000)
    parser.add_argument("--predictions")
    args = parser.parse_args()

    frame = pd.read_csv(args.csv, dtype={"game_id": str})
    header = list(frame.columns)
    if header[: len(META_COLUMNS)] != META_COLUMNS or header[-1] != "actual":
        sys.exit(f"{args.csv}: unexpected header; export it with `hoopcast features export`")
    features = header[len(META_COLUMNS):-1]
    rows = frame[frame["market"] == args.market][features].to_numpy(dtype=np.float64)
    if len(rows) == 0:
        sys.exit(f"{args.csv}: no rows for {args.market}")
    model = CatBoostRegressor()
    model.load_model(args.model, format="json")

    model.predict(rows[:100], thread_count=1)  # warm-up
    batch = []
    for _ in range(args.repeats):
        started = time.perf_counter()
        predicted = model.predict(rows, thread_count=1)
        batch.append(time.perf_counter() - started)
    single_rows = rows[: args.single_rows]
    started = time.perf_counter()
    for row in single_rows:
        model.predict(row, thread_count=1)
    single = time.perf_counter() - started

    if args.predictions:
        with open(args.predictions, "w") as handle:
            handle.writelines(repr(float(value)) + "\n" for value in predicted)
    print(json.dumps({"rows": int(len(rows)), "batch_seconds": min(batch), "batch_rows_per_second": len(rows) / min(batch),
                      "single_rows": int(len(single_rows)), "single_rows_per_second": len(single_rows) / single}))


if __name__ == "__main__":
    main()
