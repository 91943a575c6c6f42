"""Demo case work: cases in every stage with their assessments, plans, records and closures.

Rows go in with Core bulk inserts and ids given up front (as in demo_rows), so a county
of 20,000 cases and their service records takes seconds, not an ORM hour. Every case is
consistent with the stage machine: a stage is reached only through the steps before it.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.demo import situations
from app.demo.bulk import DemoClient, households_of, load_clients
from app.demo.case_rows import CaseRows, at
from app.demo.case_texts import (
    COMMENTS,
    DECLINE_REASONS,
    FOLLOW_UP_RESULTS,
    MINUTES_BY_MODE,
    Theme,
)
from app.demo.people import chance, pick
from app.demo.rooms import RoomPlan
from app.domain import case_rules as rules
from app.domain.codes import ClientStatus
from app.store.models import (
    Case,
    CaseAssessment,
    CaseClosure,
    CaseComment,
    CaseEvaluation,
    CaseFollowUp,
    CaseGoal,
    CasePlan,
    Client,
    Referral,
    ServiceRecord,
)

BATCH = 50_000  # service records held before a flush
# A service record starts on the hour or half past, 08:00 to 16:30. rng.choice of these
# draws what rng.randint(8, 16) and 30 * rng.randint(0, 1) draw, for a third of the cost.
_HOURS = tuple(range(8, 17))
_MINUTES = (0, 30)
_TIMES = {(h, m): dt.time(h, m) for h in _HOURS for m in _MINUTES}  # made once, not per record
_WORKING = frozenset(s.value for s in rules.WORKING_STAGES)


@dataclass(frozen=True)
class CaseScale:
    share: float
    """Cases per client of the station."""
    records: float
    """Mean service records of a case that has reached intervention."""
    history_days: int


SCALES = {
    "small": CaseScale(share=0.15, records=10.0, history_days=540),
    "county": CaseScale(share=0.2, records=75.0, history_days=3 * 365),
}
# Where the demo cases stand: most in intervention or closed, a few in every other stage.
KINDS: dict[str, float] = {
    "intake": 4,
    "assessment": 6,
    "plan_draft": 3,
    "plan_submitted": 5,
    "intervention": 30,
    "evaluation": 6,
    "closure_submitted": 5,
    "closed": 23,
    "follow_up": 8,
    "declined": 5,
    "referred": 5,
}
# Youngest and oldest a case of each kind may be, in days since intake (None: the history).
_AGE: dict[str, tuple[int, int | None]] = {
    "intake": (0, 10),
    "assessment": (4, 25),
    "plan_draft": (14, 40),
    "plan_submitted": (14, 40),
    "intervention": (45, None),
    "evaluation": (90, None),
    "closure_submitted": (90, None),
    "closed": (150, None),
    "follow_up": (120, 400),
    "declined": (0, None),
    "referred": (0, None),
}
_SOURCES = {
    "outreach": 40,
    "ref_village": 25,
    "self": 15,
    "ref_civil_affairs": 10,
    "ref_school": 5,
    "ref_hospital": 3,
    "ref_other": 2,
}
# No demo case closes as 去世 or 迁出: its client would go on being visited and served.
_CLOSURE_REASONS = {"goals_met": 60, "self_reliant": 25, "client_request": 10, "other": 5}
_CLOSURE_SUMMARIES = {
    "goals_met": "{change}服务目标基本达成，服务对象及家属同意结案。",
    "self_reliant": "{change}服务对象已能独立应对，同意结案。",
    "client_request": "服务对象表示暂不需要继续服务，尊重其意愿结案。",
    "other": "{change}经与服务对象商定，结案。",
}


def station_clients(session: Session, station_id: int) -> list[int]:
    """The station's active clients, the pool the demo opens cases for."""
    return list(
        session.scalars(
            select(Client.id)
            .where(Client.station_id == station_id, Client.status == ClientStatus.ACTIVE.value)
            .order_by(Client.id)
        )
    )


