"""五社联动 in the monthly report: the month's activities, referrals and linked resources by
the party of their partners, and the month's referrals by department with their outcome.

A partner's party and department are read as they were on the event's day (dated
history, subject "partner"), as every figure is. A record whose text no one has matched
to the directory counts under 未关联合作方, so the lines add up to what was recorded.
An activity with partners of two parties counts once under each.

A referral's outcome is taken at the month's end: 已反馈 and 未接收 when that status was
reached by then (a referral's statuses only move forward, so the latest status and its
day tell), 待反馈 otherwise; the days to answer run from 转出 to 反馈.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.case_rules import ReferralStatus
from app.domain.partners import (
    NO_PARTY_LABEL,
    NOT_GOVERNMENT_LABEL,
    UNLINKED_LABEL,
    Department,
    Party,
)
from app.exports.report_model import DepartmentLine, Partnership, PartyLine
from app.services import history
from app.store.models import Activity, ActivityPartner, Partner, Referral, Resource

from .scope import own

NO_PARTY = ""
UNLINKED = "unlinked"
_ROWS = (*(p.value for p in Party), NO_PARTY, UNLINKED)


def _dated(field: str, day: Any) -> Any:
    current = Partner.party if field == "party" else Partner.department
    return history.in_force("partner", field, Partner.id, day, current)


def section(
    session: Session, station_id: int, first: dt.date, last: dt.date, worker_id: int | None
) -> Partnership:
    activities: dict[str, set[int]] = defaultdict(set)
    stmt = (
        select(Activity.id, ActivityPartner.partner_id, _dated("party", Activity.held_on))
        .join(ActivityPartner, ActivityPartner.activity_id == Activity.id)
        .outerjoin(Partner, Partner.id == ActivityPartner.partner_id)
        .where(
            Activity.station_id == station_id,
            Activity.held_on.between(first, last),
            *own(Activity, worker_id),
        )
    )
    for activity_id, partner_id, party in session.execute(stmt).all():
        activities[_row(partner_id, party)].add(activity_id)

    referrals: dict[str, int] = defaultdict(int)
    departments: dict[str, list[tuple[str, dt.date | None, dt.date]]] = defaultdict(list)
    stmt = (
        select(
            Referral.partner_id,
            _dated("party", Referral.sent_on),
            _dated("department", Referral.sent_on),
            Referral.status,
            Referral.status_on,
            Referral.sent_on,
        )
        .outerjoin(Partner, Partner.id == Referral.partner_id)
        .where(
            Referral.station_id == station_id,
            Referral.sent_on.between(first, last),
            *own(Referral, worker_id),
        )
    )
    for partner_id, party, department, status, status_on, sent_on in session.execute(stmt).all():
        referrals[_row(partner_id, party)] += 1
        if partner_id is None:
            key = UNLINKED_LABEL
        elif department in Department._value2member_map_:
            key = Department(department).label
        else:
            key = NOT_GOVERNMENT_LABEL
        departments[key].append((status, status_on, sent_on))

    resources: dict[str, list[Decimal]] = defaultdict(list)
    stmt = (
        select(Resource.partner_id, _dated("party", Resource.received_on), Resource.value_yuan)
        .outerjoin(Partner, Partner.id == Resource.partner_id)
        .where(
            Resource.station_id == station_id,
            Resource.received_on.between(first, last),
            *own(Resource, worker_id),
        )
    )
    for partner_id, party, yuan in session.execute(stmt).all():
        resources[_row(partner_id, party)].append(Decimal(yuan or 0))

    parties = tuple(
        PartyLine(
            party=_label(row),
            activities=len(activities[row]),
            referrals=referrals[row],
            resources=len(resources[row]),
            resource_yuan=sum(resources[row], Decimal(0)).quantize(Decimal("0.01")),
        )
        for row in _ROWS
    )
    return Partnership(parties, _departments(departments, last))


def _row(partner_id: int | None, party: str) -> str:
    if partner_id is None:
        return UNLINKED
    return party if party in Party._value2member_map_ else NO_PARTY


def _label(row: str) -> str:
    if row == UNLINKED:
        return UNLINKED_LABEL
    return Party(row).label if row else NO_PARTY_LABEL


def _departments(
    found: dict[str, list[tuple[str, dt.date | None, dt.date]]], last: dt.date
) -> tuple[DepartmentLine, ...]:
    """Departments in their list's order, then partners outside government, then text."""
    order = [d.label for d in Department] + [NOT_GOVERNMENT_LABEL, UNLINKED_LABEL]
    lines = []
    for key in sorted(found, key=order.index):
        answered: list[int] = []
        rejected = 0
        for status, status_on, sent_on in found[key]:
            by_then = status_on is not None and status_on <= last
            if status == ReferralStatus.FEEDBACK and by_then and status_on is not None:
                answered.append((status_on - sent_on).days)
            elif status == ReferralStatus.REJECTED and by_then:
                rejected += 1
        total = len(found[key])
        average = (
            (Decimal(sum(answered)) / len(answered)).quantize(Decimal("0.1")) if answered else None
        )
        lines.append(
            DepartmentLine(
                department=key,
                referrals=total,
                feedback=len(answered),
                rejected=rejected,
                waiting=total - len(answered) - rejected,
                average_days=average,
            )
        )
    return tuple(lines)
