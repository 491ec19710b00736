#!/usr/bin/env bash
# make upgrade: refresh uv.lock within pyproject.toml's ranges, install it, run the suite, say what changed.
# The new lock stays in the work tree for review; `git checkout uv.lock && make install` undoes it.
set -euo pipefail
cd "$(dirname "$0")/.."
before=$(mktemp)
cp uv.lock "$before"
UV_PYTHON_DOWNLOADS=never .venv-tools/bin/uv lock --upgrade --quiet
echo "Changed in uv.lock:"
python3 scripts/lock_diff.py "$before" uv.lock
rm -f "$before"
bash scripts/install-python.sh
make test
