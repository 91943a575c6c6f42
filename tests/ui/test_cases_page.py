"""The 个案 page: a case from intake to a locked closure with two actors, the list model, 待办."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from shiboken6 import isValid
from stdnum.cn import ric

from app.domain.case_rules import Stage
from app.domain.roles import Role
from app.services.cases.printing import CasePrintService
from app.services.cases.reminders import ReminderService
from app.services.cases.service import CaseService
from app.services.cases.types import CaseDetail, CaseQuery, OpenCaseInput
from app.services.choice import Choice
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.context import Actor
from app.services.settings.codes import CodeService
from app.store.engine import Database
from app.ui.cases.assessment_dialog import AssessmentDialog
from app.ui.cases.closure_dialogs import ClosureDialog
from app.ui.cases.evaluation_dialog import EvaluationDialog
from app.ui.cases.intake_dialog import IntakeEditDialog
from app.ui.cases.page import CasesPage
from app.ui.cases.plan_dialog import PlanDialog
from app.ui.cases.record_dialog import RecordDialog
from app.ui.cases.review_dialog import ReviewDialog
from app.ui.cases.step_dialog import StepDialog
from app.ui.cases.table_model import CaseTableModel
from app.ui.tasks import TaskRunner
from tests.consents import consent_to_services
from tests.ui.items import cell, top_item
from tests.ui.shell_helpers import visible

NAMES = ["李秀英", "张建国", "王桂兰", "刘小明"]


def valid_id(serial: int) -> str:
    body = f"36042619500308{serial:03d}"
    return body + ric.calc_check_digit(body + "0")


@pytest.fixture
def people(db: Database, admin: Actor) -> dict[str, int]:
    service = ClientService(db, admin)
    made = {
        name: service.create(ClientInput(name=name, id_number=valid_id(i + 1))).id
        for i, name in enumerate(NAMES)
    }
    for client_id in made.values():
        consent_to_services(db, admin, client_id)
    return made


@pytest.fixture
def worker(make_actor: Callable[..., Actor]) -> Actor:
    return make_actor(Role.WORKER, "xiaozhang", "张社工")


def make_page(qtbot: QtBot, db: Database, actor: Actor, tasks: TaskRunner) -> CasesPage:
    page = CasesPage(
        cases=CaseService(db, actor),
        reminders=ReminderService(db, actor),
        printing=CasePrintService(db, actor),
        clients=ClientService(db, actor),
        codes=CodeService(db, actor),
        tasks=tasks,
    )
    qtbot.addWidget(page)
    page.resize(1300, 760)
    page.show()
    qtbot.waitUntil(lambda: not page.model.searching and page._choices is not None, timeout=5_000)
    return page


def wait_stage(qtbot: QtBot, page: CasesPage, stage: Stage, **more: object) -> None:
    def reached() -> bool:
        d = page.detail.detail
        return (
            d is not None
            and d.stage == stage.value
            and all(getattr(d, key) == value for key, value in more.items())
        )

    qtbot.waitUntil(reached, timeout=5_000)


def press(qtbot: QtBot, page: CasesPage, key: str) -> QDialog:
    """Press a step button of the case panel; returns the dialog it opened."""
    button = page.detail.buttons[key]
    assert button.isVisibleTo(page.detail) and button.isEnabled(), key
    button.click()
    dialog = page.case_actions.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def shown(page: CasesPage) -> CaseDetail:
    """The case the page shows (the test has waited for it)."""
    detail = page.detail.detail
    assert detail is not None
    return detail


def save(qtbot: QtBot, dialog: StepDialog, button: QPushButton | None = None) -> None:
    clicked = button or dialog.save_button
    assert clicked is not None
    clicked.click()
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible(), timeout=5_000)


def test_a_case_from_intake_to_locked_closure(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    worker: Actor,
    people: dict[str, int],
    tasks: TaskRunner,
) -> None:
    page = make_page(qtbot, db, worker, tasks)
    assert page.new_button.isVisible()

    # 接案: the client is chosen by search; a missing problem is named under its field.
    intake = page.open_intake()
    assert intake is not None and intake.save_button is not None
    intake.set_client(Choice(people["李秀英"], "李秀英"))
    intake.save_button.click()
    qtbot.waitUntil(lambda: bool(intake.field_error("presenting_problem")), timeout=5_000)
    assert "求助问题" in intake.field_error("presenting_problem")
    intake.problem.setPlainText("独居，腿脚不便，近期多次跌倒。")
    save(qtbot, intake, intake.save_button)
    wait_stage(qtbot, page, Stage.INTAKE)
    assert shown(page).worker == "张社工"
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5_000)

    # 预估
    assessment = press(qtbot, page, "assess")
    assert isinstance(assessment, AssessmentDialog)
    assessment.domains["physical"].setPlainText("行走需扶拐杖")
    assessment.needs.setPlainText("防跌倒改造\n定期探访")
    save(qtbot, assessment)
    wait_stage(qtbot, page, Stage.ASSESSMENT)

    # 计划, submitted; the worker cannot approve it.
    plan = press(qtbot, page, "plan")
    assert isinstance(plan, PlanDialog)
    plan.overall_goal.setPlainText("降低跌倒风险")
    cell(plan.goals, 0, 0).setText("完成居家防跌倒改造")
    cell(plan.goals, 0, 4).setText((dt.date.today() + dt.timedelta(days=30)).isoformat())
    save(qtbot, plan, plan.submit_button)
    wait_stage(qtbot, page, Stage.PLAN)
    assert shown(page).plans[-1].status == "submitted"
    assert page.detail.buttons["review_plan"].isHidden()
    assert page.detail.buttons["record"].isHidden()

    # The station head approves (a second actor on a second page).
    head = make_page(qtbot, db, admin, tasks)
    case_id = shown(page).id
    head.show_case(case_id)
    wait_stage(qtbot, head, Stage.PLAN)
    review = press(qtbot, head, "review_plan")
    assert isinstance(review, ReviewDialog)
    review.comment.setPlainText("同意")
    save(qtbot, review, review.approve_button)
    wait_stage(qtbot, head, Stage.INTERVENTION)
    wait_stage(qtbot, page, Stage.INTERVENTION)

    # 介入
    record = press(qtbot, page, "record")
    assert isinstance(record, RecordDialog)
    record.mode.setCurrentIndex(record.mode.findData("home_visit"))
    record.goal.setCurrentIndex(1)
    record.content.setPlainText("入户探访，确认扶手安装位置。")
    save(qtbot, record)
    qtbot.waitUntil(lambda: len(shown(page).records) == 1, timeout=5_000)

    # 评估
    evaluation = press(qtbot, page, "evaluate")
    assert isinstance(evaluation, EvaluationDialog)
    assert evaluation.goals.rowCount() == 1
    evaluation.change.setPlainText("扶手已安装，未再跌倒。")
    evaluation.satisfaction.setValue(5)
    save(qtbot, evaluation)
    wait_stage(qtbot, page, Stage.EVALUATION)

    # 结案 submitted, then approved by the head: the case is read-only.
    closure = press(qtbot, page, "closure")
    assert isinstance(closure, ClosureDialog)
    closure.summary.setPlainText("目标达成，生活稳定。")
    save(qtbot, closure)
    qtbot.waitUntil(
        lambda: [c.status for c in shown(page).closures] == ["submitted"],
        timeout=5_000,
    )
    wait_stage(qtbot, head, Stage.EVALUATION)
    head_review = press(qtbot, head, "review_closure")
    assert isinstance(head_review, ReviewDialog)
    save(qtbot, head_review, head_review.approve_button)
    wait_stage(qtbot, head, Stage.CLOSURE, locked=True)
    wait_stage(qtbot, page, Stage.CLOSURE, locked=True)

    assert page.detail.action_bar.visible_keys() == ["print"]
    assert page.detail.lock_note.isVisible()
    assert not head.detail.buttons["reopen"].isHidden()
    titles = [
        top_item(page.detail.timeline, i).text(1)
        for i in range(page.detail.timeline.topLevelItemCount())
    ]
    assert "第1次预估" in titles
    assert "服务记录·入户探访" in titles
    assert any(t.startswith("结案申请") for t in titles)


def test_a_stale_case_offers_a_reload(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    worker: Actor,
    people: dict[str, int],
    tasks: TaskRunner,
) -> None:
    cases = CaseService(db, worker)
    saved = cases.open_case(
        OpenCaseInput(client_id=people["张建国"], intake_date=dt.date.today(),
                      presenting_problem="低保到期未续")
    )  # fmt: skip
    page = make_page(qtbot, db, worker, tasks)
    page.show_case(saved.case_id)
    wait_stage(qtbot, page, Stage.INTAKE)
    dialog = press(qtbot, page, "assess")
    assert isinstance(dialog, AssessmentDialog) and dialog.save_button is not None
    # Someone else changes the case while the dialog is open.
    cases.pause(saved.case_id, version=saved.version, reason="外出务工")
    dialog.save_button.click()
    qtbot.waitUntil(
        lambda: dialog.conflict is not None and dialog.conflict.isVisible(), timeout=5_000
    )
    assert dialog.conflict is not None
    dialog.conflict.reload_button.click()
    qtbot.waitUntil(lambda: bool(visible(QMessageBox)), timeout=5_000)
    visible(QMessageBox)[0].buttons()[0].click()
    qtbot.waitUntil(lambda: getattr(page.detail.detail, "paused", False), timeout=5_000)
    assert not isValid(dialog) or not dialog.isVisible()


def test_case_table_model(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    db: Database,
    admin: Actor,
    people: dict[str, int],
    tasks: TaskRunner,
) -> None:
    cases = CaseService(db, admin)
    for name, client_id in people.items():
        cases.open_case(
            OpenCaseInput(client_id=client_id, intake_date=dt.date.today(),
                          presenting_problem=f"{name}的求助", risk_level="high")
        )  # fmt: skip
    model = CaseTableModel(cases=cases, tasks=tasks)
    with qtbot.waitSignal(model.counted, timeout=5_000):
        model.set_query(CaseQuery())
    assert model.rowCount() == len(people)
    model.data(model.index(0, CaseTableModel.CASE_NO))
    qtbot.waitUntil(lambda: model.row_data(0) is not None, timeout=5_000)
    qtmodeltester.check(model)
    assert model.data(model.index(0, CaseTableModel.RISK)) == "高"
    assert model.data(model.index(0, CaseTableModel.STAGE)) == "接案"
    with qtbot.waitSignal(model.counted, timeout=5_000):
        model.set_filters(CaseQuery(text="王桂兰"))
    assert model.rowCount() == 1


def test_todo_shows_an_overdue_contact_and_opens_the_case(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    worker: Actor,
    people: dict[str, int],
    tasks: TaskRunner,
) -> None:
    saved = CaseService(db, worker).open_case(
        OpenCaseInput(client_id=people["刘小明"], presenting_problem="留守儿童，学习困难",
                      intake_date=dt.date.today() - dt.timedelta(days=60), risk_level="low")
    )  # fmt: skip
    page = make_page(qtbot, db, worker, tasks)
    todo = page.todo
    qtbot.waitUntil(lambda: todo.model.rowCount() > 0, timeout=5_000)
    model = todo.model
    assert model.index(0, model.CASE_NO).data() == saved.case_no
    assert "已过" in model.index(0, model.DETAILS).data()
    assert "1" in page.tabs.tabText(1)
    todo.tree.activated.emit(model.index(0, model.DETAILS))
    qtbot.waitUntil(
        lambda: page.detail.detail is not None and page.detail.detail.id == saved.case_id,
        timeout=5_000,
    )


def test_print_previews_the_case_file_and_saves_it(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    people: dict[str, int],
    tasks: TaskRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    saved = CaseService(db, admin).open_case(
        OpenCaseInput(client_id=people["王桂兰"], intake_date=dt.date.today(),
                      presenting_problem="独居高龄")
    )  # fmt: skip
    page = make_page(qtbot, db, admin, tasks)
    page.show_case(saved.case_id)
    wait_stage(qtbot, page, Stage.INTAKE)
    preview = page.printer.preview
    page.detail.buttons["print"].click()
    # The head may reveal the full number: asked first; choose the masked print.
    qtbot.waitUntil(lambda: bool(visible(QMessageBox)), timeout=5_000)
    question = visible(QMessageBox)[0]
    no = QMessageBox.ButtonRole.NoRole
    masked = [b for b in question.buttons() if question.buttonRole(b) == no]
    masked[0].click()
    qtbot.waitUntil(
        lambda: preview.dialog is not None and preview.dialog.isVisible(), timeout=10_000
    )
    dialog = preview.dialog
    assert dialog is not None and len(dialog.pages) >= 1
    assert not page.printer.busy

    # From the preview the case file is still saved as a PDF, as before.
    out = tmp_path / "case.pdf"
    suggested: list[str] = []

    def choose_path(name: str) -> Path:
        suggested.append(name)
        return out

    monkeypatch.setattr(preview, "choose_path", choose_path)
    opened: list[Path] = []
    monkeypatch.setattr(preview, "open_file", opened.append)
    dialog.save_action.trigger()
    qtbot.waitUntil(lambda: out.exists() and bool(visible(QMessageBox)), timeout=10_000)
    assert suggested == [f"个案档案_{saved.case_no}.pdf"]
    assert out.read_bytes().startswith(b"%PDF")
    offer = visible(QMessageBox)[0]
    assert str(out) in offer.text()
    offer.buttons()[0].click()
    assert opened == [out]


def test_the_intake_can_be_corrected_from_its_group(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    worker: Actor,
    people: dict[str, int],
    tasks: TaskRunner,
) -> None:
    saved = CaseService(db, worker).open_case(
        OpenCaseInput(client_id=people["张建国"], intake_date=dt.date.today(),
                      presenting_problem="低保到期未续")
    )  # fmt: skip
    page = make_page(qtbot, db, worker, tasks)
    page.show_case(saved.case_id)
    wait_stage(qtbot, page, Stage.INTAKE)
    assert page.detail.buttons["reopen"].isHidden()
    page.detail.buttons["edit_intake"].click()
    dialog = page.case_actions.dialog
    assert isinstance(dialog, IntakeEditDialog)
    dialog.urgency.setCurrentIndex(dialog.urgency.findData("urgent"))
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: getattr(page.detail.detail, "urgency", "") == "urgent", timeout=5_000)
    assert "紧急" in page.detail.values["risk"].text()
