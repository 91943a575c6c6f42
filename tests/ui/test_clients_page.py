"""The 服务对象 page: search box, filters, create, archive, reveal, household, keys."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from stdnum.cn import ric

from app.domain.codes import SEED, CodeList
from app.domain.roles import Role
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput, ClientQuery, ClientRow
from app.services.context import Actor
from app.services.settings.codes import CodeService
from app.store.engine import Database
from app.store.models import AuditEntry
from app.ui.clients.archive_dialog import ArchiveDialog
from app.ui.clients.page import ClientsPage
from app.ui.clients.table_model import ClientTableModel
from app.ui.tasks import TaskRunner
from tests.ui.shell_helpers import chinese_ui

NAMES = ["张三", "张三丰", "李四", "王小明", "张伟"]


def valid_id(serial: int) -> str:
    body = f"36042619600101{serial:03d}"
    return body + ric.calc_check_digit(body + "0")


@pytest.fixture
def people(db: Database, admin: Actor) -> dict[str, int]:
    service = ClientService(db, admin)
    villages = service.villages()
    return {
        name: service.create(
            ClientInput(
                name=name,
                id_number=valid_id(i),
                phone=f"1390000{i:04d}",
                village_id=villages[i % len(villages)].id,
            )
        ).id
        for i, name in enumerate(NAMES)
    }


def make_page(qtbot: QtBot, db: Database, actor: Actor, tasks: TaskRunner) -> ClientsPage:
    page = ClientsPage(clients=ClientService(db, actor), codes=CodeService(db, actor), tasks=tasks)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitUntil(lambda: not page.model.searching, timeout=5_000)
    return page


def names_shown(qtbot: QtBot, page: ClientsPage) -> list[str]:
    model = page.model
    for row in range(model.rowCount()):
        model.data(model.index(row, 0))
    qtbot.waitUntil(
        lambda: all(model.row_data(r) is not None for r in range(model.rowCount())),
        timeout=5_000,
    )
    return [cast(ClientRow, model.row_data(r)).name for r in range(model.rowCount())]


def search(qtbot: QtBot, page: ClientsPage, text: str) -> list[str]:
    with qtbot.waitSignal(page.model.counted, timeout=5_000):
        page.filters.search.setText(text)
    return sorted(names_shown(qtbot, page))


def open_client(qtbot: QtBot, page: ClientsPage, client_id: int) -> None:
    page.show_client(client_id)
    qtbot.waitUntil(
        lambda: page.detail.detail is not None and page.detail.detail.id == client_id,
        timeout=5_000,
    )


def test_the_list_and_count_show_every_active_client(
    qtbot: QtBot, db: Database, admin: Actor, people: dict[str, int], tasks: TaskRunner
) -> None:
    page = make_page(qtbot, db, admin, tasks)
    assert page.model.rowCount() == len(NAMES)
    assert str(len(NAMES)) in page.count_label.text()
    assert sorted(names_shown(qtbot, page)) == sorted(NAMES)
    masked = page.model.data(page.model.index(0, ClientTableModel.ID_NUMBER))
    assert masked == "36" + "*" * 16


def test_search_box_finds_one_two_and_three_character_names(
    qtbot: QtBot, db: Database, admin: Actor, people: dict[str, int], tasks: TaskRunner
) -> None:
    page = make_page(qtbot, db, admin, tasks)
    assert search(qtbot, page, "张") == ["张三", "张三丰", "张伟"]
    assert search(qtbot, page, "张三") == ["张三", "张三丰"]
    assert search(qtbot, page, "张三丰") == ["张三丰"]
    assert search(qtbot, page, "小明") == ["王小明"]
    assert "1" in page.count_label.text()
    assert search(qtbot, page, valid_id(3)[-4:]) == ["王小明"]
    assert search(qtbot, page, "13900000001") == ["张三丰"]
    assert search(qtbot, page, "东山") == ["张三丰", "张伟"]
    assert search(qtbot, page, "河口") == ["李四"]
    assert search(qtbot, page, "") == sorted(NAMES)


def test_a_new_search_drops_a_client_it_does_not_list(
    qtbot: QtBot, db: Database, admin: Actor, people: dict[str, int], tasks: TaskRunner
) -> None:
    page = make_page(qtbot, db, admin, tasks)
    open_client(qtbot, page, people["张三"])
    assert search(qtbot, page, "李") == ["李四"]
    qtbot.waitUntil(lambda: page.detail.detail is None, timeout=5_000)
    assert not page.edit_button.isEnabled()


def test_filters_narrow_the_list(
    qtbot: QtBot, db: Database, admin: Actor, people: dict[str, int], tasks: TaskRunner
) -> None:
    page = make_page(qtbot, db, admin, tasks)
    qtbot.waitUntil(lambda: page.filters.village.count() > 1, timeout=5_000)
    with qtbot.waitSignal(page.model.counted, timeout=5_000):
        page.filters.village.setCurrentIndex(page.filters.village.findText("梅林村"))
    assert sorted(names_shown(qtbot, page)) == ["张三", "王小明"]
    with qtbot.waitSignal(page.model.counted, timeout=5_000):
        page.filters.risk.setCurrentIndex(page.filters.risk.findData("high"))
    assert page.model.rowCount() == 0
    assert "0" in page.count_label.text()


def test_new_client_from_the_page_appears_in_the_list(
    qtbot: QtBot, db: Database, admin: Actor, people: dict[str, int], tasks: TaskRunner
) -> None:
    page = make_page(qtbot, db, admin, tasks)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.form is not None and page.form.isVisible(), timeout=5_000)
    form = page.form
    assert form is not None
    form.name.setText("赵六")
    qtbot.keyClicks(form.id_field.edit, valid_id(77))
    form.village.setCurrentIndex(1)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == len(NAMES) + 1, timeout=5_000)
    assert "赵六" in names_shown(qtbot, page)
    qtbot.waitUntil(
        lambda: page.detail.detail is not None and page.detail.detail.name == "赵六",
        timeout=5_000,
    )
    current = page.table.currentIndex()
    assert page.model.data(page.model.index(current.row(), 0)) == "赵六"
    assert page.form is None


def test_archive_and_restore(
    qtbot: QtBot, db: Database, admin: Actor, people: dict[str, int], tasks: TaskRunner
) -> None:
    page = make_page(qtbot, db, admin, tasks)
    open_client(qtbot, page, people["李四"])
    assert page.archive_button.isEnabled()
    qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(page.findChildren(ArchiveDialog)), timeout=5_000)
    dialog = page.findChildren(ArchiveDialog)[0]
    assert not dialog.ok_button.isEnabled()
    dialog.reason.setCurrentText("迁出")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == len(NAMES) - 1, timeout=5_000)
    assert "李四" not in names_shown(qtbot, page)
    qtbot.waitUntil(lambda: page.unarchive_button.isVisible(), timeout=5_000)
    assert "迁出" in page.detail.values["status"].text()
    with qtbot.waitSignal(page.model.counted, timeout=5_000):
        page.filters.status.setCurrentIndex(page.filters.status.findData("archived"))
    assert names_shown(qtbot, page) == ["李四"]
    qtbot.mouseClick(page.unarchive_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=5_000)
    qtbot.waitUntil(lambda: page.archive_button.isVisible(), timeout=5_000)
    assert ClientService(db, admin).get(people["李四"]).status == "active"


@pytest.mark.parametrize(
    ("role", "allowed"),
    [(Role.HEAD, True), (Role.WORKER, False), (Role.SUPERVISOR, False)],
)
def test_reveal_only_for_allowed_roles(
    qtbot: QtBot,
    db: Database,
    make_actor: Callable[..., Actor],
    people: dict[str, int],
    tasks: TaskRunner,
    role: Role,
    allowed: bool,
) -> None:
    actor = make_actor(role)
    page = make_page(qtbot, db, actor, tasks)
    open_client(qtbot, page, people["张三"])
    assert page.detail.reveal_button.isVisible() is allowed
    assert page.detail.values["id_number"].text() == "36" + "*" * 16
    # The birth date only beside the right to reveal the number; the age for everyone.
    born = page.detail.values["birth"].text()
    assert ("1960-01-01" in born) is allowed
    shown = page.detail.detail
    assert shown is not None and str(shown.age) in born
    assert page.new_button.isVisible() is (role is not Role.SUPERVISOR)
    assert page.edit_button.isEnabled() is (role is not Role.SUPERVISOR)
    if allowed:
        qtbot.mouseClick(page.detail.reveal_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda: page.detail.values["id_number"].text() == valid_id(0), timeout=5_000
        )
        with db.read() as session:
            actions = list(
                session.scalars(
                    select(AuditEntry.action).where(AuditEntry.user_id == actor.user_id)
                )
            )
        assert "reveal" in actions


def test_own_worker_may_reveal(
    qtbot: QtBot, db: Database, admin: Actor, make_actor: Callable[..., Actor], tasks: TaskRunner
) -> None:
    worker = make_actor(Role.WORKER)
    client = ClientService(db, admin).create(
        ClientInput(name="钱七", id_number=valid_id(9), worker_id=worker.user_id)
    )
    page = make_page(qtbot, db, worker, tasks)
    open_client(qtbot, page, client.id)
    assert page.detail.reveal_button.isVisible()


def test_household_members_open_on_double_click(
    qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner
) -> None:
    service = ClientService(db, admin)
    head = service.create(ClientInput(name="王德明", relation_to_head="02"))
    son = service.create(ClientInput(name="王小虎", head_client_id=head.id, relation_to_head="20"))
    with chinese_ui():
        page = make_page(qtbot, db, admin, tasks)
        open_client(qtbot, page, head.id)
    members = page.detail.members
    assert members.isVisible() and members.count() == 1
    # The relation is to the head, and says so (not a bare "子" that reads as the viewer's).
    son_item = members.item(0)
    assert son_item is not None
    son_relation = dict(SEED[CodeList.RELATIONSHIP])["20"]
    assert son_item.text() == f"王小虎（户主的{son_relation}）"
    item_rect = members.visualItemRect(son_item)
    # A double click is a click followed by a double-click event.
    qtbot.mouseClick(members.viewport(), Qt.MouseButton.LeftButton, pos=item_rect.center())
    qtbot.mouseDClick(members.viewport(), Qt.MouseButton.LeftButton, pos=item_rect.center())
    qtbot.waitUntil(
        lambda: page.detail.detail is not None and page.detail.detail.id == son.id,
        timeout=5_000,
    )
    assert "王德明" in page.detail.values["household"].text()
    assert page.model.client_id(page.table.currentIndex().row()) == son.id


def test_keyboard_ctrl_f_escape_and_enter(
    qtbot: QtBot, db: Database, admin: Actor, people: dict[str, int], tasks: TaskRunner
) -> None:
    page = make_page(qtbot, db, admin, tasks)
    page.activateWindow()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.filters.search
    page.filters.search.setText("李")
    qtbot.keyClick(page.filters.search, Qt.Key.Key_Escape)
    assert page.filters.search.text() == ""
    page.filters.search.setText("李四")
    with qtbot.waitSignal(page.model.counted, timeout=5_000):
        qtbot.keyClick(page.filters.search, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: page.detail.detail is not None and page.detail.detail.name == "李四",
        timeout=5_000,
    )
    assert page.model.rowCount() == 1
    assert QApplication.focusWidget() is page.table
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.form is not None, timeout=5_000)
    assert page.form is not None and page.form.name.text() == "李四"
    page.form.reject()


def test_a_change_elsewhere_refreshes_the_page(
    qtbot: QtBot, db: Database, admin: Actor, people: dict[str, int], tasks: TaskRunner
) -> None:
    page = make_page(qtbot, db, admin, tasks)
    service = ClientService(db, admin)
    saved = service.create(ClientInput(name="新来的"))
    tasks.bus.changed.emit(ClientService.changes(saved))
    qtbot.waitUntil(lambda: page.model.rowCount() == len(NAMES) + 1, timeout=5_000)
    assert service.search_ids(ClientQuery(text="新来")) == [saved.id]
