"""The 备份与恢复 panel over the real backup service."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from app.domain.roles import Role
from app.services.access.auth import AuthService
from app.services.backup.service import BackupService
from app.services.context import Actor
from app.services.staff.users import UserService
from app.store.engine import Database
from app.ui.backup_dialogs import BackupPanel
from app.ui.tasks import TaskRunner
from tests.ui.items import cell
from tests.ui.shell_helpers import close_dialogs, visible


def make_panel(
    qtbot: QtBot, db: Database, actor: Actor, tasks: TaskRunner, folder: Path
) -> BackupPanel:
    panel = BackupPanel(backups=BackupService(db, actor, folder=folder), tasks=tasks)
    qtbot.addWidget(panel)
    panel.show()
    return panel


def test_back_up_now_then_to_a_stick_then_restore(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    tasks: TaskRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    panel = make_panel(qtbot, db, admin, tasks, tmp_path / "backups")
    assert panel.restore_button.isVisible() and not panel.restore_button.isEnabled()

    panel.now_button.click()
    qtbot.waitUntil(lambda: len(panel.rows) == 1)
    assert panel.table.item(0, 4) is not None and panel.table.rowCount() == 1
    assert cell(panel.table, 0, 1).text() == "手动（保留至手动删除）"
    assert str(panel.rows[0].path) in panel.last_message

    stick = tmp_path / "usb"
    stick.mkdir()
    monkeypatch.setattr(panel, "choose_folder", lambda: stick)
    panel.encrypt.setChecked(True)
    monkeypatch.setattr(panel, "ask_password", lambda *, confirm: "usb-secret-1")
    panel.to_button.click()
    qtbot.waitUntil(lambda: len(list(stick.glob("*.sdenc"))) == 1 and panel.now_button.isEnabled())
    assert "read back and matches" in panel.last_message
    # Backups made by hand are never pruned: both stay, the newest first.
    qtbot.waitUntil(lambda: len(panel.rows) == 2 and panel.rows[0].encrypted)
    assert cell(panel.table, 0, 6).text() == "Yes"

    close_dialogs()
    plain = panel.rows[1]
    panel.table.selectRow(1)
    assert panel.delete_button.isEnabled()
    panel.delete_button.click()
    qtbot.waitUntil(lambda: bool(visible(QMessageBox)))
    visible(QMessageBox)[0].button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: len(panel.rows) == 1)
    assert not plain.path.exists() and panel.rows[0].encrypted

    close_dialogs()  # the "backed up" notes
    panel.table.selectRow(0)
    with qtbot.waitSignal(panel.restored, timeout=10_000) as restored:
        panel.restore_button.click()
        qtbot.waitUntil(lambda: bool(visible(QMessageBox)))
        visible(QMessageBox)[0].button(QMessageBox.StandardButton.Yes).click()
    assert restored.args[0].set_aside.exists()


def test_a_station_head_backs_up_but_cannot_restore(
    qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner, tmp_path: Path
) -> None:
    UserService(db, admin).add(
        login="head1", display_name="站长", role=Role.HEAD, password="head-pass-1"
    )
    head = AuthService(db).login(login="head1", password="head-pass-1")
    panel = make_panel(qtbot, db, head, tasks, tmp_path / "backups")
    assert not panel.restore_button.isVisible()
    panel.now_button.click()
    qtbot.waitUntil(lambda: len(panel.rows) == 1)


def test_a_backup_shows_that_it_runs_and_offers_no_cancel(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    tasks: TaskRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    release = threading.Event()
    real = BackupService.backup_now

    def held(self: BackupService, **kw: Any) -> Any:
        release.wait(10)
        return real(self, **kw)

    monkeypatch.setattr(BackupService, "backup_now", held)
    panel = make_panel(qtbot, db, admin, tasks, tmp_path / "backups")
    panel.now_button.click()
    qtbot.waitUntil(lambda: bool(visible(QProgressDialog)), timeout=5_000)
    busy = visible(QProgressDialog)[0]
    assert busy.labelText() == "Backing up, please wait…"
    assert busy.findChildren(QPushButton) == []  # stopped half-way, a backup is no backup
    assert not panel.now_button.isEnabled()
    release.set()
    qtbot.waitUntil(lambda: bool(panel.last_message), timeout=10_000)
    assert not visible(QProgressDialog)
    assert panel.now_button.isEnabled()
    close_dialogs()
