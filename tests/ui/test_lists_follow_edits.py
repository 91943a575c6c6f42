"""A change saved from a page's detail or form shows in its list row, without a reload."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from app.domain.case_rules import Stage
from app.domain.roles import Role
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.community.service import ActivityService
from app.services.context import Actor
from app.services.groups.service import GroupService
from app.services.groups.types import GroupInput
from app.services.staff.supervision import SupervisionService
from app.services.staff.supervision_types import SupervisionInput, SupervisionQuery
from app.services.visits.service import VisitService
from app.services.visits.types import VisitInput
from app.services.volunteers.service import VolunteerRegistry
from app.services.volunteers.types import VolunteerInput, VolunteerQuery
from app.store.engine import Database
from app.ui.cases.intake_dialog import IntakeEditDialog
from app.ui.clients.table_model import ClientTableModel
from app.ui.community.form import ActivityDialog
from app.ui.community.table_model import ActivityTableModel
from app.ui.groups.plan_dialog import GroupPlanDialog
from app.ui.groups.table_model import GroupTableModel
from app.ui.staff.dialogs import SupervisionDialog
from app.ui.tasks import TaskRunner
from app.ui.visits.table_model import VisitTableModel
from app.ui.volunteers.dialogs import VolunteerDialog
from app.ui.widgets.lazy_table import LazyIdTableModel
from tests.consents import consent_to_services
from tests.ui import (
    test_cases_page,
    test_clients_page,
    test_community_page,
    test_groups_page,
    test_staff_page,
    test_visits_page,
    test_volunteers_page,
)
from tests.unit.services.activity_flow import activity_input

Model = LazyIdTableModel


@pytest.fixture
def worker(make_actor: Callable[..., Actor]) -> Actor:
    return make_actor(Role.WORKER, "xiaozhang", "张社工")


def row_text(model: Model, record_id: int, column: int) -> str:
    """The text of `record_id`'s cell as the table shows it ("" while it is fetched).

    Only the table asks for rows, as it does for the user: a list that forgot to ask
    again after a save would keep showing nothing new.
    """
    row = model.row_of(record_id)
    if row < 0 or model.row_data(row) is None:
        return ""
    return str(model.data(model.index(row, column)))


def shows(qtbot: QtBot, model: Model, record_id: int, column: int, text: str) -> None:
    qtbot.waitUntil(lambda: row_text(model, record_id, column) == text, timeout=5_000)


def saved_and_closed(qtbot: QtBot, dialog: QDialog, save: Callable[[], None]) -> None:
    save()
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible(), timeout=5_000)


def test_clients(qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner) -> None:
    client = ClientService(db, admin).create(ClientInput(name="张三")).id
    page = test_clients_page.make_page(qtbot, db, admin, tasks)
    page.show_record(client)
    qtbot.waitUntil(lambda: page.detail.detail is not None, timeout=5_000)
    shows(qtbot, page.model, client, ClientTableModel.NAME, "张三")
    page.edit_button.click()
    qtbot.waitUntil(lambda: page.form is not None and page.form.isVisible(), timeout=5_000)
    form = page.form
    assert form is not None
    form.name.setText("张三丰")
    saved_and_closed(qtbot, form, form.save_button.click)
    shows(qtbot, page.model, client, ClientTableModel.NAME, "张三丰")


def test_cases(qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner) -> None:
    from app.services.cases.service import CaseService
    from app.services.cases.types import OpenCaseInput
    from app.ui.cases.table_model import CaseTableModel

    client = ClientService(db, admin).create(ClientInput(name="李秀英")).id
    consent_to_services(db, admin, client)
    saved = CaseService(db, admin).open_case(
        OpenCaseInput(client_id=client, intake_date=dt.date.today(), presenting_problem="独居")
    )
    page = test_cases_page.make_page(qtbot, db, admin, tasks)
    page.show_case(saved.case_id)
    test_cases_page.wait_stage(qtbot, page, Stage.INTAKE)
    shows(qtbot, page.model, saved.case_id, CaseTableModel.URGENCY, "一般")
    page.detail.buttons["edit_intake"].click()
    dialog = page.case_actions.dialog
    assert isinstance(dialog, IntakeEditDialog)
    dialog.urgency.setCurrentIndex(dialog.urgency.findData("urgent"))
    saved_and_closed(qtbot, dialog, lambda: test_cases_page.save(qtbot, dialog))
    shows(qtbot, page.model, saved.case_id, CaseTableModel.URGENCY, "紧急")


def test_groups(qtbot: QtBot, db: Database, worker: Actor, tasks: TaskRunner) -> None:
    group = GroupService(db, worker).create(
        GroupInput(name="亲子阅读小组", group_type="support", planned_sessions=4)
    )
    page = test_groups_page.make_page(qtbot, db, worker, tasks)
    page.show_group(group.group_id)
    qtbot.waitUntil(lambda: page.detail.detail is not None, timeout=5_000)
    shows(qtbot, page.model, group.group_id, GroupTableModel.NAME, "亲子阅读小组")
    dialog = test_groups_page.press(qtbot, page, "edit")
    assert isinstance(dialog, GroupPlanDialog)
    dialog.name.setText("亲子共读小组")
    saved_and_closed(qtbot, dialog, dialog.save_button.click)
    shows(qtbot, page.model, group.group_id, GroupTableModel.NAME, "亲子共读小组")


def test_community(qtbot: QtBot, db: Database, worker: Actor, tasks: TaskRunner) -> None:
    saved = ActivityService(db, worker).create(activity_input(held_on=dt.date.today()))
    page = test_community_page.make_page(qtbot, db, worker, tasks)
    page.show_activity(saved.activity_id)
    qtbot.waitUntil(lambda: page.detail.detail is not None, timeout=5_000)
    page.detail.buttons["edit"].click()
    dialog = page.activity_actions.dialog
    assert isinstance(dialog, ActivityDialog)
    dialog.title.setText("端午节包粽子（改）")
    saved_and_closed(qtbot, dialog, dialog.save_button.click)
    shows(qtbot, page.model, saved.activity_id, ActivityTableModel.TITLE, "端午节包粽子（改）")


def test_visits(qtbot: QtBot, db: Database, worker: Actor, tasks: TaskRunner) -> None:
    client = ClientService(db, worker).create(ClientInput(name="王桂兰")).id
    saved = VisitService(db, worker).add(
        VisitInput(
            visited_on=dt.date.today(), visit_type="routine", client_ids=(client,), duration_min=40
        )
    )
    page = test_visits_page.make_page(qtbot, db, worker, tasks)
    tab = page.visits
    tab.show_visit(saved.visit_id)
    qtbot.waitUntil(lambda: tab.detail is not None, timeout=5_000)
    shows(qtbot, tab.model, saved.visit_id, VisitTableModel.MINUTES, "40")
    dialog = tab.edit_visit()
    assert dialog is not None and dialog.save_button is not None
    dialog.duration.setValue(55)
    saved_and_closed(qtbot, dialog, dialog.save_button.click)
    shows(qtbot, tab.model, saved.visit_id, VisitTableModel.MINUTES, "55")


def test_volunteers(qtbot: QtBot, db: Database, worker: Actor, tasks: TaskRunner) -> None:
    registry = VolunteerRegistry(db, worker)
    registry.create(VolunteerInput(name="陈大姐", skills="理发"))
    [volunteer] = registry.search_ids(VolunteerQuery())
    page = test_volunteers_page.make_page(qtbot, db, worker, tasks)
    model = page.register.model
    shows(qtbot, model, volunteer, 2, "理发")
    page.open_volunteer(volunteer)
    qtbot.waitUntil(lambda: isinstance(page.dialog, VolunteerDialog), timeout=5_000)
    dialog = page.dialog
    assert isinstance(dialog, VolunteerDialog)
    dialog.skills.setText("理发、急救")
    saved_and_closed(qtbot, dialog, dialog.save_button.click)
    shows(qtbot, model, volunteer, 2, "理发、急救")


def test_staff(
    qtbot: QtBot, db: Database, make_actor: Callable[..., Actor], worker: Actor, tasks: TaskRunner
) -> None:
    supervisor = make_actor(Role.SUPERVISOR, "dudao", "赵督导")
    service = SupervisionService(db, supervisor)
    service.create(
        SupervisionInput(
            held_on=dt.date.today(), form="individual", hours=Decimal("1.5"),
            supervisor_id=supervisor.user_id, supervisee_ids=(worker.user_id,),
            topics="专业关系",
        )
    )  # fmt: skip
    [record] = service.search_ids(SupervisionQuery())
    page = test_staff_page.make_page(qtbot, db, supervisor, tasks)
    model = page.supervisions.model
    shows(qtbot, model, record, 3, "1.5")
    page.open_supervision(record)
    qtbot.waitUntil(lambda: isinstance(page.dialog, SupervisionDialog), timeout=5_000)
    dialog = page.dialog
    assert isinstance(dialog, SupervisionDialog)
    dialog.hours.setText("2")
    saved_and_closed(qtbot, dialog, dialog.save_button.click)
    shows(qtbot, model, record, 3, "2")


def test_a_renamed_client_shows_in_the_case_list(
    qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner
) -> None:
    from app.services.cases.service import CaseService
    from app.services.cases.types import OpenCaseInput
    from app.ui.cases.table_model import CaseTableModel

    client = ClientService(db, admin).create(ClientInput(name="李秀英")).id
    consent_to_services(db, admin, client)
    saved = CaseService(db, admin).open_case(
        OpenCaseInput(client_id=client, intake_date=dt.date.today(), presenting_problem="独居")
    )
    cases = test_cases_page.make_page(qtbot, db, admin, tasks)
    shows(qtbot, cases.model, saved.case_id, CaseTableModel.CLIENT, "李秀英")
    clients = test_clients_page.make_page(qtbot, db, admin, tasks)
    clients.show_record(client)
    qtbot.waitUntil(lambda: clients.detail.detail is not None, timeout=5_000)
    clients.edit_button.click()
    qtbot.waitUntil(lambda: clients.form is not None and clients.form.isVisible(), timeout=5_000)
    form = clients.form
    assert form is not None
    form.name.setText("李秀云")
    saved_and_closed(qtbot, form, form.save_button.click)
    shows(qtbot, cases.model, saved.case_id, CaseTableModel.CLIENT, "李秀云")


def test_a_renamed_volunteer_shows_in_the_service_list(
    qtbot: QtBot, db: Database, worker: Actor, tasks: TaskRunner
) -> None:
    from app.services.volunteers.types import ServiceInput, ServiceQuery

    registry = VolunteerRegistry(db, worker, today=test_volunteers_page.TODAY)
    registry.create(VolunteerInput(name="陈大姐"))
    [volunteer] = registry.search_ids(VolunteerQuery())
    registry.add_service(
        ServiceInput(volunteer_id=volunteer, served_on=test_volunteers_page.TODAY, hours="2")
    )
    [service] = registry.service_ids(ServiceQuery())
    page = test_volunteers_page.make_page(qtbot, db, worker, tasks)
    page.tabs.setCurrentWidget(page.services)
    shows(qtbot, page.services.model, service, 1, "陈大姐")
    page.open_volunteer(volunteer)
    qtbot.waitUntil(lambda: isinstance(page.dialog, VolunteerDialog), timeout=5_000)
    dialog = page.dialog
    assert isinstance(dialog, VolunteerDialog)
    dialog.name.setText("陈阿姨")
    saved_and_closed(qtbot, dialog, dialog.save_button.click)
    shows(qtbot, page.services.model, service, 1, "陈阿姨")
