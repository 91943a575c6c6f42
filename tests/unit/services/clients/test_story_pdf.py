"""The story as a PDF: masked by default, full numbers only for who may see them, logged."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from app.domain.errors import PermissionDenied
from app.domain.masking import mask_id
from app.domain.roles import Role
from app.services.clients.story import ClientStoryService
from app.services.clients.story_types import StoryKind
from app.services.context import Actor
from app.store.engine import Database
from tests import pdf_reading
from tests.unit.services.clients.story_flow import ID_NUMBER, build_story
from tests.unit.services.conftest import TODAY, audit_actions


def test_masked_story_has_every_event_and_no_full_number(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    built = build_story(db, admin)
    path = ClientStoryService(db, admin, today=TODAY).story_pdf(
        built.client_id, tmp_path / "story.pdf"
    )
    text = pdf_reading.text(path)
    flat = "".join(text.split())
    assert ID_NUMBER not in flat and ID_NUMBER[-6:] not in flat
    assert mask_id(ID_NUMBER) in flat
    assert "13812345678" not in flat and "138****5678" in flat
    for seen in (
        "李秀英服务经历",
        "转介至县残联",
        "常规走访",
        "风险等级：低→高",
        "知情同意·服务",
    ):
        assert seen in flat, seen
    # Newest first: the visit is told before the referral, the referral before the consent.
    assert flat.index("常规走访") < flat.index("转介至县残联") < flat.index("知情同意·服务")
    assert all(font.embedded for font in pdf_reading.fonts(path))
    # poppler reads it too (what a station's PDF viewer would show).
    poppler = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "服务经历" in poppler and ID_NUMBER not in "".join(poppler.split())
    assert audit_actions(db, entity="client", entity_id=built.client_id)[-1] == "export"


def test_a_filtered_story_says_what_it_holds(db: Database, admin: Actor, tmp_path: Path) -> None:
    built = build_story(db, admin)
    path = ClientStoryService(db, admin, today=TODAY).story_pdf(
        built.client_id, tmp_path / "visits.pdf", kinds={StoryKind.VISIT}
    )
    flat = "".join(pdf_reading.text(path).split())
    assert "只含走访" in flat and "常规走访" in flat
    assert "转介至县残联" not in flat


def test_full_numbers_for_who_may_see_them_and_logged(
    db: Database, admin: Actor, make_actor: Callable[..., Actor], tmp_path: Path
) -> None:
    built = build_story(db, admin)
    path = ClientStoryService(db, admin, today=TODAY).story_pdf(
        built.client_id, tmp_path / "full.pdf", reveal=True
    )
    assert ID_NUMBER in "".join(pdf_reading.text(path).split())
    assert audit_actions(db, entity="client", entity_id=built.client_id)[-2:] == [
        "reveal",
        "export",
    ]
    # A worker who is not the client's sees the masked story only; the refusal is logged.
    stranger = make_actor(Role.WORKER)
    service = ClientStoryService(db, stranger, today=TODAY)
    with pytest.raises(PermissionDenied):
        service.story_pdf(built.client_id, tmp_path / "refused.pdf", reveal=True)
    assert not (tmp_path / "refused.pdf").exists()
    assert audit_actions(db, entity="client", entity_id=built.client_id)[-1] == "refused"
    assert service.story_pdf(built.client_id, tmp_path / "masked.pdf").exists()
