"""待办: what is due on a given day, for one worker or for the whole station."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Bundle, Session

from app.domain import case_rules as rules
from app.domain.case_rules import ClosureStatus, PlanStatus, Stage, Urgency
from app.domain.codes import RiskLevel
from app.domain.roles import Permission, Role
from app.services.access.refusals import logs_refusals
from app.services.context import Actor
from app.services.settings.stations import SettingsService
from app.store.engine import Database
from app.store.models import Case, CaseClosure, CasePlan, Client, ServiceRecord, User


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
# The columns a reminder reads, not whole Case objects: a station's list loads hundreds.
_CASE: Bundle[Any] = Bundle(
    "case",
    Case.id,
    Case.case_no,
    Case.intake_date,
    Case.next_contact_date,
    Case.risk_level,
    Case.urgency,
)


@dataclass(frozen=True)
class Reminder:
    """One 待办 item; `case_id` opens the case."""

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
        settings = SettingsService(self._db)

        def value(key: str) -> int:
            found = settings.get(key, None, station_id=self._actor.station_id)
            if found is None:
                found = settings.get(key, rules.REMINDER_DEFAULTS[key])
            return found if isinstance(found, int) and found > 0 else rules.REMINDER_DEFAULTS[key]

        return Thresholds(value(rules.REMINDER_HIGH_RISK_DAYS), value(rules.REMINDER_URGENT_DAYS))

    def todo(self, *, worker_id: int | None = None) -> list[Reminder]:
        """A worker sees their own cases; the head sees the station's, plus what awaits approval.

        A head or administrator may pass `worker_id` to see one worker's list.
        """
        self._actor.require(Permission.VIEW_CLIENTS)
        if self._actor.role is Role.WORKER:
            worker_id = self._actor.user_id
        approvals = worker_id is None and self._actor.can(Permission.APPROVE)
        limits = self.thresholds()
        with self._db.read() as session:
            items = self._contacts(session, worker_id, limits)
            items += self._follow_ups(session, worker_id)
            items += self._plan_reviews(session, worker_id)
            if approvals:
                items += self._approvals(session)
        items.sort(key=lambda r: (_PRIORITY[r.kind], r.due, r.case_no))
        return items

    # ---- the kinds ---------------------------------------------------------------------

    def _cases(self, worker_id: int | None, *stages: Stage) -> Any:
        stmt = (
            select(_CASE, Client.name, User.display_name)
            .join(Client, Client.id == Case.client_id)
            .join(User, User.id == Case.worker_id)
            .where(
                Case.station_id == self._actor.station_id,
                Case.stage.in_([s.value for s in stages]),
            )
        )
        if worker_id is not None:
            stmt = stmt.where(Case.worker_id == worker_id)
        return stmt

    def _contacts(
        self, session: Session, worker_id: int | None, limits: Thresholds
    ) -> list[Reminder]:
        today = self.today
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
            Case.next_contact_date <= today,
        )
        stmt = (
            self._cases(worker_id, *rules.WORKING_STAGES)
            .add_columns(last_contact)
            .where(Case.paused.is_(False), watched)
        )
        items = []
        for case, client, worker, last in session.execute(stmt):
            if case.next_contact_date is not None and case.next_contact_date <= today:
                late = (today - case.next_contact_date).days
                text = "今天应联系" if late == 0 else f"下次联系日期已过{late}天"
                items.append(
                    self._item(
                        ReminderKind.CONTACT_DUE, case, client, worker, case.next_contact_date, text
                    )
                )
            urgent = case.urgency == Urgency.URGENT.value
            if not urgent and case.risk_level != RiskLevel.HIGH.value:
                continue
            since = last or case.intake_date
            limit = limits.urgent_days if urgent else limits.high_risk_days
            days = (today - since).days
            if days >= limit:
                what = "紧急个案" if urgent else "高风险个案"
                items.append(
                    self._item(
                        ReminderKind.NO_CONTACT,
                        case,
                        client,
                        worker,
                        since + dt.timedelta(days=limit),
                        f"{what}已{days}天未联系",
                    )
                )
        return items

    def _follow_ups(self, session: Session, worker_id: int | None) -> list[Reminder]:
        stmt = self._cases(worker_id, Stage.FOLLOW_UP).where(Case.next_contact_date <= self.today)
        return [
            self._item(
                ReminderKind.FOLLOW_UP_DUE,
                case,
                client,
                worker,
                case.next_contact_date,
                f"跟进日期{case.next_contact_date.isoformat()}已到",
            )
            for case, client, worker in session.execute(stmt)
        ]

    def _plan_reviews(self, session: Session, worker_id: int | None) -> list[Reminder]:
        stmt = (
            self._cases(worker_id, *rules.WORKING_STAGES)
            .add_columns(CasePlan.review_due)
            .join(CasePlan, CasePlan.case_id == Case.id)
            .where(
                CasePlan.status == PlanStatus.APPROVED.value,
                CasePlan.review_due < self.today,
                Case.paused.is_(False),
            )
        )
        return [
            self._item(
                ReminderKind.PLAN_REVIEW,
                case,
                client,
                worker,
                due,
                f"服务计划应于{due.isoformat()}检讨",
            )
            for case, client, worker, due in session.execute(stmt)
        ]

    def _approvals(self, session: Session) -> list[Reminder]:
        items = []
        plans = (
            self._cases(None, *Stage)
            .add_columns(CasePlan.submitted_at)
            .join(CasePlan, CasePlan.case_id == Case.id)
            .where(CasePlan.status == PlanStatus.SUBMITTED.value)
        )
        for case, client, worker, at in session.execute(plans):
            day = at.date() if at else self.today
            text = f"{worker}提交的服务计划"
            items.append(self._item(ReminderKind.PLAN_APPROVAL, case, client, worker, day, text))
        closures = (
            self._cases(None, *Stage)
            .add_columns(CaseClosure.submitted_at)
            .join(CaseClosure, CaseClosure.case_id == Case.id)
            .where(CaseClosure.status == ClosureStatus.SUBMITTED.value)
        )
        for case, client, worker, at in session.execute(closures):
            day = at.date() if at else self.today
            text = f"{worker}提交的结案申请"
            items.append(self._item(ReminderKind.CLOSURE_APPROVAL, case, client, worker, day, text))
        return items

    @staticmethod
    def _item(
        kind: ReminderKind, case: Any, client: str, worker: str, due: dt.date | None, text: str
    ) -> Reminder:
        return Reminder(kind, case.id, case.case_no, client, worker, due or dt.date.min, text)
