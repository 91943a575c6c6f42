"""The 到期数据 tab: periods, what is due, anonymising after a confirmation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app.domain.roles import Role
from app.services.access.retention import RetentionService
from app.services.access.retention_types import ANONYMISED, DueKind
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput, ClientQuery
from app.services.context import Actor
from app.store.engine import Database
from app.store.models import Client, Visit
from app.ui.settings.retention_tab import RetentionTab
from app.ui.tasks import TaskRunner
from tests.ui.shell_helpers import visible

LONG_AGO = dt.datetime(2019, 3, 1, 8, tzinfo=dt.UTC)


@pytest.fixture
def due(db: Database, admin: Actor) -> int:
    """A client archived years ago, and an old home visit with notes."""
    clients = ClientService(db, admin)
    cid = clients.create(ClientInput(name="刘建国", phone="13812345678")).id
    clients.archive(cid, version=clients.get(cid).version, reason="迁出本镇")
    with db.write() as s:
        s.get_one(Client, cid).archived_at = LONG_AGO
        s.add(
            Visit(
                station_id=admin.station_id, visited_on=LONG_AGO.date(), worker_id=admin.user_id,
                visit_type="home", people_met="刘建国", needs_found="屋顶漏雨",
            )
        )  # fmt: skip
    return cid


def make_tab(qtbot: QtBot, db: Database, actor: Actor, tasks: TaskRunner) -> RetentionTab:
    tab = RetentionTab(
        retention=RetentionService(db, actor),
        tasks=tasks,
        can_edit_policy=actor.role is Role.ADMIN,
    )
    qtbot.addWidget(tab)
    tab.resize(760, 620)
    tab.show()
    qtbot.waitUntil(lambda: tab.summary is not None, timeout=5_000)
    return tab


def test_lists_due_records_and_anonymises_on_confirmation(
    qtbot: QtBot, db: Database, admin: Actor, due: int, tasks: TaskRunner
) -> None:
    tab = make_tab(qtbot, db, admin, tasks)
    assert tab.summary is not None
    assert tab.summary.counts == {DueKind.CASE: 0, DueKind.CLIENT: 1, DueKind.VISIT: 1}
    assert tab.years["closed_case_years"].value() == 5
    tab.kind.setCurrentIndex(tab.kind.findData(DueKind.CLIENT))
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=5_000)
    qtbot.waitUntil(lambda: tab.model.index(0, 0).data() == "刘建国", timeout=5_000)
    assert tab.model.index(0, 1).data() == "2019-03-01"
    tab.grab().save("/tmp/retention_tab.png")

    box = tab.ask_anonymise()
    assert box is not None and "2" in box.text()
    box.buttons()[0].click()
    qtbot.waitUntil(lambda: bool(visible(QMessageBox)), timeout=5_000)
    assert "1" in visible(QMessageBox)[0].text()
    qtbot.waitUntil(lambda: tab.summary is not None and tab.summary.total == 0, timeout=5_000)
    assert not tab.anonymise_button.isEnabled()
    with db.read() as s:
        client = s.get_one(Client, due)
        assert (client.name, client.phone) == (ANONYMISED, "")
    assert ClientService(db, admin).search_ids(ClientQuery(text="刘建国", status="")) == []


def test_cancel_keeps_everything(
    qtbot: QtBot, db: Database, admin: Actor, due: int, tasks: TaskRunner
) -> None:
    tab = make_tab(qtbot, db, admin, tasks)
    box = tab.ask_anonymise()
    assert box is not None
    (cancel,) = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole]
    assert cancel.text() == "Cancel"
    cancel.click()
    assert not box.isVisible()
    # Anonymising would run in the background: let any such job finish before looking.
    assert tasks.wait()
    QApplication.processEvents()  # delivers its result, if any
    assert tab.anonymise_button.isEnabled()
    assert visible(QMessageBox) == []
    with db.read() as s:
        client = s.get_one(Client, due)
        assert (client.name, client.phone) == ("刘建国", "13812345678")
    assert RetentionService(db, admin).summary().total == 2


def test_the_head_anonymises_but_only_the_admin_sets_periods(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    make_actor: Callable[..., Actor],
    due: int,
    tasks: TaskRunner,
) -> None:
    head_tab = make_tab(qtbot, db, make_actor(Role.HEAD, "zhang", "张站长"), tasks)
    assert not head_tab.save_policy_button.isVisible()
    assert not head_tab.years["visit_years"].isEnabled()
    assert head_tab.anonymise_button.isEnabled()

    tab = make_tab(qtbot, db, admin, tasks)
    tab.years["archived_client_years"].setValue(30)
    tab.years["visit_years"].setValue(30)
    tab.save_policy()
    qtbot.waitUntil(lambda: tab.summary is not None and tab.summary.total == 0, timeout=5_000)
    assert RetentionService(db, admin).policy().visit_years == 30
