"""AssessmentService: a worker's assessment (社工考核) for a month, a quarter or a year.

The figures are counted from the records (figures.py); the station head (and the
administrator: `Permission.ASSESS_STAFF`) scores the items of the scheme (scheme.py),
comments, and confirms. Until confirmed the head may change it; confirming stores the
figures as they are then, and the assessment never changes again. A social worker reads
only their own, read-only, and sees the head's scores and comments once confirmed (a
draft is the head's work in progress); nobody else below the head sees any.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import assessment as rules
from app.domain.assessment import Period
from app.domain.codes import CodeList
from app.domain.errors import InvalidInput, NotFound, PermissionDenied
from app.domain.roles import Permission, Role
from app.exports.assessment_model import figures_from_json, figures_json
from app.services.access import audit
from app.services.access.refusals import logs_refusals
from app.services.choice import Choice
from app.services.concurrency import check_version
from app.services.context import Actor, Changes
from app.services.staff.training_hours import read_targets
from app.store.engine import Database
from app.store.models import CodeItem, Station, User, WorkerAssessment

from . import figures as counting
from . import scheme as schemes
from .types import (
    AssessmentRow,
    AssessmentSheet,
    AssessmentView,
    Scheme,
    Score,
    ScoreInput,
    WorkerFigures,
)

ENTITY = "assessment"
MAX_COMMENT = 2000
MAX_ITEM_COMMENT = 300


@logs_refusals(ENTITY)
class AssessmentService:
    def __init__(self, db: Database, actor: Actor, *, today: dt.date | None = None) -> None:
        self._db = db
        self._actor = actor
        self._today = today

    @property
    def today(self) -> dt.date:
        return self._today or self._db.clock.today()

    @property
    def may_assess(self) -> bool:
        return self._actor.can(Permission.ASSESS_STAFF)

    @property
    def may_view(self) -> bool:
        """The head sees everyone's; a social worker their own; nobody else any."""
        return self.may_assess or self._actor.role is Role.WORKER

    def default_period(self, kind: str = rules.QUARTER) -> Period:
        """The last period of `kind` that is over: what is assessed now."""
        return rules.period_of(kind, self.today).previous()

    # ---- the scheme -------------------------------------------------------------------

    def scheme(self) -> Scheme:
        with self._db.read() as session:
            return schemes.read(session, self._actor.station_id)

    def set_scheme(self, scheme: Scheme) -> Changes:
        """The station's items, scale and late-entry days; saved assessments keep theirs."""
        self._actor.require(Permission.ASSESS_STAFF)
        schemes.check(scheme)
        with self._db.write() as session:
            schemes.write(session, scheme, self._actor.station_id, self._actor.user_id)
            audit.record(
                session, self._actor, "setting", entity="setting", key=schemes.ITEMS_KEY,
                items=[i.label for i in scheme.items], scale=scheme.scale,
                late_days=scheme.late_days,
            )  # fmt: skip
        return Changes.of("settings", ENTITY)

    # ---- reading ----------------------------------------------------------------------

    def workers(self) -> list[Choice]:
        """The workers the actor may see an assessment of."""
        self._require_view()
        with self._db.read() as session:
            users = counting.station_workers(session, self._actor.station_id)
            return [Choice(u.id, u.display_name) for u in users if self._sees(u.id)]

    def rows(self, period: Period) -> list[AssessmentRow]:
        """Every worker of the station for the period (a social worker: their own line)."""
        self._require_view()
        with self._db.read() as session:
            saved = self._saved(session, period)
            users = counting.station_workers(session, self._actor.station_id, saved)
            rows = []
            for user in users:
                if not self._sees(user.id):
                    continue
                sheet = self._sheet(session, user, period, saved.get(user.id))
                rows.append(
                    AssessmentRow(
                        worker_id=user.id, name=user.display_name,
                        title_label=sheet.title_label,
                        status=sheet.status if sheet.saved else "",
                        status_label=sheet.status_label if sheet.saved else "未考核",
                        total=sheet.total, scale_total=sheet.scale_total, figures=sheet.figures,
                    )
                )  # fmt: skip
            return rows

    def view(self, worker_id: int, period: Period) -> AssessmentView:
        with self._db.read() as session:
            user = self._worker(session, worker_id)
            row = self._saved(session, period, worker_id).get(worker_id)
            sheet = self._sheet(session, user, period, row)
            editable = self.may_assess and (row is None or row.status == rules.DRAFT)
            return AssessmentView(
                sheet=sheet,
                version=row.version if row is not None else None,
                can_edit=editable,
                can_confirm=editable and row is not None and period.last < self.today,
            )

    # ---- changing ---------------------------------------------------------------------

    def save(
        self,
        worker_id: int,
        period: Period,
        *,
        scores: tuple[ScoreInput, ...],
        comment: str,
        version: int | None,
    ) -> Changes:
        """The head's scores and comments; a draft until confirmed."""
        self._actor.require(Permission.ASSESS_STAFF)
        comment = comment.strip()
        if len(comment) > MAX_COMMENT:
            raise InvalidInput(f"总体评价不能超过 {MAX_COMMENT} 个字。", field="comment")
        with self._db.write() as session:
            user = self._worker(session, worker_id)
            scheme = schemes.read(session, self._actor.station_id)
            row = self._saved(session, period, worker_id).get(worker_id)
            items = _checked_scores(scores, _items_of(row, scheme))
            if row is None:
                if version is not None:
                    raise NotFound("这份考核已被删除。")
                row = WorkerAssessment(
                    station_id=self._actor.station_id, worker_id=user.id, period=period.code,
                    period_first=period.first, period_last=period.last, status=rules.DRAFT,
                    created_by_id=self._actor.user_id,
                )  # fmt: skip
                session.add(row)
                action = "create"
            else:
                _require_draft(row)
                check_version(row, version if version is not None else -1, "考核", session)
                action = "update"
            row.scores = json.dumps([_score_json(s) for s in items], ensure_ascii=False)
            row.comment = comment
            row.updated_by_id = self._actor.user_id
            session.flush()
            audit.record(
                session, self._actor, action, entity=ENTITY, entity_id=row.id,
                worker_id=user.id, period=period.code,
                scores={s.key: s.score for s in items}, notes=comment,
            )  # fmt: skip
            return Changes.of(ENTITY, ids=(row.id,))

    def confirm(self, worker_id: int, period: Period, *, version: int) -> Changes:
        """Freeze the assessment with its figures as they are now; no change after."""
        self._actor.require(Permission.ASSESS_STAFF)
        if period.last >= self.today:
            raise InvalidInput(f"{period.label}尚未结束，结束后才能确认考核。", field="period")
        with self._db.write() as session:
            user = self._worker(session, worker_id)
            row = self._saved(session, period, worker_id).get(worker_id)
            if row is None:
                raise NotFound("请先评分并保存，再确认考核。")
            _require_draft(row)
            check_version(row, version, "考核", session)
            if any(s.score is None for s in _scores_of(row)):
                raise InvalidInput("还有评分项目没有打分，全部打分后才能确认。", field="scores")
            found = self._figures(session, user, period)
            row.figures = figures_json(found)
            row.status = rules.CONFIRMED
            row.confirmed_at = self._db.clock.now()
            row.confirmed_by_id = self._actor.user_id
            row.updated_by_id = self._actor.user_id
            session.flush()
            audit.record(
                session, self._actor, "confirm", entity=ENTITY, entity_id=row.id,
                worker_id=user.id, period=period.code,
            )  # fmt: skip
            return Changes.of(ENTITY, ids=(row.id,))

    # ---- print and export -------------------------------------------------------------

    def write_pdf(self, worker_id: int, period: Period, path: Path) -> Path:
        from app.exports.assessment_pdf import write_assessment_pdf

        sheet = self.view(worker_id, period).sheet
        stamped = replace(sheet, generated_at=self._local_now())
        write_assessment_pdf(stamped, path)
        self._log_export("assessment_pdf", period, [path], worker_id=worker_id)
        return path

    def write_xlsx(self, period: Period, path: Path) -> Path:
        """One row per worker of the station, for the agency (承接机构); the head only."""
        from app.exports.assessment_xlsx import write_assessment_xlsx

        self._actor.require(Permission.ASSESS_STAFF)
        with self._db.read() as session:
            saved = self._saved(session, period)
            users = counting.station_workers(session, self._actor.station_id, saved)
            sheets = [self._sheet(session, u, period, saved.get(u.id)) for u in users]
            station = session.get_one(Station, self._actor.station_id).name
        write_assessment_xlsx(
            sheets, path, station_name=station, period_label=period.label,
            generated_at=self._local_now(), scheme=self.scheme(),
        )  # fmt: skip
        self._log_export("assessment_xlsx", period, [path])
        return path

    # ---- helpers ----------------------------------------------------------------------

    def _require_view(self) -> None:
        if not self.may_view:
            raise PermissionDenied("只有站长和社工本人可以查看社工考核。")

    def _sees(self, worker_id: int) -> bool:
        return self.may_assess or (
            self._actor.role is Role.WORKER and worker_id == self._actor.user_id
        )

    def _worker(self, session: Session, worker_id: int) -> User:
        self._require_view()
        user = session.get(User, worker_id)
        if user is None or user.station_id != self._actor.station_id:
            raise NotFound("该社工不存在或不属于本站。")
        if not self._sees(worker_id):
            raise PermissionDenied("社工只能查看本人的考核。")
        return user

    def _saved(
        self, session: Session, period: Period, worker_id: int | None = None
    ) -> dict[int, WorkerAssessment]:
        stmt = select(WorkerAssessment).where(
            WorkerAssessment.station_id == self._actor.station_id,
            WorkerAssessment.period == period.code,
        )
        if worker_id is not None:
            stmt = stmt.where(WorkerAssessment.worker_id == worker_id)
        return {r.worker_id: r for r in session.scalars(stmt)}

    def _figures(self, session: Session, user: User, period: Period) -> WorkerFigures:
        scheme = schemes.read(session, self._actor.station_id)
        targets = read_targets(session, self._actor.station_id, self.today)
        if period.first > self.today:
            raise InvalidInput(f"{period.label}尚未开始，没有可统计的记录。", field="period")
        last = min(period.last, self.today)
        scope = counting.Scope(
            self._actor.station_id, user, period.first, last, scheme.late_days, targets
        )
        return counting.compute(session, scope)

    def _sheet(
        self, session: Session, user: User, period: Period, row: WorkerAssessment | None
    ) -> AssessmentSheet:
        scheme = schemes.read(session, self._actor.station_id)
        scores = _scores_of(row) if row is not None else _blank(scheme)
        comment = row.comment if row is not None else ""
        status = row.status if row is not None else rules.DRAFT
        if status == rules.DRAFT and not self.may_assess:
            # The head's work in progress: the worker sees it once confirmed.
            scores, comment = _blank_like(scores), ""
        if row is not None and row.figures:
            found = figures_from_json(row.figures)
        else:
            found = self._figures(session, user, period)
        names = _names(session, {row.created_by_id, row.confirmed_by_id} if row else set())
        return AssessmentSheet(
            station_name=session.get_one(Station, user.station_id).name,
            worker_id=user.id, worker_name=user.display_name,
            title_label=_title_label(session, user.title),
            period_code=period.code, period_label=period.label,
            first=period.first, last=period.last, figures=found, scores=scores,
            comment=comment, status=status, status_label=rules.STATUS_LABELS[status],
            saved=row is not None,
            assessed_by=names.get(row.created_by_id or 0, "") if row else "",
            confirmed_by=names.get(row.confirmed_by_id or 0, "") if row else "",
            confirmed_at=row.confirmed_at if row else None,
        )  # fmt: skip

    def _local_now(self) -> dt.datetime:
        return self._db.clock.local_now().replace(tzinfo=None, microsecond=0)

    def _log_export(
        self, kind: str, period: Period, paths: list[Path], worker_id: int | None = None
    ) -> None:
        with self._db.write() as session:
            audit.record(
                session, self._actor, "export", entity=ENTITY, entity_id=None, kind=kind,
                period=period.code, worker_id=worker_id, files=[str(p) for p in paths],
            )  # fmt: skip


