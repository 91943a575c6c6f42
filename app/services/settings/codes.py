"""The editable code lists: reading labels, and the administrator's edits."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.codes import CodeList
from app.domain.errors import InvalidInput, NotFound
from app.domain.roles import Permission
from app.services.access import audit
from app.services.access.refusals import logs_refusals
from app.services.concurrency import check_version
from app.services.context import Actor, Changes
from app.store.engine import Database
from app.store.models import CodeItem


def code_labels(session: Session, code_list: CodeList) -> dict[str, str]:
    """Code → label of a list, retired codes included (old records keep theirs)."""
    stmt = select(CodeItem.code, CodeItem.label).where(CodeItem.list_name == code_list.value)
    return dict(session.execute(stmt).all())


@dataclass(frozen=True)
class CodeEntry:
    id: int
    code: str
    label: str
    active: bool
    version: int


@logs_refusals("code_item")
class CodeService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self._db = db
        self._actor = actor

    def entries(self, code_list: CodeList, *, include_retired: bool = False) -> list[CodeEntry]:
        stmt = (
            select(CodeItem)
            .where(CodeItem.list_name == code_list.value)
            .order_by(CodeItem.sort, CodeItem.id)
        )
        if not include_retired:
            stmt = stmt.where(CodeItem.active.is_(True))
        with self._db.read() as session:
            return [
                CodeEntry(i.id, i.code, i.label, i.active, i.version) for i in session.scalars(stmt)
            ]

    def labels(self, code_list: CodeList) -> dict[str, str]:
        """Every code's label, retired ones included, so old records still read well."""
        return {e.code: e.label for e in self.entries(code_list, include_retired=True)}

    def add(self, *, code_list: CodeList, code: str, label: str) -> Changes:
        self._actor.require(Permission.MANAGE_CODES)
        code, label = code.strip(), label.strip()
        if not code or not label:
            raise InvalidInput("代码和名称都不能为空。")
        with self._db.write() as session:
            clash = session.scalar(
                select(CodeItem).where(CodeItem.list_name == code_list.value, CodeItem.code == code)
            )
            if clash is not None:
                raise InvalidInput(f"代码 {code} 已存在（{clash.label}）。", field="code")
            sort = session.scalar(
                select(func.coalesce(func.max(CodeItem.sort), 0)).where(
                    CodeItem.list_name == code_list.value
                )
            )
            item = CodeItem(
                list_name=code_list.value,
                code=code,
                label=label,
                sort=(sort or 0) + 1,
                created_by_id=self._actor.user_id,
            )
            session.add(item)
            session.flush()
            audit.record(
                session,
                self._actor,
                "create",
                entity="code_item",
                entity_id=item.id,
                list=code_list.value,
                code=code,
                label=label,
            )
        return Changes.of("codes")

    def update(self, *, item_id: int, version: int, label: str, active: bool) -> Changes:
        """Rename or retire an item; codes never change, so records keep their meaning."""
        self._actor.require(Permission.MANAGE_CODES)
        label = label.strip()
        if not label:
            raise InvalidInput("名称不能为空。")
        with self._db.write() as session:
            item = session.get(CodeItem, item_id)
            if item is None:
                raise NotFound("该代码项不存在。")
            check_version(item, version, "代码项", session)
            before = (item.label, item.active)
            item.label, item.active = label, active
            item.updated_by_id = self._actor.user_id
            audit.record(
                session,
                self._actor,
                "update",
                entity="code_item",
                entity_id=item.id,
                before=before,
                after=(label, active),
            )
        return Changes.of("codes")
