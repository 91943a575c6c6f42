"""The client/household-head search dialog: Enter while a search is still running."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.context import Actor
from app.store.engine import Database
from app.ui.clients.household_picker import HeadSearchDialog
from app.ui.tasks import TaskRunner


def test_enter_with_a_search_in_flight_chooses_and_the_late_result_is_dropped(
    qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner
) -> None:
    # 个案 → 开个案 → choose the client, Enter: the dialog closed and was deleted while its
    # second search was still running, and the late result wrote into the deleted list.
    clients = ClientService(db, admin)
    for name in ("张秀英", "张建国"):
        clients.create(ClientInput(name=name))
    dialog = HeadSearchDialog(clients=clients, tasks=tasks)
    dialog.finished.connect(lambda _result: dialog.deleteLater())  # as the intake dialog does
    dialog.open()
    dialog.search.setText("张秀英")
    dialog.search_now()
    qtbot.waitUntil(lambda: dialog.results.count() == 1)

    release = threading.Event()
    tasks.run(tasks, lambda: release.wait(5))  # the worker is busy: the next search waits
    dialog.search.setText("张")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)  # searches again and presses OK
    assert dialog.result() == QDialog.DialogCode.Accepted
    chosen = dialog.chosen
    assert chosen is not None and "张秀英" in chosen.label
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))

    release.set()
    assert tasks.wait()
    qtbot.waitUntil(lambda: tasks.dropped >= 1)
