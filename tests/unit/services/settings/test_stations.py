"""The station, its villages and communities, and settings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from app.domain.errors import ConflictError, InvalidInput, NotFound, PermissionDenied
from app.domain.roles import Role
from app.services.cases.service import CaseService
from app.services.cases.types import OpenCaseInput
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput, ClientQuery
from app.services.context import Actor
from app.services.history import When
from app.services.settings.stations import SettingsService, StationService
from app.store.engine import Database
from tests.consents import consent_to_services
from tests.unit.services.conftest import TODAY, audit_actions


@pytest.fixture
def stations(db: Database, admin: Actor) -> StationService:
    return StationService(db, admin)


def test_the_station_and_its_villages(stations: StationService, clients: ClientService) -> None:
    info = stations.info()
    assert (info.code, info.name, info.county) == ("JX0426", "梅林镇社工站", "测试县")
    rows = stations.villages()
    clients.create(ClientInput(name="张三", village_id=rows[0].id))
    rows = stations.villages()
    assert [(v.name, v.kind, v.clients) for v in rows] == [
        ("梅林村", "村", 1),
        ("东山村", "村", 0),
        ("河口社区", "社区", 0),
    ]


def test_adding_a_village(db: Database, stations: StationService) -> None:
    stations.add_village(name=" 西岭村 ")
    assert stations.villages()[-1].name == "西岭村"
    with pytest.raises(InvalidInput, match="已有"):
        stations.add_village(name="西岭村")
    with pytest.raises(InvalidInput):
        stations.add_village(name="  ")
    assert audit_actions(db, entity="village") == ["create"]


def test_renaming_a_village_updates_the_search(
    db: Database, stations: StationService, clients: ClientService
) -> None:
    village = stations.villages()[0]
    saved = clients.create(ClientInput(name="张三", village_id=village.id))
    assert clients.search_ids(ClientQuery(text="梅林")) == [saved.id]
    changes = stations.update_village(
        village_id=village.id, version=village.version, name="梅岭村", active=True
    )
    assert changes.touches("client")
    assert clients.search_ids(ClientQuery(text="梅林")) == []
    assert clients.search_ids(ClientQuery(text="梅岭")) == [saved.id]
    assert clients.search_ids(ClientQuery(text="张三")) == [saved.id]
    assert clients.search_ids(ClientQuery(text="zhangs")) == [saved.id]  # pinyin kept
    assert clients.get(saved.id).village == "梅岭村"
    assert audit_actions(db, entity="village") == ["update"]


def test_a_retired_village_is_no_longer_offered(
    stations: StationService, clients: ClientService
) -> None:
    village = stations.villages()[1]
    stations.update_village(
        village_id=village.id, version=village.version, name=village.name, active=False
    )
    assert "东山村" not in [c.label for c in clients.villages()]
    assert "东山村" not in [v.name for v in stations.villages(include_inactive=False)]
    assert "东山村" in [v.name for v in stations.villages()]


def test_a_stale_village_edit_is_a_conflict(stations: StationService) -> None:
    village = stations.villages()[0]
    stations.update_village(
        village_id=village.id, version=village.version, name="梅岭村", active=True
    )
    with pytest.raises(ConflictError, match="王站长"):
        stations.update_village(
            village_id=village.id, version=village.version, name="梅山村", active=True
        )
    assert stations.villages()[0].name == "梅岭村"


def test_editing_a_missing_village(stations: StationService) -> None:
    with pytest.raises(NotFound):
        stations.update_village(village_id=999, version=1, name="某村", active=True)


def test_settings_per_station_and_for_the_database(db: Database, admin: Actor) -> None:
    settings = SettingsService(db, admin)
    assert settings.get("language", "zh_CN") == "zh_CN"
    settings.set("language", "en")
    settings.set("targets", {"supervision_hours": 24}, station_id=admin.station_id)
    settings.set("targets", {"supervision_hours": 30}, station_id=admin.station_id)
    reader = SettingsService(db)
    assert reader.get("language") == "en"
    assert reader.get("targets", station_id=admin.station_id) == {"supervision_hours": 30}
    assert reader.get("targets") is None
    assert audit_actions(db, entity="setting") == ["setting"] * 3


def test_settings_cannot_be_changed_without_a_login(db: Database) -> None:
    with pytest.raises(InvalidInput):
        SettingsService(db).set("language", "en")


def test_renaming_a_village_to_a_name_in_use_is_refused(stations: StationService) -> None:
    village = stations.villages()[0]
    with pytest.raises(InvalidInput, match="已有") as raised:
        stations.update_village(
            village_id=village.id, version=village.version, name="东山村", active=True
        )
    assert raised.value.field == "name"
    assert stations.villages()[0].name == "梅林村"


def test_the_late_entry_threshold_is_set_for_the_database_and_enforced(
    db: Database, admin: Actor, make_actor: Callable[..., Actor], clients: ClientService
) -> None:
    settings = SettingsService(db, admin)
    # The test databases allow any late entry (tests/conftest.py allow_late_entries).
    assert settings.late_reason_days() == 100_000
    settings.set_late_reason_days(7)
    worker = make_actor(Role.WORKER, "liwei", "李伟")
    assert SettingsService(db, worker).late_reason_days() == 7
    assert SettingsService(db).late_reason_days() == 7
    assert audit_actions(db, entity="setting") == ["setting"]

    # The case service now asks for a reason from the 8th day back, not on the 7th.
    cases = CaseService(db, worker, today=TODAY)
    client_id = clients.create(ClientInput(name="李秀英")).id
    consent_to_services(db, worker, client_id)
    opened = cases.open_case(
        OpenCaseInput(
            client_id=client_id,
            intake_date=TODAY - dt.timedelta(days=20),
            presenting_problem="独居，行动不便。",
            late_reason="纸质接案表补录",
        )
    )
    with pytest.raises(InvalidInput) as refused:
        cases.pause(
            opened.case_id, version=opened.version, reason="住院",
            when=When(TODAY - dt.timedelta(days=8)),
        )  # fmt: skip
    assert refused.value.field == "late_reason"
    saved = cases.pause(
        opened.case_id, version=opened.version, reason="住院",
        when=When(TODAY - dt.timedelta(days=7)),
    )  # fmt: skip
    assert cases.get(saved.case_id).paused


@pytest.mark.parametrize("days", [0, 366])
def test_the_late_entry_threshold_stays_within_a_year(
    db: Database, admin: Actor, days: int
) -> None:
    settings = SettingsService(db, admin)
    with pytest.raises(InvalidInput) as refused:
        settings.set_late_reason_days(days)
    assert refused.value.field == "late_reason_days"
    assert settings.late_reason_days() == 100_000


@pytest.mark.parametrize("role", [Role.HEAD, Role.WORKER])
def test_only_an_administrator_sets_the_late_entry_threshold(
    db: Database, make_actor: Callable[..., Actor], role: Role
) -> None:
    with pytest.raises(PermissionDenied):
        SettingsService(db, make_actor(role)).set_late_reason_days(30)
    assert SettingsService(db).late_reason_days() == 100_000
