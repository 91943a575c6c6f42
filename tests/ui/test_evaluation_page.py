"""The 评估 page: import an indicator sheet, add a round, score it, 整改 items and their
place on 工作台."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from app.domain.clock import FixedClock
from app.domain.evaluation import Scorer
from app.domain.roles import Role
from app.services.context import Actor
from app.services.evaluation.indicators import IndicatorService
from app.services.evaluation.rectifications import RectificationService
from app.services.evaluation.rounds import EvaluationService
from app.store.engine import Database
from app.ui.evaluation.page import EvaluationPage
from app.ui.tasks import TaskRunner
from tests.unit.services.evaluation import sheets

NOW = dt.datetime(2026, 6, 30, 10, 0)


def tree_text(page: EvaluationPage, top: int, child: int, column: int) -> str:
    parent = page.round_view.tree.topLevelItem(top)
    item = parent.child(child) if parent is not None else None
    return item.text(column) if item is not None else ""


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text() if item is not None else ""


EVIDENCE = Path("/nonexistent/evidence")  # these tests attach no files


def make_page(qtbot: QtBot, db: Database, actor: Actor, tasks: TaskRunner) -> EvaluationPage:
    page = EvaluationPage(
        indicators=IndicatorService(db, actor),
        evaluations=EvaluationService(db, actor),
        rectifications=RectificationService(
            db, actor, folder=Path(str(db.engine.url.database)).parent / "ev"
        ),
        tasks=tasks,
    )
    qtbot.addWidget(page)
    page.resize(1200, 650)
    page.show()
    return page


@pytest.fixture
def clocked(db: Database) -> Database:
    return db.with_clock(FixedClock(NOW))


def test_import_new_round_score_and_rectify(
    qtbot: QtBot, clocked: Database, admin: Actor, tasks: TaskRunner, tmp_path: Path
) -> None:
    page = make_page(qtbot, clocked, admin, tasks)
    assert not page.new_round_button.isEnabled()  # no indicator system yet
    page.import_file(sheets.small(tmp_path / "指标.xlsx"))
    qtbot.waitUntil(lambda: "小型测试体系" in page.systems_label.text())
    assert "10 indicators" in page.status.text()
    assert page.new_round_button.isEnabled()

    dialog = page.new_round()
    dialog.agency.setText("阳光评估中心")
    dialog.submit()
    qtbot.waitUntil(lambda: page.detail is not None)
    assert page.history.rowCount() == 1
    assert tree_text(page, 0, 0, 0) == "1.1 个案服务" and tree_text(page, 0, 0, 2) == "第三方"

    detail = page.detail
    assert detail is not None
    score = page.score(detail.system.indicators[1].id)
    assert score is not None and score.scorer.currentData() == Scorer.THIRD_PARTY.value
    score.score.setValue(27)
    score.comment.setPlainText("档案较全")
    score.submit()
    qtbot.waitUntil(lambda: tree_text(page, 0, 0, 3) == "27")
    assert "Total 27 (base 27/100" in page.round_view.result.text()
    assert cell(page.history, 0, 2) == "27"

    add = page.add_item()
    assert add is not None
    add.what.setPlainText("补齐个案档案")
    add.owner.setText("张社工")
    add.submit()
    qtbot.waitUntil(lambda: page.items.rowCount() == 1)
    assert cell(page.items, 0, 1) == "补齐个案档案"
    page.items.selectRow(0)
    close = page.close_item()
    assert close is not None
    close.note.setPlainText("已补齐")
    close.submit()
    qtbot.waitUntil(lambda: "已整改" in cell(page.items, 0, 3))

    page.finish_button.click()
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.summary.finished)
    assert not page.score_button.isEnabled()
    assert page.score(detail.system.indicators[1].id) is None
    # 27 of 100 is 不合格 here: no 整改方案 is asked for, so no new item.
    assert page.items.rowCount() == 1


def test_a_worker_reads_without_the_buttons_that_change(
    qtbot: QtBot, clocked: Database, admin: Actor, make_actor: object, tasks: TaskRunner,
    tmp_path: Path,
) -> None:  # fmt: skip
    IndicatorService(clocked, admin).import_file(sheets.small(tmp_path / "s.xlsx"))
    worker = make_actor(Role.WORKER)  # type: ignore[operator]
    page = make_page(qtbot, clocked, worker, tasks)
    qtbot.waitUntil(lambda: "小型测试体系" in page.systems_label.text())
    assert page.import_button.isHidden() and page.score_button.isHidden()
    assert page.template_button.isVisibleTo(page)


def test_the_dashboard_lists_open_items_overdue_first(
    qtbot: QtBot, clocked: Database, admin: Actor, tasks: TaskRunner, tmp_path: Path
) -> None:
    from app.domain.evaluation import RoundKind
    from app.services.cases.reminders import ReminderService
    from app.services.dashboard.service import DashboardService
    from app.services.evaluation.types import RoundInput
    from app.ui.dashboard.page import DashboardPage

    system = IndicatorService(clocked, admin).import_file(sheets.small(tmp_path / "s.xlsx"))
    evaluations = EvaluationService(clocked, admin)
    evaluations.add_round(RoundInput(system_id=system.system_id, kind=RoundKind.MONTHLY,
                                     held_on=dt.date(2026, 6, 1)))  # fmt: skip
    round_id = evaluations.rounds()[0].id
    items = RectificationService(clocked, admin)
    items.add(round_id, what="完善台账", owner="李社工", due_on=dt.date(2026, 7, 20))
    items.add(round_id, what="制度上墙", owner="", due_on=dt.date(2026, 6, 15))
    page = DashboardPage(
        dashboard=DashboardService(clocked, admin), reminders=ReminderService(clocked, admin),
        tasks=tasks, rectifications=items.open_items,
    )  # fmt: skip
    qtbot.addWidget(page)
    page.show()
    box = page.rectifications
    assert box is not None
    qtbot.waitUntil(lambda: box.list.count() == 2)
    assert box.isVisible()
    first, second = box.list.item(0), box.list.item(1)
    assert first.text() == "Overdue 06-15: 制度上墙"
    assert second.text() == "Due 07-20: 完善台账（李社工）"
    with qtbot.waitSignal(page.open_list) as opened:
        box.list.itemActivated.emit(first)
    assert opened.args == ["evaluation", {"round": round_id}]
    assert first.data(Qt.ItemDataRole.UserRole) == round_id
