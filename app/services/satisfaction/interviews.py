"""Interview rounds (回访): a sample drawn from the registry, its answers, its summary.

The station head plans a round (`APPROVE`: the head decides whom the station asks); the
sample is drawn at once and stored with its seed (app/domain/sampling.py: same
registry and seed, same sample). Anyone who serves clients records the answers. The
call list leaves the desk on paper, so it shows names and phones masked.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.codes import CodeList
from app.domain.errors import InvalidInput, NotFound
from app.domain.masking import mask_name, mask_phone
from app.domain.roles import Permission
from app.domain.sampling import Candidate, draw
from app.domain.satisfaction import (
    AWARENESS_ITEMS,
    AWARENESS_KEYS,
    OVERALL,
    SCALE,
    SURVEY_ITEMS,
    Mode,
    Outcome,
    Respondent,
    checked_scores,
    is_aware,
)
from app.exports.interview_model import CallList, CallRow
from app.services.access import audit
from app.services.access.refusals import logs_refusals
from app.services.concurrency import check_version
from app.services.context import Actor, Changes
from app.services.settings.codes import code_labels
from app.store.engine import Database
from app.store.models import (
    Client,
    ClientCategory,
    InterviewRound,
    InterviewSample,
    Station,
    Village,
)

from .summary import summarise
from .types import AnswerInput, RoundDetail, RoundInput, RoundRow, SampleLine

ENTITY = "interview_round"
NOUN = "回访轮次"
MAX_SAMPLE = 2000


@logs_refusals(ENTITY)
class InterviewService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self._db = db
        self._actor = actor

    @property
    def today(self) -> dt.date:
        return self._db.clock.today()

    @property
    def can_plan(self) -> bool:
        return self._actor.can(Permission.APPROVE)

    # ---- reading ------------------------------------------------------------------------

    def rounds(self) -> list[RoundRow]:
        self._actor.require(Permission.VIEW_CLIENTS)
        answered = (
            select(InterviewSample.round_id, func.count().label("n"))
            .where(InterviewSample.outcome == Outcome.ANSWERED.value)
            .group_by(InterviewSample.round_id)
            .subquery()
        )
        stmt = (
            select(InterviewRound, func.coalesce(answered.c.n, 0))
            .outerjoin(answered, answered.c.round_id == InterviewRound.id)
            .where(InterviewRound.station_id == self._actor.station_id)
            .order_by(InterviewRound.starts_on.desc(), InterviewRound.id.desc())
        )
        with self._db.read() as session:
            return [
                RoundRow(
                    r.id,
                    r.name,
                    r.starts_on,
                    r.ends_on,
                    r.phone_size,
                    r.onsite_size,
                    r.seed,
                    r.finished_on,
                    n,
                )
                for r, n in session.execute(stmt).all()
            ]

    def detail(self, round_id: int) -> RoundDetail:
        self._actor.require(Permission.VIEW_CLIENTS)
        with self._db.read() as session:
            return self._detail(session, round_id)

    # ---- writing ------------------------------------------------------------------------

    def create(self, data: RoundInput) -> Changes:
        """Plan a round and draw its sample from the station's active clients."""
        self._actor.require(Permission.APPROVE)
        name = data.name.strip()
        if not name:
            raise InvalidInput("请填写回访名称，如“2026年第四季度回访”。", field="name")
        if data.ends_on < data.starts_on:
            raise InvalidInput("结束日期不能早于开始日期。", field="ends_on")
        if data.phone_size + data.onsite_size > MAX_SAMPLE:
            raise InvalidInput(f"一轮回访最多抽取 {MAX_SAMPLE} 人。", field="phone_size")
        seed = data.seed if data.seed is not None else secrets.randbelow(1_000_000)
        with self._db.write() as session:
            drawn = draw(
                candidates(session, self._actor.station_id),
                phone=data.phone_size, onsite=data.onsite_size, seed=seed,
            )  # fmt: skip
            common = {
                "station_id": self._actor.station_id,
                "created_by_id": self._actor.user_id,
                "updated_by_id": self._actor.user_id,
            }
            record = InterviewRound(
                name=name[:100], starts_on=data.starts_on, ends_on=data.ends_on,
                phone_size=data.phone_size, onsite_size=data.onsite_size, seed=seed,
                note=data.note.strip(), **common,
            )  # fmt: skip
            session.add(record)
            session.flush()
            for position, d in enumerate(drawn, start=1):
                session.add(
                    InterviewSample(
                        round_id=record.id,
                        client_id=d.candidate.id,
                        mode=d.mode.value,
                        position=position,
                        stratum=d.candidate.stratum[:100],
                        **common,
                    )
                )
            audit.record(
                session, self._actor, "create", entity=ENTITY, entity_id=record.id,
                seed=seed, phone_size=data.phone_size, onsite_size=data.onsite_size,
            )  # fmt: skip
        return Changes.of(ENTITY, ids=(record.id,))

    def answer(self, *, sample_id: int, version: int, data: AnswerInput) -> Changes:
        """Record how an interview went and, when answered, the answers."""
        self._actor.require(Permission.EDIT_CLIENTS)
        with self._db.write() as session:
            line = session.get(InterviewSample, sample_id)
            if line is None or line.station_id != self._actor.station_id:
                raise NotFound("这条回访记录不存在或已被删除。")
            check_version(line, version, "回访记录", session)
            the_round = session.get(InterviewRound, line.round_id)
            assert the_round is not None  # a sample line always has its round
            if the_round.finished_on is not None:
                raise InvalidInput("这轮回访已经结束，不能再修改回答。", field="outcome")
            if data.outcome is not Outcome.PENDING:
                asked = data.asked_on or self._db.clock.today()
                if not the_round.starts_on <= asked <= the_round.ends_on:
                    span = f"{the_round.starts_on} 至 {the_round.ends_on}"
                    raise InvalidInput(f"回访日期应在本轮回访的 {span} 之间。", field="asked_on")
                line.asked_on = asked
            else:
                line.asked_on = None
            if data.outcome is Outcome.ANSWERED:
                scores = checked_scores(Respondent.CLIENT, data.scores, "")
                known = {k: bool(data.awareness.get(k)) for k in AWARENESS_KEYS}
                line.awareness = json.dumps(known, sort_keys=True)
                line.aware = is_aware(known)
                line.scores = json.dumps(scores, sort_keys=True)
                line.overall = scores[OVERALL]
            else:
                line.awareness, line.aware, line.scores, line.overall = "{}", None, "{}", None
            line.outcome = data.outcome.value
            line.note = data.note.strip()
            line.updated_by_id = self._actor.user_id
            audit.record(
                session, self._actor, "update", entity=ENTITY, entity_id=line.round_id,
                sample_id=line.id, outcome=data.outcome.value,
            )  # fmt: skip
            round_id = line.round_id
        return Changes.of(ENTITY, ids=(round_id,))

    def finish(self, *, round_id: int, version: int) -> Changes:
        """Close the round: its answers and summary stay as they are."""
        self._actor.require(Permission.APPROVE)
        with self._db.write() as session:
            record = self._round(session, round_id)
            check_version(record, version, NOUN, session)
            record.finished_on = self._db.clock.today()
            record.updated_by_id = self._actor.user_id
            audit.record(session, self._actor, "update", entity=ENTITY, entity_id=round_id,
                         finished=True)  # fmt: skip
        return Changes.of(ENTITY, ids=(round_id,))

    def write_call_list(self, round_id: int, path: Path) -> Path:
        """The call list (回访名单) as a PDF: names and phones masked."""
        from app.exports.interview_pdf import write_call_list

        write_call_list(call_list(self.detail(round_id), self._actor.display_name), path)
        with self._db.write() as session:
            audit.record(session, self._actor, "export", entity=ENTITY, entity_id=round_id,
                         files=[str(path)])  # fmt: skip
        return path

    # ---- helpers ------------------------------------------------------------------------

    def _round(self, session: Session, round_id: int) -> InterviewRound:
        record = session.get(InterviewRound, round_id)
        if record is None or record.station_id != self._actor.station_id:
            raise NotFound(f"这个{NOUN}不存在或已被删除。")
        return record

    def _detail(self, session: Session, round_id: int) -> RoundDetail:
        record = self._round(session, round_id)
        station = session.get(Station, record.station_id)
        stmt = (
            select(InterviewSample, Client.name, Client.phone, Village.name)
            .join(Client, Client.id == InterviewSample.client_id)
            .outerjoin(Village, Village.id == Client.village_id)
            .where(InterviewSample.round_id == round_id)
            .order_by(InterviewSample.position)
        )
        lines = tuple(
            SampleLine(
                id=s.id,
                position=s.position,
                mode=Mode(s.mode),
                client_id=s.client_id,
                name=name,
                phone=mask_phone(phone),
                village=village or "",
                stratum=s.stratum,
                outcome=Outcome(s.outcome),
                asked_on=s.asked_on,
                awareness=json.loads(s.awareness or "{}"),
                aware=s.aware,
                scores=json.loads(s.scores or "{}"),
                overall=s.overall,
                note=s.note,
                version=s.version,
            )
            for s, name, phone, village in session.execute(stmt).all()
        )
        return RoundDetail(
            id=record.id, version=record.version, name=record.name,
            station_name=station.name if station else "", starts_on=record.starts_on,
            ends_on=record.ends_on, phone_size=record.phone_size,
            onsite_size=record.onsite_size, seed=record.seed, finished_on=record.finished_on,
            note=record.note, lines=lines, summary=summarise(lines),
        )  # fmt: skip


