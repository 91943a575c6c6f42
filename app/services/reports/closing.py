"""Month close (月结): the station head closes a month after checking it, and its report
stays as it was signed.

Closing stores the whole station's monthly report as computed at that moment
(app/services/reports/stored.py). From then on the lock (app/store/month_lock.py)
refuses changes to records dated in the month unless the head corrects them with a
reason (`correcting`); each correction is kept, the diff shows what it moved, and the
next month's report lists it under 更正说明. Closing again keeps the earlier closing
(superseded) and stores the figures anew.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from contextlib import AbstractContextManager

from sqlalchemy.orm import Session

from app.domain.errors import InvalidInput, PermissionDenied
from app.domain.roles import Permission, Role
from app.services.access import audit
from app.services.access.refusals import logs_refusals
from app.services.context import Actor, Changes
from app.store import month_lock
from app.store.engine import Database
from app.store.models import MonthClose, MonthCorrection

from . import closed_months, stored
from .closing_types import CorrectionLine, DiffLine, MonthDiff, MonthStatus
from .service import ReportService, month_end, month_start
from .types import CorrectionNote, FigureRow, Number, Split

ENTITY = "month_close"

# What a correction to each table can move: the figures, and the breakdowns (by title).
_CASE_SPLITS = ("按村/社区", "按社工", "按社工室", "按服务对象类别")
_PLACE_SPLITS = ("按村/社区", "按社工", "按社工室")
_STAFF_SPLITS = ("督导与培训（按人）",)
_CASES = ("cases_carried", "cases_new", "cases_reopened", "cases_closed", "cases_open",
          "cases_high_risk")  # fmt: skip
MOVES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "service_records": (("service_records", "service_clients", "service_hours"), _CASE_SPLITS),
    "case_events": (_CASES, _CASE_SPLITS),
    "cases": (_CASES, _CASE_SPLITS),
    "dated_values": (("cases_high_risk",), _CASE_SPLITS),
    "client_categories": ((), ("按服务对象类别",)),
    "referrals": (("referrals", "cases_closed"), ()),
    "activities": (("activities", "activity_participants"), _PLACE_SPLITS),
    "visits": (("visit_households", "visit_people", "visit_needs"), _PLACE_SPLITS),
    "group_sessions": (("group_sessions", "groups_running", "group_attendance"), ()),
    "groups": (("groups_new", "groups_ended"), ()),
    "supervisions": (("supervisions", "supervision_hours"), _STAFF_SPLITS),
    "trainings": (("trainings", "training_hours"), _STAFF_SPLITS),
    "volunteer_services": (("volunteers", "volunteer_hours"), ()),
    "resources": (("resources", "resource_yuan"), ()),
    "satisfaction_surveys": (("surveys", "surveys_answered", "surveys_satisfied"), ()),
}


@logs_refusals(ENTITY)
class MonthCloseService:
    def __init__(self, db: Database, actor: Actor, *, today: dt.date | None = None) -> None:
        self._db = db
        self._actor = actor
        self._today = today

    @property
    def today(self) -> dt.date:
        return self._today or self._db.clock.today()

    @property
    def may_close(self) -> bool:
        return self._actor.can(Permission.CLOSE_MONTH)

    def status(self, month: dt.date, station_id: int | None = None) -> MonthStatus:
        """Whether the month is closed, by whom and when, and the corrections since."""
        month = month_start(month)
        reports = ReportService(self._db, self._actor)
        with self._db.read() as session:
            station = reports.station_in(session, station_id)
            closing = closed_months.current(session, station.id, month)
            if closing is None:
                return MonthStatus(month, station.id, closable=self._closable(month))
            return MonthStatus(
                month,
                station.id,
                closable=self._closable(month),
                closed=closed_months.stamp(session, closing),
                corrections=closed_months.count_since(session, closing),
            )

    def close(self, month: dt.date, note: str = "", station_id: int | None = None) -> MonthStatus:
        """Store the month's whole-station report as it is now; a closed one is closed anew."""
        self._actor.require(Permission.CLOSE_MONTH)
        month = month_start(month)
        if month_end(month) >= self.today:
            raise InvalidInput(
                f"{month.year}年{month.month}月还没有过完，月结要在这个月最后一天之后进行。",
                field="month",
            )
        reports = ReportService(self._db, self._actor)
        with self._db.write() as session:
            station = reports.station_in(session, station_id)
            report = reports.computed(session, station, month)
            earlier = closed_months.current(session, station.id, month)
            if earlier is not None:
                earlier.superseded_at = self._db.clock.now()
                earlier.updated_by_id = self._actor.user_id
            closing = MonthClose(
                station_id=station.id, month=month, figures=stored.dumps(report),
                note=note.strip(), created_by_id=self._actor.user_id,
                updated_by_id=self._actor.user_id,
            )  # fmt: skip
            session.add(closing)
            session.flush()
            audit.record(
                session, self._actor, "close_month" if earlier is None else "reclose_month",
                entity=ENTITY, entity_id=closing.id, month=f"{month:%Y-%m}",
                station_id=station.id, note=closing.note,
                superseded=earlier.id if earlier is not None else None,
            )  # fmt: skip
        closed = self.status(month, station.id)
        return dataclasses.replace(closed, changes=Changes.of(ENTITY, ids=(closing.id,)))

    def correcting(self, reason: str) -> AbstractContextManager[month_lock.Grant]:
        """A block in which changes to closed months are allowed, each kept as a correction.

        with desk.months.correcting("漏录了10月20日的入户探访"):
            desk.cases.add_service_record(...)
        """
        self._actor.require(Permission.CLOSE_MONTH)
        if len(reason.strip()) < 2:
            raise InvalidInput("请填写更正原因（说明为什么要修改已月结的月份）。", field="reason")
        return month_lock.correcting(self._actor.user_id, reason.strip())

    def diff(self, month: dt.date, station_id: int | None = None) -> MonthDiff:
        """Stored against recomputed figures, and the corrections behind each difference.

        Both are the whole station's, so a social worker (whose reports count their own
        work) is refused.
        """
        self._actor.require(Permission.REPORTS)
        if self._actor.role is Role.WORKER:
            raise PermissionDenied("月结差异比较的是全站的数字，只有站长、管理员和督导可以查看。")
        month = month_start(month)
        reports = ReportService(self._db, self._actor)
        with self._db.read() as session:
            station = reports.station_in(session, station_id)
            closing = closed_months.current(session, station.id, month)
            if closing is None:
                raise InvalidInput(f"{month.year}年{month.month}月还没有月结，没有可比较的数字。")
            kept = stored.loads(closing.figures)
            now = reports.computed(session, station, month)
            made = closed_months.since(session, closing)
            lines = _corrections(session, made)
            return MonthDiff(
                month=month,
                station=station,
                closed=closed_months.stamp(session, closing),
                figures=_figure_lines(kept.figures, now.figures, made, lines),
                splits=_split_lines(kept.splits, now.splits, made, lines),
                corrections=tuple(lines.values()),
            )

    def corrections_in(
        self, month: dt.date, station_id: int | None = None
    ) -> tuple[CorrectionNote, ...]:
        """更正说明: corrections entered during `month` to earlier closed months."""
        self._actor.require(Permission.REPORTS)
        month = month_start(month)
        reports = ReportService(self._db, self._actor)
        with self._db.read() as session:
            station = reports.station_in(session, station_id)
            made = closed_months.entered_in(session, station.id, month)
            return closed_months.notes(session, made)

    def _closable(self, month: dt.date) -> bool:
        return self.may_close and month_end(month) < self.today