def fill_cases(
    session: Session,
    station_id: int,
    workers: Sequence[int],
    clients: Sequence[int],
    rng: random.Random,
    today: dt.date,
    *,
    scale: str = "small",
    rooms: RoomPlan | None = None,
) -> dict[str, int]:
    """Open demo cases for some of `clients`, carried by `workers`; returns rows per table.
    With `rooms`, each service record is in its worker's room on its day."""
    if not workers or not clients:
        return {}
    settings = SCALES[scale]
    writer = _CaseWriter(session, station_id, list(workers), rng, today, settings, rooms)
    writer.know(load_clients(session, station_id, today))
    count = max(1, round(len(clients) * settings.share))
    plans = []
    for client_id in rng.sample(list(clients), min(count, len(clients))):
        kind = pick(rng, KINDS)
        young, old = _AGE[kind]
        old = min(old or settings.history_days, settings.history_days)
        plans.append(
            (today - dt.timedelta(days=rng.randint(young, max(young, old))), client_id, kind)
        )
    # Numbers follow the intake dates, as they would have been given.
    for intake, client_id, kind in sorted(plans):
        writer.add_case(client_id, kind, intake)
        if len(writer.rows[ServiceRecord]) >= BATCH:
            writer.flush()
    writer.flush()
    writer.save_counters()
    return writer.counts


