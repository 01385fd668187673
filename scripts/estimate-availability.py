#!/usr/bin/env python3
"""Estimates the availability constants of the minutes model on the development window only: the 2022-23 regular
season plus 2023-10-24 → 2023-12-31 (no row dated later is read).

A. P(play | status on the injury report in force), status ∈ out, doubtful, questionable, probable, available, not
   listed, over each game's roster candidates (players of the team's last 5 games whose latest game was for it).
   Unlisted players are also split into bench (m5 < 10) and rotation players.
B. For teams with a submitted report: minutes/base − 1 = c + k·V/P_sum over rotation candidates (m5 ≥ 10) who
   played and were not listed, where V = the minutes the team's other candidates are expected to vacate (P(absent)
   × m5, P(absent) = 1 − P(play | status) for listed players and 0 for unlisted ones) and P_sum = the team's
   expected present minutes; base = 0.6·m5 + 0.4·mseason.
C. The same for teams without one, absence = played one of the team's last 5 games but not its latest one (C': the
   same rule applied to every game, its report ignored, when C has too few rows).
D. Mean minutes/base of candidates who played with status questionable / probable / available.

The prediction time of a game is 30 minutes before the tip-off printed on its first report; the report in force is
its rows with the greatest report_utc at or before then (InjuryReportCut in Swift). Needs numpy.

    scripts/estimate-availability.py [DATA_DIR]     # default ../shared/data/nba
"""

import bisect
import collections
import csv
import datetime
import gzip
import os
import sys
import unicodedata

import numpy as np

WINDOW = ("2022-23", "2023-10-24", "2023-12-31")  # the whole regular season, plus this date range
STATUSES = ["out", "doubtful", "questionable", "probable", "available", "not listed"]
ROTATION = 10.0  # last-5 mean minutes from which an unlisted player counts as a rotation player
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
LEAD = datetime.timedelta(minutes=30)


def read(directory, name):
    with gzip.open(os.path.join(directory, name + ".csv.gz"), "rt", encoding="utf-8", newline="") as f:
        return [row for row in csv.DictReader(f) if row["game_date"] <= WINDOW[2]]


def previous(season):
    year = int(season[:4]) - 1
    return f"{year}-{str(year + 1)[2:]}"