def _corrections(session: Session, made: Sequence[MonthCorrection]) -> dict[int, CorrectionLine]:
    notes = closed_months.notes(session, list(made))
    return {
        c.id: CorrectionLine(c.id, c.entity, c.entity_id, c.effective_on, note)
        for c, note in zip(made, notes, strict=True)
    }


def _causes(
    made: Sequence[MonthCorrection],
    lines: dict[int, CorrectionLine],
    *,
    key: str = "",
    split: str = "",
) -> tuple[CorrectionLine, ...]:
    found = []
    for c in made:
        figures, splits = MOVES.get(c.entity, ((), ()))
        if (key and key in figures) or (split and split in splits):
            found.append(lines[c.id])
    return tuple(found)


def _figure_lines(
    kept: Sequence[FigureRow],
    now: Sequence[FigureRow],
    made: Sequence[MonthCorrection],
    lines: dict[int, CorrectionLine],
) -> tuple[DiffLine, ...]:
    current = {f.key: f.value for f in now}
    result = []
    for f in kept:
        value = current.get(f.key, 0)
        causes = _causes(made, lines, key=f.key) if value != f.value else ()
        result.append(DiffLine(f.key, f.label, f.unit, f.value, value, value - f.value, causes))
    return tuple(result)


def _split_lines(
    kept: Sequence[Split],
    now: Sequence[Split],
    made: Sequence[MonthCorrection],
    lines: dict[int, CorrectionLine],
) -> tuple[DiffLine, ...]:
    """Only the cells that differ: a breakdown has many, and most stay as they were."""
    result = []
    current = {s.title: s for s in now}
    for split in kept:
        after = current.get(split.title)
        before_cells = _cells(split)
        after_cells = _cells(after) if after is not None else {}
        for cell in [*before_cells, *(c for c in after_cells if c not in before_cells)]:
            old, new = before_cells.get(cell), after_cells.get(cell)
            if (old or 0) == (new or 0):
                continue
            label, column = cell
            causes = _causes(made, lines, split=split.title)
            change = (new or 0) - (old or 0)
            result.append(
                DiffLine(split.title, f"{split.title}：{label}：{column}", "", old, new, change,
                         causes)
            )  # fmt: skip
    return tuple(result)


def _cells(split: Split) -> dict[tuple[str, str], Number | None]:
    return {
        (label, column): value
        for label, values in split.rows
        for column, value in zip(split.columns, values, strict=True)
    }
