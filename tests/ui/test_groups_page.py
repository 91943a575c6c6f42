"""The 小组 page: plan a group, add members, record a session with attendance, print it."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QLineEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from shiboken6 import isValid
from stdnum.cn import ric

from app.domain.roles import Role
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.context import Actor
from app.services.groups.printing import GroupPrintService
from app.services.groups.service import GroupService
from app.services.groups.types import GroupDetail
from app.services.settings.codes import CodeService
from app.store.engine import Database
from app.ui.clients.household_picker import HeadSearchDialog
from app.ui.groups.end_dialog import EndDialog, ScoreTable
from app.ui.groups.form_dialog import GroupFormDialog
from app.ui.groups.member_dialogs import LeaveDialog
from app.ui.groups.page import GroupsPage
from app.ui.groups.session_dialog import SessionDialog
from app.ui.tasks import TaskRunner
from tests.ui.items import cell
from tests.ui.shell_helpers import chinese_ui

NAMES = ["李秀英", "王桂兰", "张建国"]


def valid_id(serial: int) -> str:
    body = f"36042619500308{serial:03d}"
    return body + ric.calc_check_digit(body + "0")


@pytest.fixture
def people(db: Database, admin: Actor) -> dict[str, int]:
    service = ClientService(db, admin)
    return {
        name: service.create(ClientInput(name=name, id_number=valid_id(i + 1))).id
        for i, name in enumerate(NAMES)
    }


@pytest.fixture
def worker(make_actor: Callable[..., Actor]) -> Actor:
    return make_actor(Role.WORKER, "xiaozhang", "张社工")


def make_page(qtbot: QtBot, db: Database, actor: Actor, tasks: TaskRunner) -> GroupsPage:
    page = GroupsPage(
        groups=GroupService(db, actor),
        printing=GroupPrintService(db, actor),
        clients=ClientService(db, actor),
        codes=CodeService(db, actor),
        tasks=tasks,
        own_id=actor.user_id,
    )
    qtbot.addWidget(page)
    page.resize(1300, 760)
    page.show()
    qtbot.waitUntil(lambda: not page.model.searching and page._choices is not None, timeout=5_000)
    return page


def press(qtbot: QtBot, page: GroupsPage, key: str) -> QDialog:
    """Press a button of the group panel; returns the dialog it opened."""
    button = page.detail.buttons[key]
    assert button.isEnabled(), key
    button.click()
    dialog = page.group_actions.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def shown(page: GroupsPage) -> GroupDetail:
    """The group the page shows (the test has waited for it)."""
    detail = page.detail.detail
    assert detail is not None
    return detail


def save(qtbot: QtBot, dialog: GroupFormDialog) -> None:
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible(), timeout=5_000)


def add_member(qtbot: QtBot, page: GroupsPage, name: str, count: int) -> None:
    search = press(qtbot, page, "add_member")
    assert isinstance(search, HeadSearchDialog)
    search.search.setText(name)
    search.search_now()
    qtbot.waitUntil(lambda: search.results.count() == 1, timeout=5_000)
    search._accept_current()
    qtbot.waitUntil(
        lambda: page.detail.detail is not None and len(page.detail.detail.members) == count,
        timeout=5_000,
    )


def test_plan_a_group_add_members_and_record_a_session(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    make_actor: Callable[..., Actor],
    worker: Actor,
    people: dict[str, int],
    tasks: TaskRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = make_page(qtbot, db, worker, tasks)
    assert page.new_button.isVisible()

    # 小组计划书: a missing name is named under its field; the worker leads by default.
    plan = page.new_group()
    assert plan is not None
    qtbot.waitExposed(plan)
    plan.group_type.setCurrentIndex(plan.group_type.findData("support"))
    plan.save_button.click()
    qtbot.waitUntil(lambda: bool(plan._field_errors["name"].text()), timeout=5_000)
    assert "小组名称" in plan._field_errors["name"].text()
    plan.name.setText("长者防跌倒互助小组")
    plan.place.setText("梅林村活动室")
    save(qtbot, plan)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5_000)
    qtbot.waitUntil(lambda: page.detail.detail is not None, timeout=5_000)
    detail = page.detail.detail
    assert detail is not None and detail.status == "planning"
    assert [p.name for p in detail.facilitators] == ["张社工"]
    assert page.detail.buttons["start"].isEnabled()
    assert not page.detail.buttons["end"].isEnabled()

    # 组员: registered clients found by name.
    add_member(qtbot, page, "李秀英", 1)
    add_member(qtbot, page, "王桂兰", 2)
    add_member(qtbot, page, "张建国", 3)

    # 节次: the first session numbers itself; one absent, one left early, two walk-ins.
    session = press(qtbot, page, "add_session")
    assert isinstance(session, SessionDialog)
    assert session.attendance.rowCount() == 3
    session.topic.setText("相识与破冰")
    session.attendance.status_box(1).setCurrentIndex(
        session.attendance.status_box(1).findData("absent")
    )
    session.attendance.status_box(2).setCurrentIndex(
        session.attendance.status_box(2).findData("left")
    )
    session.walk_ins.setValue(2)
    save(qtbot, session)
    qtbot.waitUntil(
        lambda: page.detail.detail is not None and len(page.detail.detail.sessions) == 1,
        timeout=5_000,
    )
    detail = shown(page)
    assert detail.status == "running"
    first = detail.sessions[0]
    assert (first.number, first.topic) == (1, "相识与破冰")
    assert first.counts.person_times == 3  # one present and two walk-ins
    assert page.detail.sessions.rowCount() == 1
    assert cell(page.detail.sessions, 0, 7).text() == "3"
    assert "3 person-times" in page.detail.summary.text()
    assert page.detail.buttons["end"].isEnabled()

    # A member leaves: their attendance stays.
    page.detail.tabs.setCurrentWidget(page.detail.members)
    page.detail.members.selectRow(0)
    leave = press(qtbot, page, "remove_member")
    assert isinstance(leave, LeaveDialog)
    save(qtbot, leave)
    qtbot.waitUntil(
        lambda: (
            page.detail.detail is not None and page.detail.detail.members[0].left_on is not None
        ),
        timeout=5_000,
    )
    assert shown(page).members[0].sessions_present == 1
    assert shown(page).counts.person_times == 3

    # The session is corrected: the member who left early is marked present after all.
    page.detail.tabs.setCurrentWidget(page.detail.sessions)
    page.detail.sessions.selectRow(0)
    correction = press(qtbot, page, "edit_session")
    assert isinstance(correction, SessionDialog)
    assert correction.topic.text() == "相识与破冰"
    assert correction.attendance.rowCount() == 3  # the member who left is still listed
    box = correction.attendance.status_box(2)
    assert box.currentData() == "left"
    box.setCurrentIndex(box.findData("present"))
    save(qtbot, correction)
    qtbot.waitUntil(
        lambda: page.detail.detail is not None and page.detail.detail.counts.person_times == 4,
        timeout=5_000,
    )

    # 评估与结束: scale, a member's scores, satisfaction; the group is read-only after.
    end = press(qtbot, page, "end")
    assert isinstance(end, EndDialog)
    end.scale.setText("防跌倒效能量表")
    pre = end.scores.cellWidget(1, ScoreTable.PRE)
    assert isinstance(pre, QLineEdit)
    pre.setText("不是分数")
    end.save_button.click()
    assert "不是分数" in end.error.text()
    pre.setText("30")
    end.satisfaction.setValue(4.5)
    end.summary.setPlainText("组员互助意识提高。")
    save(qtbot, end)
    qtbot.waitUntil(
        lambda: page.detail.detail is not None and page.detail.detail.status == "ended",
        timeout=5_000,
    )
    assert shown(page).members[1].pre_score == Decimal("30")
    assert not page.detail.buttons["add_session"].isEnabled()
    assert not page.detail.buttons["add_member"].isEnabled()
    assert "防跌倒效能量表" in page.detail.evaluation.toPlainText()

    # Print: the PDF is made in the background and previewed; saved from the preview.
    preview = page.printer.preview
    page.detail.buttons["print"].click()
    qtbot.waitUntil(
        lambda: preview.dialog is not None and preview.dialog.isVisible(), timeout=10_000
    )
    assert not page.printer.busy
    target = tmp_path / "group.pdf"
    monkeypatch.setattr(preview, "choose_path", lambda _suggested: target)
    assert preview.dialog is not None
    preview.dialog.save_action.trigger()
    qtbot.waitUntil(target.exists, timeout=10_000)
    preview.dialog.close()

    with chinese_ui():
        page.grab().save(str(tmp_path / "groups.png"))

    # A supervisor reads the group and changes nothing.
    supervisor = make_page(qtbot, db, make_actor(Role.SUPERVISOR, "du", "杜督导"), tasks)
    assert not supervisor.new_button.isVisible()
    supervisor.show_group(detail.id)
    qtbot.waitUntil(lambda: supervisor.detail.detail is not None, timeout=5_000)
    keys = ("edit", "start", "add_member", "add_session", "end")
    assert not any(supervisor.detail.buttons[k].isEnabled() for k in keys)
    assert supervisor.detail.read_only.isVisible()


def test_filters_narrow_the_list(
    qtbot: QtBot, db: Database, admin: Actor, worker: Actor, tasks: TaskRunner
) -> None:
    page = make_page(qtbot, db, worker, tasks)
    for name in ("亲子阅读兴趣小组", "长者防跌倒互助小组"):
        plan = page.new_group()
        assert plan is not None
        plan.name.setText(name)
        plan.group_type.setCurrentIndex(1)
        save(qtbot, plan)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=5_000)
    page.filters.search.setText("防跌倒")
    page.filters.flush()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5_000)
    page.filters.status.setCurrentIndex(page.filters.status.findData("ended"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=5_000)
    assert page.count_label.text() == "0 group(s)"


def test_the_list_model_is_a_sound_qt_model(
    qtbot: QtBot, qtmodeltester: ModelTester, db: Database, admin: Actor, tasks: TaskRunner
) -> None:
    page = make_page(qtbot, db, admin, tasks)
    plan = page.new_group()
    assert plan is not None
    plan.name.setText("亲子阅读兴趣小组")
    plan.group_type.setCurrentIndex(plan.group_type.findData("interest"))
    save(qtbot, plan)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5_000)
    qtbot.waitUntil(lambda: page.model.row_data(0) is not None, timeout=5_000)
    qtmodeltester.check(page.model)
    assert page.model.index(0, page.model.TYPE).data() == "兴趣"