def normalise(name):
    text = unicodedata.normalize("NFKD", name.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = "".join(c if c.isalnum() else " " if c in " -" else "" for c in text)
    return " ".join(t for t in text.split() if t not in SUFFIXES)


class History:
    """Box scores (minutes > 0) by player, by team-season and by game."""

    def __init__(self, box):
        self.player = collections.defaultdict(list)  # pid -> [(date, season, team, minutes)], oldest first
        self.team = collections.defaultdict(set)  # (team, season) -> {(date, game_id)}
        self.game = collections.defaultdict(dict)  # game_id -> {pid: minutes}
        self.names = collections.defaultdict(dict)  # (season, team) -> {exact name: pid}
        for r in box:
            if float(r["minutes"]) <= 0:
                continue
            pid, minutes = int(r["player_id"]), float(r["minutes"])
            self.player[pid].append((r["game_date"], r["season"], r["team"], minutes))
            self.team[(r["team"], r["season"])].add((r["game_date"], r["game_id"]))
            self.game[r["game_id"]][pid] = minutes
            self.names[(r["season"], r["team"])][r["player_name"]] = pid
        for games in self.player.values():
            games.sort()
        self.team = {key: sorted(games) for key, games in self.team.items()}
        self.normalised = {key: collections.defaultdict(set) for key in self.names}
        for key, names in self.names.items():
            for name, pid in names.items():
                self.normalised[key][normalise(name)].add(pid)

    def resolve(self, season, team, name):
        exact = self.names.get((season, team), {}).get(name)
        found = self.normalised.get((season, team), {}).get(normalise(name), set())
        return exact if exact is not None else next(iter(found)) if len(found) == 1 else None

    def candidates(self, date, season, team):
        """{pid: (m5, base, in the team's latest game)} of the team's roster candidates before `date`."""
        recent = self.team.get((team, season), [])
        recent = recent[max(0, bisect.bisect_left(recent, (date,)) - 5): bisect.bisect_left(recent, (date,))]
        out = {}
        for pid in {pid for _, gid in recent for pid in self.game[gid]}:
            games = self.player[pid][: bisect.bisect_left(self.player[pid], (date,))]
            if games[-1][2] != team:
                continue
            last5 = [g[3] for g in games if g[1] in (season, previous(season))][-5:]
            this = [g[3] for g in games if g[1] == season] or [g[3] for g in games if g[1] == previous(season)]
            m5 = np.mean(last5)
            out[pid] = (m5, 0.6 * m5 + 0.4 * np.mean(this), pid in self.game[recent[-1][1]])
        return out


def reports_in_force(injuries):
    """game_id -> the player rows of its report in force, for games with one; and the (game, team) pairs whose
    report in force still says not_yet_submitted."""
    by_game = collections.defaultdict(list)
    for r in injuries:
        by_game[r["game_id"]].append(r)
    force, unsubmitted = {}, set()
    for gid, rows in by_game.items():
        tip = min((r["report_utc"], r["tip_utc"]) for r in rows)[1]
        cut = (datetime.datetime.strptime(tip, "%Y-%m-%dT%H:%M:%SZ") - LEAD).strftime("%Y-%m-%dT%H:%M:%SZ")
        published = [r["report_utc"] for r in rows if r["report_utc"] <= cut]
        if published:
            rows = [r for r in rows if r["report_utc"] == max(published)]
            force[gid] = [r for r in rows if r["status"] != "not_yet_submitted"]
            unsubmitted |= {(gid, r["team"]) for r in rows if r["status"] == "not_yet_submitted"}
    return force, unsubmitted


def fit(sample, label):
    """OLS of minutes/base − 1 on V/P_sum with an intercept; prints c, k, n and mean minutes/base by bucket of V."""
    x, ratio, v = (np.array(column) for column in zip(*sample)) if sample else ([], [], [])
    if len(sample) < 3:
        print(f"{label}: n={len(sample)}, too few to fit")
        return None
    c, k = np.linalg.lstsq(np.column_stack([np.ones_like(x), x]), ratio - 1, rcond=None)[0]
    print(f"{label}: minutes/base - 1 = c + k*V/P_sum  c={c:.3f} k={k:.3f} n={len(sample)}")
    for name, mask in [("V=0", v == 0), ("(0,15]", (v > 0) & (v <= 15)), ("(15,30]", (v > 15) & (v <= 30)),
                       ("(30,45]", (v > 30) & (v <= 45)), (">45", v > 45)]:
        mean = f"{ratio[mask].mean():.3f}" if mask.any() else "-"
        print(f"  V {name:8} n={mask.sum():5}  mean minutes/base={mean}")
    return c, k


def regression(rows, absence, eligible, label):
    """Fits `fit` over each team-game's rotation candidates (m5 ≥ 10) who played G and are `eligible`."""
    teams = collections.defaultdict(list)
    for r in rows:
        teams[r["key"]].append(r)
    sample = []
    for team in teams.values():
        lost = sum(absence(q) * q["m5"] for q in team)
        present = sum((1 - absence(q)) * q["m5"] for q in team)
        for p in team:
            if p["m5"] >= 10 and p["minutes"] > 0 and eligible(p) and present > 0:
                vacated = lost - absence(p) * p["m5"]
                sample.append((vacated / present, p["minutes"] / p["base"], vacated))
    return fit(sample, label)


def candidate_rows(directory):
    """One dict per (window game, team, roster candidate), with the candidate's status on the report in force."""
    history = History(read(directory, "player_boxscores"))
    force, unsubmitted = reports_in_force(read(directory, "injuries"))
    games = [g for g in read(directory, "games") if g["game_id"] in history.game and (
        (g["season"] == WINDOW[0] and g["season_type"] == "regular_season") or g["game_date"] >= WINDOW[1])]
    rows, listings, unresolved = [], 0, collections.Counter()
    for g in games:
        for team in (g["home_team"], g["away_team"]):
            status = {}
            for r in (r for r in force.get(g["game_id"], []) if r["team"] == team):
                listings += 1
                pid = history.resolve(g["season"], team, r["player_name"])
                if pid is None:
                    unresolved[r["player_name"]] += 1
                else:
                    status[pid] = r["status"]
            for pid, (m5, base, in_last) in history.candidates(g["game_date"], g["season"], team).items():
                submitted = any(r["team"] == team for r in force.get(g["game_id"], []))
                rows.append(dict(key=(g["game_id"], team), m5=m5, base=base,
                                 report=submitted and (g["game_id"], team) not in unsubmitted,
                                 status=status.get(pid, "not listed"), in_last=in_last,
                                 minutes=history.game[g["game_id"]].get(pid, 0.0),
                                 unsubmitted=(g["game_id"], team) in unsubmitted))
    with_report = sum(g["game_id"] in force for g in games)
    print(f"team-games with a submitted report in force: {len({r['key'] for r in rows if r['report']})}")
    print(f"window games: {len(games)} ({with_report} with a report in force, {len(games) - with_report} without)")
    print(f"report listings of window teams: {listings}, unresolved {sum(unresolved.values())} "
          f"({100 * sum(unresolved.values()) / max(listings, 1):.2f}%), most often: "
          + ", ".join(f"{name} ({n})" for name, n in unresolved.most_common(8)))
    return rows


def main(directory):
    rows = candidate_rows(directory)
    reported = [r for r in rows if r["report"]]
    print("\nA. P(play | status), roster candidates of games with a report")
    smoothed = {}
    for s in STATUSES:
        played = [r["minutes"] > 0 for r in reported if r["status"] == s]
        smoothed[s] = (sum(played) + 1) / (len(played) + 2)
        print(f"  {s:12} n={len(played):6} played={sum(played):6} share={np.mean(played) if played else 0:.3f} "
              f"smoothed={smoothed[s]:.3f}")
    for label, rotation in [("bench", False), ("rotation", True)]:
        played = [r["minutes"] > 0 for r in reported if r["status"] == "not listed" and (r["m5"] >= ROTATION) == rotation]
        smoothed[f"not listed, {label}"] = (sum(played) + 1) / (len(played) + 2)
        print(f"  not listed, {label:8} (m5 {'>=' if rotation else '<'} {ROTATION:g}): n={len(played):6} "
              f"played={sum(played):6} share={np.mean(played):.3f} smoothed={smoothed[f'not listed, {label}']:.3f}")
    print(f"  candidates of a team whose report in force says not_yet_submitted: {sum(r['unsubmitted'] for r in rows)}")

    print("\nB. teams with a submitted report (rotation candidates, m5 >= 10, who played G and were not listed);")
    print("   P(absent) = 1 - P(play | status) for listed teammates, 0 for teammates the report does not list")
    listed_absence = (lambda q: 0.0 if q["status"] == "not listed" else 1 - smoothed[q["status"]])
    b = regression(reported, listed_absence, lambda p: p["status"] == "not listed", "B")
    print("\nC. games without a report (box-score fallback; rotation candidates who played G and the latest game)")
    box_absence, in_last = (lambda q: 0.0 if q["in_last"] else 1.0), (lambda p: p["in_last"])
    regression([r for r in rows if not r["report"]], box_absence, in_last, "C")
    print("C' proxy: the same fallback on every window game, its report ignored")
    c_proxy = regression(rows, box_absence, in_last, "C'")

    print("\nD. mean minutes/base of candidates who played G, by status (all candidates | m5 >= 10)")
    factor = {}
    for s in ["questionable", "probable", "available"]:
        ratios = [(r["minutes"] / r["base"], r["m5"]) for r in reported if r["status"] == s and r["minutes"] > 0]
        rotation = [x for x, m5 in ratios if m5 >= 10]
        factor[s] = np.mean([x for x, _ in ratios])
        print(f"  {s:12} n={len(ratios):5} mean={factor[s]:.3f} | n={len(rotation):5} mean={np.mean(rotation):.3f}")

    print("\nSwift constants (development window)")
    print("  static let playProbability: [String: Double] = [" + ", ".join(
        f'"{s}": {smoothed[s]:.3f}' for s in smoothed) + "]")
    print(f"  static let reportedVacancy = (c: {b[0]:.3f}, k: {b[1]:.3f})")
    # C's teams (a report in force for the game but none submitted for the team) are a few hundred rows: C' is the fit.
    print(f"  static let boxScoreVacancy = (c: {c_proxy[0]:.3f}, k: {c_proxy[1]:.3f})  // from C'")
    print("  static let playedMinutesFactor: [String: Double] = [" + ", ".join(
        f'"{s}": {factor[s]:.3f}' for s in factor) + "]")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/nba")
