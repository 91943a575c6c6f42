"""社工室 in the window: the settings tab, the county's staffing column, and the room field
of the activity and visit forms preset to the worker's room on the record's day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.domain.roles import Role
from app.services.cases.service import CaseService
from app.services.clients.service import ClientService
from app.services.community.service import ActivityService
from app.services.context import Actor
from app.services.history import When
from app.services.rooms.service import RoomService
from app.services.settings.codes import CodeService
from app.services.visits.service import VisitService
from app.store.engine import Database
from app.store.models import Activity, ServiceRecord
from app.ui.cases.choices import load_case_choices
from app.ui.cases.record_dialog import RecordDialog
from app.ui.community.choices import load_activity_choices
from app.ui.community.form import ActivityDialog
from app.ui.rooms.tab import RoomsTab
from app.ui.settings.page import SettingsPage
from app.ui.tasks import TaskRunner
from app.ui.visits.visit_dialog import VisitDialog
from tests.ui.items import cell
from tests.unit.services.case_flow import new_client, open_case


@pytest.fixture
def worker(make_actor: Callable[..., Actor]) -> Actor:
    return make_actor(Role.WORKER, "liwei", "李伟")


def two_rooms(db: Database, admin: Actor, worker: Actor, today: dt.date) -> dict[str, int]:
    """李伟 in 甲 from 30 days ago, in 乙 from 2 days ago."""
    rooms = RoomService(db, admin)
    rooms.add_room(name="甲社工室")
    rooms.add_room(name="乙社工室")
    ids = {r.name: r.id for r in rooms.rooms()}
    rooms.assign(
        user_id=worker.user_id, room_id=ids["甲社工室"], when=When(today - dt.timedelta(30))
    )
    rooms.assign(
        user_id=worker.user_id, room_id=ids["乙社工室"], when=When(today - dt.timedelta(2))
    )
    return ids


def rooms_tab(qtbot: QtBot, page: SettingsPage) -> RoomsTab:
    qtbot.addWidget(page)
    page.show()
    tab = page.rooms
    assert tab is not None and "Social work rooms" in page.tab_titles()
    qtbot.waitUntil(lambda: bool(tab.check.text()), timeout=5_000)
    return tab


def test_the_head_adds_a_room_and_moves_a_worker_into_it(
    qtbot: QtBot, db: Database, make_actor: Callable[..., Actor], worker: Actor, tasks: TaskRunner
) -> None:
    head = make_actor(Role.HEAD, "zhang", "张站长")
    page = SettingsPage(db=db, actor=head, tasks=tasks)
    tab = rooms_tab(qtbot, page)
    assert (
        "does not meet the rules" in tab.check.text() and "社工1人，至少应有2人" in tab.check.text()
    )
    dialog = tab.open_room(None)
    dialog.name.setText("梅林村社工室")
    dialog.villages.item(0).setCheckState(dialog.villages.item(0).checkState().Checked)
    dialog.submit()
    qtbot.waitUntil(lambda: len(tab.room_rows) == 1, timeout=5_000)
    assert [cell(tab.rooms_table, 0, c).text() for c in range(4)] == [
        "梅林村社工室", "梅林村", "", "In use",
    ]  # fmt: skip
    tab.staff_table.selectRow(next(i for i, s in enumerate(tab.staff_rows) if s.name == "李伟"))
    move = tab.open_move()
    assert move is not None
    move.room.setCurrentIndex(move.room.findData(tab.room_rows[0].id))
    move.submit()
    qtbot.waitUntil(lambda: bool(tab.room_rows and tab.room_rows[0].staff), timeout=5_000)
    assert cell(tab.rooms_table, 0, 2).text() == "李伟"
    row = next(i for i, s in enumerate(tab.staff_rows) if s.name == "李伟")
    assert cell(tab.staff_table, row, 2).text() == "梅林村社工室"


def test_a_worker_does_not_see_the_rooms_tab(
    qtbot: QtBot, db: Database, worker: Actor, tasks: TaskRunner
) -> None:
    page = SettingsPage(db=db, actor=worker, tasks=tasks)
    qtbot.addWidget(page)
    assert page.rooms is None and "Social work rooms" not in page.tab_titles()


def test_the_county_sees_each_stations_staffing(
    qtbot: QtBot, db: Database, admin: Actor, tasks: TaskRunner
) -> None:
    page = SettingsPage(db=db, actor=admin, tasks=tasks)
    qtbot.addWidget(page)
    page.show()
    tab = page.stations
    assert tab is not None
    qtbot.waitUntil(lambda: len(tab.rows) == 1 and bool(tab.staffing), timeout=5_000)
    assert cell(tab.table, 0, 6).text().startswith("社工0人，至少应有2人")


def test_the_activity_form_presets_the_workers_room_on_the_day(
    qtbot: QtBot, db: Database, admin: Actor, worker: Actor, tasks: TaskRunner
) -> None:
    activities = ActivityService(db, worker)
    ids = two_rooms(db, admin, worker, activities.today)
    choices = load_activity_choices(
        ClientService(db, worker), CodeService(db, worker), RoomService(db, worker)
    )
    dialog = ActivityDialog(
        activities=activities, clients=ClientService(db, worker), tasks=tasks, choices=choices
    )
    qtbot.addWidget(dialog)
    assert dialog.room.offers_rooms
    assert dialog.room.room_id() == ids["乙社工室"]
    dialog.held_on.setDate(dialog.held_on.date().addDays(-10))
    assert dialog.room.room_id() == ids["甲社工室"]
    dialog.room.setCurrentIndex(0)
    dialog.room.activated.emit(0)  # the user picks: no room
    dialog.held_on.setDate(dialog.held_on.date().addDays(9))
    assert dialog.room.room_id() is None
    dialog.title.setText("邻里互助活动")
    dialog.activity_type.setCurrentIndex(dialog.activity_type.findData("festival"))
    with qtbot.waitSignal(dialog.saved, timeout=5_000):
        dialog.save_button.click()
    with db.read() as session:
        assert session.scalars(select(Activity.room_id)).all() == [None]


def test_the_visit_form_offers_the_rooms_and_keeps_a_saved_visits_room(
    qtbot: QtBot, db: Database, admin: Actor, worker: Actor, tasks: TaskRunner
) -> None:
    visits = VisitService(db, worker)
    ids = two_rooms(db, admin, worker, visits.today)
    dialog = VisitDialog(
        visits=visits, clients=ClientService(db, worker), tasks=tasks, choices=visits.choices()
    )
    qtbot.addWidget(dialog)
    assert dialog.room.room_id() == ids["乙社工室"]
    dialog.visited_on.setDate(dialog.visited_on.date().addDays(-3))
    assert dialog.room.room_id() == ids["甲社工室"]
    assert [dialog.room.itemText(i) for i in range(dialog.room.count())] == [
        "None (station office)", "甲社工室", "乙社工室",
    ]  # fmt: skip


def test_the_service_record_form_tags_the_workers_room_on_the_day(
    qtbot: QtBot, db: Database, admin: Actor, worker: Actor, tasks: TaskRunner
) -> None:
    cases = CaseService(db, worker)
    ids = two_rooms(db, admin, worker, cases.today)
    case_id, _version = open_case(
        cases, new_client(db, worker), intake_date=cases.today - dt.timedelta(20),
        urgency="urgent",
    )  # fmt: skip
    choices = load_case_choices(
        ClientService(db, worker), CodeService(db, worker), rooms=RoomService(db, worker)
    )
    dialog = RecordDialog(cases=cases, tasks=tasks, detail=cases.get(case_id), choices=choices)
    qtbot.addWidget(dialog)
    dialog.served_on.setDate(dialog.served_on.date().addDays(-10))
    assert dialog.room.room_id() == ids["甲社工室"]
    dialog.mode.setCurrentIndex(dialog.mode.findData("phone"))
    dialog.content.setPlainText("电话问候")
    with qtbot.waitSignal(dialog.saved, timeout=5_000):
        assert dialog.save_button is not None
        dialog.save_button.click()
    with db.read() as session:
        assert session.scalars(select(ServiceRecord.room_id)).all() == [ids["甲社工室"]]
