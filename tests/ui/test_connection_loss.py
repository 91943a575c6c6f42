"""The county server lost while a form is open: the message says so, the form keeps what
was typed, and 重试 runs the same save again (on SQLite, a service that raises the
disconnect error as SQLAlchemy does for PostgreSQL)."""

from __future__ import annotations

from typing import Any

import psycopg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput, Saved
from app.services.context import Actor
from app.services.settings.codes import CodeService
from app.store.engine import Database, storage_errors
from app.store.models import Client
from app.ui.clients.choices import load_choices
from app.ui.clients.form import ClientFormDialog
from app.ui.tasks import TaskRunner
from tests.ui.shell_helpers import chinese_ui, visible


def lose_connection() -> None:
    """What the engine raises when the server drops the connection under a statement."""
    lost = OperationalError(
        "INSERT INTO clients …", {},
        psycopg.OperationalError("server closed the connection unexpectedly"),
        connection_invalidated=True,
    )  # fmt: skip
    with storage_errors():
        raise lost


class FlakyClients(ClientService):
    """Saves fail while `down` is set, as if the server were gone."""

    down = True
    tries = 0

    def create(self, data: ClientInput, **kwargs: Any) -> Saved:
        self.tries += 1
        if self.down:
            lose_connection()
        return super().create(data, **kwargs)


@pytest.fixture
def clients(db: Database, admin: Actor) -> FlakyClients:
    return FlakyClients(db, admin)


@pytest.fixture
def form(
    qtbot: QtBot, db: Database, admin: Actor, clients: FlakyClients, tasks: TaskRunner
) -> ClientFormDialog:
    choices = load_choices(clients, CodeService(db, admin))
    dialog = ClientFormDialog(clients=clients, tasks=tasks, choices=choices, detail=None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("赵桂兰")
    dialog.phone.setText("13812345678")
    return dialog


def stored(db: Database) -> list[str]:
    with db.read() as session:
        return list(session.scalars(select(Client.name)))


def retry_box(qtbot: QtBot) -> QMessageBox:
    qtbot.waitUntil(lambda: any(b.objectName() == "retryBox" for b in visible(QMessageBox)))
    return next(b for b in visible(QMessageBox) if b.objectName() == "retryBox")


def press(qtbot: QtBot, box: QMessageBox, text: str) -> None:
    button = next(b for b in box.buttons() if b.text() == text)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_form_stays_and_retry_saves(
    qtbot: QtBot, db: Database, form: ClientFormDialog, clients: FlakyClients
) -> None:
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    box = retry_box(qtbot)
    assert "无法连接到县级服务器" in box.text()
    assert box.parentWidget() is form
    assert form.isVisible()
    assert (form.name.text(), form.phone.text()) == ("赵桂兰", "13812345678")
    assert not form.save_button.isEnabled()  # no second save while the question is open
    assert stored(db) == []
    clients.down = False  # the server is back
    with qtbot.waitSignal(form.saved, timeout=5_000):
        press(qtbot, box, "&Retry")
    assert clients.tries == 2
    assert stored(db) == ["赵桂兰"]
    qtbot.waitUntil(lambda: not form.isVisible())


def test_cancel_keeps_the_form_to_save_later(
    qtbot: QtBot, db: Database, form: ClientFormDialog, clients: FlakyClients
) -> None:
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    press(qtbot, retry_box(qtbot), "Cancel")
    qtbot.waitUntil(form.save_button.isEnabled)
    assert form.isVisible() and form.name.text() == "赵桂兰"
    assert stored(db) == []
    clients.down = False
    with qtbot.waitSignal(form.saved, timeout=5_000):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert stored(db) == ["赵桂兰"]


def test_in_chinese(qtbot: QtBot, form: ClientFormDialog) -> None:
    with chinese_ui():
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
        box = retry_box(qtbot)
        assert "填写的内容都还在" in box.text()
        assert {b.text() for b in box.buttons() if isinstance(b, QPushButton)} == {
            "重试(&R)",
            "取消",
        }
        press(qtbot, box, "取消")


def test_a_long_task_is_retried_with_its_progress(qtbot: QtBot, tasks: TaskRunner) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    owner.show()
    calls: list[int] = []
    results: list[str] = []

    def work(progress: Any, _is_cancelled: Any) -> str:
        calls.append(1)
        if len(calls) == 1:
            lose_connection()
        progress(1, 1)
        return "written"

    tasks.run_with_progress(owner, work, label="…", on_done=results.append)
    press(qtbot, retry_box(qtbot), "&Retry")
    qtbot.waitUntil(lambda: results == ["written"])
    assert len(calls) == 2
