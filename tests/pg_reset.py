"""Putting the PostgreSQL test database back to a template's state without copying it.

`CREATE DATABASE … TEMPLATE` copies the whole database, system catalogues included (about
8 MB, WAL-logged), and `DROP DATABASE` forces a checkpoint: about half a second a test,
most of the PostgreSQL half's time. A test that left the schema as the template has it (as
almost all do) needs only its rows put back: every table emptied and refilled with the
template's rows, and every sequence set to the template's value, in one transaction with
triggers and foreign-key checks off (`session_replication_role`, which needs a superuser,
as the throw-away server's `postgres` is).

The schema's fingerprint (tables, columns, defaults, constraints, indexes, triggers,
functions, policies, grants, the database's own settings) is compared first: a test that
changed any of it (a migration test moving the schema, a role set-up granting rights) gets
a real copy, as before.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text

# Everything of the schema that a test could change and a row reset would not put back.
_FINGERPRINT = """
WITH ns AS (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
SELECT md5(coalesce(string_agg(item, E'\\n' ORDER BY item), '')) FROM (
  SELECT 'rel ' || c.relname || ' ' || c.relkind::text || ' ' || c.relrowsecurity
         || c.relforcerowsecurity || ' ' || coalesce(c.relacl::text, '') || ' ' || coalesce((
           SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' '
                  || a.attnotnull || a.attgenerated::text || a.attidentity::text || ' '
                  || coalesce(pg_get_expr(d.adbin, d.adrelid), '') || ' '
                  || coalesce(a.attacl::text, ''), ', ' ORDER BY a.attnum)
           FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid
                                                   AND d.adnum = a.attnum
           WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped), '')
  FROM pg_class c WHERE c.relnamespace IN (SELECT oid FROM ns)
  UNION ALL
  SELECT 'con ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
  FROM pg_constraint WHERE connamespace IN (SELECT oid FROM ns)
  UNION ALL
  SELECT 'idx ' || pg_get_indexdef(i.indexrelid)
  FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
  WHERE c.relnamespace IN (SELECT oid FROM ns)
  UNION ALL
  SELECT 'trg ' || pg_get_triggerdef(oid) || ' ' || tgenabled::text FROM pg_trigger
  WHERE NOT tgisinternal
  UNION ALL
  SELECT 'fn ' || p.oid::regprocedure || ' ' || md5(pg_get_functiondef(p.oid)) || ' '
         || coalesce(p.proacl::text, '')
  FROM pg_proc p WHERE p.pronamespace IN (SELECT oid FROM ns)
  UNION ALL
  SELECT 'pol ' || tablename || ' ' || policyname || ' ' || cmd || ' ' || roles::text || ' '
         || coalesce(qual, '') || ' ' || coalesce(with_check, '')
  FROM pg_policies WHERE schemaname = current_schema()
  UNION ALL
  SELECT 'seq ' || seqrelid::regclass || ' ' || seqstart || ' ' || seqincrement || ' '
         || seqmin || ' ' || seqmax || ' ' || seqcycle
  FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid
  WHERE c.relnamespace IN (SELECT oid FROM ns)
  UNION ALL
  SELECT 'typ ' || typname || ' ' || coalesce((
           SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum
           WHERE enumtypid = t.oid), '')
  FROM pg_type t WHERE t.typnamespace IN (SELECT oid FROM ns) AND t.typtype IN ('e', 'd')
  UNION ALL
  SELECT 'nsp ' || nspname || ' ' || coalesce(nspacl::text, '') FROM pg_namespace
  UNION ALL
  SELECT 'ext ' || extname || ' ' || extversion FROM pg_extension
  UNION ALL
  SELECT 'db ' || coalesce(datacl::text, '') FROM pg_database
  WHERE datname = current_database()
  UNION ALL
  SELECT 'set ' || setrole || ' ' || setconfig::text FROM pg_db_role_setting
  WHERE setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database())
  UNION ALL
  SELECT 'acl ' || defaclrole || ' ' || defaclobjtype::text || ' ' || defaclacl::text
  FROM pg_default_acl
) AS schema_items(item)
"""

_TABLES = """
SELECT c.relname FROM pg_class c
WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
ORDER BY c.relname
"""

_SEQUENCES = """
SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename), last_value, start_value
FROM pg_sequences WHERE schemaname = current_schema() ORDER BY 1
"""


@dataclass(frozen=True)
class Snapshot:
    """A template database's schema fingerprint, rows (as JSON) and sequence values."""

    fingerprint: str
    rows: dict[str, str]
    sequences: tuple[tuple[str, int, bool], ...]


def fingerprint(conn: Connection) -> str:
    found: str = conn.execute(text(_FINGERPRINT)).scalar_one()
    return found


def may_reset(conn: Connection) -> bool:
    """Whether this login may turn triggers and foreign-key checks off."""
    return bool(
        conn.execute(text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).scalar()
    )


def snapshot(conn: Connection) -> Snapshot:
    rows: dict[str, str] = {}
    for (table,) in conn.execute(text(_TABLES)):
        quoted = conn.dialect.identifier_preparer.quote(table)
        found = conn.execute(text(f"SELECT json_agg(t)::text FROM {quoted} AS t")).scalar()
        rows[quoted] = found or ""
    sequences = tuple(
        (name, last if last is not None else start, last is not None)
        for name, last, start in conn.execute(text(_SEQUENCES))
    )
    return Snapshot(fingerprint(conn), rows, sequences)


def reset(conn: Connection, template: Snapshot) -> bool:
    """Put the template's rows back, if the schema is still the template's; False if not
    (the caller copies the template instead)."""
    same = fingerprint(conn) == template.fingerprint
    conn.rollback()
    if not same:
        return False
    with conn.begin():
        conn.execute(text("SET LOCAL session_replication_role = replica"))
        conn.execute(text("SET LOCAL lock_timeout = '2s'"))
        for table, rows in template.rows.items():
            conn.execute(text(f"DELETE FROM {table}"))
            if rows:
                conn.execute(
                    text(
                        f"INSERT INTO {table} OVERRIDING SYSTEM VALUE "
                        f"SELECT * FROM json_populate_recordset(NULL::{table}, CAST(:rows AS json))"
                    ),
                    {"rows": rows},
                )
        for name, value, called in template.sequences:
            conn.execute(
                text("SELECT setval(CAST(:name AS regclass), :value, :called)"),
                {"name": name, "value": value, "called": called},
            )
    return True
