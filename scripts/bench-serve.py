#!/usr/bin/env python3
"""Load benchmark of `hoopcast serve`: an open-loop request mix at fixed rates, latency percentiles and the
server's memory.

Copies a store (by default the demo store `hoopcast demo` writes), creates a read key in the copy, starts
`hoopcast serve` on a free loopback port and, for each rate, sends requests on a fixed schedule (open loop: a slow
answer does not delay the next request, so the percentiles carry no coordinated omission). Latency is measured from
each request's scheduled time to the end of its body. The mix, by weight (a random date of the store and a random
player of its predictions): the API's predictions (a page of 100) 25, best bets 10, games 10, a player 15; the
dashboard's Tonight page 15 and Player page 15 (served with --public-read, so no session is needed); /healthz 10.
The server's resident memory is sampled every 0.2 s (its peak is reported, and VmHWM at the end).

    python3 -m pip install aiohttp   # once
    scripts/bench-serve.py --hoopcast .build/release/hoopcast [--store hoopcast-data/demo.sqlite]
                           [--rates 50,200,500] [--seconds 20] [--warmup 5]

Prints one line per rate and a Markdown table for BENCHMARKS.md.
"""

import argparse
import asyncio
import os
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

import aiohttp

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def rss_kib(pid, field="VmRSS"):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def start(hoopcast, location):
    process = subprocess.Popen(
        # --public-read opens the dashboard's pages without a session; the API requests still send the key.
        [hoopcast, "serve", "--port", "0", "--store", location, "--rate-limit", "100000000", "--public-read"],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = process.stdout.readline()
    match = re.search(r"serving on (http://[0-9.:]+)", line)
    if not match:
        process.kill()
        sys.exit(f"hoopcast serve did not start: {line}")
    return process, match.group(1)


def targets(path):
    """Request paths of the mix, from what the store holds."""
    db = sqlite3.connect(path)
    dates = [row[0] for row in db.execute("SELECT DISTINCT game_date FROM predictions_player_props")]
    players = [row[0] for row in db.execute("SELECT DISTINCT player_id FROM predictions_player_props LIMIT 400")]
    db.close()
    return dates, players


MIX = [
    # (weight, kind): the API's tonight and player endpoints, the dashboard's Tonight and Player pages, the rest.
    (25, "predictions"), (10, "best-bets"), (10, "games"), (15, "player"), (15, "tonight-page"),
    (15, "player-page"), (10, "healthz"),
]


def request_path(rng, dates, players):
    draw = rng.random() * sum(weight for weight, _ in MIX)
    date, player = rng.choice(dates), rng.choice(players)
    for weight, kind in MIX:
        if draw < weight:
            break
        draw -= weight
    return {
        "predictions": f"/v1/dates/{date}/predictions?limit=100",
        "best-bets": f"/v1/dates/{date}/best-bets",
        "games": f"/v1/dates/{date}/games",
        "player": f"/v1/players/{player}?date={date}",
        "tonight-page": f"/tonight?date={date}",
        "player-page": f"/players/{player}",
        "healthz": "/healthz",
    }[kind]


async def run_rate(base, key, rate, seconds, dates, players, pid, seed):
    rng = random.Random(seed)
    headers = {"Authorization": f"Bearer {key}"}
    latencies, errors, statuses = [], 0, {}
    peak = 0
    connector = aiohttp.TCPConnector(limit=256)
    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(base_url=base, connector=connector, timeout=timeout, headers=headers) as session:
        start = time.monotonic()

        async def one(path, scheduled):
            nonlocal errors
            await asyncio.sleep(max(0.0, scheduled - time.monotonic()))
            try:
                async with session.get(path) as response:
                    await response.read()
                    statuses[response.status] = statuses.get(response.status, 0) + 1
                    if response.status >= 400:
                        errors += 1
            except Exception:
                errors += 1
                return
            latencies.append(time.monotonic() - scheduled)

        async def sample():
            nonlocal peak
            while True:
                peak = max(peak, rss_kib(pid))
                await asyncio.sleep(0.2)

        sampler = asyncio.create_task(sample())
        count = int(rate * seconds)
        await asyncio.gather(*(one(request_path(rng, dates, players), start + i / rate) for i in range(count)))
        elapsed = time.monotonic() - start
        sampler.cancel()
    latencies.sort()

    def percentile(q):
        return latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000 if latencies else float("nan")

    return {
        "rate": rate, "sent": count, "answered": len(latencies), "errors": errors, "statuses": statuses,
        "achieved": len(latencies) / elapsed, "p50": percentile(0.50), "p90": percentile(0.90),
        "p99": percentile(0.99), "max": latencies[-1] * 1000 if latencies else float("nan"),
        "mean": statistics.fmean(latencies) * 1000 if latencies else float("nan"), "peak_rss_mib": peak / 1024,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--hoopcast", default=os.path.join(REPO, ".build/release/hoopcast"))
    parser.add_argument("--store", default=os.path.join(REPO, "hoopcast-data/demo.sqlite"))
    parser.add_argument("--rates", default="50,200,500")
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--warmup", type=float, default=5)
    arguments = parser.parse_args()
    directory = tempfile.mkdtemp(prefix="hoopcast-bench-serve-")
    copy = os.path.join(directory, "store.sqlite")
    shutil.copy(arguments.store, copy)
    location = f"sqlite:{copy}"
    made = subprocess.run(
        [arguments.hoopcast, "keys", "create", "--name", "bench", "--scope", "read", "--store", location],
        capture_output=True, text=True, check=True)
    key = re.search(r"hc_[A-Za-z0-9_]+", made.stdout).group(0)
    dates, players = targets(copy)
    server, base = start(arguments.hoopcast, location)
    results = []
    try:
        idle = rss_kib(server.pid)
        print(f"serving {base}; {len(dates)} dates, {len(players)} players; idle RSS {idle / 1024:.0f} MiB", flush=True)
        asyncio.run(run_rate(base, key, 20, arguments.warmup, dates, players, server.pid, seed=0))
        for rate in [int(r) for r in arguments.rates.split(",")]:
            result = asyncio.run(
                run_rate(base, key, rate, arguments.seconds, dates, players, server.pid, seed=rate))
            results.append(result)
            print(
                f"{rate:>4} req/s: answered {result['answered']}/{result['sent']} ({result['achieved']:.0f}/s), "
                f"errors {result['errors']} {result['statuses']}, p50 {result['p50']:.1f} ms, "
                f"p90 {result['p90']:.1f} ms, p99 {result['p99']:.1f} ms, max {result['max']:.0f} ms, "
                f"peak RSS {result['peak_rss_mib']:.0f} MiB", flush=True)
        high_water = rss_kib(server.pid, "VmHWM") / 1024
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(directory, ignore_errors=True)
    print()
    print("| Offered (req/s) | Answered (req/s) | Errors | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) | Peak RSS (MiB) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(
            f"| {r['rate']} | {r['achieved']:.0f} | {r['errors']} | {r['p50']:.1f} | {r['p90']:.1f} | "
            f"{r['p99']:.1f} | {r['max']:.0f} | {r['peak_rss_mib']:.0f} |")
    print(f"\nserver VmHWM (peak resident memory of the whole run): {high_water:.0f} MiB")


if __name__ == "__main__":
    main()
