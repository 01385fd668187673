#!/usr/bin/env python3
"""Builds Tests/HoopcastTests/Fixtures/dataset-2024-01: real rows of 2023-24 between two dates (inclusive).

    python3 scripts/make-test-fixture.py data/demo Tests/HoopcastTests/Fixtures/dataset-2024-01 2023-12-20 2024-01-20
"""
import csv
import gzip
import os
import sys


def main(source, target, first, last):
    os.makedirs(target, exist_ok=True)
    for name in ["games", "player_boxscores", "game_lines", "prop_lines"]:
        with gzip.open(os.path.join(source, name + ".csv.gz"), "rt", newline="") as src:
            reader = csv.DictReader(src)
            with open(os.path.join(target, name + ".csv"), "w", newline="") as out_file:
                out = csv.DictWriter(out_file, fieldnames=reader.fieldnames, lineterminator="\n")
                out.writeheader()
                count = 0
                for row in reader:
                    if first <= row["game_date"] <= last:
                        out.writerow(row)
                        count += 1
        print(f"{name}: {count} rows")


if __name__ == "__main__":
    main(*sys.argv[1:5])
