"""Retention: anonymise records whose keeping period has run out (到期数据).

Anonymising removes what identifies a person — names, ID numbers, phones, addresses and the
free-text narrative — and keeps every field a report counts (dates, categories, village,
status, stage, mode, duration, counts). A non-empty text becomes "已匿名" rather than empty,
so a figure that counts "has a value" (e.g. visits that found needs) stays the same too.
A client is due only when all their cases are due as well, so nobody loses the name of a
person they still serve.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, func, not_, or_, select
from sqlalchemy.orm import Session

from app.domain.errors import InvalidInput
from app.domain.roles import Permission
from app.services.access import audit, closed_reports
from app.services.access.refusals import logs_refusals
from app.services.access.retention_types import (
    ANONYMISED,
    ARCHIVED_CLIENT_YEARS_KEY,
    CLOSED_CASE_YEARS_KEY,
    VISIT_YEARS_KEY,
    Anonymised,
    DueKind,
    DueRow,
    DueSummary,
    RetentionPolicy,
)
from app.services.context import Actor, Changes
from app.store import search
from app.store import settings as settings_rows
from app.store.engine import Database
from app.store.models import (
    Case,
    CaseAssessment,
    CaseClosure,
    CaseComment,
    CaseEvaluation,
    CaseEvent,
    CaseFollowUp,
    CaseGoal,
    CasePlan,
    Client,
    Consent,
    GroupAttendance,
    GroupMember,
    Household,
    Referral,
    ServiceRecord,
    Village,
    Visit,
    WorkLogEntry,
)

ANONYMISED_EVENT = "anonymised"  # a case event marks a case whose narrative is gone
BATCH = 200
_KEYS = {
    "closed_case_years": CLOSED_CASE_YEARS_KEY,
    "archived_client_years": ARCHIVED_CLIENT_YEARS_KEY,
    "visit_years": VISIT_YEARS_KEY,
}
_VISIT_TEXT = ("people_met", "living_conditions", "safety", "needs_found", "policies_explained")
# Narrative columns of the case records, cleared per table.
_CASE_TEXT: dict[type[Any], tuple[str, ...]] = {
    CaseAssessment: ("strengths", "risk_reason"),
    CasePlan: ("overall_goal", "review_comment"),
    ServiceRecord: ("place", "people_present", "content", "analysis", "next_step"),
    Referral: ("contact", "reason", "feedback"),
    CaseEvaluation: ("change_summary",),
    CaseClosure: ("summary", "follow_up_plan", "review_comment"),
    CaseFollowUp: ("result",),
    CaseEvent: ("reason",),
    CaseComment: ("body",),
}

Progress = Callable[[int, int], None]
_MODELS: dict[DueKind, Any] = {DueKind.CASE: Case, DueKind.CLIENT: Client, DueKind.VISIT: Visit}


def _blank(value: str) -> str:
    return ANONYMISED if value else ""


def _blank_fields(row: Any, names: Sequence[str]) -> None:
    for name in names:
        setattr(row, name, _blank(getattr(row, name)))


def _blank_json(text: str) -> str:
    """Keep a JSON list's length and a mapping's keys (the ranked needs, assessed domains)."""
    try:
        value = json.loads(text or "null")
    except ValueError:
        return _blank(text)
    if isinstance(value, dict):
        return json.dumps({k: _blank(str(v)) for k, v in value.items()}, ensure_ascii=False)
    if isinstance(value, list):
        return json.dumps([_blank(str(v)) for v in value], ensure_ascii=False)
    return _blank(text)


def years_before(day: dt.date, years: int) -> dt.date:
    """The same calendar day `years` earlier (28 February for 29 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


@logs_refusals()
class RetentionService:
    def __init__(self, db: Database, actor: Actor, *, today: dt.date | None = None) -> None:
        self._db = db
        self._actor = actor
        self._today = today

    @property
    def today(self) -> dt.date:
        return self._today or self._db.clock.today()

    # ---- policy ----------------------------------------------------------------------

    def policy(self) -> RetentionPolicy:
        default = RetentionPolicy()
        values: dict[str, int] = {}
        with self._db.read() as session:
            stored = {
                field: settings_rows.read(session, key, None, station_id=self._actor.station_id)
                for field, key in _KEYS.items()
            }
        for field, found in stored.items():
            ok = isinstance(found, int) and not isinstance(found, bool) and found > 0
            values[field] = found if ok else getattr(default, field)
        return RetentionPolicy(**values)

    def set_policy(self, policy: RetentionPolicy) -> Changes:
        self._actor.require(Permission.MANAGE_SETTINGS)
        for field in _KEYS:
            if not 1 <= getattr(policy, field) <= 100:
                raise InvalidInput("保存年限须在1到100年之间。", field=field)
        actor = self._actor
        with self._db.write() as session:
            for field, key in _KEYS.items():
                value = getattr(policy, field)
                settings_rows.write(
                    session, key, value, station_id=actor.station_id, user_id=actor.user_id
                )
                audit.record(session, actor, "setting", entity="setting", key=key, value=value)
        return Changes.of("settings", "retention")

    # ---- what is due -----------------------------------------------------------------

    def cutoffs(self) -> dict[DueKind, dt.date]:
        """Records on or before these days are due (closed, archived, visited)."""
        p = self.policy()
        return {
            DueKind.CASE: years_before(self.today, p.closed_case_years),
            DueKind.CLIENT: years_before(self.today, p.archived_client_years),
            DueKind.VISIT: years_before(self.today, p.visit_years),
        }

    def summary(self) -> DueSummary:
        self._require()
        cutoffs = self.cutoffs()
        with self._db.read() as session:
            counts = {
                kind: session.scalar(
                    select(func.count()).select_from(self._due_query(kind, cutoffs).subquery())
                )
                or 0
                for kind in DueKind
            }
        return DueSummary(cutoffs, counts)

    def due_ids(self, kind: DueKind) -> list[int]:
        """Ids of the due records of one kind, oldest first (the list fetches rows lazily)."""
        self._require()
        with self._db.read() as session:
            return list(session.scalars(self._due_query(DueKind(kind), self.cutoffs())))

    def rows(self, kind: DueKind, ids: Sequence[int]) -> list[DueRow]:
        self._require()
        kind = DueKind(kind)
        with self._db.read() as session:
            if kind is DueKind.CASE:
                found = {
                    i: DueRow(kind, i, no, closed)
                    for i, no, closed in session.execute(
                        select(Case.id, Case.case_no, Case.closed_on).where(Case.id.in_(ids))
                    )
                    if closed is not None
                }
            elif kind is DueKind.CLIENT:
                found = {
                    i: DueRow(kind, i, name, at.date())
                    for i, name, at in session.execute(
                        select(Client.id, Client.name, Client.archived_at).where(Client.id.in_(ids))
                    )
                    if at is not None
                }
            else:
                found = {
                    i: DueRow(kind, i, village or "", day)
                    for i, day, village in session.execute(
                        select(Visit.id, Visit.visited_on, Village.name)
                        .outerjoin(Village, Village.id == Visit.village_id)
                        .where(Visit.id.in_(ids))
                    )
                }
        return [found[i] for i in ids if i in found]

    def _due_query(self, kind: DueKind, cutoffs: dict[DueKind, dt.date]) -> Any:
        station = self._actor.station_id
        if kind is DueKind.CASE:
            return (
                select(Case.id)
                .where(Case.station_id == station, self._case_due(cutoffs[DueKind.CASE]))
                .where(not_(self._case_anonymised()))
                .order_by(Case.closed_on, Case.id)
            )
        if kind is DueKind.CLIENT:
            undue_case = exists().where(
                Case.client_id == Client.id, not_(self._case_due(cutoffs[DueKind.CASE]))
            )
            archived_by = dt.datetime.combine(
                cutoffs[DueKind.CLIENT] + dt.timedelta(days=1), dt.time(), dt.UTC
            )
            return (
                select(Client.id)
                .where(
                    Client.station_id == station,
                    Client.anonymised_at.is_(None),
                    Client.status == "archived",
                    Client.archived_at < archived_by,
                    not_(undue_case),
                )
                .order_by(Client.archived_at, Client.id)
            )
        named = or_(*(and_(getattr(Visit, f) != "", getattr(Visit, f) != ANONYMISED)
                      for f in _VISIT_TEXT))  # fmt: skip
        return (
            select(Visit.id)
            .where(Visit.station_id == station, Visit.visited_on <= cutoffs[DueKind.VISIT], named)
            .order_by(Visit.visited_on, Visit.id)
        )

    @staticmethod
    def _case_due(cutoff: dt.date) -> ColumnElement[bool]:
        return and_(Case.closed_on.is_not(None), Case.closed_on <= cutoff)

    @staticmethod
    def _case_anonymised() -> ColumnElement[bool]:
        return exists().where(CaseEvent.case_id == Case.id, CaseEvent.kind == ANONYMISED_EVENT)

    # ---- anonymising -----------------------------------------------------------------

    def anonymise(
        self,
        kinds: Sequence[DueKind] = tuple(DueKind),
        *,
        progress: Progress | None = None,
        is_cancelled: Callable[[], bool] | None = None,
    ) -> Anonymised:
        """Anonymise everything due of `kinds`, in batches that each commit with an audit row.

        Clients go first: anonymising a client also anonymises their (due) cases.
        """
        self._require()
        cutoffs = self.cutoffs()
        order = [k for k in (DueKind.CLIENT, DueKind.CASE, DueKind.VISIT) if k in kinds]
        counts = dict.fromkeys(DueKind, 0)
        total = sum(self.summary().counts[k] for k in order)
        done = 0
        for kind in order:
            # Asked again per kind: a client's cases are already done when cases come.
            with self._db.read() as session:
                todo = list(session.scalars(self._due_query(kind, cutoffs)))
            for start in range(0, len(todo), BATCH):
                if is_cancelled is not None and is_cancelled():
                    return Anonymised(counts)
                with self._db.write() as session:
                    # Still due now? A case reopened since the list was read is left alone.
                    model = _MODELS[kind]
                    due_now = self._due_query(kind, cutoffs).where(
                        model.id.in_(todo[start : start + BATCH])
                    )
                    batch = list(session.scalars(due_now))
                    if not batch:
                        continue
                    extra = self._anonymise_batch(session, kind, batch)
                    audit.record(
                        session, self._actor, "anonymise", entity=kind.value,
                        count=len(batch), cases=extra, cutoff=cutoffs[kind],
                    )  # fmt: skip
                counts[kind] += len(batch)
                counts[DueKind.CASE] += extra
                done += len(batch) + extra
                if progress is not None:
                    progress(min(done, total), total)
        return Anonymised(counts)

    def _anonymise_batch(self, session: Session, kind: DueKind, ids: list[int]) -> int:
        """Anonymise one batch; returns how many cases were anonymised along with clients."""
        if kind is DueKind.VISIT:
            for visit in session.scalars(select(Visit).where(Visit.id.in_(ids))):
                _blank_fields(visit, _VISIT_TEXT)
                visit.updated_by_id = self._actor.user_id
            self._blank_work_log(session, "visits", ids)
            audit.forget(session, "visit", ids)
            return 0
        if kind is DueKind.CASE:
            self._anonymise_cases(session, ids)
            return 0
        case_ids = list(
            session.scalars(
                select(Case.id).where(Case.client_id.in_(ids), not_(self._case_anonymised()))
            )
        )
        self._anonymise_cases(session, case_ids)
        needles: set[str] = set()
        for client in session.scalars(select(Client).where(Client.id.in_(ids))):
            # A one-character name would match too much; what it names is cleared by id.
            needles.update(
                v for v in (client.name, client.id_number, client.phone) if v and len(v) > 1
            )
            self._anonymise_client(session, client)
        audit.forget(session, "client", ids, needles=needles)
        closed_reports.forget(session, self._actor.station_id, needles)
        return len(case_ids)

    def _anonymise_client(self, session: Session, client: Client) -> None:
        client.name = ANONYMISED
        client.id_number = None
        client.phone = client.address = client.notes = ""
        client.guardian_name = client.guardian_relation = client.guardian_phone = ""
        client.archive_reason = _blank(client.archive_reason)
        client.anonymised_at = self._db.clock.now()
        client.updated_by_id = self._actor.user_id
        for household in session.scalars(
            select(Household).where(Household.head_client_id == client.id)
        ):
            household.head_name = _blank(household.head_name)
            household.address = household.notes = ""
        for consent in session.scalars(select(Consent).where(Consent.client_id == client.id)):
            consent.signer_name = ANONYMISED
        for referral in session.scalars(select(Referral).where(Referral.client_id == client.id)):
            _blank_fields(referral, _CASE_TEXT[Referral])
        memberships = select(GroupMember.id).where(GroupMember.client_id == client.id)
        for seen in session.scalars(
            select(GroupAttendance).where(GroupAttendance.member_id.in_(memberships))
        ):
            seen.observation = _blank(seen.observation)
        search.remove_client(session, client.id)

    def _anonymise_cases(self, session: Session, case_ids: list[int]) -> None:
        if not case_ids:
            return
        for case in session.scalars(select(Case).where(Case.id.in_(case_ids))):
            _blank_fields(case, ("referrer", "presenting_problem", "decision_reason"))
            case.updated_by_id = self._actor.user_id
            session.add(
                CaseEvent(
                    station_id=case.station_id,
                    case_id=case.id,
                    kind=ANONYMISED_EVENT,
                    happened_on=self.today,
                    created_by_id=self._actor.user_id,
                    updated_by_id=self._actor.user_id,
                )
            )
        audit.forget(session, "case", case_ids)
        for model, names in _CASE_TEXT.items():
            for row in session.scalars(select(model).where(model.case_id.in_(case_ids))):
                _blank_fields(row, names)
        for a in session.scalars(
            select(CaseAssessment).where(CaseAssessment.case_id.in_(case_ids))
        ):
            a.domains, a.needs = _blank_json(a.domains), _blank_json(a.needs)
        record_ids = select(ServiceRecord.id).where(ServiceRecord.case_id.in_(case_ids))
        self._blank_work_log(session, "service_records", list(session.scalars(record_ids)))
        plan_ids = select(CasePlan.id).where(CasePlan.case_id.in_(case_ids))
        for goal in session.scalars(select(CaseGoal).where(CaseGoal.plan_id.in_(plan_ids))):
            _blank_fields(goal, ("goal", "measures", "actions", "who"))
        session.flush()

    @staticmethod
    def _blank_work_log(session: Session, source_table: str, ids: list[int]) -> None:
        """Work-log lines filled in from these records quote their text; minutes stay."""
        if not ids:
            return
        for entry in session.scalars(
            select(WorkLogEntry).where(
                WorkLogEntry.source_table == source_table, WorkLogEntry.source_id.in_(ids)
            )
        ):
            entry.description = _blank(entry.description)

    def _require(self) -> None:
        """Listing and anonymising are the station head's (and the administrator's) work."""
        self._actor.require(Permission.APPROVE)
