"""Client search against a brute-force answer, for 1-, 2- and 3-character queries."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from app.services.context import Actor
from app.store import search
from app.store.engine import Database
from app.store.models import Client, Village

# A small alphabet, so that generated names share characters and substrings.
ALPHABET = "张王小明"
QUERIES = ["".join(q) for n in (1, 2, 3) for q in itertools.product(ALPHABET, repeat=n)]
names = st.lists(st.text(alphabet=ALPHABET, min_size=1, max_size=4), max_size=25)


def found(session: Session, query: str, *, id_parts: bool = True) -> set[int]:
    condition = search.matching(session, query, id_parts=id_parts)
    assert condition is not None
    return set(session.scalars(select(Client.id).where(condition)))


def add_client(session: Session, station_id: int, name: str, **values: object) -> int:
    client = Client(station_id=station_id, name=name, **values)
    session.add(client)
    session.flush()
    return client.id


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(names)
def test_every_short_query_finds_exactly_the_names_containing_it(
    db: Database, admin: Actor, generated: list[str]
) -> None:
    with db.write() as session:
        session.execute(delete(Client))
        ids = {add_client(session, admin.station_id, name): name for name in generated}
        assert search.rebuild(session) == len(generated)
    with db.read() as session:
        for query in QUERIES:
            expected = {cid for cid, name in ids.items() if query in name}
            assert found(session, query) == expected, query


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(names)
def test_the_index_follows_each_saved_client(
    db: Database, admin: Actor, generated: list[str]
) -> None:
    with db.write() as session:
        session.execute(delete(Client))
        session.execute(text("DELETE FROM client_search"))
        ids = {}
        for name in generated:
            cid = add_client(session, admin.station_id, "临时")
            search.index_client(session, cid, name="临时", id_number=None, phone="", village="")
            search.index_client(session, cid, name=name, id_number=None, phone="", village="")
            ids[cid] = name
    with db.read() as session:
        assert found(session, "临时") == set()
        for query in QUERIES[: len(ALPHABET) * 5]:
            assert found(session, query) == {c for c, n in ids.items() if query in n}


@pytest.fixture
def indexed(db: Database, admin: Actor) -> dict[str, int]:
    """Three clients with ID numbers, phones and villages, indexed one by one."""
    people = [
        ("张三", "360426199101010071", "13812340071", "梅林村"),
        ("李四", "36042619800101003X", "0791-86655443", "东山村"),
        ("王五", None, "", "河口社区"),
    ]
    result = {}
    with db.write() as session:
        villages = {n: i for n, i in session.execute(select(Village.name, Village.id))}
        for name, idno, phone, village in people:
            cid = add_client(
                session, admin.station_id, name, id_number=idno, phone=phone,
                village_id=villages[village],
            )  # fmt: skip
            search.index_client(
                session, cid, name=name, id_number=idno, phone=phone, village=village
            )
            result[name] = cid
    return result


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("0071", {"张三"}),  # last digits of the ID number (and of the phone)
        ("199101010071", {"张三"}),
        ("003x", {"李四"}),  # a lowercase x finds an ID number ending in X
        ("003X", {"李四"}),
        ("３６０４２６", {"张三", "李四"}),  # full-width digits
        ("5443", {"李四"}),  # last digits of a landline
        ("0791-8665", {"李四"}),
        ("1381234", {"张三"}),
        ("梅林", {"张三"}),  # village
        ("河口社区", {"王五"}),
        ("社区", {"王五"}),
        ("村", {"张三", "李四"}),
        ("五", {"王五"}),
        ("张 三", {"张三"}),
        ("0072", set()),
        ("三张", set()),
    ],
)
def test_ids_phones_and_villages_are_found_by_any_part(
    db: Database, indexed: dict[str, int], query: str, names: set[str]
) -> None:
    with db.read() as session:
        assert found(session, query) == {indexed[n] for n in names}


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("0071", {"张三"}),  # the phone ends in 0071 too
        ("199101010071", set()),
        ("003X", set()),
        ("３６０４２６", set()),
        ("360426199101010071", {"张三"}),  # typed whole, from the card
        ("36042619800101003x", {"李四"}),
        ("3604261980010100", set()),
        ("梅林", {"张三"}),
        ("5443", {"李四"}),
    ],
)
def test_without_id_parts_an_id_number_is_found_only_whole(
    db: Database, indexed: dict[str, int], query: str, names: set[str]
) -> None:
    with db.read() as session:
        assert found(session, query, id_parts=False) == {indexed[n] for n in names}


@pytest.mark.parametrize(
    "query", ['"', "*", "张*", "AND", "OR 张", "NEAR(张", "(", "{name}:张", "^张"]
)
def test_query_syntax_characters_are_plain_text(
    db: Database, indexed: dict[str, int], query: str
) -> None:
    with db.read() as session:
        condition = search.matching(session, query)
        if condition is not None:
            session.scalars(select(Client.id).where(condition)).all()
    expected_none = all(not ch.isalnum() for ch in query)
    assert (condition is None) is expected_none


def test_an_empty_query_gives_no_condition(db: Database) -> None:
    with db.read() as session:
        assert search.matching(session, "  ") is None


def test_rebuild_indexes_village_names(db: Database, indexed: dict[str, int]) -> None:
    with db.write() as session:
        session.execute(text("DELETE FROM client_search"))
        assert search.rebuild(session) == 3
    with db.read() as session:
        assert found(session, "东山") == {indexed["李四"]}


def test_the_search_tables_are_recognised() -> None:
    assert search.is_search_table("client_search")
    assert search.is_search_table("client_search_data")
    assert not search.is_search_table("clients")
