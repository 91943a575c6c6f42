"""Reading visits: the list (ids in SQL order, rows in chunks) and one visit in full."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import extract, or_, select
from sqlalchemy.orm import Session

from app.domain.codes import CodeList
from app.domain.errors import InvalidInput
from app.domain.masking import mask_id
from app.services.settings.codes import code_labels
from app.services.visits.types import (
    VisitClientView,
    VisitDetail,
    VisitQuery,
    VisitResult,
    VisitRow,
    VisitSort,
)
from app.store.models import Case, Client, Household, Room, User, Village, Visit, VisitClient

_FIELDS = (
    "visited_on", "visit_type", "household_id", "village_id", "worker_id", "people_met",
    "duration_min", "living_conditions", "safety", "needs_found", "new_need_count",
    "policies_explained", "result", "room_id",
)  # fmt: skip


def snapshot(session: Session, visit: Visit) -> dict[str, Any]:
    """The visit's fields and clients, to name what an edit changed in the audit trail."""
    values: dict[str, Any] = {name: getattr(visit, name) for name in _FIELDS}
    values["clients"] = sorted(
        session.scalars(select(VisitClient.client_id).where(VisitClient.visit_id == visit.id))
    )
    return values


def type_labels(session: Session) -> dict[str, str]:
    return code_labels(session, CodeList.VISIT_TYPE)


def search_ids(session: Session, station_id: int, query: VisitQuery) -> list[int]:
    stmt = (
        select(Visit.id)
        .outerjoin(Household, Household.id == Visit.household_id)
        .where(Visit.station_id == station_id)
    )
    if query.visit_type:
        stmt = stmt.where(Visit.visit_type == query.visit_type)
    if query.village_id is not None:
        stmt = stmt.where(Visit.village_id == query.village_id)
    if query.worker_id is not None:
        stmt = stmt.where(Visit.worker_id == query.worker_id)
    if query.result:
        stmt = stmt.where(Visit.result == query.result)
    if query.month:
        try:
            year, month = (int(part) for part in query.month.split("-"))
        except ValueError:
            raise InvalidInput("月份应写成“年-月”，例如 2025-06。", field="month") from None
        stmt = stmt.where(
            extract("year", Visit.visited_on) == year, extract("month", Visit.visited_on) == month
        )
    text = query.text.strip()
    if text:
        by_client = (
            select(VisitClient.visit_id)
            .join(Client, Client.id == VisitClient.client_id)
            .where(Client.name.contains(text, autoescape=True))
        )
        stmt = stmt.where(
            or_(
                Household.head_name.contains(text, autoescape=True),
                Visit.people_met.contains(text, autoescape=True),
                Visit.needs_found.contains(text, autoescape=True),
                Visit.id.in_(by_client),
            )
        )
    return list(session.scalars(_ordered(stmt, query)))


def _ordered(stmt: Any, query: VisitQuery) -> Any:
    def direction(col: Any) -> Any:
        return col.desc() if query.descending else col.asc()

    if query.sort is VisitSort.VILLAGE:
        village = select(Village.name).where(Village.id == Visit.village_id).scalar_subquery()
        return stmt.order_by(direction(village), Visit.visited_on.desc(), Visit.id.desc())
    if query.sort is VisitSort.WORKER:
        worker = select(User.name_sort).where(User.id == Visit.worker_id).scalar_subquery()
        return stmt.order_by(direction(worker), Visit.visited_on.desc(), Visit.id.desc())
    return stmt.order_by(direction(Visit.visited_on), direction(Visit.id))


def _client_names(session: Session, ids: Sequence[int]) -> dict[int, list[str]]:
    names: dict[int, list[str]] = {}
    rows = session.execute(
        select(VisitClient.visit_id, Client.name)
        .join(Client, Client.id == VisitClient.client_id)
        .where(VisitClient.visit_id.in_(ids))
        .order_by(VisitClient.id)
    )
    for visit_id, name in rows:
        names.setdefault(visit_id, []).append(name)
    return names


def rows(session: Session, station_id: int, ids: Sequence[int]) -> list[VisitRow]:
    if not ids:
        return []
    stmt = (
        select(Visit, Household.head_name, Village.name, User.display_name)
        .outerjoin(Household, Household.id == Visit.household_id)
        .outerjoin(Village, Village.id == Visit.village_id)
        .outerjoin(User, User.id == Visit.worker_id)
        .where(Visit.id.in_(ids), Visit.station_id == station_id)
    )
    found = {row[0].id: row for row in session.execute(stmt)}
    labels = type_labels(session)
    clients = _client_names(session, list(found))
    result = []
    for vid in ids:
        if vid not in found:
            continue
        v, head, village, worker = found[vid]
        result.append(
            VisitRow(
                id=v.id,
                visited_on=v.visited_on,
                visit_type_label=labels.get(v.visit_type, v.visit_type),
                household=f"{head}户" if head else "",
                clients="、".join(clients.get(v.id, [])),
                village=village or "",
                worker=worker or "",
                duration_min=v.duration_min,
                new_need_count=v.new_need_count,
                result=v.result,
                result_label=VisitResult(v.result).label,
            )
        )
    return result


def case_nos(session: Session, visit_id: int) -> list[str]:
    return list(
        session.scalars(select(Case.case_no).where(Case.visit_id == visit_id).order_by(Case.id))
    )


def detail(session: Session, visit: Visit, *, editable: bool) -> VisitDetail:
    household = session.get(Household, visit.household_id) if visit.household_id else None
    village = session.get(Village, visit.village_id) if visit.village_id else None
    worker = session.get(User, visit.worker_id)
    room = session.get(Room, visit.room_id) if visit.room_id else None
    clients = session.execute(
        select(Client.id, Client.name, Client.id_number)
        .join(VisitClient, VisitClient.client_id == Client.id)
        .where(VisitClient.visit_id == visit.id)
        .order_by(VisitClient.id)
    ).all()
    return VisitDetail(
        id=visit.id,
        version=visit.version,
        visited_on=visit.visited_on,
        visit_type=visit.visit_type,
        visit_type_label=type_labels(session).get(visit.visit_type, visit.visit_type),
        household_id=visit.household_id,
        household=f"{household.head_name}户" if household and household.head_name else "",
        household_head_id=household.head_client_id if household else None,
        clients=tuple(VisitClientView(i, n, mask_id(num)) for i, n, num in clients),
        village_id=visit.village_id,
        village=village.name if village else "",
        worker_id=visit.worker_id,
        worker=worker.display_name if worker else "",
        people_met=visit.people_met,
        duration_min=visit.duration_min,
        living_conditions=visit.living_conditions,
        safety=visit.safety,
        needs_found=visit.needs_found,
        new_need_count=visit.new_need_count,
        policies_explained=visit.policies_explained,
        result=visit.result,
        result_label=VisitResult(visit.result).label,
        case_nos=tuple(case_nos(session, visit.id)),
        editable=editable,
        room_id=visit.room_id,
        room=room.name if room else "",
    )
