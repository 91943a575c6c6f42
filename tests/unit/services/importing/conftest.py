"""Fixtures for the import tests: the service on a fixed day and a snapshot of the registry."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from app.services.context import Actor
from app.services.importing.results import Preview
from app.services.importing.service import RosterImportService
from app.store.engine import Database

TODAY = dt.date(2025, 6, 30)
TABLES = ("clients", "client_categories", "households", "import_batches", "audit_log", "settings")


@pytest.fixture
def importer(db: Database, admin: Actor) -> RosterImportService:
    return RosterImportService(db, admin, today=TODAY)


def snapshot(db: Database) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the tables an import may touch, to prove nothing changed."""
    with db.read() as session:
        return {
            t: [tuple(r) for r in session.execute(text(f"SELECT * FROM {t} ORDER BY 1"))]
            for t in TABLES
        }


PreviewOf = Callable[..., Preview]


@pytest.fixture
def preview_of(importer: RosterImportService) -> PreviewOf:
    """Preview a file with the proposed mapping of its first sheet."""

    def run(
        path: Path,
        category: str = "dibao_rural",
        day: dt.date = TODAY,
        is_cancelled: Callable[[], bool] = lambda: False,
    ) -> Preview:
        sheet = importer.sheets(path)[0]
        proposal = importer.propose_mapping(path, sheet)
        return importer.preview(
            path, sheet=sheet, header_row=proposal.header_row, columns=proposal.columns,
            category=category, import_date=day, is_cancelled=is_cancelled,
        )  # fmt: skip

    return run
