"""The 走访 list as an export: the page's own search, one row per visit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.codes import CodeList
from app.exports.list_xlsx import Cell, ListColumn
from app.services.listing import ListExporter, in_order
from app.services.settings.codes import code_labels
from app.services.visits.service import VisitService
from app.services.visits.types import VisitQuery, VisitResult
from app.store.models import (
    Household,
    User,
    Village,
    Visit,
)

_VISIT_RESULT = {r.value: r.label for r in VisitResult}


class VisitExporter(ListExporter):
    key = "visits"
    title = "走访"
    entity = "visit"
    columns = (
        ListColumn("走访日期", 12),
        ListColumn("类型", 10),
        ListColumn("村/社区", 12),
        ListColumn("户主", 10),
        ListColumn("见到的人", 16),
        ListColumn("社工", 10),
        ListColumn("时长（分钟）", 12),
        ListColumn("新发现需求数", 12),
        ListColumn("发现的需求", 30),
        ListColumn("处理结果", 10),
    )

    def default_query(self) -> VisitQuery:
        return VisitQuery()

    def ids(self, query: Any) -> list[int]:
        return VisitService(self._db, self._actor, today=self._today).search_ids(query)

    def fetch(self, session: Session, ids: Sequence[int], *, reveal: bool) -> list[list[Cell]]:
        if not ids:
            return []
        types = code_labels(session, CodeList.VISIT_TYPE)
        stmt = (
            select(
                Visit.id,
                Visit.visited_on,
                Visit.visit_type,
                Village.name,
                Household.head_name,
                Visit.people_met,
                User.display_name,
                Visit.duration_min,
                Visit.new_need_count,
                Visit.needs_found,
                Visit.result,
            )
            .outerjoin(Village, Village.id == Visit.village_id)
            .outerjoin(Household, Household.id == Visit.household_id)
            .outerjoin(User, User.id == Visit.worker_id)
            .where(Visit.id.in_(ids), Visit.station_id == self._actor.station_id)
        )
        found: dict[int, list[Cell]] = {}
        for vid, day, kind, village, head, met, worker, minutes, needs, text, result in (
            session.connection().execute(stmt).all()
        ):
            found[vid] = [
                day, types.get(kind, kind), village or "", head or "", met, worker or "",
                minutes, needs, text, _VISIT_RESULT.get(result, result),
            ]  # fmt: skip
        return in_order(found, ids)
