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
cargo clippy --target wasm32-unknown-unknown -p kinesis-cascade --all-targets -- -D warnings
say "cascade-sim builds for wasm32"
cargo build -p cascade-sim --lib --no-default-features --target wasm32-unknown-unknown --quiet
say "cargo test (model, command line, properties, calibration)"
cargo test --workspace --release

ensure_app_tools
ensure_chromium
say "web app component tests (wasm-bindgen-test, headless Chromium)"
CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}" \
  cargo test --target wasm32-unknown-unknown -p kinesis-cascade
say "end-to-end tests of the built app (Playwright, headless Chromium)"
bash "$ROOT/tests/e2e/run.sh"
ensure_other_browsers
say "the built app in Firefox ESR and WebKitGTK (WebDriver)"
node --test --test-concurrency=1 "$ROOT/tests/browsers/"
