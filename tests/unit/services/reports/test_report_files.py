"""A report's files are written all or nothing: cancelled between steps, none is left."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.services.context import Actor
from app.services.listing import ExportCancelled
from app.services.reports.service import ReportService
from app.store.engine import Database
from app.store.models import AuditEntry
from tests.unit.services.report_records import MONTH, build


def report_exports(db: Database) -> int:
    with db.read() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "export", AuditEntry.entity == "report")
        )
        return len(list(entries))


@pytest.fixture
def reports(db: Database, admin: Actor) -> ReportService:
    build(db, admin)
    return ReportService(db, admin)


def test_both_files_are_written_and_nothing_else(reports: ReportService, tmp_path: Path) -> None:
    steps: list[tuple[int, int]] = []
    reports.write_monthly(
        MONTH,
        xlsx=tmp_path / "m.xlsx",
        pdf=tmp_path / "m.pdf",
        progress=lambda d, t: steps.append((d, t)),
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.pdf", "m.xlsx"]
    assert steps == [(1, 3), (2, 3), (3, 3)]


@pytest.mark.parametrize("after", [1, 2, 3])
def test_cancelled_after_any_step_leaves_no_file_and_no_export_entry(
    reports: ReportService, db: Database, tmp_path: Path, after: int
) -> None:
    old = tmp_path / "m.xlsx"
    old.write_bytes(b"last month's copy")
    done: list[int] = []
    with pytest.raises(ExportCancelled):
        reports.write_monthly(
            MONTH,
            xlsx=old,
            pdf=tmp_path / "m.pdf",
            progress=lambda d, _t: done.append(d),
            is_cancelled=lambda: len(done) >= after,
        )
    assert [p.name for p in tmp_path.iterdir()] == ["m.xlsx"]
    assert old.read_bytes() == b"last month's copy"  # the file already there is untouched
    assert report_exports(db) == 0


def test_the_annual_report_is_cancelled_the_same_way(
    reports: ReportService, db: Database, tmp_path: Path
) -> None:
    with pytest.raises(ExportCancelled):
        reports.write_annual(
            MONTH.year, xlsx=tmp_path / "y.xlsx", pdf=tmp_path / "y.pdf", is_cancelled=lambda: True
        )
    assert list(tmp_path.iterdir()) == []
    assert report_exports(db) == 0
