"""RectificationService: the 整改 items an evaluation found — adding, closing, reopening,
evidence files, and the open ones by due date for 工作台.

Evidence files are copied into the data folder under random names (as activity photos
are), so a file name reveals nothing and the original may be moved or deleted.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import InvalidInput, NotFound, PermissionDenied
from app.domain.evaluation import RectificationStatus, RoundKind
from app.domain.roles import Permission, Role
from app.services.access import audit
from app.services.access.refusals import logs_refusals
from app.services.community.photos import copy_in, discard_files
from app.services.concurrency import check_version
from app.services.context import Actor, Changes
from app.store.engine import Database
from app.store.location import data_dir
from app.store.models import (
    EvaluationIndicator,
    EvaluationRound,
    Rectification,
    RectificationFile,
    Station,
    User,
)

from .types import RECTIFICATION, RectificationView

MAX_BYTES = 50 * 1024 * 1024


def default_evidence_folder() -> Path:
    return data_dir() / "evidence"


def add(
    session: Session,
    actor: Actor,
    row: EvaluationRound,
    *,
    what: str,
    owner: str,
    due_on: dt.date,
    indicator_id: int | None = None,
) -> Rectification:
    what = what.strip()
    if not what:
        raise InvalidInput("请填写整改内容。", field="what")
    if due_on < row.held_on:
        raise InvalidInput("整改期限不能早于评估日期。", field="due_on")
    if indicator_id is not None:
        indicator = session.get(EvaluationIndicator, indicator_id)
        if indicator is None or indicator.system_id != row.system_id:
            raise InvalidInput("该指标不属于本次评估的指标体系。", field="indicator")
    item = Rectification(
        station_id=row.station_id, round_id=row.id, indicator_id=indicator_id, what=what,
        owner=owner.strip()[:64], due_on=due_on, status=RectificationStatus.OPEN.value,
        created_by_id=actor.user_id, updated_by_id=actor.user_id,
    )  # fmt: skip
    session.add(item)
    session.flush()
    audit.record(
        session, actor, "create", entity=RECTIFICATION, entity_id=item.id,
        round_id=row.id, due_on=f"{due_on}",
    )  # fmt: skip
    return item


def views(
    session: Session,
    round_ids: Sequence[int] | None,
    *,
    today: dt.date,
    open_only: bool = False,
    station_id: int | None = None,
) -> list[RectificationView]:
    """Items of the rounds (or of a station, or all), by due date: overdue ones first."""
    stmt = (
        select(Rectification, EvaluationRound, Station.name)
        .join(EvaluationRound, EvaluationRound.id == Rectification.round_id)
        .join(Station, Station.id == Rectification.station_id)
        .order_by(Rectification.due_on, Rectification.id)
    )
    if round_ids is not None:
        stmt = stmt.where(Rectification.round_id.in_(round_ids))
    if station_id is not None:
        stmt = stmt.where(Rectification.station_id == station_id)
    if open_only:
        stmt = stmt.where(Rectification.status == RectificationStatus.OPEN.value)
    rows = session.execute(stmt).all()
    ids = [r.id for r, _, _ in rows]
    files: dict[int, list[str]] = {}
    for rect_id, name in session.execute(
        select(RectificationFile.rectification_id, RectificationFile.original_name)
        .where(RectificationFile.rectification_id.in_(ids))
        .order_by(RectificationFile.id)
    ):
        files.setdefault(rect_id, []).append(name)
    indicator_names = dict(
        session.execute(
            select(EvaluationIndicator.id, EvaluationIndicator.name).where(
                EvaluationIndicator.id.in_([r.indicator_id for r, _, _ in rows if r.indicator_id])
            )
        ).all()
    )
    closers = dict(
        session.execute(
            select(User.id, User.display_name).where(
                User.id.in_([r.closed_by_id for r, _, _ in rows if r.closed_by_id])
            )
        ).all()
    )
    result = []
    for item, rnd, station in rows:
        status = RectificationStatus(item.status)
        result.append(
            RectificationView(
                id=item.id, round_id=rnd.id, station_name=station,
                round_label=f"{rnd.held_on:%Y-%m-%d} {RoundKind(rnd.kind).label}",
                indicator=indicator_names.get(item.indicator_id or 0, ""), what=item.what,
                owner=item.owner, due_on=item.due_on, status=status, closed_on=item.closed_on,
                closed_by=closers.get(item.closed_by_id or 0, ""),
                closing_note=item.closing_note, files=tuple(files.get(item.id, ())),
                overdue=status is RectificationStatus.OPEN and item.due_on < today,
                version=item.version,
            )
        )  # fmt: skip
    return result


@logs_refusals(RECTIFICATION)
class RectificationService:
    def __init__(self, db: Database, actor: Actor, *, folder: Path | None = None) -> None:
        self._db = db
        self._actor = actor
        self.folder = folder or default_evidence_folder()

    @property
    def may_manage(self) -> bool:
        return self._actor.can(Permission.EVALUATE)

    def open_items(self) -> list[RectificationView]:
        """The open 整改 items of the actor's station (every station's for the
        administrator), by due date: overdue ones first. 工作台 shows them."""
        self._actor.require(Permission.REPORTS)
        station = None if self._actor.role is Role.ADMIN else self._actor.station_id
        with self._db.read() as session:
            return views(
                session, None, today=self._db.clock.today(), open_only=True, station_id=station
            )

    def add(
        self,
        round_id: int,
        *,
        what: str,
        owner: str,
        due_on: dt.date,
        indicator_id: int | None = None,
    ) -> Changes:
        self._actor.require(Permission.EVALUATE)
        with self._db.write() as session:
            row = self._round(session, round_id)
            item = add(session, self._actor, row, what=what, owner=owner, due_on=due_on,
                       indicator_id=indicator_id)  # fmt: skip
        return Changes.of(RECTIFICATION, ids=(item.id,))

    def close(
        self, item_id: int, *, version: int, note: str = "", closed_on: dt.date | None = None
    ) -> Changes:
        """Mark the item done (已整改), by whom and when, with what was done."""
        self._actor.require(Permission.EVALUATE)
        closed_on = closed_on or self._db.clock.today()
        if closed_on > self._db.clock.today():
            raise InvalidInput("完成日期不能晚于今天。", field="closed_on")
        with self._db.write() as session:
            item = self._item(session, item_id)
            check_version(item, version, "整改事项", session)
            if item.status == RectificationStatus.CLOSED.value:
                raise InvalidInput("该整改事项已经完成。")
            item.status = RectificationStatus.CLOSED.value
            item.closed_on, item.closed_by_id = closed_on, self._actor.user_id
            item.closing_note = note.strip()
            item.updated_by_id = self._actor.user_id
            audit.record(session, self._actor, "close", entity=RECTIFICATION, entity_id=item_id,
                         closed_on=f"{closed_on}")  # fmt: skip
        return Changes.of(RECTIFICATION, ids=(item_id,))

    def reopen(self, item_id: int, *, version: int) -> Changes:
        self._actor.require(Permission.EVALUATE)
        with self._db.write() as session:
            item = self._item(session, item_id)
            check_version(item, version, "整改事项", session)
            item.status = RectificationStatus.OPEN.value
            item.closed_on = item.closed_by_id = None
            item.updated_by_id = self._actor.user_id
            audit.record(session, self._actor, "reopen", entity=RECTIFICATION, entity_id=item_id)
        return Changes.of(RECTIFICATION, ids=(item_id,))

    def attach(self, item_id: int, source: Path) -> Changes:
        """Copy an evidence file in and record it; the copy goes if recording fails."""
        self._actor.require(Permission.EVALUATE)
        try:
            size = source.stat().st_size
        except OSError as exc:
            raise InvalidInput(f"找不到文件“{source.name}”。", field="file") from exc
        if size > MAX_BYTES:
            raise InvalidInput(f"“{source.name}”超过 50 MB，请压缩后再添加。", field="file")
        with self._db.read() as session:
            self._item(session, item_id)
        suffix = (
            source.suffix.lower() if re.fullmatch(r"\.[a-z0-9]{1,8}", source.suffix.lower()) else ""
        )
        name, digest = copy_in(source, self.folder, suffix)
        try:
            with self._db.write() as session:
                item = self._item(session, item_id)
                session.add(
                    RectificationFile(
                        station_id=item.station_id, rectification_id=item_id, file_name=name,
                        original_name=source.name[:260], sha256=digest,
                        created_by_id=self._actor.user_id, updated_by_id=self._actor.user_id,
                    )
                )  # fmt: skip
                audit.record(session, self._actor, "attach", entity=RECTIFICATION,
                             entity_id=item_id, sha256=digest)  # fmt: skip
        except BaseException:
            discard_files(self.folder, [name])
            raise
        return Changes.of(RECTIFICATION, ids=(item_id,))

    def file_path(self, item_id: int, original_name: str) -> Path:
        """Where the evidence file named `original_name` of the item is kept."""
        with self._db.read() as session:
            self._item(session, item_id)
            name = session.scalar(
                select(RectificationFile.file_name).where(
                    RectificationFile.rectification_id == item_id,
                    RectificationFile.original_name == original_name,
                )
            )
        if name is None:
            raise NotFound("该证明材料不存在。")
        return self.folder / name

    def _round(self, session: Session, round_id: int) -> EvaluationRound:
        row = session.get(EvaluationRound, round_id)
        if row is None:
            raise NotFound("该评估记录不存在。")
        self._own(row.station_id)
        return row

    def _item(self, session: Session, item_id: int) -> Rectification:
        self._actor.require(Permission.REPORTS)
        item = session.get(Rectification, item_id)
        if item is None:
            raise NotFound("该整改事项不存在。")
        self._own(item.station_id)
        return item

    def _own(self, station_id: int) -> None:
        if self._actor.role is not Role.ADMIN and station_id != self._actor.station_id:
            raise PermissionDenied("只能处理本站的整改事项。")
