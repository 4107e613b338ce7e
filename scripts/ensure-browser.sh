#!/usr/bin/env bash
# Makes sure the end-to-end tests have a Chromium: $CHROMIUM_PATH, Debian's /usr/bin/chromium,
# Playwright's own download, or (as root on Debian/Ubuntu) an apt install.
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "${CHROMIUM_PATH}" ]; then exit 0; fi
if [ -x /usr/bin/chromium ]; then exit 0; fi
if node -e "require('fs').accessSync(require('playwright-core').chromium.executablePath())" 2>/dev/null; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the end-to-end tests…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null && exit 0
fi
npx playwright install chromium && exit 0
echo "No Chromium for the end-to-end tests. Install one (sudo apt-get install chromium, or npx playwright install chromium) or set CHROMIUM_PATH." >&2
exit 1
