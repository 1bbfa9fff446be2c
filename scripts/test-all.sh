#!/usr/bin/env bash
# Every test of the project, in the order CI runs them. Fails on the first red step.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "lint";          npx eslint . --max-warnings 0
step "format check";  npx prettier --check .
step "typecheck";     npx tsc --noEmit -p .
step "unit + API tests on SQLite";     npx vitest run
step "unit + API tests on PostgreSQL"; npx tsx scripts/with-postgres.ts npx vitest run
step "browser tests (Chromium)";       npx playwright test
