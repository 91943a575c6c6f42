"""Client search on PostgreSQL, indexed for 1-, 2- and 3+-character Chinese names, ID
numbers by any run of 3+ digits (tails above all), phones, villages and pinyin.

pg_trgm needs three characters: '%张三%' and '%三%' scan the whole table. So names are
indexed by an expression GIN index on `stationdesk_name_grams(name)`, the set of the
name's 1- and 2-character pieces (db/versions/0006): a 1- or 2-character query is one
piece (`@> ARRAY['张三']`), a longer one all its 2-character pieces, rechecked by LIKE.
An expression index rather than a stored column: nothing for the writers to keep in step,
and a renamed or anonymised client is re-indexed by the server itself.

ID numbers and phones have pg_trgm indexes: any run of 3+ digits, the tail the list asks
for ('%0071%') as well as a birth date inside the number, is an index lookup. A btree on
the reversed number would answer tails alone (0.07 ms against pg_trgm's 0.7 ms on 200,000
clients) but not the runs inside, which the search finds too. One or two digits match so
many rows that a scan is the right plan anyway.

Each kind of match is its own indexed select and the client ids are their UNION, so every
part keeps its index (an OR with a subquery would scan). A part that cannot match is left
out: ID numbers hold only digits and X, phones need a digit.

Under row-level security (app/store/postgres_rls.py) these operators are not leakproof,
so for a station's role the planner would filter the station's rows first (its index on
station_id) and test every one of them. A station's role therefore asks
`stationdesk_station_client_ids` (made by `server init`): SECURITY DEFINER, it runs the
same indexed selects as the owner and keeps only the clients of the station the login
role is mapped to (`session_user`, which a SET ROLE cannot change); the rows themselves
are then read under the policies as always. The county role and the owner use the
indexes directly.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    Text,
    and_,
    any_,
    cast,
    func,
    or_,
    select,
    text,
    union,
)
from sqlalchemy.orm import Session

from app.store import search_pinyin

NAME_GRAMS = "stationdesk_name_grams"
STATION_IDS = "stationdesk_station_client_ids"
MAPPING = "stationdesk_station_roles"  # as app/store/postgres_roles.py makes it
_NUMBER_CHARS = frozenset("0123456789x")


def create_statements() -> list[str]:
    """What migration 0006 creates on PostgreSQL."""
    return [
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        # IMMUTABLE (it reads nothing but its argument), so it may back an index; not
        # inlined (it aggregates), so queries match the index's expression as written.
        f"""CREATE OR REPLACE FUNCTION {NAME_GRAMS}(name text) RETURNS text[]
            LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
            SET search_path = pg_catalog AS $$
            SELECT coalesce(array_agg(DISTINCT piece), '{{}}') FROM (
                SELECT substr(name, i, 1) FROM generate_series(1, char_length(name)) AS i
                UNION ALL
                SELECT substr(name, i, 2) FROM generate_series(1, char_length(name) - 1) AS i
            ) AS pieces (piece) $$""",
        f"CREATE INDEX ix_pg_clients_name_grams ON clients USING gin ({NAME_GRAMS}(name))",
        "CREATE INDEX ix_pg_clients_id_number_trgm ON clients USING gin (id_number gin_trgm_ops)",
        "CREATE INDEX ix_pg_clients_phone_trgm ON clients USING gin (phone gin_trgm_ops)",
    ]


def drop_statements() -> list[str]:
    return [
        "DROP INDEX IF EXISTS ix_pg_clients_phone_trgm",
        "DROP INDEX IF EXISTS ix_pg_clients_id_number_trgm",
        "DROP INDEX IF EXISTS ix_pg_clients_name_grams",
        f"DROP FUNCTION IF EXISTS {NAME_GRAMS}(text)",
    ]


def station_search_statements(schema: str, stations: str) -> list[str]:
    """The search for a station's role (see the module's docstring); `server init` makes it
    once the role mapping exists, and only the stations' group may run it."""
    own = f"(SELECT m.station_id FROM {MAPPING} m WHERE m.role_name = session_user)"
    signature = f"{STATION_IDS}(text[], text, text, text, integer[])"
    # plpgsql's EXECUTE plans each call with its values, and without the policies in the
    # way the planner picks per part between the station's index and the search index,
    # as it does for the owner's own query.
    return [
        f"""CREATE OR REPLACE FUNCTION {STATION_IDS}(
                name_pieces text[], name_like text, number_like text, phone_like text,
                village_ids integer[])
            RETURNS SETOF integer LANGUAGE plpgsql STABLE SECURITY DEFINER
            SET search_path = pg_catalog, "{schema}" AS $$
            DECLARE
                own integer := {own};
                parts text := 'SELECT id FROM clients WHERE station_id = $6'
                    ' AND {NAME_GRAMS}(name) @> $1 AND name LIKE $2';
            BEGIN
                IF own IS NULL THEN
                    RETURN;
                END IF;
                IF number_like IS NOT NULL THEN
                    parts := parts || ' UNION SELECT id FROM clients'
                        ' WHERE station_id = $6 AND id_number LIKE $3';
                END IF;
                IF phone_like IS NOT NULL THEN
                    parts := parts || ' UNION SELECT id FROM clients'
                        ' WHERE station_id = $6 AND phone LIKE $4';
                END IF;
                IF cardinality(village_ids) > 0 THEN
                    parts := parts || ' UNION SELECT id FROM clients'
                        ' WHERE station_id = $6 AND village_id = ANY ($5)';
                END IF;
                RETURN QUERY EXECUTE parts
                    USING name_pieces, name_like, number_like, phone_like, village_ids, own;
            END $$""",
        f"REVOKE ALL ON FUNCTION {signature} FROM PUBLIC",
        f'GRANT EXECUTE ON FUNCTION {signature} TO "{stations}"',
    ]


