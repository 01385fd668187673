#!/usr/bin/env python3
"""Fuzzes `hoopcast serve` against the committed openapi.yaml with schemathesis (PyPI).

Builds a fixture store from the repository's real data (Tests/HoopcastTests/Fixtures/dataset-2024-01, two dates
run), starts the server on a free loopback port with an admin key, and runs every check but
`positive_data_acceptance`: the API refuses some schema-valid requests on purpose, for rules a schema cannot state
(`from` after `to`, a range over 400 days, `keys` together with `all`). Exits non-zero on any failure: a 5xx, a
response outside the document, a wrong status for an undeclared method, a schema-violating request accepted.
"""
import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(command, **kwargs):
    return subprocess.run(command, check=True, text=True, capture_output=True, **kwargs)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--hoopcast", default=".build/debug/hoopcast")
    parser.add_argument("--max-examples", default="25")
    args = parser.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    hoopcast = os.path.abspath(args.hoopcast)
    with tempfile.TemporaryDirectory(prefix="hoopcast-fuzz-") as directory:
        store = f"sqlite:{directory}/fuzz.sqlite"
        fixture = os.path.join(root, "Tests/HoopcastTests/Fixtures/dataset-2024-01")
        subprocess.run([hoopcast, "import", fixture, "--store", store], check=False, capture_output=True)
        run([hoopcast, "backfill", "--from", "2024-01-14", "--to", "2024-01-15", "--store", store], cwd=root)
        key = run([hoopcast, "keys", "create", "--name", "fuzz", "--scope", "admin", "--store", store]).stdout.strip()
        port = free_port()
        server = subprocess.Popen(
            [hoopcast, "serve", "--port", str(port), "--rate-limit", "1000000", "--store", store], cwd=root,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
                    break
                except OSError:
                    time.sleep(0.2)
            else:
                sys.exit("hoopcast serve did not start")
            result = subprocess.run(
                ["st", "run", os.path.join(root, "openapi.yaml"), "--url", f"http://127.0.0.1:{port}",
                 "-H", f"Authorization: Bearer {key}", "--max-examples", args.max_examples,
                 "--checks", "all", "--exclude-checks", "positive_data_acceptance", "--seed", "20240101"],
                cwd=directory, text=True, capture_output=True)
            print(result.stdout[-6000:])
            if result.returncode != 0 or server.poll() is not None:
                print(result.stderr[-3000:], file=sys.stderr)
                sys.exit(f"schemathesis found failures (exit {result.returncode})")
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
