"""The PostgreSQL search is served by its indexes: EXPLAIN on a planted table of 20,000
clients (ANALYZEd, so the planner judges by real figures; sequential scans stay allowed),
and the same answers as a plain scan."""

from __future__ import annotations

from typing import Any

import pytest
from pypinyin import Style, lazy_pinyin
from sqlalchemy import ColumnElement, Select, select, text
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Session

from app.services.context import Actor
from app.store import search, search_pinyin
from app.store.engine import Database
from app.store.models import Client

ROWS = 20_000

# Names of two or three characters drawn from 3,000 CJK characters, ID numbers of the
# usual shape (address code, birth date, sequence; g % 80 and g % 997 keep them unique),
# phones 139 followed by the row number.
PLANT = f"""
INSERT INTO clients (uuid, created_at, updated_at, version, station_id, name, id_number,
    sex, ethnicity, marital_status, phone, address, relation_to_head, disability_type,
    disability_grade, self_care, living_arrangement, guardian_name, guardian_relation,
    guardian_phone, risk_level, status, archive_reason, notes)
SELECT gen_random_uuid()::text, now(), now(), 1, :station,
    chr((19968 + (g * 7919) % 3000)::int) || chr((19968 + (g * 104729) % 3000)::int)
        || CASE WHEN g % 3 = 0 THEN chr((19968 + (g * 31) % 3000)::int) ELSE '' END,
    '360426' || (1930 + g % 80) || lpad((1 + g % 12)::text, 2, '0')
        || lpad((1 + (g / 12) % 28)::text, 2, '0') || lpad((g % 997)::text, 3, '0') || g % 10,
    '1', '', '', '139' || lpad(g::text, 8, '0'),
    '', '', '', '', '', '', '', '', '', 'low', 'active', '', ''
FROM generate_series(1::bigint, {ROWS}) AS g
"""


@pytest.fixture
def db(pg_db: Database) -> Database:
    return pg_db


@pytest.fixture
def planted(db: Database, admin: Actor) -> dict[int, tuple[str, str]]:
    with db.write() as session:
        session.execute(text(PLANT), {"station": admin.station_id})
    _analyze(db)
    with db.read() as session:
        rows = session.execute(select(Client.id, Client.name, Client.id_number))
        return {cid: (name, idno or "") for cid, name, idno in rows}


def _analyze(db: Database) -> None:
    # As autovacuum would have: GIN's pending list merged, statistics taken.
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        for table in ("clients", "client_search_pinyin"):
            conn.exec_driver_sql(f"VACUUM ANALYZE {table}")


def _condition(session: Session, query: str) -> ColumnElement[bool]:
    condition = search.matching(session, query)
    assert condition is not None
    return condition


def _plan(session: Session, query: str) -> str:
    stmt = select(Client.id).where(_condition(session, query))
    compiled = stmt.compile(
        dialect=postgresql.dialect(), compile_kwargs={"render_postcompile": True}
    )
    rows = session.connection().exec_driver_sql(f"EXPLAIN {compiled}", compiled.params)
    return "\n".join(line for (line,) in rows)


def _found(session: Session, query: str) -> set[int]:
    return set(session.scalars(select(Client.id).where(_condition(session, query))))


def _initials(name: str) -> str:
    return "".join(lazy_pinyin(name, style=Style.FIRST_LETTER))


def _pinyin_ids(session: Session, name: str) -> Select[Any]:
    ids = search_pinyin.ids(session, [_initials(name)])
    assert ids is not None
    return ids


def _a_name(planted: dict[int, tuple[str, str]], length: int) -> str:
    return next(name for _, (name, _) in sorted(planted.items()) if len(name) == length)


@pytest.mark.parametrize(
    ("pick", "index"),
    [
        (lambda p: _a_name(p, 3)[1], "ix_pg_clients_name_grams"),  # one character
        (lambda p: _a_name(p, 2), "ix_pg_clients_name_grams"),  # a whole two-character name
        (lambda p: _a_name(p, 3), "ix_pg_clients_name_grams"),  # three characters
        (lambda p: "0071", "ix_pg_clients_id_number_trgm"),  # an ID number's tail
        (lambda p: p[min(p)][1][6:14], "ix_pg_clients_id_number_trgm"),  # a birth date in it
        (lambda p: "12345", "ix_pg_clients_phone_trgm"),  # digits of a phone
    ],
)
def test_each_kind_of_query_uses_its_index(
    db: Database, planted: dict[int, tuple[str, str]], pick: Any, index: str
) -> None:
    query = pick(planted)
    with db.read() as session:
        plan = _plan(session, query)
        found = _found(session, query)
    assert index in plan, plan
    assert "Seq Scan on clients" not in plan, plan
    expected = {cid for cid, (name, idno) in planted.items() if query in name}
    if query.isdigit():
        expected |= {cid for cid, (_, idno) in planted.items() if query in idno}
        expected |= {cid for cid in planted if query in f"139{cid:08d}"}
    assert found == expected and expected, (query, len(found), len(expected))


def test_pinyin_initials_use_the_pinyin_index(
    db: Database, planted: dict[int, tuple[str, str]]
) -> None:
    with db.write() as session:
        search_pinyin.rebuild(session)
    _analyze(db)
    # A name whose initials few others share: with many, joining by scanning 20,000
    # clients is cheaper than looking each up, and the planner rightly says so.
    names = [n for _, (n, _) in sorted(planted.items()) if len(n) == 3][:300]
    with db.read() as session:
        shared = {n: len(session.scalars(_pinyin_ids(session, n)).all()) for n in names}
    name = min(names, key=lambda n: shared[n])
    initials = _initials(name)
    with db.read() as session:
        plan = _plan(session, initials)
        found = _found(session, initials)
    assert "client_search_pinyin_pkey" in plan, plan
    assert "Seq Scan on clients" not in plan, plan
    assert next(cid for cid, (n, _) in planted.items() if n == name) in found
