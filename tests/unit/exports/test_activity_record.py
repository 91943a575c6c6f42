"""The printed activity record: text readable, CJK font embedded, photos placed as images."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from app.domain.roles import Role
from app.services.community.photos import ActivityPhotoService
from app.services.community.printing import ActivityPrintService
from app.services.community.service import ActivityService
from app.services.context import Actor
from app.store.engine import Database
from tests import pdf_reading
from tests.unit.services.activity_flow import activity_input, make_photo
from tests.unit.services.case_flow import new_client
from tests.unit.services.conftest import TODAY, audit_actions


@pytest.fixture
def worker(make_actor: Callable[..., Actor]) -> Actor:
    return make_actor(Role.WORKER, "liwei", "李伟")


def print_one(db: Database, worker: Actor, tmp_path: Path, photos: int) -> tuple[Path, int]:
    folder = tmp_path / "photos"
    client = new_client(db, worker, "李秀英")
    activity_id = (
        ActivityService(db, worker, today=TODAY, photo_folder=folder)
        .create(activity_input(client_ids=(client,)))
        .activity_id
    )
    for i in range(photos):
        ActivityPhotoService(db, worker, folder=folder).add(
            activity_id,
            make_photo(tmp_path / f"p{i}.jpg", size=(2000, 3000) if i == 2 else (800, 600)),
            caption=f"活动照片{i + 1}",
        )
    path = tmp_path / "record.pdf"
    ActivityPrintService(db, worker, today=TODAY, photo_folder=folder).record_pdf(activity_id, path)
    return path, activity_id


def test_the_record_reads_back_with_figures(db: Database, worker: Actor, tmp_path: Path) -> None:
    path, activity_id = print_one(db, worker, tmp_path, photos=0)
    text = pdf_reading.text(path)
    for expected in (
        "社区活动记录表",
        "端午节包粽子活动",
        "节日活动",
        "梅林村委会、县义工协会",
        "参与总人数",
        "老年人",
        "李秀英",
        "记录人（签名）",
        "第 1 页 / 共 1 页",
    ):
        assert expected in text, expected
    figures = next(line for line in text.splitlines() if "36" in line and "20" in line)
    assert figures.split() == ["36", "20", "12", "2", "2"]
    fonts = pdf_reading.fonts(path)
    assert fonts and all(font.embedded for font in fonts)
    assert any("WenQuanYiMicroHei" in font.name for font in fonts)
    assert pdf_reading.image_sizes(path) == []
    assert audit_actions(db, entity="activity", entity_id=activity_id)[-1] == "export"


def test_photos_are_placed_two_to_a_row(db: Database, worker: Actor, tmp_path: Path) -> None:
    path, _ = print_one(db, worker, tmp_path, photos=3)
    # A large original is printed from a smaller copy: the PDF stays small enough to send.
    assert pdf_reading.image_sizes(path) == [(800, 600), (800, 600), (800, 1200)]
    text = pdf_reading.text(path)
    assert "活动照片" in text and "活动照片3" in text
    # The first two captions sit side by side on one line.
    assert any("活动照片1" in line and "活动照片2" in line for line in text.splitlines())
