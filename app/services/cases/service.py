"""Case work (个案): open a case and carry it from intake to follow-up, with approvals.

Every change loads the case, checks the role (case_rules.permitted), the version the user
loaded (optimistic lock) and the stage (case_rules.check), then writes the change, the
stage event and the audit entry in one short transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain import case_rules as rules
from app.domain.case_rules import Action, ClosureStatus, Decision, Stage, Urgency
from app.domain.codes import ClientStatus, CodeList, RiskLevel
from app.domain.errors import DuplicateRecord, InvalidInput, NotFound, PermissionDenied
from app.domain.roles import Permission, Role
from app.services import history
from app.services.access import audit
from app.services.access.refusals import logs_refusals
from app.services.cases import views as case_views
from app.services.cases.consent import check_reopen, checked_exemption
from app.services.cases.steps import CaseSteps
from app.services.cases.types import (
    CaseDetail,
    CaseQuery,
    CaseRow,
    CaseSaved,
    ClosureInput,
    IntakeInput,
    OpenCaseInput,
    ReferralInput,
)
from app.services.context import Changes
from app.services.history import NOW, When
from app.store.models import (
    Case,
    CaseClosure,
    CaseComment,
    CaseCounter,
    CaseEvent,
    Client,
    DatedValue,
    Station,
    User,
    Visit,
)

ENTITY = "case"
NOUN = "个案"


@logs_refusals("case")
class CaseService(CaseSteps):
    """Case work for one user; `today` is fixed in tests and taken from the clock otherwise."""

    # ---- reading -------------------------------------------------------------------

    def search_ids(self, query: CaseQuery) -> list[int]:
        """Ids of the matching cases in display order (the list fetches rows lazily)."""
        self._actor.require(Permission.VIEW_CLIENTS)
        with self._db.read() as session:
            return case_views.search_ids(session, self._actor, query)

    def rows(self, ids: Sequence[int]) -> list[CaseRow]:
        self._actor.require(Permission.VIEW_CLIENTS)
        with self._db.read() as session:
            return case_views.rows(session, self._actor, ids)

    def get(self, case_id: int) -> CaseDetail:
        """The whole case: every record, its timeline, stage, risk and next contact."""
        self._actor.require(Permission.VIEW_CLIENTS)
        with self._db.read() as session:
            case = case_views.load_case(session, self._actor, case_id)
            return case_views.detail(session, self._actor, case, self.today)

    def find(self, case_no: str) -> int:
        """The id of the case with this number (the command line prints by number)."""
        self._actor.require(Permission.VIEW_CLIENTS)
        with self._db.read() as session:
            found = session.scalar(
                select(Case.id).where(
                    Case.case_no == case_no.strip().upper(),
                    Case.station_id == self._actor.station_id,
                )
            )
        if found is None:
            raise NotFound(f"找不到个案编号 {case_no}。")
        return found

    def reveal_id_number(self, case_id: int) -> str:
        """The client's full ID number, for permitted roles only; every reveal is logged."""
        with self._db.write() as session:
            case = case_views.load_case(session, self._actor, case_id)
            if not case_views.can_reveal(self._actor, case):
                raise PermissionDenied("您无权查看该服务对象的完整身份证号。")
            client = session.get_one(Client, case.client_id)
            audit.record(
                session, self._actor, "reveal", entity="client", entity_id=client.id,
                fields=["id_number"], case_no=case.case_no,
            )  # fmt: skip
            return client.id_number or ""

    # ---- intake --------------------------------------------------------------------

    def open_case(self, data: OpenCaseInput) -> CaseSaved:
        """接案: the case gets the next number of its station and year in the same transaction."""
        if not self._actor.can(Permission.EDIT_OWN_CASE):
            raise PermissionDenied(f"当前身份（{self._actor.role.label}）不能开个案。")
        problem = data.presenting_problem.strip()
        if not problem:
            raise InvalidInput("请填写求助问题（主要问题）。", field="presenting_problem")
        self._check_date(data.intake_date, "接案日期")
        risk, urgency = self._risk(data.risk_level), self._urgency(data.urgency)
        decision = self._decision(data)
        with self._db.write() as session:
            client = session.get(Client, data.client_id)
            if client is None or client.station_id != self._actor.station_id:
                raise NotFound("找不到该服务对象，可能已被删除或不属于本站。")
            if client.status != ClientStatus.ACTIVE.value:
                raise InvalidInput("该服务对象已归档，不能开个案。请先取消归档。")
            self._check_code(session, CodeList.CASE_SOURCE, data.source, "个案来源", "source")
            worker_id = self._checked_worker(session, data.worker_id or self._actor.user_id)
            self._check_visit(session, data.visit_id)
            if decision is Decision.ACCEPT:
                self._refuse_second_open_case(session, client)
            exemption, consent_note = checked_exemption(session, client, data, decision)
            case = Case(
                station_id=self._actor.station_id,
                case_no=self._next_number(session, data.intake_date.year),
                client_id=client.id,
                worker_id=worker_id,
                intake_date=data.intake_date,
                source=data.source,
                referrer=data.referrer.strip(),
                presenting_problem=problem,
                risk_level=risk,
                urgency=urgency,
                decision=decision.value,
                decision_reason=data.decision_reason.strip(),
                stage=Stage.INTAKE.value,
                next_contact_date=data.intake_date
                + dt.timedelta(days=rules.contact_interval(risk, urgency)),
                visit_id=data.visit_id,
                consent_exemption=exemption,
                consent_note=consent_note,
                created_by_id=self._actor.user_id,
                updated_by_id=self._actor.user_id,
            )
            history.effective_day(
                session, case.station_id, history.When(data.intake_date, data.late_reason),
                self.today, noun="接案日期",
            )  # fmt: skip
            session.add(case)
            session.flush()
            late = data.late_reason
            on = data.intake_date
            self._event(
                session, case, "open", "", Stage.INTAKE.value, problem[:200], on=on,
                late_reason=late,
            )  # fmt: skip
            self._set_history(session, case, "worker_id", worker_id, on, late_reason=late)
            self._set_history(session, case, "risk_level", risk, on, late_reason=late)
            if decision is Decision.DECLINE:
                self._exit_at_intake(
                    session, case, Stage.DECLINED, data.decision_reason, late_reason=late
                )
            elif decision is Decision.REFER:
                referral = ReferralInput(
                    agency=data.refer_to, sent_on=data.intake_date, contact=data.refer_contact,
                    reason=data.decision_reason, consent_given=True, closes_case=True,
                    late_reason=late,
                )  # fmt: skip
                self._add_referral_row(session, case, referral)
                self._exit_at_intake(
                    session, case, Stage.REFERRED, data.decision_reason, late_reason=late
                )
            session.flush()
            audit.record(
                session, self._actor, "open_case", entity=ENTITY, entity_id=case.id,
                case_no=case.case_no, client_id=client.id, decision=decision.value,
                consent_exemption=exemption,
            )  # fmt: skip
            return CaseSaved(case.id, case.version, case_no=case.case_no)

    def update_intake(self, case_id: int, *, version: int, data: IntakeInput) -> CaseSaved:
        self._check_date(data.intake_date, "接案日期")
        urgency = self._urgency(data.urgency)
        with self._db.write() as session:
            case, _state = self._begin(session, case_id, version, Action.EDIT_INTAKE)
            self._check_code(session, CodeList.CASE_SOURCE, data.source, "个案来源", "source")
            if urgency != case.urgency:
                self._event(session, case, "urgency", case.urgency, urgency, "")
                case.urgency = urgency
                due = self.today + dt.timedelta(
                    days=rules.contact_interval(case.risk_level, urgency)
                )
                if case.next_contact_date is None or due < case.next_contact_date:
                    case.next_contact_date = due
            if data.intake_date != case.intake_date:
                self._move_intake(session, case, data.intake_date)
            case.source = data.source
            case.referrer = data.referrer.strip()
            case.presenting_problem = data.presenting_problem.strip() or case.presenting_problem
            return self._finish(session, case, Action.EDIT_INTAKE, _state)

    def _move_intake(self, session: Session, case: Case, day: dt.date) -> None:
        """A corrected intake date moves the case's start: its open event and the first
        period of its history; it may not pass the case's next step."""
        later = session.scalar(
            select(func.min(CaseEvent.happened_on)).where(
                CaseEvent.case_id == case.id, CaseEvent.kind != "open"
            )
        )
        if later is not None and day > later:
            raise InvalidInput(
                f"接案日期不能晚于本个案之后的步骤（{later.isoformat()}）。", field="intake_date"
            )
        for event in session.scalars(
            select(CaseEvent).where(CaseEvent.case_id == case.id, CaseEvent.kind == "open")
        ):
            event.happened_on = day
        for period in session.scalars(
            select(DatedValue).where(
                DatedValue.subject == ENTITY,
                DatedValue.subject_id == case.id,
                DatedValue.valid_from == case.intake_date,
            )
        ):
            if period.valid_to is None or day < period.valid_to:
                period.valid_from = day
        case.intake_date = day

    def decline(self, case_id: int, *, version: int, reason: str, when: When = NOW) -> CaseSaved:
        """不接案 after intake; the reason is required."""
        if not reason.strip():
            raise InvalidInput("请填写不接案的原因。", field="reason")
        with self._db.write() as session:
            case, state = self._begin(session, case_id, version, Action.DECLINE)
            day = self._day(session, case, when, "不接案日期")
            case.decision = Decision.DECLINE.value
            case.decision_reason = reason.strip()
            self._exit_at_intake(session, case, Stage.DECLINED, reason, day, when.late_reason)
            return self._finish(session, case, Action.DECLINE, state, reason=reason.strip(), on=day)

    def refer(self, case_id: int, *, version: int, data: ReferralInput) -> CaseSaved:
        """转介 at intake: the case ends with the referral; the reason is required."""
        if not data.reason.strip():
            raise InvalidInput("请填写转介原因。", field="reason")
        with self._db.write() as session:
            case, state = self._begin(session, case_id, version, Action.REFER_AT_INTAKE)
            day = self._day(session, case, When(data.sent_on, data.late_reason), "转出日期")
            referral = self._add_referral_row(session, case, data, closes_case=True)
            case.decision = Decision.REFER.value
            case.decision_reason = data.reason.strip()
            self._exit_at_intake(session, case, Stage.REFERRED, data.reason, day, data.late_reason)
            return self._finish(session, case, Action.REFER_AT_INTAKE, state, referral.id, on=day)

    # ---- closure, follow-up, reopening --------------------------------------------------

    def submit_closure(
        self, case_id: int, *, version: int, data: ClosureInput, when: When = NOW
    ) -> CaseSaved:
        summary = data.summary.strip()
        if not summary:
            raise InvalidInput("请填写结案小结。", field="summary")
        if data.follow_up_until is not None and data.follow_up_until < self.today:
            raise InvalidInput("跟进截止日期不能早于今天。", field="follow_up_until")
        with self._db.write() as session:
            self._check_code(session, CodeList.CLOSURE_REASON, data.reason, "结案原因", "reason")
            case, state = self._begin(
                session, case_id, version, Action.SUBMIT_CLOSURE, closure_reason=data.reason
            )
            day = self._day(session, case, when, "申请结案日期")
            closure = self._closure_row(session, case, data.reason, summary)
            closure.follow_up_plan = data.follow_up_plan.strip()
            closure.follow_up_until = data.follow_up_until
            session.flush()
            return self._finish(
                session, case, Action.SUBMIT_CLOSURE, state, closure.id, on=day,
                late_reason=when.late_reason,
            )  # fmt: skip

    def approve_closure(
        self, case_id: int, *, version: int, comment: str = "", when: When = NOW
    ) -> CaseSaved:
        """An approved closure locks the case; with a follow-up plan it shows 跟进中.

        The case is closed on the approval's 发生日期 (the head may have signed on paper
        earlier than it is typed in).
        """
        with self._db.write() as session:
            case, state = self._begin(session, case_id, version, Action.APPROVE_CLOSURE)
            day = self._day(session, case, when, "批准结案日期")
            closure = self._pending_closure(session, case)
            self._review(closure, ClosureStatus.APPROVED.value, comment, day)
            follow_up = bool(closure.follow_up_plan)
            case.closed_on = day
            case.closure_reason = closure.reason
            case.paused = False
            case.next_contact_date = (
                (closure.follow_up_until or self.today + dt.timedelta(days=30))
                if follow_up
                else None
            )
            return self._finish(
                session, case, Action.APPROVE_CLOSURE, state, closure.id, follow_up=follow_up,
                on=day, late_reason=when.late_reason,
            )  # fmt: skip

    def return_closure(
        self, case_id: int, *, version: int, comment: str, when: When = NOW
    ) -> CaseSaved:
        if not comment.strip():
            raise InvalidInput("退回时请写明需要补充或修改的地方。", field="comment")
        with self._db.write() as session:
            case, state = self._begin(session, case_id, version, Action.RETURN_CLOSURE)
            day = self._day(session, case, when, "退回日期")
            closure = self._pending_closure(session, case)
            self._review(closure, ClosureStatus.RETURNED.value, comment, day)
            return self._finish(session, case, Action.RETURN_CLOSURE, state, closure.id)

    def reopen(self, case_id: int, *, version: int, reason: str, when: When = NOW) -> CaseSaved:
        """The station head reopens a closed, declined or referred case; logged with reason."""
        if not reason.strip():
            raise InvalidInput("请填写重新开启的原因。", field="reason")
        with self._db.write() as session:
            case, state = self._begin(session, case_id, version, Action.REOPEN)
            day = self._day(session, case, when, "重新开启日期")
            check_reopen(session, case, day)
            for closure in session.scalars(
                select(CaseClosure).where(
                    CaseClosure.case_id == case.id,
                    CaseClosure.status == ClosureStatus.APPROVED.value,
                )
            ):
                closure.status = ClosureStatus.REOPENED.value
                closure.updated_by_id = self._actor.user_id
            self._event(
                session, case, "reopen", case.stage, rules.reopened_stage(state), reason,
                on=day, late_reason=when.late_reason,
            )  # fmt: skip
            case.closed_on = None
            case.closure_reason = ""
            case.decision = Decision.ACCEPT.value
            case.next_contact_date = max(day, self.today) + dt.timedelta(
                days=rules.contact_interval(case.risk_level, case.urgency)
            )
            return self._finish(session, case, Action.REOPEN, state, reason=reason.strip(), on=day)

    # ---- side actions --------------------------------------------------------------

    def pause(self, case_id: int, *, version: int, reason: str, when: When = NOW) -> CaseSaved:
        return self._set_paused(case_id, version, reason, when, paused=True)

    def resume(self, case_id: int, *, version: int, reason: str, when: When = NOW) -> CaseSaved:
        return self._set_paused(case_id, version, reason, when, paused=False)

    def _set_paused(
        self, case_id: int, version: int, reason: str, when: When, *, paused: bool
    ) -> CaseSaved:
        action = Action.PAUSE if paused else Action.RESUME
        if not reason.strip():
            raise InvalidInput(f"请填写{action.label}的原因。", field="reason")
        with self._db.write() as session:
            case, state = self._begin(session, case_id, version, action)
            day = self._day(session, case, when, f"{action.label}日期")
            case.paused = paused
            self._event(
                session, case, action.value, "", "", reason, on=day, late_reason=when.late_reason
            )
            if not paused and case.next_contact_date and case.next_contact_date < self.today:
                case.next_contact_date = self.today
            return self._finish(session, case, action, state, reason=reason.strip())

    def reassign(
        self, case_id: int, *, version: int, worker_id: int, reason: str = "", when: When = NOW
    ) -> CaseSaved:
        """The station head hands the case to another worker from the 发生日期 on; logged."""
        with self._db.write() as session:
            case, state = self._begin(session, case_id, version, Action.REASSIGN)
            if worker_id == case.worker_id:
                raise InvalidInput("该个案已由这位社工负责。", field="worker_id")
            day = self._day(session, case, when, "移交日期")
            new = self._checked_worker(session, worker_id)
            before = session.get_one(User, case.worker_id).display_name
            after = session.get_one(User, new).display_name
            self._event(
                session, case, "reassign", before, after, reason, on=day,
                late_reason=when.late_reason,
            )  # fmt: skip
            self._set_history(session, case, "worker_id", new, day, reason, when.late_reason)
            case.worker_id = new
            return self._finish(session, case, Action.REASSIGN, state, before=before, after=after)

    def add_comment(self, case_id: int, *, body: str) -> CaseSaved:
        """A supervisor's or head's comment; it does not change the case itself."""
        if not body.strip():
            raise InvalidInput("请填写意见内容。", field="body")
        with self._db.write() as session:
            case = case_views.load_case(session, self._actor, case_id)
            self._permit(session, case, Action.COMMENT)
            comment = CaseComment(
                station_id=case.station_id, case_id=case.id, author_id=self._actor.user_id,
                body=body.strip(), created_by_id=self._actor.user_id,
                updated_by_id=self._actor.user_id,
            )  # fmt: skip
            session.add(comment)
            session.flush()
            audit.record(
                session, self._actor, Action.COMMENT.value, entity=ENTITY, entity_id=case.id,
                record_id=comment.id,
            )  # fmt: skip
            return CaseSaved(case.id, case.version, comment.id, case.case_no)

    @staticmethod
    def changes(saved: CaseSaved) -> Changes:
        return Changes.of(ENTITY, ids=(saved.case_id,))

    # ---- helpers -------------------------------------------------------------------

    def _next_number(self, session: Session, year: int) -> str:
        """`<station code>-<year>-<seq>`; the counter row is locked by the write transaction."""
        station = session.get_one(Station, self._actor.station_id)
        counter = session.scalar(
            select(CaseCounter)
            .where(CaseCounter.station_id == station.id, CaseCounter.year == year)
            .with_for_update()
        )
        if counter is None:
            counter = CaseCounter(station_id=station.id, year=year, last_number=0)
            session.add(counter)
        while True:
            counter.last_number += 1
            number = f"{station.code}-{year}-{counter.last_number:04d}"
            # A number already taken (merged or imported data) is skipped, never reused.
            if session.scalar(select(Case.id).where(Case.case_no == number)) is None:
                return number

    def _refuse_second_open_case(self, session: Session, client: Client) -> None:
        existing = session.scalar(
            select(Case).where(
                Case.client_id == client.id,
                Case.stage.in_([s.value for s in rules.WORKING_STAGES]),
            )
        )
        if existing is not None:
            raise DuplicateRecord(
                f"{client.name}已有进行中的个案 {existing.case_no}，请在原个案中继续服务。",
                existing_id=existing.id,
            )

    def _exit_at_intake(
        self,
        session: Session,
        case: Case,
        stage: Stage,
        reason: str,
        on: dt.date | None = None,
        late_reason: str = "",
    ) -> None:
        day = on or case.intake_date
        case.closed_on = day
        case.closure_reason = "referred" if stage is Stage.REFERRED else ""
        case.next_contact_date = None
        self._event(
            session, case, "stage", case.stage, stage.value, reason, on=day,
            late_reason=late_reason,
        )  # fmt: skip
        case.stage = stage.value

    def _decision(self, data: OpenCaseInput) -> Decision:
        try:
            decision = Decision(data.decision)
        except ValueError:
            raise InvalidInput("接案决定只能是接案、不接案或转介。", field="decision") from None
        if decision is not Decision.ACCEPT and not data.decision_reason.strip():
            raise InvalidInput(f"请填写{decision.label}的原因。", field="decision_reason")
        if decision is Decision.REFER and not data.refer_to.strip():
            raise InvalidInput("请填写转介到哪个机构或部门。", field="refer_to")
        return decision

    def _risk(self, value: str) -> str:
        if value not in {r.value for r in RiskLevel}:
            raise InvalidInput("风险等级只能是高、中、低。", field="risk_level")
        return value

    def _urgency(self, value: str) -> str:
        if value not in {u.value for u in Urgency}:
            raise InvalidInput("紧急程度只能是紧急、优先、一般。", field="urgency")
        return value

    def _checked_worker(self, session: Session, worker_id: int) -> int:
        if worker_id != self._actor.user_id and not self._actor.can(Permission.ASSIGN):
            raise PermissionDenied("只有站长可以把个案交给其他社工负责。")
        user = session.get(User, worker_id)
        if (
            user is None
            or user.station_id != self._actor.station_id
            or not user.active
            or user.role == Role.SUPERVISOR.value
        ):
            raise InvalidInput("负责社工应为本站在职的社工或站长。", field="worker_id")
        return worker_id

    def _check_visit(self, session: Session, visit_id: int | None) -> None:
        """A case opened from a home visit links to a visit of the same station."""
        if visit_id is None:
            return
        visit = session.get(Visit, visit_id)
        if visit is None or visit.station_id != self._actor.station_id:
            raise NotFound("找不到该走访记录，可能已被删除或不属于本站。")

    def _pending_closure(self, session: Session, case: Case) -> CaseClosure:
        return session.scalars(
            select(CaseClosure)
            .where(
                CaseClosure.case_id == case.id,
                CaseClosure.status == ClosureStatus.SUBMITTED.value,
            )
            .order_by(CaseClosure.id.desc())
        ).first() or self._missing("结案申请")

    def _closure_row(self, session: Session, case: Case, reason: str, summary: str) -> CaseClosure:
        closure = CaseClosure(
            station_id=case.station_id, case_id=case.id, reason=reason, summary=summary,
            status=ClosureStatus.SUBMITTED.value, submitted_at=self._db.clock.now(),
            created_by_id=self._actor.user_id, updated_by_id=self._actor.user_id,
        )  # fmt: skip
        session.add(closure)
        return closure
