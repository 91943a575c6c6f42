"""Demo group work: groups with facilitators, members, weekly sessions and attendance.

Most groups have ended (all sessions held, pre/post scores and satisfaction filled in),
some are running (sessions up to today), a few are still recruiting. Members come from
the group's village first; attendance only ever names a member of the same group who had
joined and not yet left.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from app.demo import data
from app.demo.bulk import BulkRows, DemoClient, Scene
from app.demo.group_texts import (
    ATTAINMENT,
    DYNAMICS,
    LEFT_EARLY,
    LEFT_EARLY_CHILD,
    LEFT_EARLY_PARENT,
    OBSERVATIONS,
    PLACES,
    REFLECTIONS,
    SUMMARY,
    THEMES,
    GroupTheme,
)
from app.demo.people import Weights, chance, pick
from app.demo.situations import minors_in_care, needs_care
from app.store.models import Group, GroupAttendance, GroupFacilitator, GroupMember, GroupSession

MODELS = (Group, GroupFacilitator, GroupMember, GroupSession, GroupAttendance)
ATTENDANCE = Weights({"present": 85, "absent": 11, "left": 4})
_LONELY = frozenset({data.LIVING_ALONE_ELDER, data.EMPTY_NEST_ELDER})


def _fits(theme: GroupTheme, client: DemoClient, scene: Scene) -> bool:
    """Whether the client is one of those the group recruits (its recruitment criteria)."""
    if theme.members == "elder":
        return client.elderly
    if theme.members == "lonely":
        return bool(client.categories & _LONELY)
    if theme.members == "left_behind":
        return data.LEFT_BEHIND_CHILD in client.categories and 6 <= client.age <= 14
    if theme.members == "pupil":
        return 6 <= client.age <= 12
    if theme.members == "disabled":
        return client.disabled and client.age >= 16
    # A family carer: able-bodied, and someone at home needs looking after.
    return (
        not client.child
        and not client.disabled
        and client.self_care in ("", "full")
        and any(m is not client and needs_care(m) for m in scene.members(client))
    )


def _left_early(client: DemoClient, scene: Scene, rng: random.Random) -> str:
    if client.child:
        return LEFT_EARLY_CHILD
    if not client.elderly and minors_in_care(client, scene.members(client)) and chance(rng, 0.4):
        return LEFT_EARLY_PARENT
    return rng.choice(LEFT_EARLY)


def fill_groups(rows: BulkRows, scene: Scene, rng: random.Random, count: int) -> None:
    """Add `count` groups of the station; rows stay pending in `rows`."""
    if not scene.workers or not scene.villages:
        return
    recruits: dict[str, list[DemoClient]] = {}
    for _ in range(count):
        _group(rows, scene, rng, recruits)


def _recruits(
    theme: GroupTheme, scene: Scene, found: dict[str, list[DemoClient]]
) -> list[DemoClient]:
    """The station's clients the theme recruits, in the scene's order (worked out once)."""
    if theme.members not in found:
        found[theme.members] = [c for c in scene.clients if _fits(theme, c, scene)]
    return found[theme.members]


def _group(
    rows: BulkRows, scene: Scene, rng: random.Random, recruits: dict[str, list[DemoClient]]
) -> None:
    theme = rng.choice(THEMES)
    village_id, village = rng.choice(scene.villages)
    fitting = _recruits(theme, scene, recruits)
    nearby = [c for c in fitting if c.village_id == village_id]
    others = [c for c in fitting if c.village_id != village_id]
    size = rng.randint(6, 12)
    members = rng.sample(nearby, min(size, len(nearby)))
    members += rng.sample(others, min(size - len(members), len(others)))
    if len(members) < 4:
        return
    planned = rng.choice((6, 8, 10, 10, 12))
    status = pick(rng, {"ended": 75, "running": 17, "planning": 8})
    weeks = planned if status == "ended" else rng.randint(1, planned - 1)
    latest = scene.today - dt.timedelta(days=7 * weeks + (21 if status == "ended" else 0))
    if status == "planning":
        start = None
    else:
        wanted = 5 if theme.weekend else rng.randint(0, 4)  # children meet on Saturdays
        if status == "running":
            # A running group held its last session within the past week.
            last = scene.today - dt.timedelta(days=(scene.today.weekday() - wanted) % 7)
            start = last - dt.timedelta(days=7 * (weeks - 1))
        else:
            start = scene.first_day + dt.timedelta(
                days=rng.randint(0, max((latest - scene.first_day).days, 0))
            )
            start += dt.timedelta(days=(wanted - start.weekday()) % 7)
    lead = rng.choice(scene.workers)
    held = [] if start is None else [start + dt.timedelta(days=7 * n) for n in range(weeks)]
    held = [d for d in held if d <= scene.today]
    ended = status == "ended"
    group = rows.row(
        Group,
        lead,
        name=f"{village}{theme.name}",
        group_type=theme.group_type,
        target_people=theme.target_people,
        goals=theme.goals,
        theory_basis=theme.theory_basis,
        planned_sessions=planned,
        start_date=start,
        end_date=held[-1] if ended and held else None,
        place=f"{village}{rng.choice(PLACES)}",
        budget=Decimal(rng.choice((800, 1000, 1500, 2000, 3000))),
        recruitment_criteria=theme.recruitment,
        evaluation_method=theme.evaluation,
        status=status,
        village_id=village_id,
        scale_name=theme.scale_name,
        satisfaction=Decimal(f"{rng.uniform(4.2, 4.9):.2f}") if ended else None,
        goal_attainment=rng.choice(ATTAINMENT) if ended else "",
        summary=rng.choice(SUMMARY).format(n=len(held)) if ended else "",
    )
    facilitators = [lead]
    rows.row(GroupFacilitator, lead, group_id=group["id"], user_id=lead, role="lead")
    if len(scene.workers) > 1 and chance(rng, 0.5):
        co = rng.choice([w for w in scene.workers if w != lead])
        facilitators.append(co)
        rows.row(GroupFacilitator, lead, group_id=group["id"], user_id=co, role="co")
    recruited = (start or scene.today) - dt.timedelta(days=rng.randint(3, 14))
    recruited = max(min(recruited, scene.today), scene.first_day)
    member_rows = []
    for client in members:
        joined = recruited
        if held and len(held) > 2 and chance(rng, 0.08):
            joined = held[1]  # joined at the second session
        left = None
        if len(held) > 3 and chance(rng, 0.06):
            left = rng.choice(held[2:])
        low, high, lower_better = theme.scale
        pre = rng.randint(low + (high - low) // 4, high - (high - low) // 4)
        gain = rng.randint(0, max(1, (high - low) // 6))
        post = pre - gain if lower_better else pre + gain
        finished = ended and left is None
        member_rows.append(
            rows.row(
                GroupMember,
                lead,
                group_id=group["id"],
                client_id=client.id,
                joined_on=joined,
                left_on=left,
                pre_score=Decimal(pre) if start is not None else None,
                post_score=Decimal(max(low, min(high, post))) if finished else None,
                satisfaction=pick(rng, {5: 60, 4: 32, 3: 8}) if finished else None,
            )
        )
    who = {row["id"]: client for row, client in zip(member_rows, members, strict=True)}
    for number, day in enumerate(held, 1):
        session = rows.row(
            GroupSession,
            lead,
            group_id=group["id"],
            number=number,
            held_on=day,
            start_time=dt.time(9, 0) if theme.weekend else dt.time(rng.choice((9, 14, 15)), 0),
            duration_min=rng.choice((60, 90, 90, 120)),
            topic=theme.topics[(number - 1) % len(theme.topics)],
            goal=f"围绕“{theme.topics[(number - 1) % len(theme.topics)]}”推进小组目标",
            activities=rng.choice(theme.activities),
            dynamics=rng.choice(DYNAMICS),
            reflection=rng.choice(REFLECTIONS),
            walk_in_count=pick(rng, {0: 70, 1: 15, 2: 10, 3: 5}),
        )
        for member in member_rows:
            if member["joined_on"] > day or (member["left_on"] and member["left_on"] < day):
                continue
            status = pick(rng, ATTENDANCE)
            note = ""
            if status == "left":
                note = _left_early(who[member["id"]], scene, rng)
            elif status == "present" and chance(rng, 0.3):
                note = rng.choice(OBSERVATIONS)
            rows.row(
                GroupAttendance,
                lead,
                session_id=session["id"],
                member_id=member["id"],
                status=status,
                observation=note,
            )
