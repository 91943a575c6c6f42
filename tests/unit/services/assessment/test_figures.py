"""A worker's assessment figures against assessment_records.py, worked out by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.domain.assessment import parse_period
from app.services.assessment.service import AssessmentService
from app.services.assessment.types import Scheme
from app.services.context import Actor
from app.store.engine import Database
from tests.unit.services.assessment.assessment_records import TODAY, Built, build

Q3 = parse_period("2026Q3")


@pytest.fixture
def built(db: Database, admin: Actor) -> Built:
    return build(db, admin)


def test_the_worker_who_handed_a_case_over_keeps_what_came_before(
    db: Database, admin: Actor, built: Built
) -> None:
    f = AssessmentService(db, admin, today=TODAY).view(built.a.user_id, Q3).sheet.figures
    # Open on 30 September and A's that day: K1, K7, K8 (K2 is B's, K3 closed).
    assert f.cases_open == 3
    # Open in the quarter and A's some day of it: K1, K2 (till 16 August), K3, K7, K8.
    assert f.cases_handled == 5
    # 5 July (K1), 10 August (K2, still A's), 5 September (K3): 60 + 90 + 120 minutes.
    assert (f.service_records, f.service_hours) == (3, Decimal("4.50"))
    assert (f.groups_led, f.group_sessions) == (2, 3)
    assert (f.activities, f.visits) == (1, 2)
    assert (f.supervision_hours, f.training_hours) == (Decimal("2.00"), Decimal("6.50"))
    # December's 10 hours count for the registration period (2025–2027), October's not.
    assert f.registration_hours == Decimal("18.50")
    assert f.registration_target == 72
    # 72 × 638 days passed ÷ 1,095 days of the period.
    assert f.expected_hours == Decimal("42.0")
    # Ten records typed in by A dated in the quarter; 5 September's service record and 15
    # September's visit were typed 15 days later (7 days later is not late).
    assert (f.records, f.records_late, f.late_share) == (10, 2, Decimal("20.0"))
    # c1 signed; c6 never did; c7 withdrew on 20 September.
    assert (f.consent_clients, f.consent_valid, f.consent_share) == (3, 1, Decimal("33.3"))


def test_the_worker_who_took_the_case_over_counts_from_the_hand_over(
    db: Database, admin: Actor, built: Built
) -> None:
    f = AssessmentService(db, admin, today=TODAY).view(built.b.user_id, Q3).sheet.figures
    assert (f.cases_open, f.cases_handled) == (1, 1)
    # 20 August (B's own) and 1 September (typed in by the head, B responsible that day).
    assert (f.service_records, f.service_hours) == (2, Decimal("1.50"))
    assert (f.groups_led, f.group_sessions, f.activities, f.visits) == (1, 1, 0, 0)
    assert (f.supervision_hours, f.training_hours) == (Decimal("2.00"), Decimal("0.00"))
    assert f.registration_target == 0 and f.expected_hours is None
    assert (f.records, f.records_late, f.late_share) == (2, 0, Decimal("0.0"))
    assert (f.consent_clients, f.consent_valid, f.consent_share) == (1, 0, Decimal("0.0"))


def test_a_month_counts_only_its_days(db: Database, admin: Actor, built: Built) -> None:
    service = AssessmentService(db, admin, today=TODAY)
    august = service.view(built.a.user_id, parse_period("2026-08")).sheet.figures
    # Open on 31 August and A's: K1, K3 (closed in September), K8 (K2 went on the 16th);
    # handled: those and K2.
    assert (august.cases_open, august.cases_handled) == (3, 4)
    assert (august.service_records, august.service_hours) == (1, Decimal("1.50"))
    assert (august.groups_led, august.group_sessions, august.activities) == (1, 1, 1)
    # 10 August's record (a day late), 15 August's session, 1 August's activity.
    assert (august.records, august.records_late) == (3, 0)


def test_a_period_not_over_is_counted_to_today(db: Database, admin: Actor, built: Built) -> None:
    f = AssessmentService(db, admin, today=TODAY).view(built.a.user_id, parse_period("2026")).sheet
    assert f.figures.as_of == TODAY
    # K5 opened on 5 October is open now; October's training counts.
    assert f.figures.cases_open == 4
    assert f.figures.training_hours == Decimal("9.50")


def test_late_is_a_setting(db: Database, admin: Actor, built: Built) -> None:
    service = AssessmentService(db, admin, today=TODAY)
    scheme = service.scheme()
    assert scheme.late_days == 7
    service.set_scheme(Scheme(scheme.items, scheme.scale, late_days=0))
    f = service.view(built.a.user_id, Q3).sheet.figures
    # Entered a day or more after the event: 10 August's record and both visits too.
    assert (f.records_late, f.late_days) == (4, 0)
