"""Extracts Tests/HoopcastTests/Fixtures/registry-sample.csv from the real box scores.

One row per (player, team, season) stint with the first and last game dates; the name is the one used on the
player's latest game. Only the players the resolver tests need are kept.
"""
import csv, gzip, sys

NAMES = """
Nikola Jokić|Luka Dončić|De'Anthony Melton|Royce O'Neale|P.J. Washington|P.J. Tucker|T.J. McConnell|Anthony Davis
Xavier Tillman|Bobby Portis|Giannis Antetokounmpo|Thanasis Antetokounmpo|Shai Gilgeous-Alexander
Kentavious Caldwell-Pope|Moses Moody|Mikal Bridges|Miles Bridges|Eric Gordon|Aaron Gordon|Nic Claxton
Jalen Green|Jeff Green|Josh Green|Javonte Green|JaMychal Green|Draymond Green|AJ Green|Danny Green
Caleb Martin|Cody Martin|KJ Martin|Trae Young|Thaddeus Young|Moritz Wagner|Franz Wagner|Victor Wembanyama
Dorian Finney-Smith|Ish Smith|Jalen Smith|Dennis Smith Jr.|Jalen Johnson|Cam Thomas|Cameron Johnson
Herbert Jones|Derrick Jones Jr.|Tyus Jones|Brook Lopez|Robin Lopez|Kevin Knox II|Marcus Morris Sr.|Markieff Morris
Jaren Jackson Jr.|Josh Jackson|GG Jackson|Bojan Bogdanović|Bogdan Bogdanović|Davis Bertans|Al Horford|CJ McCollum
Daniel Theis|Kyle Lowry|Gary Payton II|Kelly Oubre Jr.|Dennis Schröder|Kobe Bryant|Dwyane Wade|Dean Wade
Justin Robinson|Jerome Robinson|LeBron James|Jerami Grant|Jimmy Butler III|Bam Adebayo|Obi Toppin|Nicolas Batum
Kevin Love|Jalen Williams|Jaylin Williams|Josh Giddey|Mo Bamba|Danilo Gallinari
"""
wanted = {n.strip() for line in NAMES.strip().splitlines() for n in line.split("|")}

stints, latest = {}, {}
with gzip.open(sys.argv[1], "rt", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        pid, date = int(row["player_id"]), row["game_date"]
        if pid not in latest or latest[pid][0] <= date:
            latest[pid] = (date, row["player_name"])
        key = (pid, row["team"], row["season"])
        first, last = stints.get(key, (date, date))
        stints[key] = (min(first, date), max(last, date))

ids = {pid for pid, (_, name) in latest.items() if name in wanted}
missing = wanted - {latest[pid][1] for pid in ids}
assert not missing, missing
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["player_id", "player_name", "team", "season", "first_date", "last_date"])
for (pid, team, season), (first, last) in sorted(stints.items(), key=lambda kv: (kv[0][0], kv[0][2], kv[1][0])):
    if pid in ids:
        out.writerow([pid, latest[pid][1], team, season, first, last])
