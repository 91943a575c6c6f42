"""Copies and checks of SQLite files, through SQLite itself (never a copy of a live file).

The only module that speaks to SQLite without SQLAlchemy: the services see its
exceptions (`CopyFailed`, `FileBusy`, `Unreadable`), never `sqlite3`'s.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from sqlalchemy import Engine

T = TypeVar("T")
IsCancelled = Callable[[], bool]
FullCheck = Callable[[Path], tuple[list[str], list[tuple[str, str]]]]
"""`full_check` or a stand-in for it: a file's integrity_check rows and broken keys."""

STEP_PAGES = 8192
"""Pages copied per backup step (32 MB at 4 KB pages): few steps, and a quick stop between."""
_WATCH_S = 0.02
"""How often a running check looks at `is_cancelled`."""


class Cancelled(Exception):
    """A copy or check stopped at the caller's request; no partial file is left behind."""


class CopyFailed(Exception):
    """An online backup did not complete or its copy failed the integrity check."""


class FileBusy(Exception):
    """Another program holds the file: it could not be checked, which says nothing of damage."""


class Unreadable(Exception):
    """SQLite cannot read the file (damaged, or not a database)."""


def read_only_uri(path: Path) -> str:
    """A `file:` URI opening `path` read-only; `%`, `#` and `?` in folder names are escaped."""
    return Path(path).resolve().as_uri() + "?mode=ro"


