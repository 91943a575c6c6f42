"""Settings rows: JSON values per station, or for the whole database (station None).

Reading and writing the row only; who may change a setting, and the audit entry, are the
services' business (settings.stations.SettingsService, and the few services that keep
their own settings such as retention).
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store.models import Setting


def _where(key: str, station_id: int | None) -> Any:
    station = (
        Setting.station_id == station_id if station_id is not None else Setting.station_id.is_(None)
    )
    return select(Setting).where(Setting.key == key, station)


def read(session: Session, key: str, default: Any = None, *, station_id: int | None) -> Any:
    row = session.scalar(_where(key, station_id))
    return default if row is None else json.loads(row.value)


def write(
    session: Session, key: str, value: Any, *, station_id: int | None, user_id: int | None
) -> None:
    text = json.dumps(value, ensure_ascii=False)
    row = session.scalar(_where(key, station_id))
    if row is None:
        session.add(
            Setting(
                key=key,
                value=text,
                station_id=station_id,
                created_by_id=user_id,
                updated_by_id=user_id,
            )
        )
    else:
        row.value = text
        row.updated_by_id = user_id
