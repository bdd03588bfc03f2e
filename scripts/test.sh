#!/usr/bin/env bash
# One command for the whole test suite on a fresh machine: installs the
# package with its test and dask extras (Dask, pyarrow), Debian's chromium when it is missing, then runs
# every test (the browser tests included).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install --quiet --disable-pip-version-check -e ".[test,dask]"
if [ ! -x /usr/bin/chromium ]; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
python3 -m pytest -q "$@"
