"""Where a database keeps the county's public key: a county-wide setting.

At the county it is the key the county hands out (a return package carries the county-wide
settings, so every station it answers gets it); at a station it is the key its packages
are encrypted for. It is public: a file, a setting, a return package may all carry it.
"""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.services.packages.keys import PublicKey, public_key
from app.store.models import Setting

SETTING = "packages.county_public_key"


def stored(session: Session) -> PublicKey | None:
    row = _row(session)
    if row is None:
        return None
    return public_key(str(json.loads(row.value)))


def store(session: Session, key: PublicKey) -> bool:
    """Keep `key`; False when it was already the one kept."""
    row = _row(session)
    value = json.dumps(key.pem)
    if row is None:
        session.add(Setting(station_id=None, key=SETTING, value=value))
        return True
    if row.value == value:
        return False
    row.value = value
    return True


def _row(session: Session) -> Setting | None:
    return session.scalar(
        select(Setting).where(Setting.station_id.is_(None), Setting.key == SETTING)
    )
