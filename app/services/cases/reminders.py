"""待办: what is due on a given day, for one worker or for the whole station."""

from __future__ import annotations

import datetime as dt
import enum
import functools
import json
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import bindparam, func, or_, select
from sqlalchemy.orm import Session

from app.domain import case_rules as rules
from app.domain.case_rules import ClosureStatus, PlanStatus, Stage, Urgency
from app.domain.codes import RiskLevel
from app.domain.roles import Permission, Role
from app.services.access.refusals import logs_refusals
from app.services.context import Actor
from app.store.engine import Database
from app.store.models import Case, CaseClosure, CasePlan, Client, ServiceRecord, Setting, User


class ReminderKind(enum.StrEnum):
    NO_CONTACT = "no_contact"
    CONTACT_DUE = "contact_due"
    FOLLOW_UP_DUE = "follow_up_due"
    PLAN_REVIEW = "plan_review"
    PLAN_APPROVAL = "plan_approval"
    CLOSURE_APPROVAL = "closure_approval"

    @property
    def label(self) -> str:
        return {
            # The rule watches urgent cases of any risk as well as high-risk ones.
            "no_contact": "高风险/紧急未联系",
            "contact_due": "应联系",
            "follow_up_due": "跟进到期",
            "plan_review": "计划应检讨",
            "plan_approval": "计划待审批",
            "closure_approval": "结案待审批",
        }[self.value]


_PRIORITY = {kind: i for i, kind in enumerate(ReminderKind)}
# The columns every reminder reads, as plain rows (each kind adds the few it needs): a
# station's list holds hundreds, and dates are parsed in Python, one column at a time.
_CASE = (Case.id, Case.case_no, Client.name.label("client"), User.display_name.label("worker"))
_THRESHOLDS = (rules.REMINDER_HIGH_RISK_DAYS, rules.REMINDER_URGENT_DAYS)


class Reminder(NamedTuple):
    """One 待办 item; `case_id` opens the case. A named tuple: a station's list holds
    hundreds, made on every refresh, and a frozen dataclass costs several times more."""

    kind: ReminderKind
    case_id: int
    case_no: str
    client_name: str
    worker: str
    due: dt.date
    text: str

    @property
    def kind_label(self) -> str:
        return self.kind.label


@dataclass(frozen=True)
class Thresholds:
    high_risk_days: int
    urgent_days: int


@logs_refusals()
class ReminderService:
    def __init__(self, db: Database, actor: Actor, *, today: dt.date | None = None) -> None:
        self._db = db
        self._actor = actor
        self._today = today

    @property
    def today(self) -> dt.date:
        return self._today or self._db.clock.today()

    def thresholds(self) -> Thresholds:
        """Days without contact before a high-risk or urgent case is flagged (settings)."""
        with self._db.read() as session:
            return self._thresholds(session)

    def _thresholds(self, session: Session) -> Thresholds:
        """The station's own setting, else the database's, else the default."""
        stmt = select(Setting.station_id, Setting.key, Setting.value).where(
            Setting.key.in_(_THRESHOLDS),
            or_(Setting.station_id == self._actor.station_id, Setting.station_id.is_(None)),
        )
        station: dict[str, Any] = {}
        database: dict[str, Any] = {}
        for station_id, key, text in session.execute(stmt):
            (database if station_id is None else station)[key] = json.loads(text)

        def value(key: str) -> int:
            got = station.get(key)
            if got is None:
                got = database.get(key)
            return got if isinstance(got, int) and got > 0 else rules.REMINDER_DEFAULTS[key]

        return Thresholds(value(rules.REMINDER_HIGH_RISK_DAYS), value(rules.REMINDER_URGENT_DAYS))

    def todo(self, *, worker_id: int | None = None) -> list[Reminder]:
        """A worker sees their own cases; the head sees the station's, plus what awaits approval.

        A head or administrator may pass `worker_id` to see one worker's list.
        """
        self._actor.require(Permission.VIEW_CLIENTS)
        if self._actor.role is Role.WORKER:
            worker_id = self._actor.user_id
        approvals = worker_id is None and self._actor.can(Permission.APPROVE)
        today = self.today
        params = {"station_id": self._actor.station_id, "today": today, "worker_id": worker_id}
        mine = worker_id is not None
        with self._db.read() as session:
            limits = self._thresholds(session)
            items = _contacts(_rows(session, _contacts_stmt(mine), params), limits, today)
            items += _follow_ups(_rows(session, _follow_ups_stmt(mine), params))
            items += _plan_reviews(_rows(session, _plan_reviews_stmt(mine), params))
            if approvals:
                plans = _rows(session, _plans_submitted(), params)
                items += _approvals(plans, ReminderKind.PLAN_APPROVAL, "服务计划", today)
                closures = _rows(session, _closures_submitted(), params)
                items += _approvals(closures, ReminderKind.CLOSURE_APPROVAL, "结案申请", today)
        items.sort(key=lambda r: (_PRIORITY[r.kind], r.due, r.case_no))
        return items


# ---- the statements --------------------------------------------------------------------
# Built once, their values bound at each call (station_id, today, worker_id): the list is
# refreshed whenever a case changes, and building a statement costs more than running it.


