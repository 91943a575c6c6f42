"""The 走访 page: record a visit, open a case from it, and keep the day's work log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from shiboken6 import isValid
from stdnum.cn import ric

from app.domain.roles import Role
from app.services.cases.service import CaseService
from app.services.cases.types import CaseQuery
from app.services.choice import Choice
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.context import Actor
from app.services.settings.codes import CodeService
from app.services.visits.service import VisitService
from app.services.visits.types import VisitInput
from app.services.visits.worklogs import WorkLogService
from app.store.engine import Database
from app.ui.tasks import TaskRunner
from app.ui.visits.page import VisitsPage
from app.ui.visits.worklog_tab import WorkLogTab
from tests.consents import consent_to_services
from tests.ui.items import cell


def valid_id(serial: int) -> str:
    body = f"36042619500308{serial:03d}"
    return body + ric.calc_check_digit(body + "0")


@pytest.fixture
def worker(make_actor: Callable[..., Actor]) -> Actor:
    return make_actor(Role.WORKER, "xiaozhang", "张社工")


@pytest.fixture
def client_id(db: Database, admin: Actor) -> int:
    client = ClientService(db, admin).create(ClientInput(name="李秀英", id_number=valid_id(2))).id
    consent_to_services(db, admin, client)
    return client


def make_page(qtbot: QtBot, db: Database, actor: Actor, tasks: TaskRunner) -> VisitsPage:
    page = VisitsPage(
        visits=VisitService(db, actor),
        worklogs=WorkLogService(db, actor),
        cases=CaseService(db, actor),
        clients=ClientService(db, actor),
        codes=CodeService(db, actor),
        tasks=tasks,
    )
    qtbot.addWidget(page)
    page.resize(1300, 760)
    page.show()
    tab = page.visits
    qtbot.waitUntil(
        lambda: (
            not tab.model.searching and tab.choices is not None and tab._case_choices is not None
        ),
        timeout=5_000,
    )
    return page


def entry_count(log_tab: WorkLogTab) -> int:
    return len(log_tab.log.entries) if log_tab.log is not None else -1


def wait_closed(qtbot: QtBot, dialog: QDialog) -> None:
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible(), timeout=5_000)


def test_record_a_visit_open_a_case_and_log_the_day(
    qtbot: QtBot, db: Database, worker: Actor, client_id: int, tasks: TaskRunner
) -> None:
    page = make_page(qtbot, db, worker, tasks)
    tab = page.visits
    assert tab.new_button.isVisible() and tab.count_label.text()

    # A visit of nobody is refused, with the message under the household field.
    dialog = tab.new_visit()
    assert dialog is not None and dialog.save_button is not None
    qtbot.waitExposed(dialog)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(dialog.field_error("household_id")), timeout=5_000)

    dialog.add(Choice(client_id, "李秀英"))
    dialog.visit_type.setCurrentIndex(dialog.visit_type.findData("risk_screening"))
    dialog.duration.setValue(50)
    dialog.needs.setPlainText("独居，行动不便，需要助餐")
    dialog.need_count.setValue(2)
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("open_case"))
    dialog.save_button.click()
    wait_closed(qtbot, dialog)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=5_000)
    qtbot.waitUntil(lambda: tab.detail is not None, timeout=5_000)
    assert tab.detail is not None
    assert tab.detail.visit_type_label == "风险排查" and tab.detail.new_need_count == 2
    qtbot.waitUntil(lambda: tab.model.data(tab.model.index(0, tab.model.RESULT)) == "开个案")
    page.grab().save("/tmp/visits_page.png")

    # 开个案 from the visit: the intake starts with the visit's client and what was found.
    assert tab.case_button.isEnabled()
    intake = tab.open_case()
    assert intake is not None and intake.save_button is not None
    qtbot.waitExposed(intake)
    assert intake.client is not None and intake.client.id == client_id
    assert intake.problem.toPlainText() == "独居，行动不便，需要助餐"
    intake.save_button.click()
    wait_closed(qtbot, intake)
    cases = CaseService(db, worker)
    [case_id] = cases.search_ids(CaseQuery())
    qtbot.waitUntil(lambda: tab.detail is not None and bool(tab.detail.case_nos), timeout=5_000)
    # The visit now names the case it opened, and cannot be deleted from under it.
    assert cases.get(case_id).case_no in tab.view.toPlainText()
    assert not tab.delete_button.isEnabled()

    # The work log of the day: the visit is there by itself; the worker adds a meeting.
    page.tabs.setCurrentWidget(page.worklog)
    log_tab = page.worklog
    log_tab.day.setDate(log_tab.day.date())  # today, where the visit was recorded
    qtbot.waitUntil(lambda: log_tab.log is not None and log_tab.log.entries != (), timeout=5_000)
    assert log_tab.log is not None
    assert [(e.kind, e.minutes, e.automatic) for e in log_tab.log.entries] == [("visit", 50, True)]
    assert cell(log_tab.entries, 0, log_tab.SOURCE).text() == "Automatic"
    log_tab.entries.setCurrentCell(0, 0)
    assert not log_tab.edit_button.isEnabled()

    entry = log_tab.add_entry()
    assert entry is not None and entry.save_button is not None
    qtbot.waitExposed(entry)
    entry.kind.setCurrentIndex(entry.kind.findData("meeting"))
    entry.minutes.setValue(90)
    entry.description.setPlainText("站务例会")
    entry.save_button.click()
    wait_closed(qtbot, entry)
    qtbot.waitUntil(
        lambda: log_tab.log is not None and len(log_tab.log.entries) == 2, timeout=5_000
    )
    assert log_tab.log is not None and log_tab.log.total_minutes == 140
    assert "2.3" in log_tab.total.text()
    today = dt.date.today()
    qtbot.waitUntil(
        lambda: (item := log_tab.month.item(today.day - 1, 1)) is not None and item.text() == "2.3",
        timeout=5_000,
    )
    page.grab().save("/tmp/worklog_tab.png")

    # Deleting the typed entry asks first.
    log_tab.entries.setCurrentCell(1, 0)
    assert log_tab.delete_button.isEnabled()
    log_tab.delete_button.click()
    box = next(w for w in page.findChildren(QMessageBox) if w.isVisible())
    box.buttons()[0].click()
    qtbot.waitUntil(
        lambda: log_tab.log is not None and len(log_tab.log.entries) == 1, timeout=5_000
    )
    # Let the last reloads land while the page still exists.
    tasks.wait()
    qtbot.wait(100)


def test_the_head_reads_any_log_and_a_supervisor_only_reads(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    db: Database,
    worker: Actor,
    client_id: int,
    tasks: TaskRunner,
    make_actor: Callable[..., Actor],
) -> None:
    day = dt.date.today()
    saved = VisitService(db, worker).add(
        VisitInput(visited_on=day, visit_type="routine", client_ids=(client_id,), duration_min=35)
    )
    head = make_actor(Role.HEAD, "zhan", "王站长")
    page = make_page(qtbot, db, head, tasks)
    qtbot.waitUntil(lambda: page.visits.model.rowCount() == 1, timeout=5_000)
    qtmodeltester.check(page.visits.model)
    log_tab = page.worklog
    qtbot.waitUntil(lambda: log_tab.owner.count() >= 2, timeout=5_000)
    assert log_tab.owner.isEnabled()
    log_tab.owner.setCurrentIndex(log_tab.owner.findData(worker.user_id))
    qtbot.waitUntil(
        lambda: log_tab.log is not None and log_tab.log.user_id == worker.user_id, timeout=5_000
    )
    assert log_tab.log is not None
    assert [(e.kind, e.minutes) for e in log_tab.log.entries] == [("visit", 35)]
    assert log_tab.add_button.isEnabled()

    # An edit from a copy someone else has changed since stays open and says so.
    page.visits.show_visit(saved.visit_id)
    qtbot.waitUntil(lambda: page.visits.detail is not None, timeout=5_000)
    dialog = page.visits.edit_visit()
    assert dialog is not None and dialog.save_button is not None
    VisitService(db, worker).update(
        saved.visit_id,
        version=saved.version,
        data=VisitInput(visited_on=day, visit_type="routine", client_ids=(client_id,)),
    )
    dialog.duration.setValue(80)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "修改" in dialog.error.text(), timeout=5_000)
    assert dialog.isVisible()
    dialog.reject()

    supervisor = make_actor(Role.SUPERVISOR, "du", "杜督导")
    other = make_page(qtbot, db, supervisor, tasks)
    assert not other.visits.new_button.isVisible()
    other.visits.show_visit(saved.visit_id)
    qtbot.waitUntil(lambda: other.visits.detail is not None, timeout=5_000)
    assert not other.visits.edit_button.isEnabled()
    sup_log = other.worklog
    qtbot.waitUntil(lambda: sup_log.owner.count() >= 2, timeout=5_000)
    sup_log.owner.setCurrentIndex(sup_log.owner.findData(worker.user_id))
    qtbot.waitUntil(
        lambda: sup_log.log is not None and sup_log.log.user_id == worker.user_id, timeout=5_000
    )
    assert not sup_log.add_button.isEnabled() and sup_log.notes.isReadOnly()
    tasks.wait()
    qtbot.wait(100)
