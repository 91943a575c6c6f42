"""Two people edit one client: the second save asks, compares, and never overwrites silently."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.domain.roles import Role
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.context import Actor
from app.services.settings.codes import CodeService
from app.store.engine import Database
from app.ui.clients.choices import load_choices
from app.ui.clients.form import ClientFormDialog
from app.ui.conflict_dialog import ConflictDialog
from app.ui.tasks import TaskRunner
from tests.ui.items import cell

# The form, its service and the client's id.
Conflict = tuple[ClientFormDialog, ClientService, int]


@pytest.fixture
def conflict(
    qtbot: QtBot, db: Database, admin: Actor, make_actor: Callable[..., Actor], tasks: TaskRunner
) -> Conflict:
    """My form is open on version 1; a colleague saves a new address meanwhile; I save."""
    mine = ClientService(db, admin)
    colleague = ClientService(db, make_actor(Role.HEAD, "zhan"))
    saved = mine.create(ClientInput(name="张三", address="梅林村1组"))
    form = ClientFormDialog(
        clients=mine,
        tasks=tasks,
        choices=load_choices(mine, CodeService(db, admin)),
        detail=mine.get(saved.id),
    )
    qtbot.addWidget(form)
    form.show()
    colleague.update(
        saved.id, version=saved.version, data=ClientInput(name="张三", address="东山村")
    )
    form.notes.setPlainText("腿脚不便")
    form.save()
    qtbot.waitUntil(lambda: form.conflict is not None and form.conflict.isVisible())
    assert form.isVisible()
    return form, mine, saved.id


def answer(qtbot: QtBot, box: QMessageBox) -> None:
    qtbot.waitUntil(box.isVisible)
    box.buttons()[0].click()


def test_compare_lists_the_fields_that_differ(conflict: Conflict) -> None:
    form, _clients, _id = conflict
    dialog = form.conflict
    assert isinstance(dialog, ConflictDialog)
    dialog.compare()
    assert dialog.table.isVisible()
    differing = {(row.caption, row.stored, row.mine) for row in dialog.differing()}
    assert differing == {("Address", "东山村", "梅林村1组"), ("Notes", "", "腿脚不便")}
    captions = [cell(dialog.table, r, 0).text() for r in range(dialog.table.rowCount())]
    address = captions.index("Address")
    name = captions.index("Name")
    assert cell(dialog.table, address, 1).background() != cell(dialog.table, name, 1).background()


def test_keep_mine_shows_the_difference_then_saves_over(qtbot: QtBot, conflict: Conflict) -> None:
    form, clients, client_id = conflict
    assert form.conflict is not None
    theirs = form.conflict.stored.version
    with qtbot.waitSignal(form.saved, timeout=5_000):
        box = form.conflict.keep_mine()
        assert form.conflict.table.isVisible()
        assert "Address" in box.text()
        answer(qtbot, box)
    stored = clients.get(client_id)
    assert (stored.address, stored.notes) == ("梅林村1组", "腿脚不便")
    assert stored.version > theirs


def test_reload_asks_then_shows_the_stored_value(qtbot: QtBot, conflict: Conflict) -> None:
    form, clients, client_id = conflict
    assert form.conflict is not None
    theirs = form.conflict.stored.version
    box = form.conflict.reload()
    assert form.address.text() == "梅林村1组"  # nothing happens before the answer
    answer(qtbot, box)
    qtbot.waitUntil(lambda: form.address.text() == "东山村")
    assert form.notes.toPlainText() == ""
    assert clients.get(client_id).version == theirs


def test_going_back_keeps_my_edits_and_the_stored_record(qtbot: QtBot, conflict: Conflict) -> None:
    form, clients, client_id = conflict
    assert form.conflict is not None
    form.conflict.reject()
    assert form.notes.toPlainText() == "腿脚不便"
    assert clients.get(client_id).address == "东山村"
