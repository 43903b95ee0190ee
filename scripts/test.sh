#!/usr/bin/env bash
# Set everything up, then lint, check the architecture contracts and the translation, run the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export PATH="$PWD/.venv/bin:$PATH"
echo "== ruff"
ruff check .
echo "== import-linter"
lint-imports
echo "== translations"
python tools/i18n.py --check
echo "== pytest"
exec pytest -n auto "$@"
