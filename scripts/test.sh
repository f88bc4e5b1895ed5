#!/usr/bin/env bash
# Runs every test of kinesis-cascade: formatting, lints, the model's tests, the wasm build of the
# model, the web app's build, and its browser tests. Installs what is missing first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"

ensure_wasm_target
say "cargo fmt --check"
cargo fmt --all -- --check
say "cargo clippy"
cargo clippy --workspace --all-targets -- -D warnings
say "cargo clippy, web app (wasm32)"
cargo clippy --target wasm32-unknown-unknown -p kinesis-cascade -- -D warnings
say "cascade-sim builds for wasm32"
cargo build -p cascade-sim --lib --target wasm32-unknown-unknown --quiet
say "cargo test (model, command line, properties, calibration)"
cargo test --workspace --release

if [ -f "$ROOT/tests/e2e/run.sh" ]; then
  ensure_app_tools
  ensure_chromium
  bash "$ROOT/tests/e2e/run.sh"
fi
