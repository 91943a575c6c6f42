"""The core (domain, store, services, exports, demo, the desk) never imports Qt or the UI."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORE = ["app/domain", "app/store", "app/services", "app/exports", "app/demo", "app/desk.py"]
FORBIDDEN = ("PySide6", "app.ui")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(source: str, module: str, *, is_package: bool = False) -> set[str]:
    """Every module a file imports, anywhere in it (functions included), as absolute names."""
    package = module if is_package else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
        elif (
            isinstance(node, ast.Call)
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
            and (
                (isinstance(node.func, ast.Name) and node.func.id == "__import__")
                or (isinstance(node.func, ast.Attribute) and node.func.attr == "import_module")
            )
        ):
            found.add(node.args[0].value)
    return found


def is_forbidden(name: str) -> bool:
    return any(name == f or name.startswith(f + ".") for f in FORBIDDEN)


def core_files() -> list[Path]:
    paths = [ROOT / entry for entry in CORE]
    return sorted(p for path in paths for p in (path.rglob("*.py") if path.is_dir() else [path]))


def test_the_core_has_files_to_check() -> None:
    assert {p.relative_to(ROOT).parts[1] for p in core_files()} >= {
        "domain",
        "store",
        "services",
        "demo",
        "desk.py",
    }


@pytest.mark.parametrize("path", core_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_core_module_imports_qt_or_the_ui(path: Path) -> None:
    modules = imported_modules(
        path.read_text(encoding="utf-8"), module_name(path), is_package=path.name == "__init__.py"
    )
    assert sorted(m for m in modules if is_forbidden(m)) == []


@pytest.mark.parametrize(
    "source",
    [
        "import PySide6",
        "from PySide6.QtCore import QObject",
        "def later():\n    from PySide6 import QtWidgets\n",
        "class A:\n    def f(self):\n        import app.ui.tasks\n",
        "from app import ui",
        "from ...ui import tasks",
        "from ... import ui",
        "import importlib\nimportlib.import_module('PySide6.QtGui')",
        "__import__('app.ui.crash')",
    ],
)
def test_the_check_catches_every_way_of_importing(source: str) -> None:
    modules = imported_modules(source, "app.services.clients.service")
    assert any(is_forbidden(m) for m in modules)


def test_the_check_lets_ordinary_imports_through() -> None:
    source = "import sqlalchemy\nfrom app.store import search\nfrom ..access import audit\n"
    modules = imported_modules(source, "app.services.clients.service")
    assert not any(is_forbidden(m) for m in modules)
    assert "app.services.access.audit" in modules


def test_import_linter_contracts_are_kept() -> None:
    command = Path(sys.executable).with_name("lint-imports")
    program = str(command) if command.exists() else shutil.which("lint-imports")
    assert program, "import-linter is not installed"
    result = subprocess.run(
        [program, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" in result.stdout and "0 broken" in result.stdout


def test_only_the_store_speaks_to_sqlite3_directly() -> None:
    """Raw `sqlite3` (backups, checks, WAL) lives in app/store; the rest goes through it."""
    speaking = sorted(
        str(path.relative_to(ROOT))
        for path in (ROOT / "app").rglob("*.py")
        if "sqlite3" in imported_modules(path.read_text(encoding="utf-8"), module_name(path))
        and path.relative_to(ROOT).parts[1] != "store"
    )
    assert speaking == []
