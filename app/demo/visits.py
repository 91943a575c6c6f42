"""Demo home visits: households (or people without one) of the station's villages.

Vulnerable households are visited more often, mostly by their responsible worker. Some
cases found through outreach begin with a visit whose result is 开案; those visits are
dated just before the intake and linked from the case (Case.visit_id).
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from typing import cast

from sqlalchemy import Table, bindparam, update
from sqlalchemy.orm import Session

from app.demo.bulk import BulkRows, DemoCase, DemoClient, Scene
from app.demo.people import chance, pick
from app.demo.visit_texts import PEOPLE_MET, PROFILES, VISIT_TYPES
from app.store.models import Case, Visit, VisitClient

MODELS = (Visit, VisitClient)
_VULNERABLE = frozenset(
    {"tekun_scattered", "dibao_rural", "dibao_urban", "living_alone_elder", "left_behind_child",
     "disabled_elder", "orphan", "de_facto_orphan", "child_in_difficulty"}
)  # fmt: skip


def _profile(members: list[DemoClient]) -> str:
    if any(m.child for m in members):
        return "child"
    if any(m.disabled for m in members):
        return "disabled"
    return "elder" if any(m.elderly for m in members) else "general"


def _weight(members: list[DemoClient]) -> float:
    weight = 1.0
    if any(m.categories & _VULNERABLE for m in members):
        weight += 2
    if any(m.risk == "high" for m in members):
        weight += 2
    return weight


class _Visits:
    def __init__(self, rows: BulkRows, scene: Scene, rng: random.Random) -> None:
        self.rows, self.scene, self.rng = rows, scene, rng
        units: list[tuple[int | None, list[DemoClient]]] = list(scene.households.items())
        units += [(None, [c]) for c in scene.clients if c.household_id is None]
        self.units = units
        # Cumulative once: rng.choices would otherwise add up every weight on each visit.
        self.cumulative = list(itertools.accumulate(_weight(members) for _, members in units))

    def add(
        self,
        household: int | None,
        members: list[DemoClient],
        day: dt.date,
        worker: int,
        *,
        kind: str,
        result: str,
    ) -> int:
        rng = self.rng
        profile = _profile(members)
        conditions, safety, needs, policies = PROFILES[profile]
        found = [n for n in needs if chance(rng, 0.12)] if result != "open_case" else [needs[0]]
        if result == "none" and found and chance(rng, 0.5):
            result = "follow"
        if profile == "child":  # the child is named, the carer met besides
            child = min(members, key=lambda m: m.age)
            carers = [m for m in members if m is not child]
            met = [child, *rng.sample(carers, min(len(carers), 1))]
        else:
            met = rng.sample(members, min(len(members), rng.randint(1, 3)))
        visit = self.rows.row(
            Visit,
            worker,
            visited_on=day,
            worker_id=worker,
            household_id=household,
            village_id=members[0].village_id,
            visit_type=kind,
            people_met=rng.choice(PEOPLE_MET[profile]).format(name=met[0].name),
            duration_min=rng.choice((20, 30, 30, 40, 45, 60)),
            living_conditions=rng.choice(conditions),
            safety=rng.choice(safety),
            needs_found="；".join(found),
            new_need_count=len(found),
            policies_explained="、".join(rng.sample(policies, rng.randint(1, 2))),
            result=result,
        )
        for client in met:
            self.rows.row(VisitClient, worker, visit_id=visit["id"], client_id=client.id)
        return int(visit["id"])

    def routine(self) -> None:
        rng, scene = self.rng, self.scene
        household, members = rng.choices(self.units, cum_weights=self.cumulative)[0]
        responsible = members[0].worker_id
        worker = (
            responsible
            if responsible in scene.workers and chance(rng, 0.8)
            else rng.choice(scene.workers)
        )
        kind = pick(rng, VISIT_TYPES)
        result = pick(rng, {"none": 86, "follow": 11, "refer": 3})
        self.add(household, members, scene.weekday(rng), worker, kind=kind, result=result)


def fill_visits(
    rows: BulkRows, scene: Scene, rng: random.Random, count: int
) -> list[tuple[int, int]]:
    """Add about `count` visits; returns (case id, visit id) for the cases a visit opened."""
    if not scene.workers or not scene.clients:
        return []
    visits = _Visits(rows, scene, rng)
    clients = {c.id: c for c in scene.clients}
    opened = []
    for case in scene.cases:
        if _opened_by_visit(case, scene) and chance(rng, 0.5):
            client = clients.get(case.client_id)
            if client is None:
                continue
            household = client.household_id
            members = scene.households.get(household, [client]) if household else [client]
            day = max(case.intake - dt.timedelta(days=rng.randint(0, 3)), scene.first_day)
            visit = visits.add(
                household, members, day, case.worker_id, kind="routine", result="open_case"
            )
            opened.append((case.id, visit))
    for _ in range(max(count - len(opened), 0)):
        visits.routine()
    return opened


def _opened_by_visit(case: DemoCase, scene: Scene) -> bool:
    return (
        case.source == "outreach"
        and case.stage != "declined"
        and case.intake >= scene.first_day
        and case.worker_id in scene.workers
    )


def link_cases(session: Session, opened: list[tuple[int, int]]) -> None:
    """Point each case a visit opened at that visit, once the visits are written."""
    cases = cast(Table, Case.__table__)
    if opened:
        session.execute(
            update(cases)
            .where(cases.c.id == bindparam("case_id"))
            .values(visit_id=bindparam("visit_id")),
            [{"case_id": c, "visit_id": v} for c, v in opened],
        )
