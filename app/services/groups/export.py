"""The 小组 list as an export: the page's own search, one row per group."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.codes import CodeList
from app.exports.list_xlsx import Cell, ListColumn
from app.services.groups.service import GroupService
from app.services.groups.types import GroupQuery, GroupStatus
from app.services.listing import ListExporter, in_order
from app.services.settings.codes import code_labels
from app.store.models import (
    Group,
    GroupMember,
    GroupSession,
    Village,
)

_GROUP_STATUS = {s.value: s.label for s in GroupStatus}


class GroupExporter(ListExporter):
    key = "groups"
    title = "小组"
    entity = "group"
    columns = (
        ListColumn("小组名称", 24),
        ListColumn("类型", 8),
        ListColumn("状态", 8),
        ListColumn("村/社区", 12),
        ListColumn("开始日期", 12),
        ListColumn("结束日期", 12),
        ListColumn("计划节数", 9),
        ListColumn("已开展节数", 10),
        ListColumn("组员数", 8),
        ListColumn("地点", 16),
    )

    def default_query(self) -> GroupQuery:
        return GroupQuery()

    def ids(self, query: Any) -> list[int]:
        return GroupService(self._db, self._actor, today=self._today).search_ids(query)

    def fetch(self, session: Session, ids: Sequence[int], *, reveal: bool) -> list[list[Cell]]:
        if not ids:
            return []
        types = code_labels(session, CodeList.GROUP_TYPE)
        sessions = select(func.count()).where(GroupSession.group_id == Group.id).scalar_subquery()
        members = select(func.count()).where(GroupMember.group_id == Group.id).scalar_subquery()
        stmt = (
            select(
                Group.id,
                Group.name,
                Group.group_type,
                Group.status,
                Village.name,
                Group.start_date,
                Group.end_date,
                Group.planned_sessions,
                sessions,
                members,
                Group.place,
            )
            .outerjoin(Village, Village.id == Group.village_id)
            .where(Group.id.in_(ids), Group.station_id == self._actor.station_id)
        )
        found: dict[int, list[Cell]] = {}
        for gid, name, kind, status, village, start, end, planned, held, count, place in (
            session.connection().execute(stmt).all()
        ):
            found[gid] = [
                name, types.get(kind, kind), _GROUP_STATUS.get(status, status), village or "",
                start, end, planned, held, count, place,
            ]  # fmt: skip
        return in_order(found, ids)
