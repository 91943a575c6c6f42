"""The county load: big tables' indexes dropped for the load and back after, WAL emptied."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from app.demo import loading
from app.store.engine import Database


def index_names(db: Database, table: str) -> set[str]:
    return {str(i["name"]) for i in inspect(db.engine).get_indexes(table)}


def test_the_deferred_indexes_leave_the_station_ones() -> None:
    names = {str(i.name) for i in loading.deferred_indexes()}
    assert "ix_service_records_station_served" in names
    assert "ix_service_records_case_served" in names
    assert "ix_service_records_station_id" not in names  # the builder reads a station back
    assert "ix_work_log_entries_station_id" not in names


def test_indexes_are_back_after_the_load_even_when_it_fails(db: Database) -> None:
    before = index_names(db, "service_records")
    deferred = {str(i.name) for i in loading.deferred_indexes()}
    with pytest.raises(RuntimeError), loading.bulk_load(db):
        assert index_names(db, "service_records") == before - deferred
        raise RuntimeError("a failed load")
    assert index_names(db, "service_records") == before


def test_a_checkpoint_empties_the_wal(db: Database, db_path: Path) -> None:
    with db.write() as session:
        session.execute(text("CREATE TABLE filler (x BLOB)"))
        session.execute(text("INSERT INTO filler VALUES (zeroblob(2000000))"))
    wal = Path(f"{db_path}-wal")
    assert wal.stat().st_size > 1_000_000
    loading.checkpoint(db)
    assert wal.stat().st_size == 0


def test_the_roomy_cache_lasts_for_the_block_only(db: Database) -> None:
    with db.write() as session:
        before = session.connection().exec_driver_sql("PRAGMA cache_size").scalar()
        with loading.roomy_cache(session):
            inside = session.connection().exec_driver_sql("PRAGMA cache_size").scalar()
        after = session.connection().exec_driver_sql("PRAGMA cache_size").scalar()
    assert inside == -loading.BULK_CACHE_KB
    assert after == before != inside


def test_the_indexes_are_built_inside_the_given_block(db: Database) -> None:
    deferred = {str(i.name) for i in loading.deferred_indexes()}
    seen: list[set[str]] = []

    @contextmanager
    def timed() -> Iterator[None]:
        seen.append(index_names(db, "service_records") & deferred)
        yield
        seen.append(index_names(db, "service_records") & deferred)

    with loading.bulk_load(db, timed()):
        pass
    assert seen[0] == set()
    assert seen[1] == deferred - {"ix_work_log_entries_work_log_id"}


_DANGLING = text(
    "INSERT INTO work_logs (id, uuid, station_id, user_id, log_date, notes, version, "
    "created_at, updated_at) VALUES (1, 'u-1', 999, 999, '2026-01-05', '', 1, "
    "'2026-01-05 09:00:00', '2026-01-05 09:00:00')"
)


def test_a_dangling_reference_fails_the_load_at_its_end(db: Database) -> None:
    with (
        pytest.raises(RuntimeError, match="work_logs"),
        loading.bulk_load(db),
        db.write() as session,
    ):
        session.execute(_DANGLING)  # not checked row by row during the load


def test_foreign_keys_are_checked_again_after_the_load(db: Database) -> None:
    with loading.bulk_load(db):
        pass
    with pytest.raises(IntegrityError), db.write() as session:
        session.execute(_DANGLING)
