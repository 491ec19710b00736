#!/usr/bin/env bash
# Installs Broadsheet's Python packages exactly as uv.lock pins them (versions and hashes) into .venv.
#   1. uv itself, pinned with its hashes (scripts/uv-requirements.txt), in .venv-tools, with the machine's pip;
#   2. `uv sync --frozen`: the lock as it is, never re-resolved; the project installed editable.
# EXTRAS="test bench" (the default) adds the test and bench extras; EXTRAS="" installs what production needs only.
# uv never downloads a Python: the machine's python3.11 (Debian 12's) is used; .python-version pins it.
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLS=.venv-tools
export UV_PYTHON_DOWNLOADS=never UV_PROJECT_ENVIRONMENT="${UV_PROJECT_ENVIRONMENT:-.venv}"
if ! "$TOOLS/bin/uv" --version 2>/dev/null | grep -qF "$(sed -n 's/^uv==\([^ ]*\).*/\1/p' scripts/uv-requirements.txt)"; then
  python3 -m venv "$TOOLS"
  "$TOOLS/bin/pip" install -q --require-hashes --no-deps -r scripts/uv-requirements.txt
fi
extras=()
for extra in ${EXTRAS-test bench}; do extras+=(--extra "$extra"); done
"$TOOLS/bin/uv" sync --frozen --quiet "${extras[@]}"
