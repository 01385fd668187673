#!/usr/bin/env python3
"""Builds data/demo (the bundled demo dataset) from a canonical dataset directory.

Keeps seasons 2021-22 → 2023-24 of games, player box scores and game lines, every prop line (2023-24) and every
official injury report row (regular seasons 2022-23 and 2023-24; kept by game_date, like the prop lines).
Rows are copied unchanged; only the season filter is applied. Usage:
    python3 scripts/make-demo-data.py ../shared/data/nba data/demo
"""
import csv
import gzip
import os
import sys

SEASONS = {"2021-22", "2022-23", "2023-24"}
FIRST_DATE = "2021-08-01"


def keep(name, row):
    if "season" in row:
        return row["season"] in SEASONS
    return row["game_date"] >= FIRST_DATE


def main(source, target):
    os.makedirs(target, exist_ok=True)
    for name in ["games", "player_boxscores", "game_lines", "prop_lines", "injuries"]:
        with gzip.open(os.path.join(source, name + ".csv.gz"), "rt", newline="") as src:
            reader = csv.DictReader(src)
            # mtime=0 keeps the output byte-identical across runs.
            with open(os.path.join(target, name + ".csv.gz"), "wb") as raw, \
                    gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
                out = csv.DictWriter(
                    _TextWriter(gz), fieldnames=reader.fieldnames,
                    lineterminator="\n")
                out.writeheader()
                count = 0
                for row in reader:
                    if keep(name, row):
                        out.writerow(row)
                        count += 1
        print(f"{name}: {count} rows")


class _TextWriter:
    def __init__(self, binary):
        self.binary = binary

    def write(self, text):
        self.binary.write(text.encode("utf-8"))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
