#!/usr/bin/env bash
# Installs everything the test suite needs, then runs the whole suite.
# This is the README's test command; .ci/run calls it unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_MKDOCS_2_WARNING=1 PIP_DISABLE_PIP_VERSION_CHECK=1
python -m pip install --quiet -e '.[test]'
python -m pytest "$@"
