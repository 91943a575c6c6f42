"""The summary's breakdowns: by village, by worker, by 社工室 and by client category, and
the closures by reason. Each column is one GROUP BY query; rows without any record are
left out, and a row "未填写" collects records without a village.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from decimal import Decimal
from typing import Any

from sqlalchemy import Date, Integer, Select, and_, bindparam, func, select
from sqlalchemy.orm import Session

from app.domain.codes import CodeList
from app.services import history
from app.services.rooms import lookup as rooms
from app.store.models import (
    Activity,
    Case,
    CaseClosure,
    CaseEvent,
    Client,
    ClientCategory,
    CodeItem,
    Room,
    ServiceRecord,
    Supervision,
    SupervisionSupervisee,
    Training,
    TrainingParticipant,
    User,
    Village,
    Visit,
)

from .monthly import closing_event, open_at
from .scope import own
from .types import Number, Split

NONE = "未填写"
CASE_COLUMNS = ("月末在案个案", "本月新接个案", "本月结案", "服务人次", "服务人数")
ALL_COLUMNS = (*CASE_COLUMNS, "社区活动场次", "社区活动参与人次", "走访户次")
STAGE_REASONS = {"declined": "不接案", "referred": "接案时转介"}
ROOM_TITLE = "按社工室"
NO_ROOM = "站本部（未在社工室）"


def code_labels(session: Session, code_list: CodeList) -> dict[str, str]:
    return dict(
        session.execute(
            select(CodeItem.code, CodeItem.label).where(CodeItem.list_name == code_list.value)
        ).all()
    )


def all_splits(
    session: Session, station_id: int, first: dt.date, last: dt.date, worker_id: int | None = None
) -> tuple[Split, ...]:
    by_room = _by_room(session, station_id, first, last, worker_id)
    return (
        _by_village(session, station_id, first, last, worker_id),
        _by_worker(session, station_id, first, last, worker_id),
        *((by_room,) if by_room is not None else ()),
        _by_category(session, station_id, first, last, worker_id),
        _staff_development(session, station_id, first, last, worker_id),
    )


def has_rooms(session: Session, station_id: int) -> bool:
    return session.scalar(select(Room.id).where(Room.station_id == station_id).limit(1)) is not None


def room_placeholder() -> Split:
    """What a month closed before the 社工室 breakdown existed shows in its place."""
    return Split(
        ROOM_TITLE, ALL_COLUMNS, (("未统计（月结时尚无此项）", (None,) * len(ALL_COLUMNS)),)
    )


def closed_by_reason_rows(
    session: Session, station_id: int, first: dt.date, last: dt.date, worker_id: int | None = None
) -> dict[int, str]:
    """Each closing event of the month → its reason: the approved closure's reason (the one
    approved last by the event's 发生日期), or how the intake ended."""
    reason = (
        select(CaseClosure.reason)
        .where(
            CaseClosure.case_id == CaseEvent.case_id,
            CaseClosure.status.in_(("approved", "reopened")),
            CaseClosure.reviewed_on <= CaseEvent.happened_on,
        )
        .order_by(CaseClosure.reviewed_on.desc(), CaseClosure.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    stmt = select(CaseEvent.id, CaseEvent.to_value, reason).where(
        CaseEvent.station_id == station_id,
        CaseEvent.happened_on.between(first, last),
        closing_event(),
        *own(CaseEvent, worker_id),
    )
    names = code_labels(session, CodeList.CLOSURE_REASON)
    return {
        event_id: STAGE_REASONS.get(stage) or names.get(code or "", code or "") or NONE
        for event_id, stage, code in session.execute(stmt).all()
    }


def closed_by_reason(
    session: Session, station_id: int, first: dt.date, last: dt.date, worker_id: int | None = None
) -> tuple[tuple[str, int], ...]:
    """The month's closings counted by reason, the most frequent first."""
    counts: dict[str, int] = defaultdict(int)
    for label in closed_by_reason_rows(session, station_id, first, last, worker_id).values():
        counts[label] += 1
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


# ---- the breakdowns -------------------------------------------------------------------


def _by_village(
    session: Session, station_id: int, first: dt.date, last: dt.date, w: int | None
) -> Split:
    columns = _columns(session, station_id, first, last, "village", w)
    names = {
        str(vid): name
        for vid, name in session.execute(
            select(Village.id, Village.name)
            .where(Village.station_id == station_id)
            .order_by(Village.sort, Village.id)
        ).all()
    }
    return _split("按村/社区", ALL_COLUMNS, columns, names)


def _by_worker(
    session: Session, station_id: int, first: dt.date, last: dt.date, w: int | None
) -> Split:
    columns = _columns(session, station_id, first, last, "worker", w)
    names = {str(uid): name for uid, name in _staff_names(session, station_id).items()}
    return _split("按社工", ALL_COLUMNS, columns, names)


def _by_room(
    session: Session, station_id: int, first: dt.date, last: dt.date, w: int | None
) -> Split | None:
    """By 社工室, for a station that has rooms: records by the room they are tagged with,
    cases by the room their worker was in on the day (`lookup.room_sql`)."""
    names: dict[Any, str] = {
        str(rid): name
        for rid, name in session.execute(
            select(Room.id, Room.name)
            .where(Room.station_id == station_id)
            .order_by(Room.sort, Room.id)
        ).all()
    }
    if not names:
        return None
    columns = _columns(session, station_id, first, last, "room", w)
    names[None] = NO_ROOM
    return _split(ROOM_TITLE, ALL_COLUMNS, columns, names, keep_none=False)


def _by_category(
    session: Session, station_id: int, first: dt.date, last: dt.date, w: int | None
) -> Split:
    """Case and service figures by the categories held on each event's day, and the
    station's clients holding each category on the month's last day (a stock)."""
    columns = _columns(session, station_id, first, last, "category", w)
    if w is None:
        holders = (
            select(func.count(func.distinct(ClientCategory.client_id)), ClientCategory.category)
            .where(
                ClientCategory.station_id == station_id,
                history.held_on(ClientCategory.start_date, ClientCategory.end_date, last),
            )
            .group_by(ClientCategory.category)
        )
        columns.append(_run(session, holders))
    names = code_labels(session, CodeList.CLIENT_CATEGORY)
    ordered = {code: names.get(code, code) for code in sorted(names)}
    headers = CASE_COLUMNS if w is not None else (*CASE_COLUMNS, "月末持有该类别的服务对象")
    return _split("按服务对象类别", headers, columns, ordered, keep_none=False)


def _staff_development(
    session: Session, station_id: int, first: dt.date, last: dt.date, w: int | None
) -> Split:
    """Supervision received and training attended per person, this month and the year."""
    january = first.replace(month=1)
    columns: list[dict[Any, Number]] = []
    for start in (first, january):
        sup = (
            select(
                SupervisionSupervisee.user_id,
                func.count(),
                func.sum(Supervision.hours),
            )
            .join(Supervision, Supervision.id == SupervisionSupervisee.supervision_id)
            .where(Supervision.station_id == station_id, Supervision.held_on.between(start, last))
            .where(*([SupervisionSupervisee.user_id == w] if w is not None else []))
            .group_by(SupervisionSupervisee.user_id)
        )
        tra = (
            select(TrainingParticipant.user_id, func.count(), func.sum(Training.hours))
            .join(Training, Training.id == TrainingParticipant.training_id)
            .where(Training.station_id == station_id, Training.held_on.between(start, last))
            .where(*([TrainingParticipant.user_id == w] if w is not None else []))
            .group_by(TrainingParticipant.user_id)
        )
        for stmt in (sup, tra):
            rows = session.execute(stmt).all()
            columns.append({uid: n for uid, n, _ in rows})
            columns.append({uid: _decimal(h) for uid, _, h in rows})
    titles = (
        "本月督导次数", "本月督导时长", "本月培训次数", "本月培训时长",
        "年度累计督导次数", "年度累计督导时长", "年度累计培训次数", "年度累计培训时长",
    )  # fmt: skip
    return _split(
        "督导与培训（按人）", titles, columns, _staff_names(session, station_id), keep_none=False
    )


# ---- helpers ---------------------------------------------------------------------------


def _columns(
    session: Session, station_id: int, first: dt.date, last: dt.date, mode: str, w: int | None
) -> list[dict[Any, Number]]:
    """Case, service (and for village and worker: activity, visit) figures by `mode`.

    Each record is counted under the village, worker and categories in force on its own
    date (an intake on its intake date, a closing on the day it happened, a service record
    on the day served); the cases open at month end under those in force on the last day.
    Activities and visits carry their own village and worker.
    """
    params = {"sid": station_id, "first": first, "last": last}
    columns: list[dict[Any, Number]] = []
    for stmt, n in _column_statements(mode, w):
        columns += _runs(session, stmt, n, params)
    return columns


# Built once for each mode and worker and run with the station and the month: building
# them (and SQLAlchemy's key to their compiled form, kept on each) cost about as much as
# running them.
_SID = bindparam("sid", type_=Integer)
_FIRST = bindparam("first", type_=Date)
_LAST = bindparam("last", type_=Date)


@functools.lru_cache(maxsize=32)
def _column_statements(
    mode: str, w: int | None
) -> tuple[tuple[Select[*tuple[Any, ...]], int], ...]:
    """`_columns`' queries, each with the number of values before its key."""
    station_id, first, last = _SID, _FIRST, _LAST

    def keyed(
        stmt: Select[*tuple[Any, ...]], client_id: Any, case_id: Any, worker_id: Any, day: Any
    ) -> Select[*tuple[Any, ...]]:
        key: Any
        if mode == "category":
            key = ClientCategory.category
            stmt = stmt.join(
                ClientCategory,
                and_(
                    ClientCategory.client_id == client_id,
                    history.held_on(ClientCategory.start_date, ClientCategory.end_date, day),
                ),
            )
        elif mode == "village":
            key = history.in_force("client", "village_id", client_id, day, Client.village_id)
            stmt = stmt.join(Client, Client.id == client_id)
        elif mode == "room":
            # A case counts in its worker's room on the day; a service record (no case_id
            # given) in the room it is tagged with.
            key = (
                rooms.case_room_sql(case_id, worker_id, day)
                if case_id is not None
                else ServiceRecord.room_id
            )
        elif case_id is not None:
            key = history.in_force("case", "worker_id", case_id, day, worker_id)
        else:
            key = worker_id
        return stmt.add_columns(key).group_by(key)

    opened = (
        select(func.count())
        .select_from(Case)
        .where(Case.id.in_(open_at([station_id], last)), *own(Case, w, last))
    )
    new = (
        select(func.count())
        .select_from(Case)
        .where(Case.station_id == station_id, Case.intake_date.between(first, last), *own(Case, w))
    )
    closed = (
        select(func.count())
        .select_from(CaseEvent)
        .join(Case, Case.id == CaseEvent.case_id)
        .where(
            CaseEvent.station_id == station_id,
            CaseEvent.happened_on.between(first, last),
            closing_event(),
            *own(CaseEvent, w),
        )
    )
    in_month = and_(
        ServiceRecord.station_id == station_id,
        ServiceRecord.served_on.between(first, last),
        *own(ServiceRecord, w),
    )
    # Records and people from one pass over the month's records.
    served = (
        select(func.count(), func.count(func.distinct(ServiceRecord.client_id)))
        .select_from(ServiceRecord)
        .where(in_month)
    )
    by = ServiceRecord.client_id, None, ServiceRecord.worker_id, ServiceRecord.served_on
    found: list[tuple[Select[*tuple[Any, ...]], int]] = [
        (keyed(opened, Case.client_id, Case.id, Case.worker_id, last), 1),
        (keyed(new, Case.client_id, Case.id, Case.worker_id, Case.intake_date), 1),
        (keyed(closed, Case.client_id, Case.id, Case.worker_id, CaseEvent.happened_on), 1),
        (keyed(served, *by), 2),
    ]
    if mode != "category":
        key_a = {"village": Activity.village_id, "room": Activity.room_id}.get(
            mode, Activity.worker_id
        )
        key_v = {"village": Visit.village_id, "room": Visit.room_id}.get(mode, Visit.worker_id)
        held = and_(
            Activity.station_id == station_id,
            Activity.held_on.between(first, last),
            *own(Activity, w),
        )
        participants = func.coalesce(func.sum(Activity.participants_total), 0)
        found.append((select(func.count(), participants, key_a).where(held).group_by(key_a), 2))
        visited = and_(
            Visit.station_id == station_id,
            Visit.visited_on.between(first, last),
            *own(Visit, w),
        )
        found.append((select(func.count(), key_v).where(visited).group_by(key_v), 1))
    return tuple(found)


def _run(session: Session, stmt: Select[*tuple[Any, ...]]) -> dict[Any, Number]:
    """count → key, with every key as text (history keeps ids as text) and none as None."""
    return _runs(session, stmt, 1)[0]


def _runs(
    session: Session,
    stmt: Select[*tuple[Any, ...]],
    n: int,
    params: dict[str, Any] | None = None,
) -> list[dict[Any, Number]]:
    """`_run` of a query giving `n` values and then the key in each row: `n` columns."""
    result: list[dict[Any, Number]] = [{} for _ in range(n)]
    for *values, key in session.execute(stmt, params).all():
        text = None if key is None or key == "" else str(key)
        for column, value in zip(result, values, strict=True):
            column[text] = column.get(text, 0) + value
    return result


def _staff_names(session: Session, station_id: int) -> dict[Any, str]:
    return dict(
        session.execute(
            select(User.id, User.display_name)
            .where(User.station_id == station_id)
            .order_by(User.name_sort, User.id)
        ).all()
    )


def _split(
    title: str,
    headers: tuple[str, ...],
    columns: list[dict[Any, Number]],
    names: dict[Any, str],
    *,
    keep_none: bool = True,
) -> Split:
    keys = [k for k in names if any(k in c for c in columns)]
    keys += sorted({k for c in columns for k in c if k not in names and k is not None}, key=str)
    if keep_none and any(None in c for c in columns):
        keys.append(None)
    rows = tuple(
        (
            names.get(key, NONE if key is None else str(key)),
            tuple(c.get(key, 0) for c in columns),
        )
        for key in keys
    )
    return Split(title, headers, rows)


def _decimal(value: Any) -> Decimal:
    return Decimal(str(value or 0)).quantize(Decimal("0.01"))
