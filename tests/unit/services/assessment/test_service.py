"""Saving, confirming and who may see a worker's assessment."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import update

from app.domain.assessment import parse_period
from app.domain.errors import ConflictError, InvalidInput, PermissionDenied
from app.services.assessment.service import AssessmentService
from app.services.assessment.types import ScoreInput
from app.services.context import Actor
from app.store.engine import Database
from app.store.models import Training
from tests.unit.services.assessment.assessment_records import TODAY, Built, build
from tests.unit.services.conftest import audit_actions

Q3 = parse_period("2026Q3")
FULL = (
    ScoreInput("attitude", 5, "主动"),
    ScoreInput("skill", 4),
    ScoreInput("teamwork", 4),
    ScoreInput("records", 3, "补录偏多"),
)


@pytest.fixture
def built(db: Database, admin: Actor) -> Built:
    return build(db, admin)


def service(db: Database, actor: Actor) -> AssessmentService:
    return AssessmentService(db, actor, today=TODAY)


def test_the_head_saves_a_draft_then_confirms_it_and_it_never_moves(
    db: Database, admin: Actor, built: Built
) -> None:
    head = service(db, admin)
    a = built.a.user_id
    head.save(a, Q3, scores=FULL[:2], comment="继续努力", version=None)
    view = head.view(a, Q3)
    assert [s.score for s in view.sheet.scores] == [5, 4, None, None]
    assert view.sheet.status_label == "待确认" and view.can_edit and view.can_confirm
    with pytest.raises(InvalidInput, match="还有评分项目没有打分"):
        head.confirm(a, Q3, version=view.version or 0)
    head.save(a, Q3, scores=FULL, comment="全年表现良好", version=view.version)
    with pytest.raises(ConflictError):
        head.save(a, Q3, scores=FULL, comment="旧的一份", version=view.version)
    view = head.view(a, Q3)
    assert (view.sheet.total, view.sheet.scale_total) == (16, 20)
    head.confirm(a, Q3, version=view.version or 0)
    confirmed = head.view(a, Q3)
    assert confirmed.sheet.status_label == "已确认" and not confirmed.can_edit
    assert confirmed.sheet.confirmed_by == "王站长"
    with pytest.raises(InvalidInput, match="已经确认"):
        head.save(a, Q3, scores=FULL, comment="改", version=confirmed.version)
    # A training typed in late for September moves the live figures, not the confirmed ones.
    with db.write() as session:
        session.execute(update(Training).values(hours=Decimal("8")))
    assert confirmed.sheet.figures.training_hours == Decimal("6.50")
    assert head.view(a, Q3).sheet.figures.training_hours == Decimal("6.50")
    assert head.view(a, parse_period("2026-09")).sheet.figures.training_hours == Decimal("8.00")
    assert audit_actions(db, entity="assessment") == ["create", "update", "confirm"]


def test_scores_outside_the_scale_and_unknown_items_are_refused(
    db: Database, admin: Actor, built: Built
) -> None:
    head = service(db, admin)
    with pytest.raises(InvalidInput, match="应在 1 至 5 之间"):
        head.save(built.a.user_id, Q3, scores=(ScoreInput("skill", 6),), comment="", version=None)
    with pytest.raises(InvalidInput, match="考核项目不符"):
        head.save(built.a.user_id, Q3, scores=(ScoreInput("x", 3),), comment="", version=None)


def test_a_period_not_over_cannot_be_confirmed(db: Database, admin: Actor, built: Built) -> None:
    head = service(db, admin)
    october = parse_period("2026-10")
    head.save(built.a.user_id, october, scores=FULL, comment="", version=None)
    view = head.view(built.a.user_id, october)
    assert not view.can_confirm
    with pytest.raises(InvalidInput, match="尚未结束"):
        head.confirm(built.a.user_id, october, version=view.version or 0)
    with pytest.raises(InvalidInput, match="尚未开始"):
        head.rows(parse_period("2026-11"))


def test_a_worker_reads_only_their_own_and_only_once_confirmed(
    db: Database, admin: Actor, built: Built, tmp_path: Path
) -> None:
    head = service(db, admin)
    head.save(built.a.user_id, Q3, scores=FULL, comment="草稿评语", version=None)
    own = service(db, built.a)
    assert [r.worker_id for r in own.rows(Q3)] == [built.a.user_id]
    draft = own.view(built.a.user_id, Q3)
    assert not draft.can_edit and not draft.can_confirm
    # The head's draft stays the head's until confirmed.
    assert draft.sheet.comment == "" and all(s.score is None for s in draft.sheet.scores)
    assert draft.sheet.figures.service_records == 3
    head.confirm(built.a.user_id, Q3, version=head.view(built.a.user_id, Q3).version or 0)
    seen = own.view(built.a.user_id, Q3).sheet
    assert seen.comment == "草稿评语" and seen.total == 16
    with pytest.raises(PermissionDenied):
        own.view(built.b.user_id, Q3)
    with pytest.raises(PermissionDenied):
        own.save(built.a.user_id, Q3, scores=FULL, comment="自评", version=None)
    with pytest.raises(PermissionDenied):
        own.write_xlsx(Q3, tmp_path / "考核.xlsx")
    assert "refused" in audit_actions(db)


def test_nobody_else_below_the_head_sees_any(db: Database, admin: Actor, built: Built) -> None:
    supervisor = service(db, built.supervisor)
    with pytest.raises(PermissionDenied):
        supervisor.rows(Q3)
    with pytest.raises(PermissionDenied):
        supervisor.view(built.a.user_id, Q3)


def test_the_head_lists_every_worker_of_the_station(
    db: Database, admin: Actor, built: Built
) -> None:
    head = service(db, admin)
    head.save(built.b.user_id, Q3, scores=FULL, comment="", version=None)
    rows = {r.name: r for r in head.rows(Q3)}
    assert set(rows) == {"张社工", "李社工"}
    assert rows["张社工"].status_label == "未考核" and rows["张社工"].total is None
    assert rows["李社工"].status_label == "待确认" and rows["李社工"].total == 16
    assert rows["张社工"].figures.cases_handled == 5
