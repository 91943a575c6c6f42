"""项目文件: the contract, plan, rules, needs assessment, financial statements and minutes
attached to a project, for the evidence pack (评估材料包).

A file is copied into the data folder under a random name (as activity photos are,
app/services/community/photos.py); the name it came with is kept to name it in the pack.
Everyone who may see the project lists its documents; the station head and the
administrator attach and remove them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from app.domain import project_documents
from app.domain.errors import InvalidInput, NotFound, PermissionDenied
from app.domain.roles import Permission, Role
from app.services.access import audit
from app.services.access.refusals import logs_refusals
from app.services.community.photos import copy_in, discard_files
from app.services.concurrency import check_version
from app.services.context import Actor, Changes
from app.store.engine import Database
from app.store.location import data_dir
from app.store.models import ProjectDocument

from .service import ENTITY, visible

MAX_BYTES = 100 * 1024 * 1024
_SUFFIX = re.compile(r"\.[a-z0-9]{1,8}")


def default_document_folder() -> Path:
    return data_dir() / "documents"


@dataclass(frozen=True)
class DocumentView:
    id: int
    version: int
    project_id: int
    doc_type: str
    type_label: str
    dated: dt.date
    title: str
    original_name: str
    size_bytes: int
    file_name: str
    """The stored file's random name (path_of finds it)."""


@logs_refusals(ENTITY)
class ProjectDocumentService:
    def __init__(self, db: Database, actor: Actor, *, folder: Path | None = None) -> None:
        self._db = db
        self._actor = actor
        self.folder = folder or default_document_folder()

    @property
    def may_manage(self) -> bool:
        return self._actor.can(Permission.MANAGE_PROJECTS)

    def list(self, project_id: int) -> list[DocumentView]:
        """The project's documents by type (the 台账 order), then date."""
        with self._db.read() as session:
            visible(session, self._actor, project_id)
            rows = session.scalars(
                select(ProjectDocument)
                .where(ProjectDocument.project_id == project_id)
                .order_by(ProjectDocument.dated, ProjectDocument.id)
            ).all()
            order = {t.key: i for i, t in enumerate(project_documents.DOCUMENT_TYPES)}
            return sorted(
                (_view(d) for d in rows), key=lambda d: (order.get(d.doc_type, 99), d.dated, d.id)
            )

    def add(
        self, project_id: int, source: Path, *, doc_type: str, dated: dt.date, title: str = ""
    ) -> Changes:
        """Copy the file in and record it; the copy goes again if recording fails."""
        self._actor.require(Permission.MANAGE_PROJECTS)
        kind = project_documents.document_type(doc_type)
        title = " ".join((title or source.stem).split())[:200]
        try:
            size = source.stat().st_size
        except OSError as exc:
            raise InvalidInput(f"找不到文件“{source.name}”。", field="file") from exc
        if not source.is_file():
            raise InvalidInput(f"“{source.name}”不是文件。", field="file")
        if size > MAX_BYTES:
            raise InvalidInput(
                f"文件“{source.name}”有 {size / 1024 / 1024:.0f} MB，超过了 100 MB。", field="file"
            )
        with self._db.read() as session:
            visible(session, self._actor, project_id)
        suffix = source.suffix.lower() if _SUFFIX.fullmatch(source.suffix.lower()) else ""
        name, sha256 = copy_in(source, self.folder, suffix, what="文件")
        try:
            with self._db.write() as session:
                visible(session, self._actor, project_id)
                document = ProjectDocument(
                    station_id=self._actor.station_id, project_id=project_id,
                    doc_type=kind.key, dated=dated, title=title, file_name=name,
                    original_name=source.name[:255], size_bytes=size, sha256=sha256,
                    created_by_id=self._actor.user_id, updated_by_id=self._actor.user_id,
                )  # fmt: skip
                session.add(document)
                session.flush()
                audit.record(
                    session, self._actor, "add_document", entity=ENTITY, entity_id=project_id,
                    document_id=document.id, doc_type=kind.key, title=title, sha256=sha256,
                )  # fmt: skip
                return Changes.of(ENTITY, ids=(project_id,))
        except BaseException:
            discard_files(self.folder, [name])
            raise

    def remove(self, document_id: int, *, version: int) -> Changes:
        self._actor.require(Permission.MANAGE_PROJECTS)
        with self._db.write() as session:
            document = session.get(ProjectDocument, document_id)
            if document is None:
                raise NotFound("找不到该项目文件，可能已被删除。请重新载入。")
            visible(session, self._actor, document.project_id)
            if self._actor.role is not Role.ADMIN and document.station_id != self._actor.station_id:
                raise PermissionDenied("只能删除本站添加的项目文件。")
            check_version(document, version, "项目文件", session)
            project_id, name = document.project_id, document.file_name
            audit.record(
                session, self._actor, "remove_document", entity=ENTITY, entity_id=project_id,
                document_id=document.id, title=document.title, sha256=document.sha256,
            )  # fmt: skip
            session.delete(document)
        discard_files(self.folder, [name])
        return Changes.of(ENTITY, ids=(project_id,))

    def path_of(self, document: DocumentView) -> Path:
        """Where the document's file lies (its name comes from the database, never the user)."""
        return self.folder / Path(document.file_name).name


def _view(d: ProjectDocument) -> DocumentView:
    kind = project_documents.BY_KEY.get(d.doc_type)
    return DocumentView(
        id=d.id, version=d.version, project_id=d.project_id, doc_type=d.doc_type,
        type_label=kind.label if kind else d.doc_type, dated=d.dated, title=d.title,
        original_name=d.original_name, size_bytes=d.size_bytes, file_name=d.file_name,
    )  # fmt: skip
