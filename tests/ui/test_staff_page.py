"""The 督导/培训 page: a supervisor records a supervision, a worker a training; hours follow."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from app.domain.roles import Role
from app.services.context import Actor
from app.services.settings.codes import CodeService
from app.services.staff.supervision import SupervisionService
from app.services.staff.supervision_types import SupervisionQuery
from app.services.staff.training import TrainingService
from app.services.staff.training_hours import TrainingHoursService
from app.store.engine import Database
from app.ui.settings.training_targets_tab import TrainingTargetsTab
from app.ui.staff.dialogs import SupervisionDialog, TrainingDialog
from app.ui.staff.page import StaffPage
from app.ui.tasks import TaskRunner

TODAY = dt.date(2026, 5, 20)


def make_page(qtbot: QtBot, db: Database, actor: Actor, tasks: TaskRunner) -> StaffPage:
    page = StaffPage(
        supervision=SupervisionService(db, actor),
        training=TrainingService(db, actor),
        hours=TrainingHoursService(db, actor, today=TODAY),
        codes=CodeService(db, actor),
        tasks=tasks,
    )
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitUntil(lambda: not page.supervisions.model.searching, timeout=5_000)
    return page


def test_supervision_and_training_from_the_page(
    qtbot: QtBot, db: Database, make_actor: Callable[..., Actor], tasks: TaskRunner
) -> None:
    worker = make_actor(Role.WORKER, "xiaozhang", "张社工")
    supervisor = make_actor(Role.SUPERVISOR, "dudao", "赵督导")
    page = make_page(qtbot, db, supervisor, tasks)
    assert page.supervisions.new_button.isVisibleTo(page)
    assert not page.trainings.new_button.isVisibleTo(page)

    page.supervisions.new_button.click()
    qtbot.waitUntil(lambda: isinstance(page.dialog, SupervisionDialog), timeout=5_000)
    dialog = page.dialog
    assert isinstance(dialog, SupervisionDialog)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(dialog.field_error("form")), timeout=5_000)
    dialog.form_combo.setCurrentIndex(dialog.form_combo.findData("individual"))
    dialog.hours.setText("1.5")
    dialog.topics.setPlainText("如何与独居老人建立专业关系")
    for i in range(dialog.supervisees.count()):
        item = dialog.supervisees.item(i)
        if item.text() == "张社工":
            item.setCheckState(Qt.CheckState.Checked)
    dialog.save_button.click()
    model = page.supervisions.model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=5_000)
    qtbot.waitUntil(lambda: model.data(model.index(0, 4)) == "张社工", timeout=5_000)
    assert [model.data(model.index(0, c)) for c in (1, 2, 3)] == ["赵督导", "个别", "1.5"]
    # The form filter narrows the list in SQL.
    forms = page.supervisions.choice
    qtbot.waitUntil(lambda: forms.findData("group") > 0, timeout=5_000)
    forms.setCurrentIndex(forms.findData("group"))
    qtbot.waitUntil(lambda: model.rowCount() == 0, timeout=5_000)
    forms.setCurrentIndex(0)
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=5_000)
    page.grab().save("/tmp/staff_page.png")

    worker_page = make_page(qtbot, db, worker, tasks)
    # The supervisee reads the record they attended, but cannot change it.
    (sid,) = SupervisionService(db, worker).search_ids(SupervisionQuery())
    worker_page.open_supervision(sid)
    qtbot.waitUntil(lambda: isinstance(worker_page.dialog, SupervisionDialog), timeout=5_000)
    read_only = worker_page.dialog
    assert isinstance(read_only, SupervisionDialog)
    assert read_only.topics.toPlainText() == "如何与独居老人建立专业关系"
    assert not read_only.save_button.isVisibleTo(read_only)
    read_only.reject()
    worker_page.trainings.new_button.click()
    qtbot.waitUntil(lambda: isinstance(worker_page.dialog, TrainingDialog), timeout=5_000)
    training = worker_page.dialog
    assert isinstance(training, TrainingDialog)
    training.title_edit.setText("Child protection")
    training.hours.setText("6")
    for i in range(training.participants.count()):  # names in pinyin order: find it
        item = training.participants.item(i)
        if item.text() == "张社工":
            item.setCheckState(Qt.CheckState.Checked)
    training.save_button.click()
    trainings = worker_page.trainings.model
    qtbot.waitUntil(lambda: trainings.rowCount() == 1, timeout=5_000)
    qtbot.waitUntil(
        lambda: trainings.data(trainings.index(0, 1)) == "Child protection", timeout=5_000
    )
    # The worker's hours line: 1.5 h of supervision and 6 h of training.
    table = worker_page.hours.table
    qtbot.waitUntil(lambda: table.rowCount() == 1 and _cell(table, 0, 3) == "7.5", timeout=5_000)
    assert _cell(table, 0, 0) == "张社工"


def test_targets_tab_saves_for_the_head_only(
    qtbot: QtBot, db: Database, admin: Actor, make_actor: Callable[..., Actor], tasks: TaskRunner
) -> None:
    tab = TrainingTargetsTab(
        hours=TrainingHoursService(db, admin, today=TODAY),
        codes=CodeService(db, admin),
        tasks=tasks,
    )
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: "assistant" in tab.targets, timeout=5_000)
    assert tab.targets["assistant"].value() == 72
    assert tab.targets["social_worker"].value() == 90
    assert tab.start_year.value() == 2025
    tab.targets["assistant"].setValue(80)
    tab.start_year.setValue(2024)
    tab.save_button.click()
    qtbot.waitUntil(lambda: tab.status.text() != "", timeout=5_000)
    targets = TrainingHoursService(db, admin, today=TODAY).targets()
    assert (targets.target("assistant"), targets.period_start_year) == (80, 2024)

    worker = make_actor(Role.WORKER)
    mine = TrainingTargetsTab(
        hours=TrainingHoursService(db, worker, today=TODAY),
        codes=CodeService(db, worker),
        tasks=tasks,
    )
    qtbot.addWidget(mine)
    assert not mine.save_button.isEnabled()


def _cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text() if item is not None else ""
