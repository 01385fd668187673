"""Expected prop_lines rows of the BettingPros captures, computed with Python's json module alone (not with the Swift
parser), for BettingProsPropsTests. Run from this folder: python3 expected_rows.py

The rules, as docs/ingestion.md states them: one row per book, player, market, line and snapshot; the current over
and under make one row when both are the same book's same line, else one row per side (the other price empty); the
current lines' snapshot is the payload's `utc`; each side's `selection.opening_line` is an earlier snapshot of the
book that opened it (paired the same way, stamped with the later `created`); book 0 (consensus) is skipped.
"""
import collections
import gzip
import json

MARKETS = {151: "assists", 152: "blocks", 156: "points", 157: "rebounds", 160: "steals", 162: "threes",
           335: "points_assists", 336: "points_rebounds", 337: "rebounds_assists", 338: "points_rebounds_assists"}
BOOKS = {10: "fanduel", 12: "draftkings", 13: "caesars", 14: "fanatics", 15: "sugarhouse", 18: "betrivers",
         19: "betmgm", 24: "bet365", 27: "partycasino", 33: "espnbet", 36: "underdog", 37: "prizepicks",
         38: "prophetx", 39: "fliff", 49: "hardrockbet", 60: "novig", 63: "sleeper"}
TEAMS = {"UTH": "UTA", "NOR": "NOP", "PHO": "PHX"}


def iso(text):
    return text.replace(" ", "T") + "Z"


def price(value):
    return "" if value is None else str(value)


def pair(over, under):
    """over/under: (book, line, odds, snapshot) or None."""
    if over and under and over[0] == under[0] and over[1] == under[1]:
        return [(over[0], over[1], price(over[2]), price(under[2]), max(over[3], under[3]))]
    rows = []
    if over:
        rows.append((over[0], over[1], price(over[2]), "", over[3]))
    if under:
        rows.append((under[0], under[1], "", price(under[2]), under[3]))
    return rows


def rows(payload):
    snapshot = iso(payload["utc"])
    events = {e["id"]: e for e in payload["events"]}
    out, skipped = [], collections.Counter()
    for prop in payload["props"]:
        event = events[prop["event_id"]]
        sides = [(prop[s]["book"], prop[s]["line"], prop[s]["odds"], snapshot) for s in ("over", "under")]
        quotes = pair(*sides)
        if "selection" in prop["over"]:
            opening = [prop[s]["selection"]["opening_line"] for s in ("over", "under")]
            quotes += pair(*[(o["book_id"], o["line"], o["cost"], iso(o["created"])) for o in opening])
        for book, line, over_odds, under_odds, snap in quotes:
            if book == 0:
                skipped["consensus"] += 1
                continue
            out.append({
                "book": BOOKS[book], "market": MARKETS[prop["market_id"]], "player_name": prop["participant"]["name"],
                "line": line, "over_odds": over_odds, "under_odds": under_odds, "snapshot_utc": snap,
                "event_id": str(prop["event_id"]), "home_team": TEAMS.get(event["home"], event["home"]),
                "away_team": TEAMS.get(event["visitor"], event["visitor"]), "commence_utc": iso(event["scheduled"]),
            })
    return out, skipped


def load(name):
    return json.load(gzip.open(name) if name.endswith(".gz") else open(name))


if __name__ == "__main__":
    for name in ("raw_392d3a8b.json", "raw_e49ff768.json.gz", "raw_82abe5b7.json"):
        payload = load(name)
        out, skipped = rows(payload)
        print(name, len(out), "rows; skipped", dict(skipped))
        print("  by market", sorted(collections.Counter(r["market"] for r in out).items()))
        print("  by book", sorted(collections.Counter(r["book"] for r in out).items()))
        print("  by snapshot", sorted(collections.Counter(r["snapshot_utc"] for r in out).items())[:3], "...",
              len(set(r["snapshot_utc"] for r in out)), "distinct")
        print("  one-sided rows", sum(1 for r in out if "" in (r["over_odds"], r["under_odds"])))
        print("  distinct players", len(set(r["player_name"] for r in out)))
        print("  games", sorted(set((r["event_id"], r["away_team"], r["home_team"]) for r in out)))
