"""The consent section of the client detail: record, see what is missing, withdraw."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from app.domain.roles import Role
from app.services.access.consents import ConsentService
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.context import Actor
from app.services.settings.codes import CodeService
from app.store.engine import Database
from app.ui.clients.consent_dialog import ConsentDialog, WithdrawDialog
from app.ui.clients.detail import ClientDetailPanel
from app.ui.clients.page import ClientsPage
from app.ui.tasks import TaskRunner
from tests.ui.items import cell


def make_panel(qtbot: QtBot, db: Database, actor: Actor, tasks: TaskRunner) -> ClientDetailPanel:
    panel = ClientDetailPanel(
        clients=ClientService(db, actor), tasks=tasks, consents=ConsentService(db, actor)
    )
    qtbot.addWidget(panel)
    panel.resize(520, 900)
    panel.show()
    return panel


def test_record_and_withdraw_consent(
    qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner
) -> None:
    cid = (
        ClientService(db, admin)
        .create(ClientInput(name="刘建国", birth_date=dt.date(1950, 1, 1)))
        .id
    )
    panel = make_panel(qtbot, db, admin, tasks)
    panel.show_client(cid)
    section = panel.consents
    assert section is not None
    every_item = ": 服务、敏感个人信息、照片/宣传、转介/信息共享"
    qtbot.waitUntil(lambda: section.missing.text().endswith(every_item), timeout=5_000)

    dialog = section.add()
    assert isinstance(dialog, ConsentDialog)
    qtbot.waitUntil(
        lambda: dialog.rule is not None and bool(dialog.text_version.text()), timeout=5_000
    )
    assert dialog.signer.text() == "刘建国" and not dialog.guardian_note.isVisible()
    dialog.items["sharing"].setChecked(True)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: len(section.rows) == 3, timeout=5_000)
    assert section.missing.text().endswith(": 照片/宣传")
    assert cell(section.table, 0, 4).text() == "2026-1"

    sharing = next(i for i, r in enumerate(section.rows) if r.item == "sharing")
    section.table.selectRow(sharing)
    assert section.withdraw_button.isEnabled()
    withdraw = section.withdraw()
    assert isinstance(withdraw, WithdrawDialog)
    withdraw.save_button.click()
    qtbot.waitUntil(
        lambda: any(r.item == "sharing" and r.withdrawn_on for r in section.rows), timeout=5_000
    )
    assert section.missing.text().endswith(": 照片/宣传、转介/信息共享")
    assert ConsentService(db, admin).missing(cid, ["sharing", "service"]) == ("sharing",)
    panel.grab().save("/tmp/consent_section.png")


def test_a_child_needs_a_guardian_signer(
    qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner
) -> None:
    today = dt.date.today()
    birth = today.replace(year=today.year - 10, day=1)
    data = ClientInput(
        name="刘小宇", birth_date=birth, guardian_name="王芳", guardian_relation="母亲"
    )
    cid = ClientService(db, admin).create(data).id
    panel = make_panel(qtbot, db, admin, tasks)
    panel.show_client(cid)
    section = panel.consents
    assert section is not None
    dialog = section.add()
    assert isinstance(dialog, ConsentDialog)
    qtbot.waitUntil(lambda: dialog.guardian_note.isVisible(), timeout=5_000)
    assert (dialog.signer.text(), dialog.relation.currentText()) == ("王芳", "母亲")
    # The child cannot sign for themselves: the refusal stays in the dialog.
    dialog.signer.setText("刘小宇")
    dialog.relation.setCurrentText("本人")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=5_000)
    assert "监护人" in dialog.error.text() and dialog.isVisible()
    dialog.signer.setText("王芳")
    dialog.relation.setCurrentText("母亲")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: len(section.rows) == 2, timeout=5_000)
    assert {r.signer_name for r in section.rows} == {"王芳"}


def test_a_supervisor_sees_consents_but_cannot_change_them(
    qtbot: QtBot, db: Database, admin: Actor, make_actor: Callable[..., Actor], tasks: TaskRunner
) -> None:
    cid = ClientService(db, admin).create(ClientInput(name="刘建国")).id
    panel = make_panel(qtbot, db, make_actor(Role.SUPERVISOR, "du", "杜督导"), tasks)
    panel.show_client(cid)
    section = panel.consents
    assert section is not None
    qtbot.waitUntil(lambda: bool(section.missing.text()), timeout=5_000)
    assert not section.add_button.isVisible() and not section.withdraw_button.isVisible()


def test_the_signing_day_can_be_changed(
    qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner
) -> None:
    cid = ClientService(db, admin).create(ClientInput(name="刘建国")).id
    panel = make_panel(qtbot, db, admin, tasks)
    panel.show_client(cid)
    section = panel.consents
    assert section is not None
    dialog = section.add()
    assert isinstance(dialog, ConsentDialog)
    dialog.signed_on.setDate(QDate.currentDate().addDays(-3))
    qtbot.waitUntil(lambda: dialog.rule is not None, timeout=5_000)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: len(section.rows) == 2, timeout=5_000)
    assert section.rows[0].signed_on == dt.date.today() - dt.timedelta(days=3)


def test_the_clients_page_shows_the_section(
    qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner
) -> None:
    cid = ClientService(db, admin).create(ClientInput(name="刘建国")).id
    page = ClientsPage(
        clients=ClientService(db, admin), codes=CodeService(db, admin), tasks=tasks,
        consents=ConsentService(db, admin),
    )  # fmt: skip
    qtbot.addWidget(page)
    page.show()
    section = page.detail.consents
    assert section is not None
    page.detail.show_client(cid)
    # The section and the detail load in two tasks: the section shows once both are in.
    qtbot.waitUntil(
        lambda: (
            section.client_id == cid
            and bool(section.missing.text())
            and page.detail.detail is not None
        ),
        timeout=5_000,
    )
    assert section.isVisible()
