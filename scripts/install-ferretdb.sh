#!/usr/bin/env bash
# Installs FerretDB v1.24.2 (a MongoDB wire-protocol server on SQLite) for the MongoDB store's test suite.
# Used by `npm run test:all` and `.ci/run`; a no-op when the binary is already there.
#
# Why not plain `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2`: the Go module proxy reachable here
# answers 403 for FerretDB's version list, which `go install pkg@version` reads to look for a deprecation notice, so
# the install stops before building. The module itself downloads fine, so we fetch it with `go mod download` and build
# it from a writable copy. The copy also needs build/version/version.txt, which FerretDB's release tooling generates
# and the module zip does not carry (without it the binary panics at start-up).
set -euo pipefail

VERSION=v1.24.2
GOBIN_DIR="$(go env GOPATH)/bin"
TARGET="${FERRETDB_BIN:-$GOBIN_DIR/ferretdb}"

if [ -x "$TARGET" ] && "$TARGET" --version 2>/dev/null | grep -q "${VERSION}"; then
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  echo "FerretDB is not installed and Go is missing: install Go (https://go.dev/dl/) or set MONGODB_URI." >&2
  exit 1
fi

echo "Installing FerretDB ${VERSION} (first run only, takes a few minutes)..." >&2
if go install "github.com/FerretDB/FerretDB/cmd/ferretdb@${VERSION}" 2>/dev/null && "$GOBIN_DIR/ferretdb" --version >/dev/null 2>&1; then
  [ "$TARGET" = "$GOBIN_DIR/ferretdb" ] || cp "$GOBIN_DIR/ferretdb" "$TARGET"
  exit 0
fi

SRC="$(go mod download -json "github.com/FerretDB/FerretDB@${VERSION}" | sed -n 's/.*"Dir": "\(.*\)",*/\1/p')"
WORK="$(mktemp -d)"
trap 'chmod -R u+w "$WORK" 2>/dev/null; rm -rf "$WORK"' EXIT
cp -r "$SRC/." "$WORK/"
chmod -R u+w "$WORK"
echo "${VERSION}" > "$WORK/build/version/version.txt"
mkdir -p "$(dirname "$TARGET")"
(cd "$WORK" && GOFLAGS=-buildvcs=false go build -o "$TARGET" ./cmd/ferretdb)
"$TARGET" --version >/dev/null
echo "FerretDB installed at $TARGET" >&2
