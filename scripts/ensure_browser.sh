#!/usr/bin/env bash
# Make Debian's chromium available for the browser tests (Playwright's own
# browser download cannot work here). Outside CI a missing browser is loud but
# not fatal: the browser tests then skip. In CI (CI set) it fails the run.
set -u
CHROMIUM="${IKT_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure_browser: installing Debian chromium with apt-get ..."
  apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1 || true
fi
if [ -x "$CHROMIUM" ]; then
  echo "ensure_browser: chromium installed at $CHROMIUM"
  exit 0
fi
echo "################################################################" >&2
echo "# ensure_browser: NO BROWSER at $CHROMIUM.                      " >&2
echo "# Browser (end-to-end) tests cannot run. Install it with        " >&2
echo "#   sudo apt-get install chromium                               " >&2
echo "################################################################" >&2
if [ -n "${CI:-}" ]; then
  echo "ensure_browser: CI is set, so a missing browser fails the run." >&2
  exit 1
fi
exit 0
