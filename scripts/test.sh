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

swift build --build-tests
swift test --skip-build 2>&1 | tee .build/test-output.txt
# swift test's exit status already reflects failures; keep the closing lines visible for CI.
