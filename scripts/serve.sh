#!/usr/bin/env bash
# Builds the release web app into dist/ and serves it on http://127.0.0.1:8080 (or $PORT).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"
ensure_app_tools
trunk build --release
PORT="${PORT:-8080}"
say "kinesis-cascade is at http://127.0.0.1:$PORT/"
exec node "$ROOT/scripts/static-server.mjs" "$ROOT/dist" "$PORT"