def pieces(needle: str) -> list[str]:
    """The pieces of `needle` a matching name's grams must all hold."""
    if len(needle) <= 2:
        return [needle]
    return sorted({needle[i : i + 2] for i in range(len(needle) - 1)})


def _by_id_number(number: str, *, id_parts: bool) -> Select[Any]:
    from app.store.models import Client

    if not id_parts:  # whole numbers only (see search.matching): the unique index
        return select(Client.id).where(Client.id_number == number)
    return select(Client.id).where(Client.id_number.contains(number, autoescape=True))


def matching(
    session: Session,
    needle: str,
    *,
    id_parts: bool,
    pinyin: tuple[list[str], list[str]] | None,
) -> ColumnElement[bool]:
    """A condition on `Client.id` for clients matching `needle` (folded, alphanumeric)."""
    # PostgreSQL's dialect (~3.5 MB) loads with the first search on it, not with every
    # SQLite window that imports this module through the row security (postgres_rls).
    from sqlalchemy.dialects.postgresql import ARRAY

    from app.store.models import Client

    if _is_station_role(session):
        return _station_matching(session, needle, id_parts=id_parts, pinyin=pinyin)
    grams = func.stationdesk_name_grams(Client.name, type_=ARRAY(Text))
    parts: list[Select[Any]] = [
        select(Client.id).where(
            grams.contains(cast(pieces(needle), ARRAY(Text))),
            Client.name.contains(needle, autoescape=True),
        )
    ]
    if set(needle) <= _NUMBER_CHARS:
        parts.append(_by_id_number(needle.upper(), id_parts=id_parts))
    if any(ch.isdigit() for ch in needle):
        parts.append(select(Client.id).where(Client.phone.contains(needle, autoescape=True)))
    # Villages are few: their ids go in as a list the client index on village_id serves.
    village_ids = _village_ids(session, needle)
    if village_ids:
        parts.append(select(Client.id).where(Client.village_id.in_(village_ids)))
    if pinyin is not None:
        by_pinyin = search_pinyin.ids(session, pinyin[0])
        if by_pinyin is not None:
            typed = (Client.name.contains(run, autoescape=True) for run in pinyin[1])
            parts.append(select(Client.id).where(and_(Client.id.in_(by_pinyin), *typed)))
    ids = parts[0] if len(parts) == 1 else union(*parts)
    # `id = ANY(ARRAY(…))`: the ids are gathered once, then looked up by primary key. An
    # IN (…) is planned as a join, which on a few thousand clients scans them all to hash.
    return Client.id == any_(func.array(ids.scalar_subquery()))


def _like(value: str) -> str:
    """A LIKE pattern for `value` anywhere (\\ escapes, PostgreSQL's default)."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _station_matching(
    session: Session,
    needle: str,
    *,
    id_parts: bool,
    pinyin: tuple[list[str], list[str]] | None,
) -> ColumnElement[bool]:
    """As `matching`, through the station's search function: the same parts, one call."""
    from sqlalchemy.dialects.postgresql import ARRAY

    from app.store.models import Client

    number = needle.upper() if set(needle) <= _NUMBER_CHARS else None
    # A set-returning function in the select list: one row per matching client.
    ids = select(
        getattr(func, STATION_IDS)(
            cast(pieces(needle), ARRAY(Text)),
            _like(needle),
            None if number is None else (_like(number) if id_parts else number),
            _like(needle) if any(ch.isdigit() for ch in needle) else None,
            cast(_village_ids(session, needle), ARRAY(Integer)),
            type_=Integer,
        )
    )
    found = Client.id == any_(func.array(ids.scalar_subquery()))
    if pinyin is not None:
        by_pinyin = search_pinyin.ids(session, pinyin[0])
        if by_pinyin is not None:
            typed = (Client.name.contains(run, autoescape=True) for run in pinyin[1])
            return or_(found, and_(Client.id.in_(by_pinyin), *typed))
    return found


def _village_ids(session: Session, needle: str) -> list[int]:
    from app.store.models import Village

    stmt = select(Village.id).where(Village.name.contains(needle, autoescape=True))
    return list(session.scalars(stmt))


def _is_station_role(session: Session) -> bool:
    """Whether this connection logs in as a station's role (asked once per connection)."""
    info = session.connection().info
    if "stationdesk_station_role" not in info:
        # A database never served to stations has no mapping table (server init makes it).
        served = session.scalar(text(f"SELECT to_regclass('{MAPPING}') IS NOT NULL"))
        mine = text(f"SELECT EXISTS (SELECT 1 FROM {MAPPING} WHERE role_name = session_user)")
        info["stationdesk_station_role"] = bool(served and session.scalar(mine))
    return bool(info["stationdesk_station_role"])
