"""服务经历: every kind of event of a client, newest first, filtered, of their station only."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from app.domain.errors import NotFound
from app.domain.roles import Role
from app.services.access.auth import actor_for
from app.services.clients.story import ClientStoryService
from app.services.clients.story_types import Opens, StoryKind
from app.services.context import Actor
from app.services.visits.service import VisitService
from app.services.visits.types import VisitInput
from app.store.engine import Database
from app.store.models import Station, User
from tests.unit.services.case_flow import INTAKE, new_client
from tests.unit.services.clients.story_flow import (
    JOINED,
    REFERRED,
    REGISTERED,
    RERATED,
    SESSION,
    VISITED,
    build_story,
)
from tests.unit.services.conftest import TODAY


def stories(db: Database, actor: Actor) -> ClientStoryService:
    return ClientStoryService(db, actor, today=TODAY)


def test_every_kind_is_told_newest_first(db: Database, admin: Actor) -> None:
    built = build_story(db, admin)
    story = stories(db, admin).story(built.client_id)
    entries = story.entries
    assert story.client_name == "李秀英"
    assert {e.kind for e in entries} == set(StoryKind)
    days = [e.on for e in entries]
    assert days == sorted(days, reverse=True)
    # The plan approved today moved the case on twice; the later step is told first.
    assert [(e.on, e.summary) for e in entries[:2]] == [(TODAY, "计划→介入"), (TODAY, "预估→计划")]
    assert entries[2].on == VISITED and entries[2].kind is StoryKind.VISIT
    on_rerated = {e.title for e in entries if e.on == RERATED}
    assert on_rerated == {
        "风险等级：低→高",
        "纳入类别：特困人员·分散供养",
        "不再属于类别：低保对象·农村",
    }
    titles = [(e.on, e.kind, e.title) for e in entries]
    assert (SESSION, StoryKind.GROUP, "小组「长者防跌倒互助小组」第1节") in titles
    assert (JOINED, StoryKind.GROUP, "加入小组「长者防跌倒互助小组」") in titles
    assert (dt.date(2025, 6, 18), StoryKind.ACTIVITY, "参加社区活动「端午节包粽子活动」") in titles
    assert (REFERRED, StoryKind.REFERRAL, "转介至县残联") in titles
    assert (REGISTERED, StoryKind.RISK, "风险等级：低") in titles
    assert (REGISTERED, StoryKind.CATEGORY, "纳入类别：低保对象·农村") in titles
    intake = [e for e in entries if e.on == INTAKE and e.title.startswith("接案")]
    assert len(intake) == 1 and "当前阶段：介入" in intake[0].summary
    assert [e.kind for e in entries if e.on == dt.date(2025, 5, 11)] == [StoryKind.RECORD]
    # The oldest: the service consent signed long before.
    assert entries[-1].kind is StoryKind.CONSENT and entries[-1].title == "知情同意·服务"


def test_each_entry_opens_its_record(db: Database, admin: Actor) -> None:
    built = build_story(db, admin)
    opened = {
        (e.kind, e.opens, e.target_id) for e in stories(db, admin).story(built.client_id).entries
    }
    assert opened == {
        (StoryKind.CASE, Opens.CASE, built.case_id),
        (StoryKind.RECORD, Opens.CASE, built.case_id),
        (StoryKind.REFERRAL, Opens.CASE, built.case_id),
        (StoryKind.VISIT, Opens.VISIT, built.visit_id),
        (StoryKind.GROUP, Opens.GROUP, built.group_id),
        (StoryKind.ACTIVITY, Opens.ACTIVITY, built.activity_id),
        (StoryKind.CONSENT, Opens.CLIENT, built.client_id),
        (StoryKind.CATEGORY, Opens.CLIENT, built.client_id),
        (StoryKind.RISK, Opens.CLIENT, built.client_id),
    }


def test_one_days_events_come_newest_entered_first(db: Database, admin: Actor) -> None:
    client_id = new_client(db, admin)
    visits = VisitService(db, admin, today=TODAY)
    for needs in ("第一次录入", "第二次录入"):
        visits.add(
            VisitInput(visited_on=VISITED, visit_type="routine", client_ids=(client_id,),
                       needs_found=needs)
        )  # fmt: skip
    story = stories(db, admin).story(client_id, kinds={StoryKind.VISIT})
    assert [e.summary for e in story.entries] == ["第二次录入", "第一次录入"]


def test_filter_by_kind_and_by_words(db: Database, admin: Actor) -> None:
    built = build_story(db, admin)
    service = stories(db, admin)
    records = service.story(built.client_id, kinds={StoryKind.RECORD}).entries
    assert records and {e.kind for e in records} == {StoryKind.RECORD}
    both = service.story(built.client_id, kinds={StoryKind.RISK, StoryKind.CATEGORY}).entries
    assert {e.kind for e in both} == {StoryKind.RISK, StoryKind.CATEGORY} and len(both) == 5
    referral = service.story(built.client_id, text="县残联").entries
    assert [e.title for e in referral] == ["转介至县残联"]
    # Every word must match; a kind's name matches its entries.
    assert [e.title for e in service.story(built.client_id, text="小组 居家").entries] == [
        "小组「长者防跌倒互助小组」第1节"
    ]
    assert {e.kind for e in service.story(built.client_id, text="走访").entries} == {
        StoryKind.VISIT
    }
    assert service.story(built.client_id, kinds={StoryKind.VISIT}, text="县残联").entries == ()


def test_another_client_and_another_station_see_nothing(
    db: Database, admin: Actor, make_actor: Callable[..., Actor]
) -> None:
    built = build_story(db, admin)
    neighbour = new_client(db, admin, "王桂兰", 4)
    told = stories(db, admin).story(neighbour).entries
    assert [e.kind for e in told] == [StoryKind.RISK, StoryKind.CONSENT]
    # A supervisor of the station reads the story too.
    supervisor = make_actor(Role.SUPERVISOR)
    assert len(stories(db, supervisor).story(built.client_id).entries) > 10
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
    with pytest.raises(NotFound):
        stories(db, dong).story(built.client_id)