def online_backup(source: Path, target: Path) -> None:
    """Copy `source` to `target` with the online backup API, verified, then renamed in place."""
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        src = sqlite3.connect(read_only_uri(source), uri=True)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.DatabaseError as exc:
        partial.unlink(missing_ok=True)
        raise CopyFailed(str(exc)) from exc
    problems = integrity_problems(partial)
    if problems:
        partial.unlink(missing_ok=True)
        raise CopyFailed("backup copy failed its integrity check: " + problems[0])
    with open(partial, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(partial, target)


def snapshot(
    source: Path,
    target: Path,
    *,
    is_cancelled: IsCancelled | None = None,
    while_checking: Callable[[Path], T] | None = None,
) -> T | None:
    """A copy of `source` as it is now, checked with `quick_check`, then renamed to `target`.

    The copy runs in large steps inside one read transaction: it is the database at one
    moment, and commits made meanwhile (WAL lets them go on) neither restart nor enter
    it. `is_cancelled` is looked at between steps and during the check; when it turns
    true, Cancelled is raised and the partial file removed. `while_checking(copy)` runs
    on a second thread during the check (the copy's checksum, say); its result is returned.
    The full `integrity_check` is the weekly check's job, not every backup's.
    """
    stop = is_cancelled or (lambda: False)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        _copy_in_steps(source, partial, stop)
        extra = _check_with(partial, stop, while_checking)
        with open(partial, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(partial, target)
        return extra
    finally:
        partial.unlink(missing_ok=True)


def _copy_in_steps(source: Path, partial: Path, stop: IsCancelled) -> None:
    def step(_status: int, _remaining: int, _total: int) -> None:
        if stop():
            raise Cancelled()  # raised in the callback, it ends the backup

    try:
        src = sqlite3.connect(read_only_uri(source), uri=True, isolation_level=None)
        try:
            src.execute("BEGIN")
            src.execute("SELECT count(*) FROM sqlite_master")  # the snapshot starts here
            dst = sqlite3.connect(partial, isolation_level=None)
            try:
                src.backup(dst, pages=STEP_PAGES, progress=step)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.DatabaseError as exc:
        raise CopyFailed(str(exc)) from exc


def _check_with(
    partial: Path, stop: IsCancelled, alongside: Callable[[Path], T] | None
) -> T | None:
    """`quick_check` of the copy, with `alongside(copy)` on a second thread meanwhile."""
    result: list[T] = []
    failure: list[BaseException] = []

    def other() -> None:
        try:
            assert alongside is not None
            result.append(alongside(partial))
        except BaseException as exc:  # handed to the caller's thread below
            failure.append(exc)

    helper = threading.Thread(target=other, name="stationdesk-checksum", daemon=True)
    if alongside is not None:
        helper.start()
    try:
        problems = integrity_problems(partial, quick=True, is_cancelled=stop)
    finally:
        if alongside is not None:
            helper.join()
    if problems:
        raise CopyFailed("backup copy failed its quick_check: " + problems[0])
    if failure:
        raise failure[0]
    return result[0] if result else None


def integrity_problems(
    path: Path, *, quick: bool = False, is_cancelled: IsCancelled | None = None
) -> list[str]:
    """Empty when the file passes `integrity_check` and `foreign_key_check` (or `quick_check`).

    Raises FileBusy when another program's lock keeps the check from running, Cancelled
    when `is_cancelled()` turns true while it runs.
    """
    if is_cancelled is not None and is_cancelled():
        raise Cancelled()  # asked before it began: a quick file would finish before a look
    conn = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        with _interrupted_when(conn, is_cancelled):
            pragma = "quick_check" if quick else "integrity_check"
            rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}")]
            problems = [] if rows == ["ok"] else rows
            if not quick:
                problems += [
                    f"foreign key: {table} row {rowid} → {parent}"
                    for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check")
                ]
        return problems
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise FileBusy(str(exc)) from exc
        if is_cancelled is not None and "interrupt" in str(exc) and is_cancelled():
            raise Cancelled() from exc
        return [str(exc)]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        conn.close()


@contextlib.contextmanager
def _interrupted_when(conn: sqlite3.Connection, is_cancelled: IsCancelled | None) -> Iterator[None]:
    """Interrupt `conn`'s statement once `is_cancelled()` turns true.

    A check runs as one step of SQLite's VM, so a progress handler is not called during
    it; `interrupt()` from another thread is (SQLite looks at it page by page).
    """
    if is_cancelled is None:
        yield
        return
    done = threading.Event()

    def watch() -> None:
        # Again and again: an interrupt before the statement starts would be lost.
        while not done.wait(_WATCH_S):
            if is_cancelled():
                conn.interrupt()

    watcher = threading.Thread(target=watch, name="stationdesk-interrupt", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        done.set()
        watcher.join()


def schema_problems(path: Path) -> list[str]:
    """Empty when SQLite opens the file and reads its schema (page 1 and the schema pages).

    Raises FileBusy when another program's lock keeps it from being read.
    """
    conn = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        conn.execute("SELECT count(*), max(rootpage) FROM sqlite_master").fetchone()
        return []
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise FileBusy(str(exc)) from exc
        return [str(exc)]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        conn.close()


def restore_copy(copy: Path, target: Path) -> None:
    """Put a verified copy back in place of `target`, removing its WAL and shared memory."""
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            Path(str(target) + suffix).unlink()
    online_backup(copy, target)


def full_check(path: Path) -> tuple[list[str], list[tuple[str, str]]]:
    """`integrity_check` rows (["ok"] when intact) and `(table, parent)` of each broken key.

    The foreign key check runs on a second connection meanwhile (SQLite lets go of
    Python's lock while it works), so the whole takes about as long as integrity_check.
    Raises Unreadable when SQLite cannot open or read the file.
    """
    broken: list[tuple[str, str]] = []
    failed: list[sqlite3.Error] = []

    def keys() -> None:
        try:
            other = sqlite3.connect(read_only_uri(path), uri=True)
            try:
                broken.extend((t, p) for t, _, p, _ in other.execute("PRAGMA foreign_key_check"))
            finally:
                other.close()
        except sqlite3.Error as exc:
            failed.append(exc)

    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error as exc:
        raise Unreadable(str(exc)) from exc
    helper = threading.Thread(target=keys, name="stationdesk-keys", daemon=True)
    helper.start()
    try:
        rows = [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as exc:
        raise Unreadable(str(exc)) from exc
    finally:
        helper.join()
        conn.close()
    if failed:
        raise Unreadable(str(failed[0]))
    return rows, broken


def read_only_engine(path: Path) -> Engine:
    """An engine that opens `path` read-only and without the app's set-up (which would
    switch the file to WAL)."""
    # Here, not at the top: the start-up checks use this module before SQLAlchemy loads.
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    uri = read_only_uri(path)
    return create_engine(
        "sqlite://", creator=lambda: sqlite3.connect(uri, uri=True), poolclass=NullPool
    )


def counts_and_revision(path: Path, tables: Iterable[str]) -> tuple[dict[str, int], str | None]:
    """Rows in each of `tables` that the file has, and its Alembic revision (None if none)."""
    conn = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        counts = {
            name: int(conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])
            for name in sorted(tables)
            if name in present
        }
        revision = None
        if "alembic_version" in present:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        return counts, revision
    finally:
        conn.close()


def leave_wal(path: Path, *, timeout: float = 5.0) -> str:
    """Fold the WAL into the file and switch it to a rollback journal; the mode it is in after.

    SQLite refuses while another connection has the file open, and the mode stays "wal".
    Raises FileBusy when a lock keeps it from running, Unreadable when the file is damaged.
    """
    try:
        conn = sqlite3.connect(path, timeout=timeout, isolation_level=None)
        try:
            return str(conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]).lower()
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc).lower() or "busy" in str(exc).lower():
            raise FileBusy(str(exc)) from exc
        raise Unreadable(str(exc)) from exc
    except sqlite3.DatabaseError as exc:
        raise Unreadable(str(exc)) from exc
