"""Demo home visits: households (or people without one) of the station's villages.

Vulnerable households are visited more often, mostly by their responsible worker. Some
cases found through outreach begin with a visit whose result is 开案; those visits are
dated just before the intake and linked from the case (Case.visit_id).
"""

from __future__ import annotations

import datetime as dt
import random
from typing import cast

from sqlalchemy import Table, bindparam, update
from sqlalchemy.orm import Session

from app.demo import data
from app.demo.bulk import BulkRows, DemoCase, DemoClient, Scene
from app.demo.households import DAUGHTER, GRANDCHILD, HEAD, SON, SPOUSE
from app.demo.people import MALE, Weights, chance, pick
from app.demo.situations import needs_care, spouse_of
from app.demo.visit_texts import PEOPLE_MET, PROFILES, SIZES, VISIT_TYPES, Lines
from app.store.models import Case, Visit, VisitClient

MODELS = (Visit, VisitClient)
_KINDS = Weights(VISIT_TYPES)
_RESULTS = Weights({"none": 86, "follow": 11, "refer": 3})
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


def _tags(members: list[DemoClient]) -> set[str]:
    """The facts of a household its visit lines may need (see visit_texts)."""
    size = len(members)
    relations = {m.relation for m in members}
    types = {(m.disability_type, m.disability_grade) for m in members if m.disability_type}
    kinds = {kind for kind, _grade in types}
    alone = size == 1 and members[0].living == "alone"
    facts = {
        "alone_able": alone and members[0].self_care != "none",
        "alone_frail": alone and members[0].self_care in ("none", "partial"),
        "institution": any(m.living == "institution" for m in members),
        "couple": {HEAD, SPOUSE} <= relations,
        "oldest": any(m.age >= 80 for m in members),
        "grandchildren": GRANDCHILD in relations and bool(relations & {HEAD, SPOUSE}),
        "left_behind": any(data.LEFT_BEHIND_CHILD in m.categories for m in members)
        and bool(relations & {HEAD, SPOUSE}),
        "kin_raised": HEAD not in relations and any(m.guardian_relation for m in members),
        "parents": HEAD in relations and any(m.child and m.relation in (SON, DAUGHTER)
                                             for m in members),
        "school": any(6 <= m.age <= 15 for m in members),
        "wheel": ("4", "1") in types or ("4", "2") in types,
        "walk": ("4", "3") in types or ("4", "4") in types,
        "mental": "6" in kinds, "intellect": "5" in kinds, "sight": "1" in kinds,
        "hearing": bool(kinds & {"2", "3"}), "multiple": "7" in kinds,
        "dibao": any(m.categories & {data.DIBAO_RURAL, data.DIBAO_URBAN} for m in members),
        "carer": size > 1 and any(needs_care(m) for m in members),
        "family": size > 1, "single": size == 1,
    }  # fmt: skip
    tags = {tag for tag, holds in facts.items() if holds}
    return tags | ({""} if "institution" in tags else {"", "home"})


def _line(rng: random.Random, lines: Lines, tags: set[str]) -> str:
    return rng.choice([text for tag, text in lines if tag in tags])


def _named(profile: str, members: list[DemoClient], rng: random.Random) -> DemoClient:
    """Who the visit is written about: the child, the eldest, the disabled member…"""
    if profile == "child":
        return min((m for m in members if m.child), key=lambda m: m.age)
    if profile == "elder":
        return max(members, key=lambda m: m.age)
    if profile == "disabled":
        return next(m for m in members if m.disabled)
    return next((m for m in members if m.relation == HEAD), rng.choice(members))


def _carer(child: DemoClient, carer: DemoClient | None) -> str:
    """What the child's carer met on the visit is called (祖母, 父亲…)."""
    if carer is None:
        return child.guardian_relation or "监护人"
    if child.relation == GRANDCHILD:
        return "祖父" if carer.sex == MALE else "祖母"
    return "父亲" if carer.sex == MALE else "母亲"


def _words(members: list[DemoClient]) -> dict[str, str]:
    grand = [m for m in members if m.relation in (HEAD, SPOUSE)]
    if len(grand) > 1:
        grandparents = "祖父母"
    else:
        grandparents = "祖父" if grand and grand[0].sex == MALE else "祖母"
    head = next((m for m in members if m.relation == HEAD), members[0])
    if spouse_of(head, members) is not None:
        parents = "夫妻务农兼打零工"
    else:
        parents = ("父亲" if head.sex == MALE else "母亲") + "一人打零工养家"
    guardian = next((m.guardian_relation for m in members if m.guardian_relation), "亲属")
    return {
        "n": SIZES.get(len(members), "几"),
        "grand": grandparents,
        "parents": parents,
        "guardian": guardian,
    }


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
        self.tags = {h: _tags(members) for h, members in scene.households.items()}
        self.words = {h: _words(members) for h, members in scene.households.items()}
        # Added up once (by index: a unit holds a list), drawn as rng.choices would draw it.
        self.weights = Weights({i: _weight(members) for i, (_, members) in enumerate(units)})

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
        tags = self.tags.get(household) if household is not None else None
        if tags is None:
            tags = _tags(members)
        conditions, safety, needs, policies = PROFILES[profile]
        wanted = [text for tag, text in needs if tag in tags]
        found = [n for n in wanted if chance(rng, 0.12)] if result != "open_case" else wanted[:1]
        if result == "none" and found and chance(rng, 0.5):
            result = "follow"
        named = _named(profile, members, rng)
        spouse = spouse_of(named, members)
        # The person named, and who else the worker met: a child's carer, an elder's 老伴.
        if profile == "child":
            carers = [m for m in members if m.relation in (HEAD, SPOUSE) and not m.child]
            carer = rng.choice(carers) if carers else None
            met = [named] + ([carer] if carer else [])
            phrase = "{name}及其" + _carer(named, carer)
        else:
            own = tags | ({"spouse"} if spouse else set())
            phrase = _line(rng, PEOPLE_MET[profile], own)
            others = [m for m in members if m is not named]
            if "老伴" in phrase or "夫妇" in phrase:
                met = [named, spouse] if spouse else [named]
            elif "本人" in phrase:
                met = [named]
            else:
                met = [named, *rng.sample(others, min(len(others), rng.randint(0, 2)))]
        words = self.words.get(household) if household is not None else None
        if words is None:
            words = _words(members)
        visit = self.rows.row(
            Visit,
            worker,
            visited_on=day,
            worker_id=worker,
            household_id=household,
            village_id=members[0].village_id,
            visit_type=kind,
            people_met=phrase.format(name=named.name),
            duration_min=rng.choice((20, 30, 30, 40, 45, 60)),
            living_conditions=_line(rng, conditions, tags).format_map(words),
            safety=_line(rng, safety, tags),
            needs_found="；".join(found),
            new_need_count=len(found),
            policies_explained="、".join(rng.sample(policies, rng.randint(1, 2))),
            result=result,
        )
        for client in met:
            if client is not None:
                self.rows.row(VisitClient, worker, visit_id=visit["id"], client_id=client.id)
        return int(visit["id"])

    def routine(self) -> None:
        rng, scene = self.rng, self.scene
        household, members = self.units[self.weights.draw(rng)]
        responsible = members[0].worker_id
        worker = (
            responsible
            if responsible in scene.workers and chance(rng, 0.8)
            else rng.choice(scene.workers)
        )
        kind = pick(rng, _KINDS)
        result = pick(rng, _RESULTS)
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
