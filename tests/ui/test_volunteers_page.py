"""The 志愿者 page: register a volunteer, record their hours on a case, link a resource."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from pytestqt.qtbot import QtBot

from app.domain.roles import Role
from app.services.context import Actor
from app.services.settings.codes import CodeService
from app.services.volunteers.links import LinkFinder, LinkKind
from app.services.volunteers.resource_types import ResourceQuery
from app.services.volunteers.resources import ResourceLinkService
from app.services.volunteers.service import VolunteerRegistry
from app.services.volunteers.types import ServiceQuery
from app.store.engine import Database
from app.ui.tasks import TaskRunner
from app.ui.volunteers.dialogs import ResourceDialog, ServiceDialog, VolunteerDialog
from app.ui.volunteers.page import VolunteersPage
from tests.unit.services.staff_records import open_case

TODAY = dt.date(2026, 5, 20)


def make_page(qtbot: QtBot, db: Database, actor: Actor, tasks: TaskRunner) -> VolunteersPage:
    page = VolunteersPage(
        volunteers=VolunteerRegistry(db, actor, today=TODAY),
        resources=ResourceLinkService(db, actor),
        links=LinkFinder(db, actor),
        codes=CodeService(db, actor),
        tasks=tasks,
    )
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitUntil(lambda: not page.register.model.searching, timeout=5_000)
    return page


def test_volunteer_service_and_resource(
    qtbot: QtBot, db: Database, make_actor: Callable[..., Actor], tasks: TaskRunner
) -> None:
    worker = make_actor(Role.WORKER, "xiaozhang", "张社工")
    case_no = open_case(db, worker, "李秀英")
    page = make_page(qtbot, db, worker, tasks)

    page.register.new_button.click()
    qtbot.waitUntil(lambda: isinstance(page.dialog, VolunteerDialog), timeout=5_000)
    volunteer = page.dialog
    assert isinstance(volunteer, VolunteerDialog)
    volunteer.name.setText("陈大姐")
    volunteer.phone.setText("12345")
    volunteer.save_button.click()
    qtbot.waitUntil(lambda: bool(volunteer.field_error("phone")), timeout=5_000)
    volunteer.phone.setText("13812345678")
    volunteer.skills.setText("理发")
    volunteer.save_button.click()
    model = page.register.model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=5_000)
    qtbot.waitUntil(lambda: model.data(model.index(0, 1)) == "138****5678", timeout=5_000)
    # Opened again, the numbers are masked until the user asks (the service audits it).
    page.open_volunteer(model.record_id(0) or 0)
    qtbot.waitUntil(lambda: page.dialog is not volunteer and page.dialog is not None, timeout=5_000)
    opened = page.dialog
    assert isinstance(opened, VolunteerDialog)
    assert opened.phone.text() == "138****5678"
    opened.reveal_button.click()
    qtbot.waitUntil(lambda: opened.phone.text() == "13812345678", timeout=5_000)
    opened.reject()
    # The village filter: 陈大姐 has none, so a village shows nobody.
    villages = page.register.choice
    qtbot.waitUntil(lambda: villages.count() > 1, timeout=5_000)
    villages.setCurrentIndex(1)
    qtbot.waitUntil(lambda: model.rowCount() == 0, timeout=5_000)
    villages.setCurrentIndex(0)
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=5_000)

    page.tabs.setCurrentWidget(page.services)
    page.services.new_button.click()
    qtbot.waitUntil(lambda: isinstance(page.dialog, ServiceDialog), timeout=5_000)
    service = page.dialog
    assert isinstance(service, ServiceDialog)
    service.volunteer.setCurrentIndex(1)
    service.hours.setText("2.5")
    service.link.kind.setCurrentIndex(service.link.kind.findData(LinkKind.CASE.value))
    qtbot.waitUntil(lambda: service.link.match.count() == 1, timeout=5_000)
    assert case_no in service.link.match.currentText()
    service.description.setPlainText("陪同就医")
    service.save_button.click()
    services = page.services.model
    qtbot.waitUntil(lambda: services.rowCount() == 1, timeout=5_000)
    qtbot.waitUntil(lambda: services.data(services.index(0, 1)) == "陈大姐", timeout=5_000)
    qtbot.waitUntil(lambda: "2.5" in page.service_totals.text(), timeout=5_000)
    (row,) = VolunteerRegistry(db, worker).service_rows(
        VolunteerRegistry(db, worker).service_ids(ServiceQuery())
    )
    assert row.hours == Decimal("2.50") and row.linked_to.startswith("个案：" + case_no)

    page.tabs.setCurrentWidget(page.resources)
    page.resources.new_button.click()
    qtbot.waitUntil(lambda: isinstance(page.dialog, ResourceDialog), timeout=5_000)
    resource = page.dialog
    assert isinstance(resource, ResourceDialog)
    resource.source.setText("县慈善总会")
    resource.kind.setCurrentIndex(resource.kind.findData("goods"))
    resource.value.setText("-3")
    resource.save_button.click()
    qtbot.waitUntil(lambda: "负数" in resource.field_error("value_yuan"), timeout=5_000)
    resource.value.setText("1,200.50")
    resource.recipient.kind.setCurrentIndex(resource.recipient.kind.findData(LinkKind.CLIENT.value))
    qtbot.waitUntil(lambda: resource.recipient.match.count() == 1, timeout=5_000)
    resource.save_button.click()
    resources = page.resources.model
    qtbot.waitUntil(lambda: resources.rowCount() == 1, timeout=5_000)
    qtbot.waitUntil(lambda: resources.data(resources.index(0, 3)) == "1,200.50", timeout=5_000)
    qtbot.waitUntil(lambda: "1200.50" in page.resource_totals.text(), timeout=5_000)
    (saved,) = ResourceLinkService(db, worker).rows(
        ResourceLinkService(db, worker).search_ids(ResourceQuery())
    )
    assert (saved.value_yuan, saved.recipient, saved.kind) == (Decimal("1200.50"), "李秀英", "物资")
    page.grab().save("/tmp/volunteers_page.png")
