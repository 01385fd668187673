#!/usr/bin/env python3
"""The dashboard in a real browser: headless Debian chromium driven by playwright against `hoopcast serve`.

Builds a fixture store from the repository's real data (the 2024-01 fixture imported, 2023-12-21 … 2024-01-15 run, so
that the last date's probabilities are calibrated),
adds one failed job, creates a read and an admin key, starts `hoopcast serve` on a free loopback port and checks, for
each key: every page loads with no console error and no failed request, the slate shows the rows the JSON API
returns for the same key, the market filter and the column sort work, the retry button is shown to the admin
session only (and retries), and an in-page accessibility check passes (labels, alternative text, heading order,
table headers, text contrast, no sideways scrolling at phone width); then serves the same store over HTTPS with a
throwaway certificate (`--tls-cert/--tls-key`). Screenshots of every page at desktop and phone
width go to .build/screenshots/. Exits non-zero on any failure.

    scripts/browser-test.py [--hoopcast .build/debug/hoopcast] [--screenshots .build/screenshots]
"""

import argparse
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request

from playwright.sync_api import sync_playwright

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURE = os.path.join(REPO, "Tests/HoopcastTests/Fixtures/dataset-2024-01")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
MARKET_LABELS = {
    "points": "Points", "rebounds": "Rebounds", "assists": "Assists", "threes": "Threes",
    "points_rebounds_assists": "Pts + Reb + Ast",
}
FAILED_JOB = "ingest.morning/2024-01-15"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print(f"  FAIL {message}", flush=True)
    return condition


def run(*command):
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result.stdout


def build_store(hoopcast, directory):
    store = os.path.join(directory, "dashboard.sqlite")
    location = f"sqlite:{store}"
    run(hoopcast, "import", FIXTURE, "--store", location)
    run(hoopcast, "backfill", "--from", "2023-12-21", "--to", "2024-01-15", "--store", location)
    keys = {
        scope: run(hoopcast, "keys", "create", "--name", f"browser {scope}", "--scope", scope, "--store", location)
        .strip()
        for scope in ("read", "admin")
    }
    # One failed job for the pipeline page, as a worker leaves it when a source is down.
    now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    with sqlite3.connect(store) as db:
        db.execute(
            """INSERT INTO ops_jobs (job_key, step, partition_date, arguments, status, priority, attempts, max_attempts,
               timeout_seconds, run_after, correlation_id, last_error, error_kind, created_at, updated_at)
               VALUES (?, 'ingest.morning', '2024-01-15', '{}', 'failed', 0, 3, 3, 600, ?, 'browser-test',
               'nba_stats.scoreboard: HTTP 503 <b>Service Unavailable</b> after 3 attempts', 'transient', ?, ?)""",
            (FAILED_JOB, now, now, now),
        )
    return location, keys


