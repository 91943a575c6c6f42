"""满意度 in the window: a survey recorded from an activity's panel, a round planned,
answered and summed up, and the reports page's buttons."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from app.domain.clock import FixedClock
from app.domain.satisfaction import Outcome, Subject
from app.services.clients.service import ClientService
from app.services.community.photos import ActivityPhotoService
from app.services.community.printing import ActivityPrintService
from app.services.community.service import ActivityService
from app.services.context import Actor
from app.services.satisfaction.interviews import InterviewService
from app.services.satisfaction.surveys import SurveyService
from app.services.settings.codes import CodeService
from app.store.engine import Database
from app.ui.community.page import CommunityPage
from app.ui.satisfaction.round_forms import AnswerForm, RoundForm
from app.ui.satisfaction.rounds_dialog import RoundsDialog
from app.ui.satisfaction.survey_dialog import SurveyDialog
from app.ui.tasks import TaskRunner
from tests.unit.services.satisfaction.records import build


def clocked(db: Database) -> Database:
    return db.with_clock(FixedClock(dt.datetime(2026, 11, 5, 9, 0)))


def test_a_survey_is_recorded_and_listed(
    qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner
) -> None:
    timed = clocked(db)
    records = build(timed, admin)
    surveys = SurveyService(timed, admin)
    dialog = SurveyDialog(
        surveys=surveys, tasks=tasks, subject=Subject.GROUP, subject_id=records.group,
        title="银龄互助小组",
    )  # fmt: skip
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.state is not None, timeout=5_000)
    assert dialog.save_button.isEnabled()
    dialog.save()  # no scores yet: the service's message shows in the dialog
    qtbot.waitUntil(lambda: "请为" in dialog.error.text(), timeout=5_000)
    dialog.respondent.setCurrentIndex(dialog.respondent.findData("participant"))
    for combo in dialog.scores.combos.values():
        combo.setCurrentIndex(combo.findData(4))
    dialog.save()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=5_000)
    item = dialog.table.item(0, 1)
    assert item is not None and item.text() == "参与者"
    assert dialog.day.date().toPython() == dt.date(2026, 11, 5)

    closed_not = SurveyDialog(
        surveys=surveys, tasks=tasks, subject=Subject.CASE, subject_id=records.open_case,
        title="T-0003",
    )  # fmt: skip
    qtbot.addWidget(closed_not)
    qtbot.waitUntil(lambda: closed_not.state is not None, timeout=5_000)
    assert not closed_not.save_button.isEnabled()
    assert "结案后" in closed_not.why_not.text()


def test_a_round_is_planned_answered_and_summed_up(
    qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner
) -> None:
    timed = clocked(db)
    build(timed, admin)
    dialog = RoundsDialog(interviews=InterviewService(timed, admin), tasks=tasks)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.summary.text() != "", timeout=5_000)
    assert dialog.detail is None and not dialog.print_button.isEnabled()
    form = dialog.open_new()
    assert isinstance(form, RoundForm)
    form.phone.setValue(3)
    form.onsite.setValue(1)
    form.seed.setText("42")
    form.buttons.accepted.emit()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 4, timeout=5_000)
    dialog.table.selectRow(0)
    answer = dialog.open_answer()
    assert isinstance(answer, AnswerForm)
    for box in list(answer.known.values())[:3]:
        box.setChecked(True)
    for combo in answer.scores.combos.values():
        combo.setCurrentIndex(combo.findData(5))
    answer.asked_on.setDate(answer.asked_on.date().addDays(1))
    answer.buttons.accepted.emit()
    qtbot.waitUntil(lambda: "100.0%" in dialog.summary.text(), timeout=5_000)
    assert "42" in dialog.summary.text()
    assert dialog.detail is not None
    assert dialog.detail.lines[0].outcome is Outcome.ANSWERED


def test_the_activity_panel_opens_the_survey_dialog(
    qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner
) -> None:
    timed = clocked(db)
    records = build(timed, admin)
    page = CommunityPage(
        activities=ActivityService(timed, admin), photos=ActivityPhotoService(timed, admin),
        printing=ActivityPrintService(timed, admin), clients=ClientService(timed, admin),
        codes=CodeService(timed, admin), tasks=tasks, surveys=SurveyService(timed, admin),
    )  # fmt: skip
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page._choices is not None, timeout=5_000)
    page.show_activity(records.activities[0])
    qtbot.waitUntil(lambda: page.detail.detail is not None, timeout=5_000)
    page.detail.buttons["survey"].click()
    dialog = page.findChild(SurveyDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.state is not None, timeout=5_000)
    assert dialog.save_button.isEnabled()
    dialog.close()
