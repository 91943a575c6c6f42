"""The printed group file: plan, sessions with sign-in tables, summary; CJK font embedded."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from app.domain.roles import Role
from app.services.context import Actor
from app.services.groups.printing import GroupPrintService
from app.services.groups.service import GroupService
from app.services.groups.types import AttendanceInput, EndInput, SessionInput
from app.store.engine import Database
from tests import pdf_reading
from tests.unit.services.conftest import TODAY, audit_actions
from tests.unit.services.groups.test_groups import HELD_ON, with_members


@pytest.fixture
def worker(make_actor: Callable[..., Actor]) -> Actor:
    return make_actor(Role.WORKER, "liwei", "李伟")


def test_the_group_file_reads_back(db: Database, worker: Actor, tmp_path: Path) -> None:
    group_id, (li, wang, zhang) = with_members(db, worker, "李秀英", "王桂兰", "张建国")
    service = GroupService(db, worker, today=TODAY)
    first = service.add_session(
        group_id,
        version=service.get(group_id).version,
        data=SessionInput(
            held_on=HELD_ON,
            topic="相识与破冰",
            walk_in_count=2,
            attendance=(
                AttendanceInput(li, "present", "主动分享跌倒经历"),
                AttendanceInput(wang, "absent"),
                AttendanceInput(zhang, "left"),
            ),
        ),
    )
    second = service.add_session(
        group_id,
        version=first.version,
        data=SessionInput(held_on=TODAY, topic="居家安全大排查", attendance=(AttendanceInput(li),)),
    )
    service.end(
        group_id,
        version=second.version,
        data=EndInput(TODAY, scale_name="防跌倒效能量表", summary="组员互助意识明显提高。"),
    )
    path = GroupPrintService(db, worker, today=TODAY).group_file_pdf(group_id, tmp_path / "g.pdf")

    text = pdf_reading.text(path)
    for expected in (
        "小组工作档案",
        "长者防跌倒互助小组",
        "第1节",
        "相识与破冰",
        "居家安全大排查",
        "签到表",
        "李秀英",
        "王桂兰",
        "张建国",
        "缺席",
        "中途离开",
        "主动分享跌倒经历",
        "防跌倒效能量表",
        "组员互助意识明显提高",
    ):
        assert expected in text, expected
    # Session 1: one present and two walk-ins make three 人次; the group adds session 2.
    assert "3人次" in text and "4人次" in text
    pages = text.split("\f")
    sign_in = next(p for p in pages if "相识与破冰" in p and "签到表" in p)
    assert all(name in sign_in for name in ("李秀英", "王桂兰", "张建国"))
    fonts = pdf_reading.fonts(path)
    assert fonts and all(font.embedded for font in fonts)
    assert any("WenQuanYiMicroHei" in font.name for font in fonts)
    assert audit_actions(db, entity="group")[-1] == "export"
