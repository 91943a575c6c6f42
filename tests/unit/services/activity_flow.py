"""Shared helpers for the activity tests: an activity input and a small real photo."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

from PIL import Image

from app.services.community.types import ActivityInput, ParticipantCounts

HELD_ON = dt.date(2025, 6, 18)


def activity_input(**fields: Any) -> ActivityInput:
    default = ActivityInput(
        title="端午节包粽子活动",
        activity_type="festival",
        held_on=HELD_ON,
        start_time=dt.time(9, 0),
        end_time=dt.time(11, 30),
        place="梅林村党群服务中心",
        partners=("梅林村委会", "县义工协会"),
        target_group="留守老人和儿童",
        participants=ParticipantCounts(total=36, elderly=20, children=12, disabled=2, other=2),
        resources_used="糯米、粽叶，村委会提供场地",
        content="社工带领老人和孩子一起包粽子，讲端午节的来历。",
        outcome="老人与儿童互动良好，邻里关系更融洽。",
    )
    return replace(default, **fields)


def make_photo(path: Path, size: tuple[int, int] = (640, 480), fmt: str = "JPEG") -> Path:
    Image.new("RGB", size, (200, 120, 40)).save(path, fmt)
    return path
