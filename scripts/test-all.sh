#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs what the suite needs, then typecheck, lint and every test.
# - npm packages, non-interactively (botbuilder-dialogs' postinstall would otherwise wait for a "yes");
# - Debian's chromium (browser test) and poppler-utils (PDF test), when missing and apt-get is there;
# - FerretDB v1.24.2 for the MongoDB store suite, when MONGODB_URI is not set and Go is there (first run: minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
export npm_config_yes=true
# Go lives in /usr/local/go on this project's machines; a CI shell may not have it (or its installed tools) on PATH.
export PATH="$PATH:/usr/local/go/bin:${HOME:-/root}/go/bin"

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # npm install rather than npm ci: npm 11 leaves other platforms' optional packages (e.g. @swc/core-darwin-*) out of
  # the lock file, which npm ci then refuses as "out of sync".
  npm install --no-audit --no-fund
fi

# Debian packages the tests use, with one apt-get update: chromium (browser test) and poppler-utils (pdftoppm,
# pdftotext and pdffonts for the incident-report PDF test).
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/pdftoppm ] || missing+=(poppler-utils)
if [ "${#missing[@]}" -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's ${missing[*]} for the tests..." >&2
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Note: ${missing[*]} missing and apt-get is not available; the tests that need them say what to install." >&2
  fi
fi

if [ -z "${MONGODB_URI:-}" ] && command -v go >/dev/null 2>&1; then
  bash scripts/install-ferretdb.sh
fi

npm run check
