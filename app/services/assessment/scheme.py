"""The assessment's settings: the head's score items and scale, and what "late" means.

Kept as data (`settings` rows of the station, else of the whole database, else the
defaults of app/domain/assessment.py), so a county or an agency with other items (or a
10-point scale) changes the settings, not the code. A saved assessment keeps the items as
they were when it was scored.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app.domain.assessment import DEFAULT_ITEMS, DEFAULT_SCALE, LATE_DAYS, ScoreItem
from app.domain.errors import InvalidInput
from app.store import settings as settings_rows

from .types import Scheme

ITEMS_KEY = "assessment.items"
"""[{"key": "attitude", "label": "工作态度"}, …]"""
SCALE_KEY = "assessment.scale"
LATE_DAYS_KEY = "assessment.late_days"
"""A record entered more than this many days after its 发生日期 counts as late (补录)."""
MAX_ITEMS = 10


def _read(session: Session, key: str, station_id: int, default: Any) -> Any:
    value = settings_rows.read(session, key, None, station_id=station_id)
    if value is None:
        value = settings_rows.read(session, key, default, station_id=None)
    return value


def read(session: Session, station_id: int) -> Scheme:
    stored = _read(session, ITEMS_KEY, station_id, None)
    items = (
        tuple(ScoreItem(str(i["key"]), str(i["label"])) for i in stored)
        if stored
        else DEFAULT_ITEMS
    )
    return Scheme(
        items=items,
        scale=int(_read(session, SCALE_KEY, station_id, DEFAULT_SCALE)),
        late_days=int(_read(session, LATE_DAYS_KEY, station_id, LATE_DAYS)),
    )


def check(scheme: Scheme) -> None:
    if not 1 <= len(scheme.items) <= MAX_ITEMS:
        raise InvalidInput(f"评分项目应有 1 至 {MAX_ITEMS} 项。", field="items")
    keys = [i.key.strip() for i in scheme.items]
    labels = [i.label.strip() for i in scheme.items]
    if not all(keys) or not all(labels) or len(set(keys)) != len(keys):
        raise InvalidInput("每个评分项目都要有名称，且不能重复。", field="items")
    if any(len(label) > 20 for label in labels):
        raise InvalidInput("评分项目名称不能超过 20 个字。", field="items")
    if not 2 <= scheme.scale <= 100:
        raise InvalidInput("评分满分应在 2 至 100 之间。", field="scale")
    if not 0 <= scheme.late_days <= 365:
        raise InvalidInput("补录天数应在 0 至 365 之间。", field="late_days")


def write(session: Session, scheme: Scheme, station_id: int, user_id: int) -> None:
    items = [{"key": i.key.strip(), "label": i.label.strip()} for i in scheme.items]
    for key, value in ((ITEMS_KEY, items), (SCALE_KEY, scheme.scale),
                       (LATE_DAYS_KEY, scheme.late_days)):  # fmt: skip
        settings_rows.write(session, key, value, station_id=station_id, user_id=user_id)
