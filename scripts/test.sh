#!/usr/bin/env bash
# The full test suite: installs what the build needs (Debian packages), then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
[ -f /usr/include/zlib.h ] || need+=(zlib1g-dev)
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

swift build --build-tests
swift test --skip-build 2>&1 | tee .build/test-output.txt
# swift test's exit status already reflects failures; keep the closing lines visible for CI.
