#!/usr/bin/env bash
# The README's test command; .ci/run calls it unchanged.
# Installs everything the test suite needs (each step is skipped when already done, so a second
# run goes straight to the tests), then runs the whole suite:
#   - Debian's Chromium (the browser tests drive /usr/bin/chromium; never a downloaded browser),
#   - Java for the Nu Html Checker, Node.js/npm for the npm tools,
#   - vnu-jar and axe-core from the committed package-lock.json (`npm ci`),
#   - the builder and the Python test dependencies (pytest, Playwright, LinkChecker) via pip.
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_MKDOCS_2_WARNING=1 PIP_DISABLE_PIP_VERSION_CHECK=1 DEBIAN_FRONTEND=noninteractive
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }
apt_updated=
apt_install() {
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq </dev/null; apt_updated=1; fi
  as_root apt-get install -y -qq --no-install-recommends "$@" </dev/null >/dev/null
}

# The browser tests use $CHROMIUM (tests/site/sitecheck.py); Debian's chromium by default.
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || { echo "run.sh: installing Chromium"; apt_install chromium fonts-liberation; }
command -v java >/dev/null || { echo "run.sh: installing Java"; apt_install default-jre-headless; }
command -v npm >/dev/null || { echo "run.sh: installing Node.js"; apt_install nodejs npm; }

# npm ci only when the lock file changed since the last install (a stamp inside node_modules).
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.lock-sha256 2>/dev/null)" != "$lock_sum" ]; then
  echo "run.sh: npm ci"
  # --ignore-scripts: vnu-jar ships its jar; its install script would only look for a Java to download.
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error </dev/null
  echo "$lock_sum" > node_modules/.lock-sha256
fi

# pip only when pyproject.toml, this checkout or the Python changed since the last install (a stamp in
# the gitignored .cache/), or when a test dependency no longer imports.
pip_stamp=$( (sha256sum pyproject.toml; pwd; command -v python) | sha256sum | cut -d' ' -f1)
if [ "$(cat .cache/pip-install.sha256 2>/dev/null)" != "$pip_stamp" ] \
   || ! python -c "import builder, pytest, xdist, hypothesis, playwright, linkcheck, mypy, ruff" 2>/dev/null; then
  python -m pip install --quiet -e '.[test]' </dev/null
  mkdir -p .cache && echo "$pip_stamp" > .cache/pip-install.sha256
fi
# Two workers (the machine CI runs on has two cores); the site judges share one worker
# (tests/site/conftest.py). pytest-benchmark, where installed, refuses xdist with a warning our
# warnings-are-errors setting turns fatal; no test uses it.
python -m pytest -p no:benchmark -n 2 --dist loadgroup "$@" </dev/null
