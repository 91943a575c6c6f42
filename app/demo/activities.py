"""Demo community activities: typed, dated, in a village, with participants that add up.

Signed-in participants are clients of the activity's village; the split into elderly,
children, disabled and other counts each of them once and the walk-ups besides, so the
four parts always add up to the total.
"""

from __future__ import annotations

import datetime as dt
import random

from app.demo.activity_texts import (
    FESTIVALS,
    KINDS,
    PLACES,
    TITLE_AUDIENCE,
    TYPE_WEIGHTS,
    ActivityKind,
)
from app.demo.bulk import BulkRows, DemoClient, Scene
from app.demo.people import Weights, chance, pick
from app.demo.situations import minors_in_care
from app.store.models import Activity, ActivityParticipant

MODELS = (Activity, ActivityParticipant)
_TYPES = Weights(TYPE_WEIGHTS)
_MIXES = {kind.activity_type: Weights(kind.mix) for kind in KINDS.values()}
Pools = dict[tuple[int, str, str | None], list[DemoClient]]


def _bucket(client: DemoClient) -> str:
    if client.child:
        return "children"
    if client.elderly:
        return "elderly"
    return "disabled" if client.disabled else "other"


def _welcome(kind: ActivityKind, audience: str | None, client: DemoClient, scene: Scene) -> bool:
    """Whether the client is someone the activity is for (a child at 老年象棋 is not):
    `audience` is its title's (TITLE_AUDIENCE), else the kind's mix says."""
    if audience == "elder":
        return client.elderly
    if audience == "child":
        return client.child
    if audience == "parent":
        return bool(minors_in_care(client, scene.members(client)))
    return kind.mix[_bucket(client)] > 0


def _festival_day(scene: Scene, rng: random.Random) -> tuple[str, dt.date] | None:
    held = [(n, d) for n, d in FESTIVALS if scene.first_day + dt.timedelta(days=5) <= d]
    held = [(n, d) for n, d in held if d <= scene.today]
    if not held:
        return None
    name, day = rng.choice(held)
    return name, day - dt.timedelta(days=rng.randint(0, 4))


def fill_activities(rows: BulkRows, scene: Scene, rng: random.Random, count: int) -> None:
    """Add `count` activities of the station; rows stay pending in `rows`."""
    if not scene.workers or not scene.villages:
        return
    pools: Pools = {}
    for _ in range(count):
        _activity(rows, scene, rng, pools)


def _activity(
    rows: BulkRows,
    scene: Scene,
    rng: random.Random,
    pools: Pools,
) -> None:
    kind = KINDS[pick(rng, _TYPES)]
    title = rng.choice(kind.titles)
    day = scene.weekday(rng)
    if kind.activity_type == "festival":
        festival = _festival_day(scene, rng)
        if festival is None:
            kind = KINDS["culture_sports"]
            title = rng.choice(kind.titles)
        else:
            title = title.format(festival=festival[0])
            day = festival[1]
    village_id, village = rng.choice(scene.villages)
    worker = rng.choice(scene.workers)
    begin = rng.choice((8, 9, 9, 14, 15, 19)) if kind.activity_type != "education" else 9
    minutes = rng.choice((60, 90, 120, 150, 180))
    start = dt.time(begin, rng.choice((0, 30)))
    end = (dt.datetime.combine(day, start) + dt.timedelta(minutes=minutes)).time()
    total = rng.randint(*kind.size)
    pool = _pool(pools, scene, village_id, kind, title)
    # Most who come are villagers the station does not serve; its clients sign in by name.
    signed = rng.sample(pool, min(len(pool), int(total * rng.uniform(0.1, 0.4))))
    split = {"elderly": 0, "children": 0, "disabled": 0, "other": 0}
    for client in signed:
        split[_bucket(client)] += 1
    draw = _MIXES[kind.activity_type].draw  # tens of draws an activity
    for _ in range(total - len(signed)):
        split[draw(rng)] += 1
    activity = rows.row(
        Activity,
        worker,
        title=title,
        activity_type=kind.activity_type,
        held_on=day,
        start_time=start,
        end_time=None if chance(rng, 0.1) else end,
        village_id=village_id,
        place=f"{village}{rng.choice(PLACES)}",
        partners="、".join(rng.sample(kind.partners, min(2, len(kind.partners)))),
        target_group=kind.target_group,
        worker_id=worker,
        participants_total=sum(split.values()),
        participants_elderly=split["elderly"],
        participants_children=split["children"],
        participants_disabled=split["disabled"],
        participants_other=split["other"],
        resources_used=rng.choice(kind.resources),
        content=rng.choice(kind.content),
        outcome=rng.choice(kind.outcome),
    )
    for client in signed:
        rows.row(ActivityParticipant, worker, activity_id=activity["id"], client_id=client.id)


def _pool(
    pools: Pools, scene: Scene, village_id: int, kind: ActivityKind, title: str
) -> list[DemoClient]:
    """The village's clients the activity welcomes: worked out once per village, kind and
    audience (the title matters only through its audience)."""
    audience = TITLE_AUDIENCE.get(title)
    key = (village_id, kind.activity_type, audience)
    pool = pools.get(key)
    if pool is None:
        villagers = scene.by_village.get(village_id, [])
        pool = pools[key] = [c for c in villagers if _welcome(kind, audience, c, scene)]
    return pool
