"""Demo cases: every stage present, each case consistent with the stage machine, bulk ids."""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.demo.builder import DemoSummary, create_demo_database
from app.demo.cases import SCALES, fill_cases, station_clients
from app.domain.case_rules import LOCKED_STAGES, WORKING_STAGES, Stage
from app.services.access.auth import AuthService
from app.services.cases.reminders import ReminderKind, ReminderService
from app.services.cases.service import CaseService
from app.services.cases.types import CaseQuery, OpenCaseInput
from app.services.context import Actor
from app.store.engine import Database
from app.store.models import Case, CaseClosure, CasePlan, Consent, ServiceRecord

NUMBER = re.compile(r"^XS01-(\d{4})-(\d{4})$")
DemoDb = tuple[Database, Actor, DemoSummary]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> DemoDb:
    """One small demo station for the whole module: the fill takes about a second."""
    db = Database.open(tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    made = create_demo_database(db, seed=3)
    actor = AuthService(db).login(login=made.admin_login, password=made.admin_password)
    return db, actor, made.summary


def test_the_small_demo_has_cases_in_every_stage(demo_db: DemoDb) -> None:
    db, _actor, summary = demo_db
    with db.read() as session:
        stages = dict(session.execute(select(Case.stage, func.count()).group_by(Case.stage)).all())
        cases = sum(stages.values())
        paused = session.scalar(select(func.count()).where(Case.paused.is_(True)))
        plans = set(session.scalars(select(CasePlan.status)))
        closures = set(session.scalars(select(CaseClosure.status)))
        records = session.execute(select(func.count()).select_from(ServiceRecord)).scalar_one()
        with_records = session.execute(
            select(func.count(func.distinct(ServiceRecord.case_id)))
        ).scalar_one()
    assert set(stages) == {s.value for s in Stage}
    assert cases == round(summary.clients * SCALES["small"].share)
    assert paused
    assert {"draft", "submitted", "approved"} <= plans  # some plans await approval
    assert {"submitted", "approved"} <= closures  # and some closures
    assert 6 <= records / with_records <= 14


def test_every_demo_case_reads_back_and_obeys_the_rules(demo_db: DemoDb) -> None:
    db, actor, _summary = demo_db
    service = CaseService(db, actor)
    ids = service.search_ids(CaseQuery())
    seen: set[tuple[int, int]] = set()
    for case_id in ids:
        detail = service.get(case_id)
        match = NUMBER.match(detail.case_no)
        assert match, detail.case_no
        assert (int(match[1]), int(match[2])) not in seen
        seen.add((int(match[1]), int(match[2])))
        stage = Stage(detail.stage)
        assert detail.timeline and detail.timeline[0].on == detail.intake_date
        if stage in LOCKED_STAGES:
            assert detail.closed_on is not None
        if stage is Stage.CLOSURE:
            assert detail.next_contact_date is None
        if stage in WORKING_STAGES:
            assert detail.next_contact_date is not None
        if stage.order >= Stage.INTERVENTION.order and stage not in (
            Stage.DECLINED,
            Stage.REFERRED,
        ):
            assert any(p.status == "approved" for p in detail.plans)
            assert detail.records
        if stage in (Stage.CLOSURE, Stage.FOLLOW_UP):
            assert detail.evaluations and detail.closures[-1].status == "approved"
        assert all(r.served_on <= dt.date.today() for r in detail.records)


def test_new_cases_continue_the_demo_numbers(demo_db: DemoDb) -> None:
    db, actor, _summary = demo_db
    service = CaseService(db, actor)
    with db.read() as session:
        busy = set(
            session.scalars(
                select(Case.client_id).where(Case.stage.in_([s.value for s in WORKING_STAGES]))
            )
        )
        signed = set(session.scalars(select(Consent.client_id).where(Consent.item == "service")))
        # A client of the demo without a case who signed when registered, as many did.
        free = next(
            c for c in station_clients(session, actor.station_id) if c not in busy and c in signed
        )
        year = dt.date.today().year
        numbers = session.scalars(select(Case.case_no).where(Case.case_no.like(f"XS01-{year}-%")))
        last = max((int(n[-4:]) for n in numbers), default=0)
    saved = service.open_case(
        OpenCaseInput(client_id=free, intake_date=dt.date.today(), presenting_problem="新求助")
    )
    assert saved.case_no == f"XS01-{year}-{last + 1:04d}"


def test_reminders_find_work_in_the_demo(demo_db: DemoDb) -> None:
    db, actor, _summary = demo_db
    kinds = {r.kind for r in ReminderService(db, actor).todo()}
    assert {ReminderKind.PLAN_APPROVAL, ReminderKind.CLOSURE_APPROVAL} <= kinds


def test_no_workers_or_no_clients_means_no_cases(db: Database, admin: Actor) -> None:
    today = dt.date.today()
    with db.write() as session:
        assert (
            fill_cases(session, admin.station_id, [admin.user_id], [], random.Random(1), today)
            == {}
        )
        assert fill_cases(session, admin.station_id, [], [1], random.Random(1), today) == {}
        assert session.scalar(select(func.count()).select_from(Case)) == 0


def test_the_same_seed_gives_the_same_cases(tmp_path: Path) -> None:
    def cases_of(name: str) -> list[tuple[object, ...]]:
        db = Database.open(tmp_path / name)
        try:
            create_demo_database(db, seed=11)
            with db.read() as session:
                stmt = select(Case.case_no, Case.client_id, Case.stage, Case.next_contact_date)
                rows: list[tuple[object, ...]] = [
                    tuple(r) for r in session.execute(stmt.order_by(Case.id))
                ]
                rows.append((session.scalar(select(func.count()).select_from(ServiceRecord)),))
                return rows
        finally:
            db.dispose()

    first = cases_of("a.sqlite3")
    assert len(first) > 50
    assert first == cases_of("b.sqlite3")