def _cases(mine: bool, *stages: Stage) -> Any:
    """The station's cases in `stages` (any stage without), the worker's with `mine`."""
    stmt = (
        select(*_CASE)
        .join(Client, Client.id == Case.client_id)
        .join(User, User.id == Case.worker_id)
        .where(Case.station_id == bindparam("station_id"))
    )
    if stages:
        stmt = stmt.where(Case.stage.in_([s.value for s in stages]))
    if mine:
        stmt = stmt.where(Case.worker_id == bindparam("worker_id"))
    return stmt


@functools.cache
def _contacts_stmt(mine: bool) -> Any:
    # Per watched case, the end of its slice of ix_service_records_case_served: the
    # cost follows the station's watched cases, not every record in the database.
    last_contact = (
        select(func.max(ServiceRecord.served_on))
        .where(ServiceRecord.case_id == Case.id)
        .correlate(Case)
        .scalar_subquery()
    )
    watched = or_(
        Case.risk_level == RiskLevel.HIGH.value,
        Case.urgency == Urgency.URGENT.value,
        Case.next_contact_date <= bindparam("today"),
    )
    return (
        _cases(mine, *rules.WORKING_STAGES)
        .add_columns(
            Case.intake_date,
            Case.next_contact_date,
            Case.risk_level,
            Case.urgency,
            last_contact.label("last"),
        )
        .where(Case.paused.is_(False), watched)
    )


@functools.cache
def _follow_ups_stmt(mine: bool) -> Any:
    return (
        _cases(mine, Stage.FOLLOW_UP)
        .add_columns(Case.next_contact_date)
        .where(Case.next_contact_date <= bindparam("today"))
    )


@functools.cache
def _plan_reviews_stmt(mine: bool) -> Any:
    return (
        _cases(mine, *rules.WORKING_STAGES)
        .add_columns(CasePlan.review_due)
        .join(CasePlan, CasePlan.case_id == Case.id)
        .where(
            CasePlan.status == PlanStatus.APPROVED.value,
            CasePlan.review_due < bindparam("today"),
            Case.paused.is_(False),
        )
    )


def _submitted(model: type[CasePlan] | type[CaseClosure], status: str) -> Any:
    """What waits for the head, at any stage: read from the station's submitted plans or
    closures (their (station_id, status) index), a handful, not from its cases."""
    return (
        _cases(False)
        .add_columns(model.submitted_at.label("at"))
        .join(model, model.case_id == Case.id)
        .where(model.station_id == bindparam("station_id"), model.status == status)
    )


@functools.cache
def _plans_submitted() -> Any:
    return _submitted(CasePlan, PlanStatus.SUBMITTED.value)


@functools.cache
def _closures_submitted() -> Any:
    return _submitted(CaseClosure, ClosureStatus.SUBMITTED.value)


# ---- the rows ---------------------------------------------------------------------------


def _contacts(rows: Any, limits: Thresholds, today: dt.date) -> list[Reminder]:
    items = []
    for case in rows:
        if case.next_contact_date is not None and case.next_contact_date <= today:
            late = (today - case.next_contact_date).days
            text = "今天应联系" if late == 0 else f"下次联系日期已过{late}天"
            items.append(_item(ReminderKind.CONTACT_DUE, case, case.next_contact_date, text))
        urgent = case.urgency == Urgency.URGENT.value
        if not urgent and case.risk_level != RiskLevel.HIGH.value:
            continue
        since = case.last or case.intake_date
        limit = limits.urgent_days if urgent else limits.high_risk_days
        days = (today - since).days
        if days >= limit:
            what = "紧急个案" if urgent else "高风险个案"
            due = since + dt.timedelta(days=limit)
            items.append(_item(ReminderKind.NO_CONTACT, case, due, f"{what}已{days}天未联系"))
    return items


def _follow_ups(rows: Any) -> list[Reminder]:
    return [
        _item(
            ReminderKind.FOLLOW_UP_DUE,
            case,
            case.next_contact_date,
            f"跟进日期{case.next_contact_date.isoformat()}已到",
        )
        for case in rows
    ]


def _plan_reviews(rows: Any) -> list[Reminder]:
    return [
        _item(
            ReminderKind.PLAN_REVIEW,
            case,
            case.review_due,
            f"服务计划应于{case.review_due.isoformat()}检讨",
        )
        for case in rows
    ]


def _approvals(rows: Any, kind: ReminderKind, what: str, today: dt.date) -> list[Reminder]:
    return [
        _item(kind, case, case.at.date() if case.at else today, f"{case.worker}提交的{what}")
        for case in rows
    ]


def _rows(session: Session, stmt: Any, params: dict[str, Any]) -> Any:
    """The statement's rows as plain tuples (Core): no ORM loading for columns."""
    return session.connection().execute(stmt, params)


def _item(kind: ReminderKind, case: Any, due: dt.date | None, text: str) -> Reminder:
    """A reminder from a row of `_CASE` columns."""
    return Reminder(kind, case.id, case.case_no, case.client, case.worker, due or dt.date.min, text)
