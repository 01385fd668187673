#!/usr/bin/env python3
"""Writes Tests/HoopcastTests/Fixtures/catboost/committed-models.csv: catboost's own predictions (catboost 1.2.8,
`predict`) of every committed model in models/ (the residual ones under models/residual/ too) on the first 300 feature
rows of the parity fixture, so the Swift
evaluator can be checked against every committed file. (The rows are points rows; the other markets' models are
evaluated on them as plain inputs.)

    python3 scripts/make-committed-model-fixture.py
"""
import glob
import os

import numpy as np
import pandas as pd
from catboost import CatBoostRegressor

FIXTURES = "Tests/HoopcastTests/Fixtures/catboost"

parity = pd.read_csv(os.path.join(FIXTURES, "parity.csv"), dtype={"game_id": str}).head(300)
rows = parity[list(parity.columns[2:-1])].to_numpy(np.float64)
out = []
for path in sorted(glob.glob("models/*/*.json") + glob.glob("models/residual/*/*.json")):
    if path.endswith(".meta.json"):
        continue
    # points@2023-10-01, residual/points_rebounds_assists@2023-11-01: the registry's ids
    model_id = f"{'/'.join(path.split('/')[1:-1])}@{os.path.basename(path)[:-len('.json')]}"
    model = CatBoostRegressor()
    model.load_model(path, format="json")
    out += [(model_id, index, repr(float(value))) for index, value in enumerate(model.predict(rows))]
pd.DataFrame(out, columns=["model", "row", "catboost_prediction"]).to_csv(
    os.path.join(FIXTURES, "committed-models.csv"), index=False)
print(f"{len(out)} predictions")
