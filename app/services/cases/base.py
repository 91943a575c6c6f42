"""What every change to a case shares: permission, version and stage checks, events, audit."""

from __future__ import annotations

import datetime as dt
from typing import Any, NoReturn

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain import case_rules as rules
from app.domain.case_rules import Action
from app.domain.codes import CodeList
from app.domain.errors import InvalidInput, NotFound, PermissionDenied
from app.domain.roles import Permission
from app.services import history
from app.services.access import audit
from app.services.cases import views as case_views
from app.services.cases.types import CaseSaved, ReferralInput
from app.services.concurrency import check_version
from app.services.context import Actor
from app.services.partners import links as partner_links
from app.store.engine import Database
from app.store.models import Case, CaseEvent, CodeItem, Referral, User

ENTITY = "case"
NOUN = "个案"


class CaseServiceBase:
    def __init__(self, db: Database, actor: Actor, *, today: dt.date | None = None) -> None:
        self._db = db
        self._actor = actor
        self._today = today

    @property
    def today(self) -> dt.date:
        return self._today or self._db.clock.today()

    @property
    def user_id(self) -> int:
        """Who records: a service record is the recording worker's."""
        return self._actor.user_id

    @property
    def can_open(self) -> bool:
        """Whether the actor may open cases (the UI hides what would be refused)."""
        return self._actor.can(Permission.EDIT_OWN_CASE)

    @property
    def can_assign(self) -> bool:
        """Whether the actor may make another worker responsible for a case."""
        return self._actor.can(Permission.ASSIGN)

    def _begin(
        self,
        session: Session,
        case_id: int,
        version: int,
        action: Action,
        *,
        closure_reason: str = "",
    ) -> tuple[Case, rules.CaseState]:
        """Load the case for `action`: role, then the version the user saw, then the stage."""
        case = case_views.load_case(session, self._actor, case_id)
        self._permit(session, case, action)
        check_version(case, version, NOUN, session)
        state = case_views.state_of(session, case)
        rules.check(state, action, closure_reason=closure_reason)
        return case, state

    def _permit(self, session: Session, case: Case, action: Action) -> None:
        own = case_views.owns(self._actor, case)
        if rules.permitted(self._actor.role, action, own_case=own):
            return
        if action is Action.COMMENT:
            raise PermissionDenied("只有督导、站长或管理员可以填写意见。")
        if action in rules.HEAD_ACTIONS:
            raise PermissionDenied(f"只有站长或管理员可以{action.label}。")
        worker = session.get(User, case.worker_id)
        name = worker.display_name if worker else "其他社工"
        raise PermissionDenied(f"这是{name}负责的个案，您只能查看，不能修改。")

    def _finish(
        self,
        session: Session,
        case: Case,
        action: Action,
        state: rules.CaseState,
        record_id: int | None = None,
        *,
        follow_up: bool = False,
        on: dt.date | None = None,
        late_reason: str = "",
        **detail: Any,
    ) -> CaseSaved:
        """Move the stage on, touch the case (new version) and audit it, all in one transaction.

        The stage change happens on `on` (the 发生日期 of what moved it), never before the
        case's latest step.
        """
        target = rules.stage_after(state, action, follow_up=follow_up)
        # Reopening writes its own event with the head's reason.
        if target.value != case.stage and action is not Action.REOPEN:
            day = max(on or self.today, self._last_step(session, case))
            self._event(
                session, case, "stage", case.stage, target.value, "",
                on=day, late_reason=late_reason,
            )  # fmt: skip
        case.stage = target.value
        case.updated_by_id = self._actor.user_id
        case.updated_at = self._db.clock.now()
        session.flush()
        if on is not None and on != self.today:
            # The entry time is the log's own; the 发生日期 (and why late) go beside it.
            detail |= {"on": on.isoformat()}
            if late_reason.strip():
                detail |= {"late_reason": late_reason.strip()}
        audit.record(
            session, self._actor, action.value, entity=ENTITY, entity_id=case.id,
            case_no=case.case_no, record_id=record_id, stage=case.stage, **detail,
        )  # fmt: skip
        return CaseSaved(case.id, case.version, record_id, case.case_no)

    def _event(
        self,
        session: Session,
        case: Case,
        kind: str,
        before: str,
        after: str,
        reason: str,
        *,
        on: dt.date | None = None,
        late_reason: str = "",
    ) -> None:
        session.add(
            CaseEvent(
                station_id=case.station_id,
                case_id=case.id,
                kind=kind,
                from_value=before[:64],
                to_value=after[:64],
                reason=reason.strip(),
                happened_on=on or self.today,
                late_reason=late_reason.strip(),
                created_by_id=self._actor.user_id,
                updated_by_id=self._actor.user_id,
            )
        )

    def _day(
        self, session: Session, case: Case, when: history.When, noun: str = "发生日期"
    ) -> dt.date:
        """The checked 发生日期 of a step: not in the future, not before the case's latest step."""
        return history.effective_day(
            session, case.station_id, when, self.today, noun=noun,
            not_before=self._last_step(session, case), after_what="本个案上一步的日期",
        )  # fmt: skip

    def _record_day(
        self, session: Session, case: Case, day: dt.date, late_reason: str, noun: str
    ) -> dt.date:
        """The checked date of a record of the case: not in the future, not before intake."""
        return history.effective_day(
            session, case.station_id, history.When(day, late_reason), self.today, noun=noun,
            not_before=case.intake_date, after_what="接案日期",
        )  # fmt: skip

    @staticmethod
    def _last_step(session: Session, case: Case) -> dt.date:
        latest = session.scalar(
            select(func.max(CaseEvent.happened_on)).where(CaseEvent.case_id == case.id)
        )
        return max(latest or case.intake_date, case.intake_date)

    def _set_history(
        self,
        session: Session,
        case: Case,
        field: str,
        value: Any,
        on: dt.date,
        reason: str = "",
        late_reason: str = "",
    ) -> None:
        history.change(
            session, station_id=case.station_id, subject=ENTITY, subject_id=case.id,
            field=field, value=value, on=on, user_id=self._actor.user_id, reason=reason,
            late_reason=late_reason,
        )  # fmt: skip

    def _check_date(self, day: dt.date, noun: str, *, not_before: dt.date | None = None) -> None:
        if day > self.today:
            raise InvalidInput(f"{noun}不能晚于今天。")
        if not_before is not None and day < not_before:
            raise InvalidInput(f"{noun}不能早于接案日期（{not_before.isoformat()}）。")

    def _check_code(
        self, session: Session, code_list: CodeList, code: str, noun: str, field: str
    ) -> None:
        """Empty is allowed; anything else must be in the code list."""
        if not code:
            return
        known = session.scalar(
            select(CodeItem.id).where(CodeItem.list_name == code_list.value, CodeItem.code == code)
        )
        if known is None:
            raise InvalidInput(f"未知的{noun}：{code}。", field=field)

    def _review(self, row: Any, status: str, comment: str, on: dt.date) -> None:
        row.status = status
        row.reviewed_by_id = self._actor.user_id
        row.reviewed_at = self._db.clock.now()
        row.reviewed_on = on
        row.review_comment = comment.strip()
        row.updated_by_id = self._actor.user_id

    @staticmethod
    def _missing(noun: str) -> NoReturn:
        raise NotFound(f"找不到该{noun}，可能已被其他人处理。请重新载入。")

    def _add_referral_row(
        self, session: Session, case: Case, data: ReferralInput, *, closes_case: bool = False
    ) -> Referral:
        agency = data.agency.strip()
        if not agency:
            raise InvalidInput("请填写转介到哪个机构或部门。", field="agency")
        self._record_day(session, case, data.sent_on, data.late_reason, "转出日期")
        referral = Referral(
            station_id=case.station_id, case_id=case.id, client_id=case.client_id,
            agency=agency, contact=data.contact.strip(), reason=data.reason.strip(),
            partner_id=partner_links.resolve(session, case.station_id, agency, data.partner_id),
            consent_given=data.consent_given, sent_on=data.sent_on, status_on=data.sent_on,
            late_reason=data.late_reason.strip(),
            status=rules.ReferralStatus.SENT.value, closes_case=closes_case or data.closes_case,
            created_by_id=self._actor.user_id, updated_by_id=self._actor.user_id,
        )  # fmt: skip
        session.add(referral)
        session.flush()
        return referral
