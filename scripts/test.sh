#!/usr/bin/env bash
# The full test suite: installs what the build needs (Debian packages), then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
[ -f /usr/include/zlib.h ] || need+=(zlib1g-dev)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)  # the dashboard's browser test (below)
command -v openssl >/dev/null 2>&1 || need+=(openssl)  # throwaway certificates: SMTP and serve --tls-cert tests
if [ ${#need[@]} -gt 0 ]; then
    echo "installing: ${need[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
fi

# The training tests run the real training/train.py (catboost pinned): install it when it is missing.
if ! python3 -c "import catboost, numpy, pandas" 2>/dev/null; then
    echo "installing: training/requirements.txt"
    pip_install=(python3 -m pip install -q -r training/requirements.txt)
    timeout 900 "${pip_install[@]}" || timeout 900 "${pip_install[@]}" --break-system-packages
fi

# The dashboard's browser test drives Debian's chromium through playwright (PyPI; it never downloads a browser).
if ! python3 -c "import playwright" 2>/dev/null; then
    echo "installing: playwright"
    pip_install=(python3 -m pip install -q playwright)
    timeout 900 "${pip_install[@]}" || timeout 900 "${pip_install[@]}" --break-system-packages
fi

# The SMTP client's tests send mail to a real server: aiosmtpd (PyPI), run by scripts/smtp-sink.py.
if ! python3 -c "import aiosmtpd" 2>/dev/null; then
    echo "installing: aiosmtpd"
    pip_install=(python3 -m pip install -q aiosmtpd==1.4.6)
    timeout 900 "${pip_install[@]}" || timeout 900 "${pip_install[@]}" --break-system-packages
fi

# PostgreSQL: the engine-parity and queue tests run against a real server. Use the one in
# HOOPCAST_TEST_POSTGRES_URL when given (a role that may CREATE DATABASE), else start a throwaway one on loopback.
if [ -z "${HOOPCAST_TEST_POSTGRES_URL:-}" ]; then
    export HOOPCAST_PG_DIR="/tmp/hoopcast-test-pg-$$"
    export HOOPCAST_PG_PORT="${HOOPCAST_PG_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
    HOOPCAST_TEST_POSTGRES_URL="$(scripts/postgres-test-server.sh start)"
    export HOOPCAST_TEST_POSTGRES_URL
    trap 'scripts/postgres-test-server.sh stop; rm -rf "$HOOPCAST_PG_DIR" "$HOOPCAST_PG_DIR.initdb.log"' EXIT
fi
export HOOPCAST_TEST_POSTGRES_REQUIRED=1
echo "PostgreSQL for tests: ${HOOPCAST_TEST_POSTGRES_URL%%@*}@…"

# House style (.swift-format: 4 spaces, 120 columns, sorted imports): any finding fails the run.
swift format lint --strict --recursive Sources Tests Package.swift

swift build --build-tests

# --- The dashboard in a real browser: `hoopcast serve` on a fixture store, headless chromium, screenshots in
# .build/screenshots/ (scripts/browser-test.py; about a minute). Before `swift test`, whose summary closes the run.
timeout 600 python3 scripts/browser-test.py --hoopcast .build/debug/hoopcast
# ---
# --- The API against its document: schemathesis (PyPI) fuzzes `hoopcast serve` on a fixture store (half a minute).
if ! command -v st >/dev/null 2>&1; then
    echo "installing: schemathesis"
    timeout 900 python3 -m pip install -q schemathesis || timeout 900 python3 -m pip install -q schemathesis --break-system-packages
fi
timeout 600 python3 scripts/fuzz-api.py --hoopcast .build/debug/hoopcast
# ---
swift test --skip-build 2>&1 | tee .build/test-output.txt
# swift test's exit status already reflects failures; keep the closing lines visible for CI.
