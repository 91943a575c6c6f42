"""Copies and checks of SQLite files, through SQLite itself (never a copy of a live file)."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path


def read_only_uri(path: Path) -> str:
    """A `file:` URI opening `path` read-only; `%`, `#` and `?` in folder names are escaped."""
    return Path(path).resolve().as_uri() + "?mode=ro"


def online_backup(source: Path, target: Path) -> None:
    """Copy `source` to `target` with the online backup API, verified, then renamed in place."""
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
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
    problems = integrity_problems(partial)
    if problems:
        partial.unlink(missing_ok=True)
        raise sqlite3.DatabaseError("backup copy failed its integrity check: " + problems[0])
    with open(partial, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(partial, target)


class FileBusy(Exception):
    """Another program holds the file: it could not be checked, which says nothing of damage."""


def integrity_problems(path: Path, *, quick: bool = False) -> list[str]:
    """Empty when the file passes `integrity_check` (or `quick_check`) and `foreign_key_check`.

    Raises FileBusy when another program's lock keeps the check from running.
    """
    conn = sqlite3.connect(read_only_uri(path), uri=True)
    try:
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
