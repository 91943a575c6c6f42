"""The printed activity record: text readable, CJK font embedded, photos placed as images."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from app.domain.roles import Role
from app.services.community.photos import ActivityPhotoService
from app.services.community.printing import ActivityPrintService
from app.services.community.service import ActivityService
from app.services.context import Actor
from app.store.engine import Database
from tests.unit.services.activity_flow import activity_input, make_photo
from tests.unit.services.case_flow import new_client
from tests.unit.services.conftest import TODAY, audit_actions

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils is not installed"
)


def run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


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
    text = run("pdftotext", "-layout", str(path), "-")
    for expected in (
        "社区活动记录表",
        "端午节包粽子活动",
        "节日活动",
        "梅林村委会、县义工协会",
        "参与总人数",
        "老年人",
        "李秀英",
        "记录人（签名）",
        "第1页/共1页",
    ):
        assert expected in text, expected
    figures = next(line for line in text.splitlines() if "36" in line and "20" in line)
    assert figures.split() == ["36", "20", "12", "2", "2"]
    fonts = run("pdffonts", str(path)).splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts)  # emb column
    assert any("WenQuanYiMicroHei" in line for line in fonts)
    assert run("pdfimages", "-list", str(path)).count("\n") == 2  # the header lines only
    assert audit_actions(db, entity="activity", entity_id=activity_id)[-1] == "export"


def test_photos_are_placed_two_to_a_row(db: Database, worker: Actor, tmp_path: Path) -> None:
    path, _ = print_one(db, worker, tmp_path, photos=3)
    images = run("pdfimages", "-list", str(path)).splitlines()[2:]
    assert len(images) == 3
    # A large original is printed from a smaller copy: the PDF stays small enough to send.
    sizes = [tuple(int(v) for v in line.split()[3:5]) for line in images]
    assert sizes == [(800, 600), (800, 600), (800, 1200)]
    text = run("pdftotext", "-layout", str(path), "-")
    assert "活动照片" in text and "活动照片3" in text
    # The first two captions sit side by side on one line.
    assert any("活动照片1" in line and "活动照片2" in line for line in text.splitlines())
