"""The audit log tab: filters, the table in Chinese, the export."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from app.domain.errors import PermissionDenied
from app.domain.roles import Role
from app.services.access.audit import AuditService
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.context import Actor
from app.services.staff.users import UserService
from app.store.engine import Database
from app.ui.settings.audit_tab import AuditTab
from app.ui.settings.page import SettingsPage
from app.ui.tasks import TaskRunner
from tests.ui.items import cell


@pytest.fixture
def tab(qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner) -> AuditTab:
    ClientService(db, admin).create(ClientInput(name="张三"))
    widget = AuditTab(audit=AuditService(db, admin), tasks=tasks)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def column(tab: AuditTab, index: int) -> list[str]:
    return [cell(tab.table, r, index).text() for r in range(tab.table.rowCount())]


def test_entries_show_in_chinese_and_filter_by_action(qtbot: QtBot, tab: AuditTab) -> None:
    qtbot.waitUntil(lambda: tab.table.rowCount() >= 2)
    assert "新增" in column(tab, 2)
    assert "服务对象 #1" in column(tab, 3)
    assert tab.user.findData("admin") >= 0
    tab.action.setCurrentIndex(tab.action.findData("create"))
    tab.entity.setCurrentIndex(tab.entity.findData("client"))
    tab.refresh()
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1)
    assert column(tab, 1) == ["admin"]


def test_a_date_range_before_the_entries_shows_none(qtbot: QtBot, tab: AuditTab) -> None:
    qtbot.waitUntil(lambda: tab.table.rowCount() >= 2)
    tab.until.setDate(tab.since.date())
    tab.since.setDate(tab.since.date().addDays(-5))
    tab.refresh()
    qtbot.waitUntil(lambda: tab.table.rowCount() == 0)
    assert tab.rows == []


def test_export_writes_the_filtered_entries(qtbot: QtBot, tab: AuditTab, tmp_path: Path) -> None:
    tab.action.setCurrentIndex(tab.action.findData("create"))
    path = tmp_path / "audit.xlsx"
    tab.export_to(path)
    qtbot.waitUntil(lambda: "exported" in tab.count.text())
    sheet = load_workbook(path).active
    assert sheet is not None
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [row[2] for row in rows] == ["新增"]


def test_only_admin_and_head_get_the_tab(
    qtbot: QtBot, db: Database, admin: Actor, make_actor: Callable[..., Actor], tasks: TaskRunner
) -> None:
    pages = []
    for actor, expected in ((make_actor(Role.HEAD), True), (make_actor(Role.SUPERVISOR), False)):
        page = SettingsPage(db=db, actor=actor, tasks=tasks)
        qtbot.addWidget(page)
        pages.append(page)
        assert ("Audit log" in page.tab_titles()) is expected
        assert (page.audit is not None) is expected
    # The other tabs load in the background: let their results arrive before teardown.
    tasks.wait()
    qtbot.wait(50)


def test_refusals_per_user_show_beside_the_entries(
    qtbot, db: Database, admin: Actor, make_actor
) -> None:
    worker = make_actor(Role.WORKER, "lixia")
    for _ in range(2):
        with pytest.raises(PermissionDenied):
            UserService(db, worker).list()
    tasks = TaskRunner()
    tab = AuditTab(audit=AuditService(db, admin), tasks=tasks)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: tab.refusal_table.rowCount() == 1)
    assert [cell(tab.refusal_table, 0, c).text() for c in (0, 1)] == ["lixia", "2"]
    assert "操作被拒绝" in column(tab, 2)
    tab.refusal_table.cellClicked.emit(0, 0)
    qtbot.waitUntil(lambda: set(column(tab, 1)) == {"lixia"})
    assert tab.user.currentData() == "lixia"
    tasks.wait()


def test_details_read_as_chinese_in_the_table_and_the_export(
    qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner, tmp_path: Path
) -> None:
    clients = ClientService(db, admin)
    saved = clients.create(ClientInput(name="李秀英"))
    clients.update(
        saved.id, version=saved.version,
        data=ClientInput(name="李秀英", phone="13812341234", risk_level="high"),
    )  # fmt: skip
    tab = AuditTab(audit=AuditService(db, admin), tasks=tasks)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: tab.table.rowCount() >= 3)
    expected = "修改的字段：联系电话；风险等级：低 → 高"
    assert column(tab, 4)[0] == expected
    assert cell(tab.table, 0, 4).toolTip() == expected
    assert not any("{" in text or '"' in text for text in column(tab, 4))
    path = tmp_path / "audit.xlsx"
    tab.export_to(path)
    qtbot.waitUntil(lambda: "exported" in tab.count.text())
    sheet = load_workbook(path).active
    assert sheet is not None
    assert [row[5] for row in sheet.iter_rows(min_row=2, max_row=2, values_only=True)] == [expected]
