"""The daily work log (工作日志): a worker's day, partly filled in from their other records.

Entries that come from service records, group sessions, activities and visits are stored so
reports can count them, and are brought back in line with those records whenever a log is
opened or saved: missing ones are added, changed ones updated, orphans removed. Entries the
worker types are theirs to change. A worker sees their own log; the head sees (and may
correct) every log of the station; supervisors read.
"""

from __future__ import annotations

import calendar
import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.codes import CodeList
from app.domain.errors import InvalidInput, NotFound, PermissionDenied
from app.domain.roles import Permission, Role
from app.services.access import audit
from app.services.access.refusals import logs_refusals
from app.services.concurrency import check_version
from app.services.context import Actor, Changes
from app.services.visits.worklog_sources import auto_entries
from app.services.visits.worklog_types import (
    DayTotal,
    EntryInput,
    EntryView,
    WorkLogDay,
    WorkLogOwner,
)
from app.store.engine import Database
from app.store.models import CodeItem, User, WorkLog, WorkLogEntry

ENTITY = "work_log"
NOUN = "工作日志"
MAX_MINUTES = 24 * 60


@logs_refusals("work_log")
class WorkLogService:
    def __init__(self, db: Database, actor: Actor, *, today: dt.date | None = None) -> None:
        self._db = db
        self._actor = actor
        self._today = today

    @property
    def today(self) -> dt.date:
        return self._today or self._db.clock.today()

    @property
    def sees_everyone(self) -> bool:
        """Heads, admins and supervisors may open any worker's log."""
        return self._actor.can(Permission.EDIT_ANY_CASE) or self._actor.role is Role.SUPERVISOR

    # ---- reading (each read first brings the automatic entries up to date) ----------

    def owners(self) -> list[WorkLogOwner]:
        """Whose logs the actor may open, the actor first when they keep one."""
        self._actor.require(Permission.VIEW_CLIENTS)
        with self._db.read() as session:
            stmt = select(User.id, User.display_name).where(
                User.station_id == self._actor.station_id,
                User.active.is_(True),
                User.role != Role.SUPERVISOR.value,
            )
            if not self.sees_everyone:
                stmt = stmt.where(User.id == self._actor.user_id)
            # By the stored key of the name (app/store/name_sort.py): computing it here
            # would load pypinyin's ~50 MB of dictionaries to sort a handful of names.
            stmt = stmt.order_by(User.id != self._actor.user_id, User.name_sort, User.id)
            return [WorkLogOwner(i, n) for i, n in session.execute(stmt)]

    def kinds(self) -> list[tuple[str, str]]:
        """(label, code) of the work kinds a typed entry may have."""
        with self._db.read() as session:
            return [
                (label, code)
                for code, label in session.execute(
                    select(CodeItem.code, CodeItem.label)
                    .where(
                        CodeItem.list_name == CodeList.WORKLOG_KIND.value,
                        CodeItem.active.is_(True),
                    )
                    .order_by(CodeItem.sort, CodeItem.id)
                )
            ]

    def day(self, user_id: int, day: dt.date) -> WorkLogDay:
        with self._db.write() as session:
            owner = self._owner(session, user_id)
            self._sync(session, owner, day, day)
            return self._day_view(session, owner, day)

    def month(self, user_id: int, year: int, month: int) -> list[DayTotal]:
        """Minutes logged on every day of the month (0 for empty days)."""
        first = dt.date(year, month, 1)
        last = first.replace(day=calendar.monthrange(year, month)[1])
        with self._db.write() as session:
            owner = self._owner(session, user_id)
            self._sync(session, owner, first, last)
            totals = dict(
                session.execute(
                    select(WorkLog.log_date, func.sum(WorkLogEntry.minutes))
                    .join(WorkLogEntry, WorkLogEntry.work_log_id == WorkLog.id)
                    .where(WorkLog.user_id == owner.id, WorkLog.log_date.between(first, last))
                    .group_by(WorkLog.log_date)
                ).all()
            )
        return [
            DayTotal(first + dt.timedelta(days=n), int(totals.get(first + dt.timedelta(days=n), 0)))
            for n in range(last.day)
        ]

    # ---- writing --------------------------------------------------------------------

    def add_entry(self, user_id: int, day: dt.date, data: EntryInput) -> Changes:
        with self._db.write() as session:
            owner = self._owner(session, user_id)
            self._require_edit(owner)
            self._check_day(day)
            self._check(session, data)
            log = self._log(session, owner.id, day)
            entry = WorkLogEntry(
                station_id=owner.station_id, work_log_id=log.id, kind=data.kind,
                minutes=data.minutes, description=data.description.strip(),
                created_by_id=self._actor.user_id, updated_by_id=self._actor.user_id,
            )  # fmt: skip
            session.add(entry)
            session.flush()
            audit.record(
                session, self._actor, "add_entry", entity=ENTITY, entity_id=log.id,
                entry_id=entry.id, day=day, kind=data.kind, minutes=data.minutes,
            )  # fmt: skip
            return Changes.of(ENTITY, ids=(log.id,))

    def update_entry(self, entry_id: int, *, version: int, data: EntryInput) -> Changes:
        with self._db.write() as session:
            entry, log = self._manual_entry(session, entry_id)
            check_version(entry, version, "日志条目", session)
            self._check(session, data)
            fields = [
                name
                for name, value in (
                    ("kind", data.kind),
                    ("minutes", data.minutes),
                    ("description", data.description.strip()),
                )
                if getattr(entry, name) != value
            ]
            entry.kind = data.kind
            entry.minutes = data.minutes
            entry.description = data.description.strip()
            entry.updated_by_id = self._actor.user_id
            entry.updated_at = self._db.clock.now()
            audit.record(
                session, self._actor, "update_entry", entity=ENTITY, entity_id=log.id,
                entry_id=entry.id, fields=fields,
            )  # fmt: skip
            return Changes.of(ENTITY, ids=(log.id,))

    def delete_entry(self, entry_id: int, *, version: int) -> Changes:
        with self._db.write() as session:
            entry, log = self._manual_entry(session, entry_id)
            check_version(entry, version, "日志条目", session)
            session.delete(entry)
            audit.record(
                session, self._actor, "delete_entry", entity=ENTITY, entity_id=log.id,
                entry_id=entry_id, kind=entry.kind, minutes=entry.minutes,
            )  # fmt: skip
            return Changes.of(ENTITY, ids=(log.id,))

    def set_notes(self, user_id: int, day: dt.date, *, version: int, notes: str) -> Changes:
        """The day's notes; `version` is the one `day()` returned (0 when the day had no log)."""
        with self._db.write() as session:
            owner = self._owner(session, user_id)
            self._require_edit(owner)
            self._check_day(day)
            existing = self._find_log(session, owner.id, day)
            if existing is None and version:
                raise InvalidInput("这天的日志已被删除，请重新载入。")
            log = existing or self._log(session, owner.id, day)
            if existing is not None:
                check_version(log, version, NOUN, session)
            log.notes = notes.strip()
            log.updated_by_id = self._actor.user_id
            log.updated_at = self._db.clock.now()
            session.flush()
            audit.record(
                session, self._actor, "notes", entity=ENTITY, entity_id=log.id,
                day=day, fields=["notes"],
            )  # fmt: skip
            return Changes.of(ENTITY, ids=(log.id,))

    # ---- helpers --------------------------------------------------------------------

    def _owner(self, session: Session, user_id: int) -> User:
        self._actor.require(Permission.VIEW_CLIENTS)
        user = session.get(User, user_id)
        if user is None or user.station_id != self._actor.station_id:
            raise NotFound("找不到该社工，可能不属于本站。")
        if user.id != self._actor.user_id and not self.sees_everyone:
            raise PermissionDenied("您只能查看自己的工作日志。")
        return user

    def _may_edit(self, owner: User) -> bool:
        if self._actor.can(Permission.EDIT_ANY_CASE):
            return True
        return owner.id == self._actor.user_id and self._actor.can(Permission.EDIT_OWN_CASE)

    def _require_edit(self, owner: User) -> None:
        if not self._may_edit(owner):
            raise PermissionDenied("您只能查看这份工作日志，不能修改。")

    def _check_day(self, day: dt.date) -> None:
        if day > self.today:
            raise InvalidInput("不能为今天以后的日期写工作日志。", field="day")

    def _check(self, session: Session, data: EntryInput) -> None:
        known = session.scalar(
            select(CodeItem.id).where(
                CodeItem.list_name == CodeList.WORKLOG_KIND.value, CodeItem.code == data.kind
            )
        )
        if known is None:
            raise InvalidInput("请选择工作类型。", field="kind")
        if not 1 <= data.minutes <= MAX_MINUTES:
            raise InvalidInput("时长应在 1 到 1440 分钟之间。", field="minutes")
        if not data.description.strip():
            raise InvalidInput("请填写工作内容。", field="description")

    def _manual_entry(self, session: Session, entry_id: int) -> tuple[WorkLogEntry, WorkLog]:
        entry = session.get(WorkLogEntry, entry_id)
        if entry is None or entry.station_id != self._actor.station_id:
            raise NotFound("找不到该日志条目，可能已被删除。请重新载入。")
        log = session.get_one(WorkLog, entry.work_log_id)
        self._require_edit(self._owner(session, log.user_id))
        if entry.source_table:
            raise InvalidInput("这一条是根据业务记录自动生成的，请修改原记录。")
        return entry, log

    def _find_log(self, session: Session, user_id: int, day: dt.date) -> WorkLog | None:
        return session.scalar(
            select(WorkLog).where(WorkLog.user_id == user_id, WorkLog.log_date == day)
        )

    def _log(self, session: Session, user_id: int, day: dt.date) -> WorkLog:
        log = self._find_log(session, user_id, day)
        if log is None:
            log = WorkLog(
                station_id=self._actor.station_id, user_id=user_id, log_date=day,
                created_by_id=self._actor.user_id, updated_by_id=self._actor.user_id,
            )  # fmt: skip
            session.add(log)
            session.flush()
        return log

    def _sync(self, session: Session, owner: User, first: dt.date, last: dt.date) -> None:
        """Make the stored automatic entries of `owner` from `first` to `last` match the records."""
        wanted = {
            (e.day, e.source_table, e.source_id): e
            for e in auto_entries(session, owner.station_id, [owner.id], first, last)
        }
        stored = session.execute(
            select(WorkLogEntry, WorkLog.log_date)
            .join(WorkLog, WorkLog.id == WorkLogEntry.work_log_id)
            .where(
                WorkLog.user_id == owner.id,
                WorkLog.log_date.between(first, last),
                WorkLogEntry.source_table != "",
            )
        ).all()
        added = updated = removed = 0
        for entry, day in stored:
            key = (day, entry.source_table, entry.source_id or 0)
            source = wanted.pop(key, None)
            if source is None:
                session.delete(entry)
                removed += 1
            elif (entry.kind, entry.minutes, entry.description) != (
                source.kind, source.minutes, source.description,
            ):  # fmt: skip
                entry.kind, entry.minutes = source.kind, source.minutes
                entry.description = source.description
                entry.updated_at = self._db.clock.now()
                updated += 1
        for source in wanted.values():
            log = self._log(session, owner.id, source.day)
            entry = WorkLogEntry(
                station_id=owner.station_id, work_log_id=log.id, kind=source.kind,
                minutes=source.minutes, description=source.description,
                source_table=source.source_table, source_id=source.source_id,
            )  # fmt: skip
            session.add(entry)
            added += 1
        if added or updated or removed:
            session.flush()
            audit.record(
                session, self._actor, "sync", entity=ENTITY, user_id=owner.id,
                first=first, last=last, added=added, updated=updated, removed=removed,
            )  # fmt: skip

    def _day_view(self, session: Session, owner: User, day: dt.date) -> WorkLogDay:
        log = self._find_log(session, owner.id, day)
        labels = dict(
            session.execute(
                select(CodeItem.code, CodeItem.label).where(
                    CodeItem.list_name == CodeList.WORKLOG_KIND.value
                )
            ).all()
        )
        entries: list[EntryView] = []
        if log is not None:
            rows = session.scalars(
                select(WorkLogEntry)
                .where(WorkLogEntry.work_log_id == log.id)
                .order_by(WorkLogEntry.source_table == "", WorkLogEntry.id)
            )
            entries = [_view(e, labels) for e in rows]
        return WorkLogDay(
            user_id=owner.id,
            user_name=owner.display_name,
            day=day,
            version=log.version if log else 0,
            notes=log.notes if log else "",
            entries=tuple(entries),
            editable=self._may_edit(owner),
        )


def _view(entry: WorkLogEntry, labels: dict[str, str]) -> EntryView:
    return EntryView(
        id=entry.id, version=entry.version, kind=entry.kind,
        kind_label=labels.get(entry.kind, entry.kind), minutes=entry.minutes,
        description=entry.description, automatic=bool(entry.source_table),
    )  # fmt: skip
