#!/usr/bin/env bash
# Builds the release app and runs the browser tests against dist/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release
node --test --test-concurrency=1 tests/e2e/