class _CaseWriter(CaseRows):
    """The story of each demo case, told through the steps the stage machine allows."""

    def __init__(
        self,
        session: Session,
        station_id: int,
        workers: list[int],
        rng: random.Random,
        today: dt.date,
        scale: CaseScale,
        rooms: RoomPlan | None,
    ) -> None:
        super().__init__(session, station_id, workers, rng, today, rooms)
        self.scale = scale
        self.clients: dict[int, DemoClient] = {}
        self.households: dict[int, list[DemoClient]] = {}
        # The case being told: its client and the contacts its theme offers.
        self.client = DemoClient(0, "", None, None, 40, frozenset(), False, "low", None)
        self.contacts: list[tuple[str, str, str]] = []

    def know(self, clients: list[DemoClient]) -> None:
        """The clients (and their households) whose cases are to be told."""
        self.clients = {c.id: c for c in clients}
        self.households = households_of(clients)

    # ---- one case --------------------------------------------------------------------

    def add_case(self, client_id: int, kind: str, intake: dt.date) -> None:
        rng = self.rng
        client = self.clients.get(client_id) or replace(self.client, id=client_id)
        members = [client]
        if client.household_id is not None:
            members = self.households.get(client.household_id, members)
        theme, self.contacts = situations.story(client, members, rng)
        self.client = client
        worker = rng.choice(self.workers)
        risk = pick(rng, {"high": 20, "medium": 45, "low": 35})
        urgency = pick(rng, {"urgent": 6, "priority": 22, "normal": 72})
        number = self.numbers.get(intake.year, 0) + 1
        self.numbers[intake.year] = number
        case = self.row(
            Case,
            worker,
            case_no=f"{self.code}-{intake.year}-{number:04d}",
            client_id=client_id,
            worker_id=worker,
            intake_date=intake,
            source=pick(rng, _SOURCES),
            referrer=rng.choice(("", "村委会", "网格员", "班主任")),
            presenting_problem=theme.problem,
            risk_level=risk,
            urgency=urgency,
            decision="accept",
            decision_reason="",
            stage=rules.Stage.INTAKE.value,
            paused=False,
            next_contact_date=None,
            closed_on=None,
            closure_reason="",
            visit_id=None,
        )
        self.event(case, "open", rules.Stage.INTAKE.value, intake, theme.problem)
        interval = rules.contact_interval(risk, urgency)
        if kind in ("declined", "referred"):
            self._exit_at_intake(case, theme, kind, intake)
            return
        last = intake
        if kind != "intake":
            last = self._assess(case, theme, intake)
        if kind not in ("intake", "assessment"):
            last, goals = self._plan(case, theme, kind, last)
            if kind not in ("plan_draft", "plan_submitted"):
                last = self._intervene(case, theme, kind, last, goals, interval)
        if case["stage"] in _WORKING:
            case["next_contact_date"] = last + dt.timedelta(days=interval)
        if kind in ("intervention", "evaluation") and chance(rng, 0.08):
            case["paused"] = True
            self.event(
                case,
                "pause",
                "",
                min(last + dt.timedelta(days=3), self.today),
                situations.pause_reason(client),
            )

    def _exit_at_intake(self, case: dict[str, Any], theme: Theme, kind: str, day: dt.date) -> None:
        case["closed_on"] = day
        if kind == "declined":
            case["decision"] = rules.Decision.DECLINE.value
            case["decision_reason"] = self.rng.choice(DECLINE_REASONS)
            self.event(case, "stage", rules.Stage.DECLINED.value, day, case["decision_reason"])
            return
        agency, reason = theme.referral
        case.update(
            decision=rules.Decision.REFER.value, decision_reason=reason, closure_reason="referred"
        )
        self._referral(case, agency, reason, day, closes=True)
        self.event(case, "stage", rules.Stage.REFERRED.value, day, reason)

    def _referral(
        self, case: dict[str, Any], agency: str, reason: str, day: dt.date, *, closes: bool
    ) -> None:
        status = pick(self.rng, {"sent": 20, "received": 30, "feedback": 40, "rejected": 10})
        # The agency answers 2 to 19 days later (not drawn: the random stream stays as it was).
        answered = min(day + dt.timedelta(days=2 + case["id"] * 7 % 18), self.today)
        self.row(
            Referral,
            case["worker_id"],
            case_id=case["id"],
            client_id=case["client_id"],
            agency=agency,
            contact="",
            reason=reason,
            consent_given=True,
            sent_on=day,
            status=status,
            status_on=day if status == "sent" else answered,
            feedback="已接收并安排服务" if status == "feedback" else "",
            closes_case=closes,
        )

    def _assess(self, case: dict[str, Any], theme: Theme, intake: dt.date) -> dt.date:
        day = min(intake + dt.timedelta(days=self.rng.randint(1, 5)), self.today)
        self.row(
            CaseAssessment,
            case["worker_id"],
            case_id=case["id"],
            assessed_on=day,
            round=1,
            domains=theme.domains_json(),
            strengths=theme.strengths,
            needs=json.dumps(theme.needs, ensure_ascii=False),
            risk_level=case["risk_level"],
            risk_reason="",
        )
        self.event(case, "stage", rules.Stage.ASSESSMENT.value, day)
        return day

    def _plan(
        self, case: dict[str, Any], theme: Theme, kind: str, since: dt.date
    ) -> tuple[dt.date, list[dict[str, Any]]]:
        rng = self.rng
        made = min(since + dt.timedelta(days=rng.randint(2, 8)), self.today)
        status = {"plan_draft": "draft", "plan_submitted": "submitted"}.get(kind, "approved")
        reviewed = min(made + dt.timedelta(days=rng.randint(1, 4)), self.today)
        plan = self.row(
            CasePlan,
            case["worker_id"],
            # The timeline dates a plan by when it was written.
            created_at=at(made, 9),
            case_id=case["id"],
            overall_goal=theme.overall_goal,
            status=status,
            submitted_at=None if status == "draft" else at(made, 16),
            reviewed_by_id=self.head if status == "approved" else None,
            reviewed_at=at(reviewed) if status == "approved" else None,
            reviewed_on=reviewed if status == "approved" else None,
            review_comment="同意" if status == "approved" else "",
            review_due=made + dt.timedelta(days=90),
        )
        goals = [
            self.row(
                CaseGoal,
                case["worker_id"],
                plan_id=plan["id"],
                seq=seq,
                goal=goal,
                measures=measures,
                actions=actions,
                who=who,
                due_date=made + dt.timedelta(days=30 * seq),
                attainment="",
                pre_score="",
                post_score="",
            )
            for seq, (goal, measures, actions, who) in enumerate(theme.goals, 1)
        ]
        self.event(case, "stage", rules.Stage.PLAN.value, made)
        if status != "approved":
            return made, goals
        self.event(case, "stage", rules.Stage.INTERVENTION.value, reviewed)
        return reviewed, goals

    def _intervene(
        self,
        case: dict[str, Any],
        theme: Theme,
        kind: str,
        start: dt.date,
        goals: list[dict[str, Any]],
        interval: int,
    ) -> dt.date:
        rng = self.rng
        closing = kind in ("closed", "follow_up")
        room = (self.today - start).days
        if closing:
            end = start + dt.timedelta(days=max(7, int(room * rng.uniform(0.5, 0.85))))
        else:
            # Most open cases were contacted within their interval; some are overdue.
            late = rng.randint(0, min(interval + 3, max(room - 1, 0)))
            end = self.today - dt.timedelta(days=late)
        span = max((end - start).days, 1)
        # At most one contact every other day, however many the scale asks for.
        wanted = max(2, round(rng.gauss(self.scale.records, self.scale.records / 3)))
        count = min(wanted, max(span // 2, 1))
        # The last contact is on `end`, so the next-contact dates come out as intended.
        days = [*sorted(rng.sample(range(1, span), min(count - 1, span - 1))), span]
        last = start
        gap = dt.timedelta(days=interval)
        for offset in days:
            last = start + dt.timedelta(days=offset)
            self._record(case, theme, last, rng.choice(goals)["id"], gap)
        if chance(rng, 0.1):
            agency, reason = theme.referral
            self._referral(case, agency, reason, last, closes=False)
        if chance(rng, 0.1):
            self.row(
                CaseComment,
                self.supervisor,
                created_at=at(last, 15),
                case_id=case["id"],
                author_id=self.supervisor,
                body=rng.choice(COMMENTS),
            )
        if kind == "intervention":
            return last
        evaluated = min(last + dt.timedelta(days=rng.randint(1, 7)), self.today)
        self._evaluate(case, theme, evaluated, goals)
        if kind == "evaluation":
            return evaluated
        return self._close(case, theme, kind, evaluated)

    def _record(
        self, case: dict[str, Any], theme: Theme, day: dt.date, goal_id: int, gap: dt.timedelta
    ) -> None:
        """A service record on `day`, the next contact planned `gap` later."""
        rng = self.rng
        mode, place, content = rng.choice(self.contacts)
        self.row(
            ServiceRecord,
            case["worker_id"],
            case_id=case["id"],
            client_id=case["client_id"],
            worker_id=case["worker_id"],
            served_on=day,
            start_time=_TIMES[rng.choice(_HOURS), rng.choice(_MINUTES)],
            duration_min=rng.choice(MINUTES_BY_MODE[mode]),
            mode=mode,
            place=place,
            people_present=situations.people_present(self.client, rng),
            goal_id=goal_id,
            content=content,
            analysis=rng.choice(theme.analyses),
            next_step="按计划继续跟进",
            next_contact_date=day + gap,
        )

    def _evaluate(
        self, case: dict[str, Any], theme: Theme, day: dt.date, goals: list[dict[str, Any]]
    ) -> None:
        rng = self.rng
        for goal in goals:
            goal["attainment"] = pick(rng, {"met": 60, "partly": 30, "not_met": 10})
            goal["pre_score"], goal["post_score"] = str(rng.randint(2, 4)), str(rng.randint(5, 9))
        self.row(
            CaseEvaluation,
            case["worker_id"],
            case_id=case["id"],
            evaluated_on=day,
            change_summary=theme.change,
            satisfaction=pick(rng, {5: 55, 4: 35, 3: 10}),
        )
        self.event(case, "stage", rules.Stage.EVALUATION.value, day)

    def _close(self, case: dict[str, Any], theme: Theme, kind: str, evaluated: dt.date) -> dt.date:
        rng = self.rng
        submitted = min(evaluated + dt.timedelta(days=rng.randint(1, 5)), self.today)
        approved = min(submitted + dt.timedelta(days=rng.randint(1, 4)), self.today)
        reason = pick(rng, _CLOSURE_REASONS)
        follow_up = kind == "follow_up" or (kind == "closed" and chance(rng, 0.4))
        done = kind == "closed"
        until = approved + dt.timedelta(days=90) if follow_up else None
        status = "submitted" if kind == "closure_submitted" else "approved"
        self.row(
            CaseClosure,
            case["worker_id"],
            created_at=at(submitted, 16),
            case_id=case["id"],
            reason=reason,
            summary=_CLOSURE_SUMMARIES[reason].format(change=theme.change),
            follow_up_plan="结案后三个月内电话回访两次" if follow_up else "",
            follow_up_until=until,
            status=status,
            submitted_at=at(submitted, 16),
            reviewed_by_id=self.head if status == "approved" else None,
            reviewed_at=at(approved) if status == "approved" else None,
            reviewed_on=approved if status == "approved" else None,
            review_comment="",
        )
        if status == "submitted":
            return evaluated
        case["closed_on"] = approved
        case["closure_reason"] = reason
        last = approved
        if follow_up:
            # Follow-ups come a month apart after the closure, and only those due by today.
            wanted = 2 if done else rng.randint(0, 1)
            days = [approved + dt.timedelta(days=30 * (n + 1)) for n in range(wanted)]
            days = [d for d in days if d <= self.today]
            done = done and len(days) == wanted
            for n, day in enumerate(days):
                self.row(
                    CaseFollowUp,
                    case["worker_id"],
                    case_id=case["id"],
                    contacted_on=day,
                    mode="phone",
                    result=rng.choice(FOLLOW_UP_RESULTS),
                    plan_done=done and n == len(days) - 1,
                )
                last = day
        stage = rules.Stage.FOLLOW_UP if follow_up and not done else rules.Stage.CLOSURE
        case["next_contact_date"] = until if stage is rules.Stage.FOLLOW_UP else None
        self.event(case, "stage", stage.value, approved)
        return last
