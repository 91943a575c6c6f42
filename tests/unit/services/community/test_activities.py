"""Community activities through the service: recording, figures, permissions, locking."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from app.domain.errors import ConflictError, InvalidInput, NotFound, PermissionDenied
from app.domain.roles import Role
from app.services.access.auth import actor_for
from app.services.community.service import ActivityService, participant_problem
from app.services.community.types import ActivityQuery, ParticipantCounts
from app.services.context import Actor
from app.store.engine import Database
from app.store.models import (
    ActivityParticipant,
    AuditEntry,
    Station,
    User,
    Volunteer,
    VolunteerService,
)
from tests.unit.services.activity_flow import HELD_ON, activity_input
from tests.unit.services.case_flow import new_client
from tests.unit.services.conftest import TODAY, audit_actions


@pytest.fixture
def worker(make_actor: Callable[..., Actor]) -> Actor:
    return make_actor(Role.WORKER, "liwei", "李伟")


def svc(db: Database, actor: Actor) -> ActivityService:
    return ActivityService(db, actor, today=TODAY)


def test_record_an_activity_with_registered_clients(
    db: Database, worker: Actor, villages: dict[str, int]
) -> None:
    clients = (new_client(db, worker, "李秀英", 2), new_client(db, worker, "王桂兰", 4))
    saved = svc(db, worker).create(
        activity_input(village_id=villages["梅林村"], client_ids=clients)
    )
    got = svc(db, worker).get(saved.activity_id)
    assert got.title == "端午节包粽子活动"
    assert got.type_label == "节日活动"
    assert got.village == "梅林村"
    assert got.worker == "李伟" and got.worker_id == worker.user_id
    assert got.partners == ("梅林村委会", "县义工协会")
    assert got.participants == ParticipantCounts(36, 20, 12, 2, 2)
    assert [c.name for c in got.clients] == ["李秀英", "王桂兰"]
    assert got.can_edit
    assert saved.changes.touches("activity")
    assert audit_actions(db, entity="activity") == ["create"]
    rows = svc(db, worker).rows(svc(db, worker).search_ids(ActivityQuery()))
    assert [(r.title, r.type_label, r.participants_total) for r in rows] == [
        ("端午节包粽子活动", "节日活动", 36)
    ]


def test_participant_groups_may_not_exceed_the_total(db: Database, worker: Actor) -> None:
    too_many = ParticipantCounts(total=10, elderly=8, children=5)
    assert "超过了参与总人数" in participant_problem(too_many)
    assert participant_problem(ParticipantCounts(total=10, elderly=8, children=2)) == ""
    with pytest.raises(InvalidInput, match=r"13人.*超过了参与总人数（10人）") as refused:
        svc(db, worker).create(activity_input(participants=too_many))
    assert refused.value.field == "participants"
    with pytest.raises(InvalidInput, match="负数"):
        svc(db, worker).create(activity_input(participants=ParticipantCounts(total=-1)))


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"title": "  "}, "title"),
        ({"activity_type": "picnic"}, "activity_type"),
        ({"held_on": TODAY + dt.timedelta(days=1)}, "held_on"),
        ({"start_time": dt.time(10), "end_time": dt.time(9)}, "end_time"),
        ({"client_ids": (999_999,)}, "client_ids"),
    ],
)
def test_invalid_input_names_its_field(
    db: Database, worker: Actor, fields: dict[str, object], field: str
) -> None:
    with pytest.raises(InvalidInput) as refused:
        svc(db, worker).create(activity_input(**fields))
    assert refused.value.field == field


def test_filters_and_search(
    db: Database, worker: Actor, admin: Actor, villages: dict[str, int]
) -> None:
    w = svc(db, worker)
    w.create(
        activity_input(
            title="防诈骗政策宣传", activity_type="policy", village_id=villages["东山村"]
        )
    )
    w.create(activity_input(held_on=dt.date(2025, 5, 4)))
    svc(db, admin).create(activity_input(title="重阳敬老", worker_id=admin.user_id))

    def titles(**query: Any) -> list[str]:
        return [r.title for r in w.rows(w.search_ids(ActivityQuery(**query)))]

    assert titles(text="诈骗") == ["防诈骗政策宣传"]
    assert titles(activity_type="policy") == ["防诈骗政策宣传"]
    assert titles(village_id=villages["东山村"]) == ["防诈骗政策宣传"]
    assert titles(worker_id=admin.user_id) == ["重阳敬老"]
    assert titles(month=dt.date(2025, 5, 1)) == ["端午节包粽子活动"]
    assert len(titles(month=HELD_ON)) == 2


def test_who_may_change_what(db: Database, worker: Actor, make_actor: Callable[..., Actor]) -> None:
    other = make_actor(Role.WORKER, "zhao", "赵敏")
    head = make_actor(Role.HEAD, "zhang", "张站长")
    supervisor = make_actor(Role.SUPERVISOR, "du", "杜督导")
    saved = svc(db, worker).create(activity_input())

    assert not svc(db, other).get(saved.activity_id).can_edit
    with pytest.raises(PermissionDenied, match="李伟负责的活动"):
        svc(db, other).update(saved.activity_id, version=saved.version, data=activity_input())
    with pytest.raises(PermissionDenied, match="李伟负责的活动"):
        svc(db, other).delete(saved.activity_id, version=saved.version)
    with pytest.raises(PermissionDenied):
        svc(db, supervisor).create(activity_input())
    with pytest.raises(PermissionDenied, match="只能查看"):
        svc(db, supervisor).update(saved.activity_id, version=saved.version, data=activity_input())
    assert svc(db, supervisor).get(saved.activity_id).title == "端午节包粽子活动"
    # Only the head hands an activity to someone else.
    with pytest.raises(PermissionDenied, match="只有站长"):
        svc(db, worker).create(activity_input(worker_id=other.user_id))
    with pytest.raises(InvalidInput, match="负责社工"):
        svc(db, head).create(activity_input(worker_id=supervisor.user_id))

    moved = svc(db, head).update(
        saved.activity_id,
        version=saved.version,
        data=activity_input(worker_id=other.user_id, title="端午节活动"),
    )
    assert svc(db, other).get(saved.activity_id).can_edit
    assert not svc(db, worker).get(saved.activity_id).can_edit
    svc(db, other).delete(saved.activity_id, version=moved.version)
    with pytest.raises(NotFound):
        svc(db, head).get(saved.activity_id)
    # The refused changes are logged too (the supervisor's refused create names no activity).
    assert audit_actions(db, entity="activity", entity_id=saved.activity_id) == [
        "create",
        "refused",
        "refused",
        "refused",
        "update",
        "delete",
    ]
    with db.read() as session:
        update = session.scalars(select(AuditEntry).where(AuditEntry.action == "update")).one()
    assert json.loads(update.detail)["fields"] == ["title", "worker_id"]


def test_an_old_copy_is_refused(db: Database, worker: Actor) -> None:
    w = svc(db, worker)
    saved = w.create(activity_input())
    client = new_client(db, worker)
    # A change of the registered clients alone moves the version on too.
    second = w.update(
        saved.activity_id, version=saved.version, data=activity_input(client_ids=(client,))
    )
    assert second.version > saved.version
    with pytest.raises(ConflictError, match="李伟"):
        w.update(saved.activity_id, version=saved.version, data=activity_input(title="改名"))
    with pytest.raises(ConflictError):
        w.delete(saved.activity_id, version=saved.version)
    removed = w.update(saved.activity_id, version=second.version, data=activity_input())
    assert w.get(saved.activity_id).clients == ()
    with db.read() as session:
        assert session.scalars(select(ActivityParticipant)).all() == []
    assert removed.version > second.version


def test_another_station_sees_nothing(db: Database, worker: Actor) -> None:
    saved = svc(db, worker).create(activity_input())
    with db.write() as session:
        station = Station(code="JX0427", name="东山镇社工站")
        session.add(station)
        session.flush()
        user = User(
            station_id=station.id, login="dong", display_name="东山社工", role="head",
            password_hash="x",
        )  # fmt: skip
        session.add(user)
        session.flush()
        dong = actor_for(session, user)
    other = svc(db, dong)
    assert other.search_ids(ActivityQuery()) == []
    assert other.rows([saved.activity_id]) == []
    with pytest.raises(NotFound):
        other.get(saved.activity_id)
    with pytest.raises(NotFound):
        other.delete(saved.activity_id, version=saved.version)
    with pytest.raises(InvalidInput, match="本站"):
        other.create(activity_input(client_ids=(new_client(db, worker),)))


def test_volunteer_hours_show_and_keep_the_activity(db: Database, worker: Actor) -> None:
    saved = svc(db, worker).create(activity_input())
    with db.write() as session:
        volunteer = Volunteer(station_id=worker.station_id, name="陈志愿")
        session.add(volunteer)
        session.flush()
        session.add(
            VolunteerService(
                station_id=worker.station_id, volunteer_id=volunteer.id, served_on=HELD_ON,
                hours=Decimal("2.5"), activity_id=saved.activity_id,
            )
        )  # fmt: skip
    got = svc(db, worker).get(saved.activity_id)
    assert [(v.name, v.hours) for v in got.volunteers] == [("陈志愿", Decimal("2.5"))]
    with pytest.raises(InvalidInput, match="志愿者"):
        svc(db, worker).delete(saved.activity_id, version=saved.version)
