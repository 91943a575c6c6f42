"""`stationdesk` itself: the version, bad arguments, the GUI when no command is given."""

from __future__ import annotations

import argparse
import ast
import sys
import types
from pathlib import Path

import pytest

from app import __version__
from app.cli import COMMANDS, build_parser, main


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_self_test_runs_the_self_test_and_returns_its_code(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[list[str] | None] = []

    def self_test(argv: list[str] | None = None) -> int:
        calls.append(argv)
        return 1

    monkeypatch.setattr("app.selftest.main", self_test)
    assert main(["--self-test"]) == 1
    assert calls == [[]]


def test_bad_arguments_exit_2_with_usage(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["user", "add", "--name", "x"])
    assert stopped.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_no_command_starts_the_gui_with_the_given_database(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    started: list[str | None] = []
    fake = types.ModuleType("app.ui.app")

    def run_gui(location: str | None = None) -> int:
        started.append(location)
        return 0

    setattr(fake, "run_gui", run_gui)  # noqa: B010 (a module made at run time)
    monkeypatch.setitem(sys.modules, "app.ui.app", fake)
    assert main([]) == 0
    assert main(["--db", "elsewhere.sqlite3"]) == 0
    assert started == [None, "elsewhere.sqlite3"]


CLI = Path(__file__).resolve().parents[3] / "app" / "cli"


def _imports(path: Path) -> list[tuple[str, str]]:
    """(module, name) for every `from X import name` in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        (node.module or "", alias.name)
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    ]


@pytest.mark.parametrize(
    "path", sorted(p for p in CLI.glob("*.py") if p.name != "__init__.py"), ids=lambda p: p.name
)
def test_command_modules_share_no_private_helpers_and_never_import_the_package(
    path: Path,
) -> None:
    imported = _imports(path)
    assert imported, "the module should import something"
    assert [(m, n) for m, n in imported if m in ("app", "app.cli") and n != "__version__"] == []
    assert [(m, n) for m, n in imported if m.startswith("app.") and n.startswith("_")] == []


def _commands(parser: argparse.ArgumentParser) -> set[str]:
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return set(sub.choices)


def test_every_command_is_listed_with_the_module_that_adds_it() -> None:
    assert _commands(build_parser()) == set(COMMANDS)
    for command in COMMANDS:
        assert command in _commands(build_parser(command))
    assert _commands(build_parser("check")) == {"check"}


def test_an_unknown_command_is_refused_with_the_whole_list(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["chek"])
    assert exited.value.code == 2
    error = capsys.readouterr().err
    assert "chek" in error and "check" in error and "report" in error