def _require_draft(row: WorkerAssessment) -> None:
    if row.status != rules.DRAFT:
        raise InvalidInput("这份考核已经确认，不能再修改。")


def _blank(scheme: Scheme) -> tuple[Score, ...]:
    return tuple(Score(i.key, i.label, None, scheme.scale) for i in scheme.items)


def _blank_like(scores: tuple[Score, ...]) -> tuple[Score, ...]:
    return tuple(replace(s, score=None, comment="") for s in scores)


def _scores_of(row: WorkerAssessment) -> tuple[Score, ...]:
    return tuple(
        Score(str(s["key"]), str(s["label"]), s["score"], int(s["scale"]), str(s["comment"]))
        for s in json.loads(row.scores or "[]")
    )


def _items_of(row: WorkerAssessment | None, scheme: Scheme) -> tuple[Score, ...]:
    """A saved assessment keeps the items it was scored on; a new one takes the scheme's."""
    return _scores_of(row) if row is not None and row.scores != "[]" else _blank(scheme)


def _checked_scores(given: tuple[ScoreInput, ...], items: tuple[Score, ...]) -> list[Score]:
    by_key = {s.key: s for s in given}
    unknown = set(by_key) - {i.key for i in items}
    if unknown:
        raise InvalidInput("评分项目与本站的考核项目不符，请重新打开后再评。", field="scores")
    result = []
    for item in items:
        entry = by_key.get(item.key)
        score = entry.score if entry is not None else None
        note = entry.comment.strip() if entry is not None else ""
        if score is not None and not 1 <= score <= item.scale:
            raise InvalidInput(f"“{item.label}”的分数应在 1 至 {item.scale} 之间。", field="scores")
        if len(note) > MAX_ITEM_COMMENT:
            raise InvalidInput(
                f"“{item.label}”的评语不能超过 {MAX_ITEM_COMMENT} 个字。", field="scores"
            )
        result.append(replace(item, score=score, comment=note))
    return result


def _score_json(s: Score) -> dict[str, object]:
    return {"key": s.key, "label": s.label, "score": s.score, "scale": s.scale,
            "comment": s.comment}  # fmt: skip


def _title_label(session: Session, title: str) -> str:
    label = session.scalar(
        select(CodeItem.label).where(
            CodeItem.list_name == CodeList.WORKER_TITLE.value, CodeItem.code == title
        )
    )
    return label or title


def _names(session: Session, ids: set[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return dict(
        session.execute(select(User.id, User.display_name).where(User.id.in_(wanted))).all()
    )
