"""The demo's satisfaction surveys and one finished interview round (回访).

Most closed cases, ended groups and activities get a survey or a few soon after they end,
scored as real ones are (mostly 4 and 5, some 3, a few lower; now and then nobody can
answer). The round was held two months ago over a stratified sample of the registry
(50 by phone and 10 on site, fewer in a small station), and every interview has an outcome.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.demo.bulk import BulkRows, Scene
from app.demo.people import chance
from app.domain.sampling import draw
from app.domain.satisfaction import (
    AWARENESS_KEYS,
    ITEM_KEYS,
    OVERALL,
    Outcome,
    Respondent,
    is_aware,
)
from app.services.reports.service import add_months
from app.services.satisfaction.interviews import candidates
from app.store.models import (
    Activity,
    Case,
    Group,
    GroupSession,
    InterviewRound,
    InterviewSample,
    SatisfactionSurvey,
)

MODELS = (SatisfactionSurvey, InterviewRound, InterviewSample)
UNABLE = (
    "服务对象失智，家属不在身边",
    "已搬离本村，联系不上",
    "服务对象住院",
    "听力障碍，无法沟通",
)
ROUND_SIZES = (50, 10)
SEED = 2026


def fill_satisfaction(session: Session, rows: BulkRows, scene: Scene, rng: random.Random) -> None:
    author = scene.workers[0] if scene.workers else scene.head
    for case_id, closed_on in session.execute(
        select(Case.id, Case.closed_on)
        .where(
            Case.station_id == scene.station_id,
            Case.stage.in_(("closure", "follow_up")),
            Case.closed_on.is_not(None),
        )
        .order_by(Case.stage, Case.worker_id, Case.id)
    ).all():
        if closed_on is not None and chance(rng, 0.7):
            who = Respondent.CLIENT if chance(rng, 0.75) else Respondent.FAMILY
            _survey(rows, rng, scene, author, {"case_id": case_id}, closed_on, who)
    last_sessions = (
        select(GroupSession.group_id, func.max(GroupSession.held_on))
        .join(Group, Group.id == GroupSession.group_id)
        .where(Group.station_id == scene.station_id, Group.status == "ended")
        .group_by(GroupSession.group_id)
        .order_by(GroupSession.group_id)
    )
    for group_id, last in session.execute(last_sessions).all():
        if last is None:
            continue
        for _ in range(rng.randint(2, 5) if chance(rng, 0.8) else 0):
            _survey(rows, rng, scene, author, {"group_id": group_id}, last, Respondent.PARTICIPANT)
    for activity_id, held_on in session.execute(
        select(Activity.id, Activity.held_on)
        .where(Activity.station_id == scene.station_id)
        .order_by(Activity.held_on, Activity.id)
    ).all():
        for _ in range(rng.randint(2, 4) if chance(rng, 0.5) else 0):
            _survey(
                rows, rng, scene, author, {"activity_id": activity_id}, held_on,
                Respondent.PARTICIPANT,
            )  # fmt: skip
    _round(session, rows, scene, author, rng)


def _survey(
    rows: BulkRows,
    rng: random.Random,
    scene: Scene,
    author: int,
    subject: dict[str, int | None],
    ended: dt.date,
    who: Respondent,
) -> None:
    day = min(ended + dt.timedelta(days=rng.randint(0, 7)), scene.today)
    # One executemany takes rows of the same keys.
    subject = {"case_id": None, "group_id": None, "activity_id": None, **subject}
    if chance(rng, 0.06):
        reason = rng.choice(UNABLE)
        rows.row(
            SatisfactionSurvey, author, surveyed_on=day, respondent=Respondent.NONE.value,
            scores="{}", overall=None, reason=reason, note="", **subject,
        )  # fmt: skip
        return
    scores = _scores(rng)
    rows.row(
        SatisfactionSurvey, author, surveyed_on=day, respondent=who.value,
        scores=json.dumps(scores, sort_keys=True), overall=scores[OVERALL], reason="",
        note="", **subject,
    )  # fmt: skip


def _scores(rng: random.Random) -> dict[str, int]:
    mood = rng.choices((5, 4, 3, 2), weights=(55, 32, 10, 3))[0]
    return {key: max(1, min(5, mood + rng.choice((-1, 0, 0, 0, 0, 1)))) for key in ITEM_KEYS} | {
        OVERALL: mood
    }


def _round(session: Session, rows: BulkRows, scene: Scene, author: int, rng: random.Random) -> None:
    pool = candidates(session, scene.station_id)
    with_phone = sum(1 for c in pool if c.has_phone)
    phone = min(ROUND_SIZES[0], with_phone)
    onsite = min(ROUND_SIZES[1], len(pool) - phone)
    if phone + onsite == 0:
        return
    starts_on = add_months(scene.today.replace(day=1), -2) + dt.timedelta(days=9)
    ends_on = starts_on + dt.timedelta(days=13)
    quarter = (starts_on.month - 1) // 3 + 1
    the_round = rows.row(
        InterviewRound, scene.head, name=f"{starts_on.year}年第{quarter}季度服务对象回访",
        starts_on=starts_on, ends_on=ends_on, phone_size=phone, onsite_size=onsite,
        seed=SEED, finished_on=ends_on, note="按评估要求电话回访与实地回访相结合。",
    )  # fmt: skip
    drawn = draw(pool, phone=phone, onsite=onsite, seed=SEED)
    for position, d in enumerate(drawn, start=1):
        asked = starts_on + dt.timedelta(days=rng.randint(0, 13))
        outcome = rng.choices(
            (Outcome.ANSWERED, Outcome.UNREACHABLE, Outcome.REFUSED), weights=(82, 12, 6)
        )[0]
        rows.row(
            InterviewSample, author, round_id=the_round["id"], client_id=d.candidate.id,
            mode=d.mode.value, position=position, stratum=d.candidate.stratum[:100],
            outcome=outcome.value, asked_on=asked, **_answers(rng, outcome),
        )  # fmt: skip


def _answers(rng: random.Random, outcome: Outcome) -> dict[str, object]:
    if outcome is not Outcome.ANSWERED:
        note = "电话无人接听" if outcome is Outcome.UNREACHABLE else "不愿接受回访"
        return {"awareness": "{}", "aware": None, "scores": "{}", "overall": None, "note": note}
    known = {key: chance(rng, p) for key, p in zip(AWARENESS_KEYS, _KNOWN, strict=True)}
    scores = _scores(rng)
    return {
        "awareness": json.dumps(known, sort_keys=True), "aware": is_aware(known),
        "scores": json.dumps(scores, sort_keys=True), "overall": scores[OVERALL], "note": "",
    }  # fmt: skip


_KNOWN: Sequence[float] = (0.8, 0.7, 0.75, 0.6, 0.45)
"""How often each awareness item is known (address, services, workers, help, hotline)."""
