"""Anonymising reaches the reports stored by a month close (月结) too.

A closed month keeps its whole report as JSON, the detail lists with clients' names
among it. When a client is anonymised, every text in a stored report that mentions one
of their names or numbers becomes "已匿名", as the record itself does; the figures, which
are numbers, stay as they were signed.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.services.access.retention_types import ANONYMISED
from app.store.models import MonthClose


def forget(session: Session, station_id: int, needles: Collection[str]) -> int:
    """Blank the texts that mention any of `needles`; returns how many closings changed."""
    wanted = [n for n in needles if n]
    if not wanted:
        return 0
    changed = 0
    closings = select(MonthClose).where(MonthClose.station_id == station_id)
    for closing in session.scalars(closings):
        if not any(n in closing.figures for n in wanted):
            continue
        data = json.loads(closing.figures)
        closing.figures = json.dumps(_blank(data, wanted), ensure_ascii=False, sort_keys=True)
        changed += 1
    return changed


def _blank(value: Any, needles: list[str]) -> Any:
    if isinstance(value, str):
        return ANONYMISED if any(n in value for n in needles) else value
    if isinstance(value, list):
        return [_blank(v, needles) for v in value]
    if isinstance(value, dict):
        # Tags ("$t", "$d"…) and field names are the model's, never a person's.
        return {k: v if k.startswith("$") else _blank(v, needles) for k, v in value.items()}
    return value
