"""The pinyin index of client names, on SQLite (FTS5) and PostgreSQL (a btree of keys)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from alembic import command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, inspect, select, text, update
from sqlalchemy.orm import Session

from app.domain import name_pinyin
from app.services.context import Actor
from app.store import migrate, search, search_pinyin
from app.store.engine import Database
from app.store.models import Client

PEOPLE = ["张桂兰", "章国立", "张三", "曾乐", "单雄信", "吕小明", "欧阳长乐", "李四", "郑桂兰"]


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest) -> Iterator[Database]:
    """Both engines: the station's SQLite file and a county's PostgreSQL (tests/postgres.py)."""
    database: Database = request.getfixturevalue(
        "sqlite_db" if request.param == "sqlite" else "pg_db"
    )
    yield database


def add_client(session: Session, station_id: int, name: str) -> int:
    client = Client(station_id=station_id, name=name)
    session.add(client)
    session.flush()
    search.index_client(session, client.id, name=name, id_number=None, phone="", village="")
    return client.id


def found(db: Database, query: str) -> set[int]:
    with db.read() as session:
        condition = search.matching(session, query)
        assert condition is not None
        return set(session.scalars(select(Client.id).where(condition)))


@pytest.fixture
def people(db: Database, admin: Actor) -> dict[str, int]:
    with db.write() as session:
        return {name: add_client(session, admin.station_id, name) for name in PEOPLE}


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("zgl", {"张桂兰", "章国立", "郑桂兰"}),
        ("ZGL", {"张桂兰", "章国立", "郑桂兰"}),
        ("zhang", {"张桂兰", "章国立", "张三", "欧阳长乐"}),  # 长 reads zhang too
        ("zhangguilan", {"张桂兰"}),
        ("zhang gui lan", {"张桂兰"}),
        ("zhanggl", {"张桂兰", "章国立"}),
        ("zhanggu", {"张桂兰", "章国立"}),  # the last syllable half typed
        ("张gl", {"张桂兰"}),
        ("zhang桂兰", {"张桂兰"}),
        ("郑gl", {"郑桂兰"}),
        ("guilan", {"张桂兰", "郑桂兰"}),
        ("zs", {"张三"}),
        ("zengle", {"曾乐"}),  # 曾 as a surname
        ("zengyue", {"曾乐"}),
        ("cengle", {"曾乐"}),
        ("shanxiongxin", {"单雄信"}),
        ("danxx", {"单雄信"}),
        ("sxx", {"单雄信"}),
        ("lvxm", {"吕小明"}),
        ("luxiaoming", {"吕小明"}),
        ("oycl", {"欧阳长乐"}),
        ("ls", {"李四"}),
        ("zgk", set()),
        ("wang", set()),
        ("张三", {"张三"}),  # Chinese as before
        ("桂兰", {"张桂兰", "郑桂兰"}),
    ],
)
def test_each_way_of_typing_a_name_in_pinyin(
    db: Database, people: dict[str, int], query: str, names: set[str]
) -> None:
    assert found(db, query) == {people[n] for n in names}


def test_the_index_follows_a_new_name_and_forgets_the_old(
    db: Database, people: dict[str, int]
) -> None:
    with db.write() as session:
        session.execute(update(Client).where(Client.id == people["张三"]).values(name="王五"))
        search.index_client(
            session, people["张三"], name="王五", id_number=None, phone="", village=""
        )
    assert found(db, "zs") == set()
    assert found(db, "wangwu") == {people["张三"]}


def test_a_removed_client_is_no_longer_found_by_pinyin(
    db: Database, people: dict[str, int]
) -> None:
    with db.write() as session:
        search.remove_client(session, people["张桂兰"])
    assert found(db, "zhangguilan") == set()
    assert found(db, "zgl") == {people["章国立"], people["郑桂兰"]}


def test_index_clients_and_rebuild_fill_the_index(db: Database, admin: Actor) -> None:
    with db.write() as session:
        ids = []
        for name in PEOPLE:
            client = Client(station_id=admin.station_id, name=name)
            session.add(client)
            session.flush()
            ids.append(client.id)
        search.index_clients(
            session, [(cid, n, None, "", "") for cid, n in zip(ids, PEOPLE, strict=True)]
        )
    assert found(db, "zhangguilan") == {ids[0]}
    with db.write() as session:
        session.execute(text(f"DELETE FROM {search_pinyin.TABLE}"))
    assert found(db, "zhangguilan") == set()
    with db.write() as session:
        assert search.rebuild(session) == len(PEOPLE)
    assert found(db, "zhangguilan") == {ids[0]}
    assert found(db, "sxx") == {ids[PEOPLE.index("单雄信")]}


def test_without_id_parts_pinyin_still_finds_names(db: Database, people: dict[str, int]) -> None:
    with db.read() as session:
        condition = search.matching(session, "zgl", id_parts=False)
        assert condition is not None
        ids = set(session.scalars(select(Client.id).where(condition)))
    assert ids == {people["张桂兰"], people["章国立"], people["郑桂兰"]}


SYLLABLES = "张桂兰章国立曾乐单"
names = st.lists(st.text(alphabet=SYLLABLES, min_size=1, max_size=4), min_size=1, max_size=12)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(names, st.data())
def test_a_query_finds_exactly_the_names_with_a_key_it_begins(
    db: Database, admin: Actor, generated: list[str], data: st.DataObject
) -> None:
    """Against the brute-force answer: a key of the name starts with what the query spells."""
    with db.write() as session:
        session.execute(delete(Client))
        ids = {add_client(session, admin.station_id, n): n for n in generated}
    name = data.draw(st.sampled_from(generated))
    key = data.draw(st.sampled_from(name_pinyin.keys(name)))
    query = key[: data.draw(st.integers(1, len(key)))]
    expected = {
        cid for cid, n in ids.items() if any(k.startswith(query) for k in name_pinyin.keys(n))
    }
    assert ids_of(name, ids) & expected  # the name the query was taken from
    assert found(db, query) == expected


def ids_of(name: str, ids: dict[int, str]) -> set[int]:
    return {cid for cid, n in ids.items() if n == name}


def test_migration_0005_indexes_the_clients_already_there(
    db: Database, people: dict[str, int]
) -> None:
    assert search_pinyin.TABLE in inspect(db.engine).get_table_names()
    config = migrate.alembic_config(db.engine)
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0004")
    assert search_pinyin.TABLE not in inspect(db.engine).get_table_names()
    migrate.upgrade(db.engine)
    assert migrate.current_revision(db.engine) == migrate.head_revision(db.engine)
    assert found(db, "zgl") == {people["张桂兰"], people["章国立"], people["郑桂兰"]}
    assert found(db, "zengyue") == {people["曾乐"]}
