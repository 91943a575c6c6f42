#!/usr/bin/env bash
# The wheel as a user gets it: `python -m build` (the wheel is built from the sdist), the
# wheel installed into a fresh venv, then run away from the checkout on a new database.
# The migrations, font and compiled translation must come from inside the installed package.
# `make wheel-check`; CI runs it after `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
work=$(mktemp -d "${TMPDIR:-/tmp}/stationdesk-wheel.XXXXXX")
trap 'rm -rf "$work"' EXIT
step() { printf '== %s (%ss)\n' "$1" "$SECONDS"; }
quiet() { "$@" >"$work/log" 2>&1 || { cat "$work/log"; return 1; }; }  # the log on failure

step "python -m build"
"$PYTHON" -m venv "$work/build-env"
quiet "$work/build-env/bin/pip" install build
quiet "$work/build-env/bin/python" -m build --outdir "$work/dist" .
wheel=$(ls "$work"/dist/stationdesk-*.whl)
echo "built $(basename "$wheel") ($(du -k "$wheel" | cut -f1) KB)"

step "install into a fresh venv"
"$PYTHON" -m venv "$work/venv"
quiet "$work/venv/bin/pip" install "$wheel"

step "run it on a new database"
cd "$work"  # nothing may come from the checkout
export STATIONDESK_DATA="$work/data" STATIONDESK_PASSWORD="Wheel-check-2024" QT_QPA_PLATFORM=offscreen
unset PYTHONPATH STATIONDESK_DB
sd="$work/venv/bin/stationdesk"
"$sd" --version
"$sd" init --db "$work/new.sqlite3" --station 检查镇社工站 --station-code JC0001 \
  --admin admin --display-name 管理员 --village 检查村 </dev/null
"$sd" check --db "$work/new.sqlite3"

step "the installed package holds what it needs"
"$work/venv/bin/python" - <<'PY'
from pathlib import Path

import app
from app import resources

package = Path(app.__file__).resolve().parent
assert "site-packages" in package.parts, package
for path in (resources.translation_file(), resources.font_file(), resources.stylesheet(),
             resources.icon(), resources.migrations_dir() / "env.py",
             *sorted(resources.help_dir().glob("*.md"))):
    assert path.is_file() and package in path.parents, path
    print("found", path.relative_to(package.parent))
assert len(list(resources.help_dir().glob("*.md"))) >= 10, resources.help_dir()
PY
"$work/venv/bin/python" -m app.selftest
step "wheel check passed"