def candidates(session: Session, station_id: int) -> list[Candidate]:
    """The station's active clients, each in its stratum: village × first category held."""
    labels = code_labels(session, CodeList.CLIENT_CATEGORY)
    first_category = (
        select(ClientCategory.client_id, func.min(ClientCategory.category).label("code"))
        .where(ClientCategory.station_id == station_id, ClientCategory.end_date.is_(None))
        .group_by(ClientCategory.client_id)
        .subquery()
    )
    stmt = (
        select(Client.id, Client.phone, Village.name, first_category.c.code)
        .outerjoin(Village, Village.id == Client.village_id)
        .outerjoin(first_category, first_category.c.client_id == Client.id)
        .where(
            Client.station_id == station_id,
            Client.status == "active",
            Client.anonymised_at.is_(None),
        )
    )
    return [
        Candidate(
            id=cid,
            stratum=f"{village or '未填村/社区'}·{labels.get(code, code) if code else '无类别'}",
            has_phone=bool((phone or "").strip()),
        )
        for cid, phone, village, code in session.execute(stmt).all()
    ]


def call_list(detail: RoundDetail, prepared_by: str) -> CallList:
    """The round as its printed call list: names masked (phones already are)."""
    return CallList(
        title=f"{detail.station_name} {detail.name} 回访名单",
        station_name=detail.station_name,
        fields=(
            ("回访期间", f"{detail.starts_on:%Y-%m-%d} 至 {detail.ends_on:%Y-%m-%d}"),
            ("样本量", f"电话 {detail.phone_size} 人，实地 {detail.onsite_size} 人"),
            ("抽样种子", str(detail.seed)),
            ("抽样方法", "按村/社区×服务对象类别分层，按比例随机抽取"),
        ),
        rows=tuple(
            CallRow(
                position=line.position,
                mode=line.mode.label,
                name=mask_name(line.name),
                phone=line.phone or "—",
                village=line.village,
                stratum=line.stratum,
                outcome=line.outcome.label if line.outcome is not Outcome.PENDING else "",
            )
            for line in detail.lines
        ),
        awareness_items=tuple(i.label for i in AWARENESS_ITEMS),
        satisfaction_items=tuple(i.label for i in SURVEY_ITEMS),
        scale="，".join(f"{score} {label}" for score, label in SCALE),
        prepared_by=prepared_by,
    )
