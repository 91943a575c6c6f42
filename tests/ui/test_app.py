"""Starting up: a database that cannot be used is explained in Chinese and left untouched."""

from __future__ import annotations

import logging
import logging.handlers
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

import app.store.engine
import app.ui.app as gui
from app.ui.i18n import remove_translations


@pytest.fixture
def refusals(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The texts of the messages run_gui shows instead of opening a window."""
    shown: list[str] = []
    monkeypatch.setattr(gui, "install_excepthook", lambda: None)
    monkeypatch.setattr(
        QMessageBox, "critical", lambda _parent, _title, text, *a: shown.append(text)
    )
    font = qapp.font()
    yield shown
    remove_translations(qapp)
    qapp.setStyleSheet("")
    qapp.setFont(font)
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            root.removeHandler(handler)
            handler.close()


def test_a_file_that_is_not_a_database(refusals: list[str], tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    content = b"these are someone's notes, not a database\n" * 200
    path.write_bytes(content)
    assert gui.run_gui(str(path)) == 1
    assert len(refusals) == 1
    assert "不是工作台的数据库" in refusals[0]
    assert str(path) in refusals[0]
    assert path.read_bytes() == content


def test_a_database_locked_by_another_program(
    refusals: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app.store.engine, "BUSY_TIMEOUT_MS", 200)
    path = tmp_path / "locked.sqlite3"
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("CREATE TABLE theirs (x)")
        other.execute("BEGIN EXCLUSIVE")
        other.execute("INSERT INTO theirs VALUES (1)")
        assert gui.run_gui(str(path)) == 1
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert len(refusals) == 1
    assert "占用" in refusals[0]
    check = sqlite3.connect(path)
    assert check.execute("SELECT name FROM sqlite_master").fetchall() == [("theirs",)]
    check.close()


def test_an_unreachable_server_is_explained_without_its_password(
    refusals: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.store.location import log_dir
    from tests.postgres import _free_port

    monkeypatch.setenv("PGCONNECT_TIMEOUT", "3")
    url = f"postgresql://county_jx0426:s3cret-Pw@127.0.0.1:{_free_port()}/county"
    assert gui.run_gui(url) == 1
    assert len(refusals) == 1
    assert "无法连接到县级服务器" in refusals[0]
    assert "s3cret-Pw" not in refusals[0] and "county_jx0426" in refusals[0]
    logged = "".join(p.read_text(encoding="utf-8") for p in log_dir().glob("*.log*"))
    assert "cannot open postgresql://county_jx0426:***@" in logged
    assert "s3cret-Pw" not in logged
