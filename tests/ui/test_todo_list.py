"""待办's list over a fake reminders service: the texts of each column, urgent kinds in
red, the case a row opens, the count it reports and the label when nothing is due."""

from __future__ import annotations

import datetime as dt
from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.services.cases.reminders import Reminder, ReminderKind, ReminderService
from app.ui.cases.todo import CLIENT_COLUMN, TodoList
from app.ui.cases.todo_model import TodoModel
from app.ui.tasks import TaskRunner

OVERDUE = Reminder(
    kind=ReminderKind.CONTACT_DUE,
    case_id=41,
    case_no="GA-2026-0041",
    client_name="刘小明",
    worker="王社工",
    due=dt.date(2026, 3, 2),
    text="已过 5 天",
)
REVIEW = Reminder(
    kind=ReminderKind.PLAN_REVIEW,
    case_id=42,
    case_no="GA-2026-0042",
    client_name="张大爷",
    worker="李社工",
    due=dt.date(2026, 3, 9),
    text="计划应于 2026-03-09 检讨",
)


class FakeReminders:
    """What the list asks of `ReminderService`: the reminders, in the service's order."""

    def __init__(self, items: list[Reminder]) -> None:
        self.items = items

    def todo(self) -> list[Reminder]:
        return list(self.items)


def shown(qtbot: QtBot, tasks: TaskRunner, items: list[Reminder]) -> tuple[TodoList, int]:
    """The list once it has shown `items`, and the count its `loaded` signal gave."""
    todo = TodoList(reminders=cast(ReminderService, FakeReminders(items)), tasks=tasks)
    qtbot.addWidget(todo)
    with qtbot.waitSignal(todo.loaded, timeout=5_000) as loaded:
        pass
    return todo, loaded.args[0]


def test_each_reminder_is_a_row_with_its_texts(qtbot: QtBot, tasks: TaskRunner) -> None:
    todo, count = shown(qtbot, tasks, [OVERDUE, REVIEW])
    model = todo.model
    assert count == 2 and model.rowCount() == 2 and todo.items == [OVERDUE, REVIEW]
    assert [model.index(0, c).data() for c in range(model.columnCount())] == [
        "应联系",
        "2026-03-02",
        "GA-2026-0041",
        "刘小明",
        "王社工",
        "已过 5 天",
    ]
    assert model.index(1, TodoModel.CASE_NO).data() == "GA-2026-0042"  # the service's order
    assert model.index(0, 0).data(TodoModel.CASE_ID_ROLE) == 41
    assert model.index(1, 0).data(Qt.ItemDataRole.UserRole) == 42
    assert todo.empty.isHidden()
    # The client is read second, and the headers are those of the list.
    assert todo.tree.header().visualIndex(CLIENT_COLUMN) == 1
    assert model.headerData(CLIENT_COLUMN, Qt.Orientation.Horizontal) == todo.tr("Client")
    assert todo.tree.objectName() == "todoList" and not todo.tree.rootIsDecorated()


def test_urgent_kinds_are_red_and_others_are_not(qtbot: QtBot, tasks: TaskRunner) -> None:
    no_contact = OVERDUE._replace(kind=ReminderKind.NO_CONTACT)
    todo, _count = shown(qtbot, tasks, [OVERDUE, REVIEW, no_contact])
    model, role = todo.model, Qt.ItemDataRole.ForegroundRole
    red = QColor("#b3261e")
    for row in (0, 2):
        brush = model.index(row, TodoModel.KIND).data(role)
        assert isinstance(brush, QBrush) and brush.color() == red
        assert model.index(row, TodoModel.DUE).data(role) is None
    assert model.index(1, TodoModel.KIND).data(role) is None


def test_activating_a_row_opens_its_case(qtbot: QtBot, tasks: TaskRunner) -> None:
    todo, _count = shown(qtbot, tasks, [OVERDUE, REVIEW])
    todo.tree.setCurrentIndex(todo.model.index(1, TodoModel.DETAILS))
    with qtbot.waitSignal(todo.open_case, timeout=1_000) as opened:
        qtbot.keyClick(todo.tree, Qt.Key.Key_Return)  # what a double-click does too
    assert opened.args == [42]


def test_nothing_due_shows_the_label(qtbot: QtBot, tasks: TaskRunner) -> None:
    todo, count = shown(qtbot, tasks, [])
    assert count == 0 and todo.model.rowCount() == 0
    assert not todo.empty.isHidden()


def test_the_model_keeps_to_the_rules(
    qtbot: QtBot, tasks: TaskRunner, qtmodeltester: ModelTester
) -> None:
    todo, _count = shown(qtbot, tasks, [OVERDUE, REVIEW])
    qtmodeltester.check(todo.model)
