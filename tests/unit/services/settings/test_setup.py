"""First run: the station, its villages, the first administrator and the code lists."""

from __future__ import annotations

from typing import Any, TypedDict

import pytest
from sqlalchemy import func, select

from app.domain.codes import SEED, CodeList
from app.domain.errors import InvalidInput
from app.domain.roles import Role
from app.services.context import Actor
from app.services.settings.codes import CodeService
from app.services.settings.setup import SetupService, clean_villages, seed_code_lists
from app.store.engine import Database
from app.store.models import CodeItem, Village
from tests.unit.services.conftest import audit_actions


class Answers(TypedDict):
    """What the first-run wizard asks."""

    station_name: str
    station_code: str
    villages: list[str]
    admin_login: str
    admin_display_name: str
    password: str


GOOD: Answers = {
    "station_name": "梅林镇社工站",
    "station_code": "jx0426",
    "villages": ["梅林村", " 河口社区 ", "", "梅林村"],
    "admin_login": "admin",
    "admin_display_name": "",
    "password": "admin-pass-1",
}


def test_initialising_a_new_database(db: Database) -> None:
    service = SetupService(db)
    assert not service.is_initialised()
    actor = service.initialise(**GOOD)
    assert service.is_initialised()
    assert (actor.role, actor.login, actor.display_name) == (Role.ADMIN, "admin", "admin")
    assert actor.station_name == "梅林镇社工站"
    with db.read() as session:
        villages = session.execute(select(Village.name, Village.kind).order_by(Village.sort)).all()
        items = session.scalar(select(func.count()).select_from(CodeItem))
    assert [tuple(v) for v in villages] == [("梅林村", "村"), ("河口社区", "社区")]
    assert items == sum(len(v) for v in SEED.values())
    assert audit_actions(db) == ["initialise"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"station_name": " "}, "station_name"),
        ({"station_code": "梅林"}, "station_code"),
        ({"station_code": "J"}, "station_code"),
        ({"admin_login": " "}, "admin_login"),
        ({"password": "short"}, "password"),
    ],
)
def test_bad_first_run_answers_are_refused(
    db: Database, change: dict[str, str], field: str
) -> None:
    answers: dict[str, Any] = {**GOOD, **change}
    with pytest.raises(InvalidInput) as raised:
        SetupService(db).initialise(**answers)
    assert raised.value.field == field
    assert not SetupService(db).is_initialised()


def test_a_database_is_initialised_only_once(db: Database, admin: Actor) -> None:
    with pytest.raises(InvalidInput, match="已经初始化"):
        SetupService(db).initialise(**GOOD)


def test_seeding_again_adds_only_what_is_missing_and_keeps_edits(
    db: Database, admin: Actor
) -> None:
    codes = CodeService(db, admin)
    first = codes.entries(CodeList.SERVICE_MODE)[0]
    codes.update(item_id=first.id, version=first.version, label="当面会谈", active=True)
    with db.write() as session:
        session.delete(session.scalars(select(CodeItem).where(CodeItem.code == "phone")).one())
    with db.write() as session:
        assert seed_code_lists(session) == 1
    assert codes.labels(CodeList.SERVICE_MODE)["interview"] == "当面会谈"
    assert codes.labels(CodeList.SERVICE_MODE)["phone"] == "电话"


def test_preparing_a_current_database_changes_nothing(db: Database) -> None:
    state = SetupService(db).prepare()
    assert state.from_revision == state.to_revision
    assert state.backup_path is None


def test_village_names_are_trimmed_and_deduplicated() -> None:
    assert clean_villages([" 东山村", "东山村 ", "", "西岭村"]) == ["东山村", "西岭村"]