def start_server(hoopcast, location, extra=()):
    process = subprocess.Popen(
        [hoopcast, "serve", "--port", "0", "--store", location, "--rate-limit", "100000", *extra],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    line = process.stdout.readline()
    match = re.search(r"serving on (https?://[0-9.:]+)", line)
    if not match:
        process.kill()
        sys.exit(f"hoopcast serve did not start: {line}{process.stderr.read()}")
    return process, match.group(1)


def api(base, key, path):
    request = urllib.request.Request(base + path, headers={"Authorization": f"Bearer {key}"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def check_tls(hoopcast, location, directory):
    """`serve --tls-cert/--tls-key`: HTTPS with a throwaway self-signed certificate, verified against it (not
    switched off); HSTS on responses, `Secure` on the sign-in cookie, and plain HTTP refused on the port."""
    import http.client
    import ssl

    cert, key = os.path.join(directory, "tls.crt"), os.path.join(directory, "tls.key")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", cert],
        check=True, capture_output=True)
    server, base = start_server(hoopcast, location, ["--tls-cert", cert, "--tls-key", key])
    try:
        check(base.startswith("https://"), f"serve --tls-cert announces {base}")
        context = ssl.create_default_context(cafile=cert)
        with urllib.request.urlopen(base + "/healthz", context=context, timeout=30) as response:
            check(response.status == 200, f"GET /healthz over TLS: {response.status}")
            check(response.headers.get("Strict-Transport-Security") == "max-age=31536000",
                  f"HSTS over TLS: {response.headers.get('Strict-Transport-Security')}")
        with urllib.request.urlopen(base + "/login", context=context, timeout=30) as response:
            cookies = response.headers.get_all("Set-Cookie") or []
            check(cookies and all("Secure" in cookie for cookie in cookies), f"Secure cookies over TLS: {cookies}")
        host, port = base[len("https://"):].split(":")
        plain = http.client.HTTPConnection(host, int(port), timeout=10)
        try:
            plain.request("GET", "/healthz")
            status = plain.getresponse().status
            check(False, f"plain HTTP on the TLS port answered {status}")
        except (http.client.HTTPException, ConnectionError, OSError):
            pass
        finally:
            plain.close()
        print("TLS: verified HTTPS, HSTS, Secure cookies, plain HTTP refused", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=10)


# The accessibility check run in each page: labels, alternative text, heading order, table headers, contrast.
A11Y_CHECK = r"""
() => {
  const problems = [];
  const describe = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '');
  if (!document.documentElement.lang) problems.push('html has no lang');
  if (!document.title.trim()) problems.push('page has no title');
  for (const el of document.querySelectorAll('input, select, textarea')) {
    if (el.type === 'hidden' || el.type === 'submit') continue;
    const labelled = (el.id && document.querySelector('label[for="' + el.id + '"]')) || el.closest('label') ||
      el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
    if (!labelled) problems.push('form control without a label: ' + describe(el));
  }
  for (const el of document.querySelectorAll('button, a[href]')) {
    if (!(el.textContent.trim() || el.getAttribute('aria-label') || el.querySelector('img[alt]:not([alt=""])')))
      problems.push('control without an accessible name: ' + describe(el));
  }
  for (const img of document.querySelectorAll('img')) {
    if (!img.hasAttribute('alt')) problems.push('img without alt: ' + img.src);
  }
  for (const svg of document.querySelectorAll('svg')) {
    if (svg.getAttribute('aria-hidden') === 'true') continue;
    const title = svg.querySelector(':scope > title');
    if (!title || !title.textContent.trim()) problems.push('svg without a title');
    if (svg.getAttribute('role') !== 'img') problems.push('svg without role=img');
    for (const id of (svg.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean)) {
      if (!document.getElementById(id)) problems.push('svg labelled by a missing id ' + id);
    }
  }
  const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(h => Number(h.tagName[1]));
  if (headings.filter(level => level === 1).length !== 1) problems.push('not exactly one h1: ' + headings);
  headings.forEach((level, index) => {
    if (index > 0 && level > headings[index - 1] + 1) problems.push('heading level jumps: ' + headings);
  });
  for (const th of document.querySelectorAll('th')) {
    const inHead = th.closest('thead');
    if (th.getAttribute('scope') !== (inHead ? 'col' : 'row')) problems.push('th without the right scope: ' +
      th.textContent.trim().slice(0, 30));
  }
  const ids = [...document.querySelectorAll('[id]')].map(el => el.id);
  const duplicated = ids.filter((id, index) => ids.indexOf(id) !== index);
  if (duplicated.length) problems.push('duplicate ids: ' + [...new Set(duplicated)]);
  // Contrast of every visible text against the background it is drawn on (WCAG AA).
  const parse = (value) => {
    const m = value.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/);
    return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : null;
  };
  const luminance = ([r, g, b]) => {
    const channel = (c) => { c /= 255; return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const background = (el) => {
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const color = parse(getComputedStyle(node).backgroundColor);
      if (color && color[3] > 0.5) return color;
    }
    return [255, 255, 255, 1];
  };
  const checked = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const text = walker.currentNode;
    const el = text.parentElement;
    if (!text.textContent.trim() || !el || checked.has(el)) continue;
    checked.add(el);
    if (el.closest('title, desc, option, .visually-hidden, .skip, script')) continue;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    if (style.visibility === 'hidden' || style.display === 'none' || box.width === 0 || box.height === 0) continue;
    const inSvg = el.closest('svg');
    const foreground = parse(inSvg ? style.fill : style.color);
    if (!foreground) continue;
    const back = inSvg ? background(inSvg) : background(el);
    const [a, b] = [luminance(foreground), luminance(back)];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
    const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    if (ratio < needed) problems.push('contrast ' + ratio.toFixed(2) + ' < ' + needed + ' for "' +
      text.textContent.trim().slice(0, 30) + '" in ' + describe(el));
  }
  if (document.documentElement.scrollWidth > window.innerWidth + 1)
    problems.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + window.innerWidth);
  return problems;
}
"""


class Watcher:
    """Console errors, page errors, failed requests and HTTP errors of one browser context."""

    def __init__(self, context, base):
        self.problems = []
        self.base = base
        context.on("page", self.attach)

    def attach(self, page):
        page.on("console", lambda message: message.type == "error" and self.problems.append(
            f"console error on {page.url}: {message.text}"))
        page.on("pageerror", lambda error: self.problems.append(f"page error on {page.url}: {error}"))
        page.on("requestfailed", lambda request: self.problems.append(
            f"request failed: {request.url} ({request.failure})"))
        page.on("response", lambda response: response.status >= 400 and self.problems.append(
            f"HTTP {response.status}: {response.url}"))
        page.on("request", lambda request: not request.url.startswith((self.base, "data:")) and self.problems.append(
            f"request to another origin: {request.url}"))

    def take(self, where):
        check(not self.problems, f"{where}: {self.problems}")
        self.problems = []


def visit(page, watcher, url, name, shots, screenshot=True):
    page.goto(url)
    page.wait_for_load_state("networkidle")
    watcher.take(name)
    problems = page.evaluate(A11Y_CHECK)
    check(not problems, f"{name} accessibility: {problems}")
    if screenshot and shots:
        page.screenshot(path=os.path.join(shots, f"{name}-desktop.png"), full_page=True)
        page.set_viewport_size(PHONE)
        problems = page.evaluate(A11Y_CHECK)
        check(not problems, f"{name} accessibility at phone width: {problems}")
        page.screenshot(path=os.path.join(shots, f"{name}-phone.png"), full_page=True)
        page.set_viewport_size(DESKTOP)


def sign_in(page, base, key):
    page.goto(base + "/tonight")
    page.wait_for_load_state("networkidle")
    check(page.url.startswith(base + "/login"), f"an anonymous visit is sent to sign in, not {page.url}")
    page.fill("#key", key)
    with page.expect_navigation():
        page.click("form.stacked button[type=submit]")
    # The navigation ends at the load event, which does not wait for the icon: leaving before it arrives aborts it
    # (a loaded CI run once reported that as a failed request of the next page).
    page.wait_for_load_state("networkidle")
    check(page.url.startswith(base + "/tonight"), f"signing in returns to the slate, not {page.url}")


def slate_rows(page):
    return page.eval_on_selector_all(
        "#slate tbody tr",
        """rows => rows.map(row => [row.cells[0].getAttribute('data-value'), row.cells[2].textContent.trim(),
                                   row.cells[3].textContent.trim()])""",
    )


def expected_rows(base, key, date, market=None, game=None):
    """The date's lined ensemble predictions as the API pages them out: (player, market, line)."""
    items, cursor = [], None
    while True:
        path = f"/v1/dates/{date}/predictions?system=ensemble&limit=1000" + (f"&market={market}" if market else "")
        page = api(base, key, path + (f"&cursor={cursor}" if cursor else ""))
        items += page["items"]
        cursor = page.get("next_cursor")
        if not cursor:
            break
    return sorted(
        [item["player_name"], MARKET_LABELS[item["market"]], f"{item['line']:.1f}"]
        for item in items if item.get("line") is not None and (game is None or item["game_id"] == game)
    )


def browse(browser, base, key, scope, shots):
    print(f"{scope} session", flush=True)
    context = browser.new_context(viewport=DESKTOP)
    watcher = Watcher(context, base)
    page = context.new_page()
    sign_in(page, base, key)
    watcher.take(f"{scope} sign-in")

    visit(page, watcher, base + "/tonight", f"tonight", shots if scope == "read" else None)
    date = page.input_value("#f-date")
    rows = slate_rows(page)
    expected = expected_rows(base, key, date)
    check(len(rows) > 0, "the slate has rows")
    check(sorted(rows) == expected, f"the slate of {date} holds the API's {len(expected)} lined rows, not {len(rows)}")

    # The filters (a GET form; the script applies a choice at once): the first row's market, then the first game.
    market = next(value for value, label in MARKET_LABELS.items() if label == rows[0][1])
    with page.expect_navigation():
        page.select_option("#f-market", market)
    page.wait_for_load_state("networkidle")
    watcher.take("market filter")
    filtered = slate_rows(page)
    check(f"market={market}" in page.url, f"the filter is in the address: {page.url}")
    check(filtered and all(row[1] == rows[0][1] for row in filtered), f"the market filter leaves {market} only")
    check(sorted(filtered) == expected_rows(base, key, date, market), "the market's slate matches the API")
    game, matchup = page.eval_on_selector("#f-game option:nth-child(2)", "o => [o.value, o.textContent.trim()]")
    with page.expect_navigation():
        page.select_option("#f-game", game)
    page.wait_for_load_state("networkidle")
    watcher.take("game filter")
    narrowed = slate_rows(page)
    check(f"game={game}" in page.url, f"the game filter is in the address: {page.url}")
    check(sorted(narrowed) == expected_rows(base, key, date, market, game), f"the slate of {matchup} matches the API")
    check(len(narrowed) < len(filtered), f"the game filter narrows the slate ({len(narrowed)} of {len(filtered)})")
    with page.expect_navigation():
        page.select_option("#f-game", "")
    page.wait_for_load_state("networkidle")

    # Sorting in the browser by the line, both ways.
    header = "#slate thead th:nth-child(4) a"
    page.click(header)
    lines = [float(row[2]) for row in slate_rows(page)]
    first = page.get_attribute("#slate thead th:nth-child(4)", "aria-sort")
    check(lines == sorted(lines, reverse=first == "descending"), f"sorted by line ({first})")
    page.click(header)
    lines = [float(row[2]) for row in slate_rows(page)]
    check(lines == sorted(lines, reverse=first != "descending"), "sorted by line the other way")
    check(f"market={market}" in page.url and "sort=" not in page.url, "sorting in the browser stays on the page")

    # The player page from the slate's first row.
    name = page.get_attribute("#slate tbody tr th", "data-value")
    with page.expect_navigation():
        page.click("#slate tbody tr th a")
    page.wait_for_load_state("networkidle")
    player_url = page.url
    visit(page, watcher, player_url, "player", shots if scope == "read" else None)
    check(page.inner_text("h1 .name") == name, f"the player page is {name}'s")
    check(page.locator("svg.chart").count() == 6, "five stat-vs-line charts and the minutes chart")
    player_id = int(re.search(r"/players/(\d+)", player_url).group(1))
    data = api(base, key, f"/v1/players/{player_id}?date={date}")
    check(page.locator("#h-season").count() == 1, "the season section is there")
    check(data["player"]["name"] == name, "the API names the same player")

    visit(page, watcher, base + "/players?q=" + name.split()[-1][:6], "players", shots if scope == "read" else None)
    check(page.locator(".results li a", has_text=name).count() >= 1, f"the search finds {name}")

    visit(page, watcher, base + "/performance?from=2024-01-01&to=2024-01-15", "performance",
          shots if scope == "read" else None)
    report = api(base, key, "/v1/performance?from=2024-01-01&to=2024-01-15&system=ensemble")
    bets = sum(result["bets"] for result in report["results"])
    shown = page.eval_on_selector_all(
        "#h-record ~ .table-wrap tbody tr",
        "rows => rows.filter(r => r.cells[0].textContent.includes('Ensemble')).map(r => r.cells[1].textContent)")
    check(shown == [str(bets)], f"the ensemble's bets are the API's {bets}: {shown}")
    calibrated = sum(bucket["n"] for result in report["results"] for bucket in result["calibration"])
    counted = page.eval_on_selector_all(
        "#h-calibration ~ .table-wrap tbody tr", "rows => rows.map(r => Number(r.cells[3].textContent))")
    check(calibrated > 0 and sum(counted) == calibrated,
          f"the calibration buckets hold the API's {calibrated} rows: {counted}")
    check(page.locator("#chart-calibration-title").count() == 1, "the reliability diagram is drawn")

    visit(page, watcher, base + "/pipeline", f"pipeline-{scope}", shots)
    check(page.locator("#failures code", has_text=FAILED_JOB).count() == 1, "the failed job is listed")
    check(page.locator("text=HTTP 503 <b>Service Unavailable</b>").count() == 1, "its error is shown as text")
    retry_buttons = page.locator("button.retry").count()
    if scope == "read":
        check(retry_buttons == 0, f"no retry button for a read key ({retry_buttons})")
    else:
        check(retry_buttons == 1, f"a retry button for an admin key ({retry_buttons})")
        with page.expect_navigation():
            page.click("button.retry")
        page.wait_for_load_state("networkidle")
        watcher.take("retry")
        check(page.locator(".flash").count() == 1, "the retry is confirmed")
        status = api(base, key, "/v1/pipeline")
        check(not any(job["key"] == FAILED_JOB for job in status["failures"]), "the job is no longer failed")
        check(page.locator("#failures code", has_text=FAILED_JOB).count() == 0, "the page no longer lists it")

    if scope == "read" and shots:
        context_anonymous = browser.new_context(viewport=DESKTOP)
        anonymous = context_anonymous.new_page()
        anonymous.goto(base + "/login")
        anonymous.screenshot(path=os.path.join(shots, "sign-in-desktop.png"), full_page=True)
        anonymous.set_viewport_size(PHONE)
        anonymous.screenshot(path=os.path.join(shots, "sign-in-phone.png"), full_page=True)
        problems = anonymous.evaluate(A11Y_CHECK)
        check(not problems, f"sign-in accessibility: {problems}")
        context_anonymous.close()

    # Signing out ends the session.
    with page.expect_navigation():
        page.click("header form button[type=submit]")
    page.wait_for_load_state("networkidle")
    page.goto(base + "/pipeline")
    check(page.url.startswith(base + "/login"), f"after signing out the pages ask to sign in ({page.url})")
    watcher.take(f"{scope} sign-out")
    context.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--hoopcast", default=os.path.join(REPO, ".build/debug/hoopcast"))
    parser.add_argument("--screenshots", default=os.path.join(REPO, ".build/screenshots"))
    arguments = parser.parse_args()
    started = time.monotonic()
    directory = tempfile.mkdtemp(prefix="hoopcast-browser-")
    shutil.rmtree(arguments.screenshots, ignore_errors=True)
    os.makedirs(arguments.screenshots, exist_ok=True)
    server = None
    try:
        location, keys = build_store(arguments.hoopcast, directory)
        print(f"fixture store ready ({time.monotonic() - started:.0f} s)", flush=True)
        server, base = start_server(arguments.hoopcast, location)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            for scope in ("read", "admin"):
                browse(browser, base, keys[scope], scope, arguments.screenshots)
            browser.close()
        server.terminate()
        server.wait(timeout=10)
        server = None
        check_tls(arguments.hoopcast, location, directory)
    finally:
        if server:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
        shutil.rmtree(directory, ignore_errors=True)
    elapsed = time.monotonic() - started
    shots = sorted(os.listdir(arguments.screenshots))
    print(f"screenshots in {arguments.screenshots}: {', '.join(shots)}")
    if failures:
        print(f"browser test: {len(failures)} failed checks in {elapsed:.0f} s")
        for failure in failures:
            print(f"  - {failure}")
        sys.exit(1)
    print(f"browser test: every check passed in {elapsed:.0f} s")


if __name__ == "__main__":
    main()
