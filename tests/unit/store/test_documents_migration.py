"""Revision 0011 adds the project documents' table, and a downgrade takes it away again."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import inspect

from app.services.context import Actor
from app.services.projects.documents import ProjectDocumentService
from app.services.projects.service import ProjectService
from app.services.projects.types import ProjectInput
from app.store.engine import Database
from tests.unit.store.migrating import move


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest) -> Database:
    database: Database = request.getfixturevalue(
        "sqlite_db" if request.param == "sqlite" else "pg_db"
    )
    return database


def test_the_documents_table_comes_and_goes(db: Database, admin: Actor, tmp_path: Path) -> None:
    move(db, "0010")
    assert "project_documents" not in inspect(db.engine).get_table_names()
    assert "projects" in inspect(db.engine).get_table_names()
    move(db, "head")
    assert "project_documents" in inspect(db.engine).get_table_names()
    day = dt.date(2026, 1, 1)
    (project_id,) = ProjectService(db, admin).add(
        ProjectInput(code="P1", name="项目", starts_on=day, ends_on=day.replace(month=12, day=31),
                     station_ids=(admin.station_id,))
    ).ids  # fmt: skip
    paper = tmp_path / "制度.pdf"
    paper.write_bytes(b"x")
    documents = ProjectDocumentService(db, admin, folder=tmp_path / "documents")
    documents.add(project_id, paper, doc_type="rules", dated=day)
    assert [d.title for d in documents.list(project_id)] == ["制度"]
    move(db, "0010")
    assert "project_documents" not in inspect(db.engine).get_table_names()
