"""The shared form that saves through one service call: busy while it runs, a refusal
shown where it belongs with the input kept, closed once saved."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from app.domain.errors import ConflictError, InvalidInput, PermissionDenied, ServerUnreachable
from app.ui.tasks import TaskRunner
from app.ui.widgets.service_form_dialog import ServiceCall, ServiceFormDialog
from tests.ui.shell_helpers import visible


class NameForm(ServiceFormDialog):
    """A name saved by `service`, which the test swaps; every call it gets is counted."""

    def __init__(self, tasks: TaskRunner, service: Callable[[str], Any], question: str = ""):
        super().__init__(tasks=tasks, title="Name")
        self.service = service
        self.question = question
        self.calls = 0
        self.name = QLineEdit(self)
        self.note = QLineEdit(self)
        self.add_row("Name", self.name, "name")
        self.add_row("Note", self.note)

    def call(self) -> ServiceCall | None:
        if not self.name.text():
            return None  # nothing to save yet
        name, service = self.name.text(), self.service

        def save() -> Any:
            self.calls += 1
            return service(name)

        return save

    def reload_question(self) -> str:
        return self.question


def refuse(error: Exception) -> Callable[[str], Any]:
    def service(_name: str) -> Any:
        raise error

    return service


def button(box: QMessageBox, text: str) -> QAbstractButton:
    return next(b for b in box.buttons() if b.text() == text)


def form(qtbot: QtBot, tasks: TaskRunner, service: Callable[[str], Any], **kw: Any) -> NameForm:
    dialog = NameForm(tasks, service, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("王芳")
    return dialog


def test_saving_is_busy_once_and_closes_with_the_result(qtbot: QtBot, tasks: TaskRunner) -> None:
    started, release = threading.Event(), threading.Event()

    def slow(name: str) -> str:
        started.set()
        release.wait(10)
        return f"saved {name}"

    dialog = form(qtbot, tasks, slow)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert started.wait(10)
    assert not dialog.save_button.isEnabled()
    dialog.submit()  # a second save while the first runs does nothing
    with qtbot.waitSignal(dialog.saved, timeout=5_000) as saved:
        release.set()
    assert saved.args == ["saved 王芳"]
    assert dialog.calls == 1
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.result() == dialog.DialogCode.Accepted


def test_nothing_to_save_runs_nothing(qtbot: QtBot, tasks: TaskRunner) -> None:
    dialog = form(qtbot, tasks, lambda name: name)
    dialog.name.setText("")
    dialog.submit()
    assert tasks.wait() and dialog.calls == 0
    assert dialog.save_button.isEnabled() and dialog.isVisible()


def test_a_refusal_shows_under_the_form_and_keeps_the_input(
    qtbot: QtBot, tasks: TaskRunner
) -> None:
    dialog = form(qtbot, tasks, refuse(ConflictError("该记录已被他人修改，请重新打开。")))
    dialog.note.setText("备注")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=5_000)
    assert dialog.error.text() == "该记录已被他人修改，请重新打开。"
    assert dialog.isVisible() and (dialog.name.text(), dialog.note.text()) == ("王芳", "备注")
    qtbot.waitUntil(dialog.save_button.isEnabled)
    dialog.service = lambda name: name
    dialog.submit()  # saving again clears the message
    assert dialog.error.text() == ""


def test_a_field_refusal_shows_below_its_field_which_takes_the_focus(
    qtbot: QtBot, tasks: TaskRunner
) -> None:
    dialog = form(qtbot, tasks, refuse(InvalidInput("姓名不能含数字。", field="name")))
    dialog.note.setFocus()
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.field_error("name") != "", timeout=5_000)
    assert dialog.field_error("name") == "姓名不能含数字。"
    assert dialog.error.text() == ""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.name)
    other = InvalidInput("备注太长。", field="note")  # a field with no error place of its own
    dialog.service = refuse(other)
    qtbot.waitUntil(dialog.save_button.isEnabled)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error.text() == "备注太长。", timeout=5_000)
    assert dialog.field_error("name") == ""


@pytest.mark.parametrize("reload", [True, False])
def test_a_conflict_offers_a_reload_when_the_caller_can(
    qtbot: QtBot, tasks: TaskRunner, reload: bool
) -> None:
    dialog = form(qtbot, tasks, refuse(ConflictError("已被他人修改。")), question="重新载入？")
    dialog.submit()
    qtbot.waitUntil(lambda: bool(visible(QMessageBox)), timeout=5_000)
    box = visible(QMessageBox)[0]
    assert box.text() == "已被他人修改。\n\n重新载入？" and dialog.error.text() == ""
    reloads: list[bool] = []
    dialog.reload_requested.connect(lambda: reloads.append(True))
    button(box, "Reload" if reload else "Keep editing").click()
    qtbot.waitUntil(lambda: dialog.isVisible() is not reload)
    assert reloads == ([True] if reload else [])
    assert dialog.name.text() == "王芳"


def test_a_conflict_is_said_in_the_form_when_nothing_can_reload(
    qtbot: QtBot, tasks: TaskRunner
) -> None:
    dialog = form(qtbot, tasks, refuse(ConflictError("已被他人修改。")))
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error.text() == "已被他人修改。", timeout=5_000)
    assert not visible(QMessageBox)


def test_a_lost_server_keeps_the_form_busy_until_answered(qtbot: QtBot, tasks: TaskRunner) -> None:
    down = [True]

    def flaky(name: str) -> str:
        if down[0]:
            raise ServerUnreachable("无法连接到县级服务器。")
        return f"saved {name}"

    dialog = form(qtbot, tasks, flaky)
    dialog.submit()
    qtbot.waitUntil(lambda: any(b.objectName() == "retryBox" for b in visible(QMessageBox)))
    box = next(b for b in visible(QMessageBox) if b.objectName() == "retryBox")
    assert not dialog.save_button.isEnabled()  # no second save while the question is open
    assert dialog.isVisible() and dialog.name.text() == "王芳"
    down[0] = False  # the server is back
    with qtbot.waitSignal(dialog.saved, timeout=5_000):
        button(box, "&Retry").click()  # the same call again
    assert dialog.calls == 2


def test_buttons_added_save_their_own_call_and_are_busy_together(
    qtbot: QtBot, tasks: TaskRunner
) -> None:
    release = threading.Event()
    dialog = ServiceFormDialog(tasks=tasks, accept=None)
    qtbot.addWidget(dialog)
    draft = dialog.add_button("Save draft", lambda: lambda: "draft")
    submit = dialog.add_button("Submit", lambda: lambda: release.wait(10) and "submitted")
    assert dialog.save_button is draft  # the first names the main action
    dialog.show()
    submit.click()
    assert not draft.isEnabled() and not submit.isEnabled()
    with qtbot.waitSignal(dialog.saved, timeout=5_000) as saved:
        release.set()
    assert saved.args == ["submitted"]


def test_a_refusal_not_kept_goes_to_the_message_box(qtbot: QtBot, tasks: TaskRunner) -> None:
    class TypingOnly(NameForm):
        kept_refusals = (InvalidInput,)

    dialog = TypingOnly(tasks, refuse(PermissionDenied("无权修改。")))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("王芳")
    dialog.submit()
    qtbot.waitUntil(lambda: "无权修改。" in [b.text() for b in visible(QMessageBox)])
    assert dialog.error.text() == "" and dialog.isVisible()
