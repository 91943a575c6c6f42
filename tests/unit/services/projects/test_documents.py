"""项目文件: attached under a random name, listed in the 台账 order, removed with the file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.domain.errors import ConflictError, InvalidInput, PermissionDenied
from app.domain.roles import Role
from app.services.context import Actor
from app.services.projects.documents import ProjectDocumentService
from app.store.engine import Database
from tests.unit.services.conftest import audit_actions
from tests.unit.services.projects.project_records import build

D = dt.date


def test_documents_are_copied_listed_by_type_and_removed(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    project_id = build(db, admin).project_id
    folder = tmp_path / "documents"
    documents = ProjectDocumentService(db, admin, folder=folder)
    plan, contract = tmp_path / "实施方案.DOCX", tmp_path / "合同扫描.pdf"
    plan.write_bytes(b"plan")
    contract.write_bytes(b"contract")
    documents.add(project_id, plan, doc_type="plan", dated=D(2026, 3, 20))
    changes = documents.add(
        project_id, contract, doc_type="contract", dated=D(2026, 3, 10), title="  服务  合同 "
    )
    assert changes.touches("project")
    listed = documents.list(project_id)
    assert [(d.type_label, d.title, d.original_name) for d in listed] == [
        ("合同", "服务 合同", "合同扫描.pdf"),
        ("项目计划", "实施方案", "实施方案.DOCX"),
    ]
    stored = documents.path_of(listed[1])
    assert stored.read_bytes() == b"plan" and stored.suffix == ".docx"
    assert "实施方案" not in stored.name  # a random name, as for photos
    with pytest.raises(ConflictError):
        documents.remove(listed[1].id, version=listed[1].version + 1)
    documents.remove(listed[1].id, version=listed[1].version)
    assert [d.title for d in documents.list(project_id)] == ["服务 合同"]
    assert not stored.exists()
    assert audit_actions(db, entity="project", entity_id=project_id)[-3:] == [
        "add_document",
        "add_document",
        "remove_document",
    ]


def test_an_unknown_type_a_missing_file_or_a_worker_is_refused(
    db: Database, admin: Actor, tmp_path: Path, make_actor: object
) -> None:
    project_id = build(db, admin).project_id
    documents = ProjectDocumentService(db, admin, folder=tmp_path / "documents")
    paper = tmp_path / "a.pdf"
    paper.write_bytes(b"x")
    with pytest.raises(InvalidInput, match="合同"):
        documents.add(project_id, paper, doc_type="poster", dated=D(2026, 3, 1))
    with pytest.raises(InvalidInput, match="找不到文件"):
        documents.add(project_id, tmp_path / "gone.pdf", doc_type="rules", dated=D(2026, 3, 1))
    worker = make_actor(Role.WORKER)  # type: ignore[operator]
    as_worker = ProjectDocumentService(db, worker, folder=tmp_path / "documents")
    with pytest.raises(PermissionDenied):
        as_worker.add(project_id, paper, doc_type="rules", dated=D(2026, 3, 1))
    assert as_worker.list(project_id) == []
    assert not (tmp_path / "documents").exists() or not any((tmp_path / "documents").iterdir())
