"""The 社区活动 list as an export: the page's own search, one row per activity."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.codes import CodeList
from app.exports.list_xlsx import Cell, ListColumn
from app.services.community.service import ActivityService
from app.services.community.types import ActivityQuery
from app.services.listing import ListExporter, in_order
from app.services.settings.codes import code_labels
from app.store.models import (
    Activity,
    User,
    Village,
)


class ActivityExporter(ListExporter):
    key = "activities"
    title = "社区活动"
    entity = "activity"
    columns = (
        ListColumn("活动名称", 24),
        ListColumn("类型", 10),
        ListColumn("日期", 12),
        ListColumn("村/社区", 12),
        ListColumn("地点", 16),
        ListColumn("负责社工", 10),
        ListColumn("参与总人数", 10),
        ListColumn("老年人", 8),
        ListColumn("儿童", 8),
        ListColumn("残疾人", 8),
        ListColumn("其他", 8),
        ListColumn("合作方", 20),
    )

    def default_query(self) -> ActivityQuery:
        return ActivityQuery()

    def ids(self, query: Any) -> list[int]:
        return ActivityService(self._db, self._actor, today=self._today).search_ids(query)

    def fetch(self, session: Session, ids: Sequence[int], *, reveal: bool) -> list[list[Cell]]:
        if not ids:
            return []
        types = code_labels(session, CodeList.ACTIVITY_TYPE)
        stmt = (
            select(
                Activity.id,
                Activity.title,
                Activity.activity_type,
                Activity.held_on,
                Village.name,
                Activity.place,
                User.display_name,
                Activity.participants_total,
                Activity.participants_elderly,
                Activity.participants_children,
                Activity.participants_disabled,
                Activity.participants_other,
                Activity.partners,
            )
            .outerjoin(Village, Village.id == Activity.village_id)
            .outerjoin(User, User.id == Activity.worker_id)
            .where(Activity.id.in_(ids), Activity.station_id == self._actor.station_id)
        )
        found: dict[int, list[Cell]] = {}
        for row in session.connection().execute(stmt).all():
            aid, title, kind, held, village, place, worker, *counts, partners = row
            found[aid] = [
                title, types.get(kind, kind), held, village or "", place, worker or "",
                *counts, partners,
            ]  # fmt: skip
        return in_order(found, ids)
