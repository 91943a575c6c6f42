"""Two edits of one case: the second save shows the conflict dialog, nothing is overwritten."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from app.domain.case_rules import Stage
from app.domain.roles import Role
from app.services.cases.service import CaseService
from app.services.cases.types import IntakeInput, OpenCaseInput
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.context import Actor
from app.store.engine import Database
from app.ui.cases.assessment_dialog import AssessmentDialog
from app.ui.cases.conflict_dialog import CaseConflictDialog
from app.ui.tasks import TaskRunner
from tests.consents import consent_to_services
from tests.ui.shell_helpers import visible
from tests.ui.test_cases_page import make_page, press, wait_stage


@pytest.fixture
def worker(make_actor: Callable[..., Actor]) -> Actor:
    return make_actor(Role.WORKER, "xiaozhang", "张社工")


def open_case(db: Database, admin: Actor, worker: Actor) -> tuple[int, int]:
    client = ClientService(db, admin).create(ClientInput(name="张建国")).id
    consent_to_services(db, admin, client)
    saved = CaseService(db, worker).open_case(
        OpenCaseInput(client_id=client, intake_date=dt.date.today(), presenting_problem="低保到期")
    )
    return saved.case_id, saved.version


def test_keep_mine_saves_my_step_on_the_stored_case(
    qtbot: QtBot, db: Database, admin: Actor, worker: Actor, tasks: TaskRunner
) -> None:
    case_id, version = open_case(db, admin, worker)
    page = make_page(qtbot, db, worker, tasks)
    page.show_case(case_id)
    wait_stage(qtbot, page, Stage.INTAKE)
    dialog = press(qtbot, page, "assess")
    assert isinstance(dialog, AssessmentDialog) and dialog.save_button is not None
    dialog.strengths.setPlainText("愿意配合")
    # The other window saves first: the case's version moves on.
    CaseService(db, admin).update_intake(
        case_id,
        version=version,
        data=IntakeInput(intake_date=dt.date.today(), presenting_problem="低保到期，未续办"),
    )
    dialog.save_button.click()
    qtbot.waitUntil(
        lambda: dialog.conflict is not None and dialog.conflict.isVisible(), timeout=5_000
    )
    conflict = dialog.conflict
    assert isinstance(conflict, CaseConflictDialog)
    assert [r.caption for r in conflict.differing()] == ["Presenting problem"]
    conflict.compare_button.click()
    assert conflict.table.isVisible() and conflict.table.rowCount() == len(conflict.rows)
    grab = conflict.grab()
    grab.save("/tmp/case_conflict.png")
    conflict.keep_button.click()
    qtbot.waitUntil(lambda: bool(visible(QMessageBox)), timeout=5_000)
    visible(QMessageBox)[0].buttons()[0].click()
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible(), timeout=5_000)
    stored = CaseService(db, worker).get(case_id)
    assert stored.presenting_problem == "低保到期，未续办"  # the other save stays
    assert [a.strengths for a in stored.assessments] == ["愿意配合"]  # and mine is added
