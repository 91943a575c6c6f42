"""Demo consents (知情同意): every client with a case signed the service consent by intake.

A case is opened only for a client with a recorded service consent (or a recorded reason
why none could be taken), so the demo's case clients have one, signed on or before the
intake date: by the client, or by the guardian for a child under 14. Some of the other
clients signed when they were registered; the rest show what a missing consent looks like.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any, cast

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from app.demo.inserts import insert_rows
from app.domain.consent import SERVICE
from app.services.access.consent_types import DEFAULT_TEXT_VERSION
from app.store.models import Case, Client, Consent
from app.store.uuids import new_uuid

_CHILD_SIGNS_FROM = 14


def fill_consents(
    session: Session, station_id: int, rng: random.Random, now: dt.datetime, today: dt.date
) -> int:
    """Add the station's service consents; returns how many."""
    first_intake = dict(
        session.execute(
            select(Case.client_id, func.min(Case.intake_date))
            .where(Case.station_id == station_id)
            .group_by(Case.client_id)
        ).all()
    )
    rows: list[dict[str, Any]] = []
    for cid, name, born, guardian, relation, created in session.execute(
        select(
            Client.id, Client.name, Client.birth_date, Client.guardian_name,
            Client.guardian_relation, Client.created_at,
        ).where(Client.station_id == station_id).order_by(Client.id)
    ):  # fmt: skip
        intake = first_intake.get(cid)
        if intake is None and rng.random() < 0.4:
            continue  # not asked yet: no case, no consent
        day = intake or min(created.date(), today)
        day -= dt.timedelta(days=rng.randint(0, 3) if intake else 0)
        child = born is not None and (day - born).days < _CHILD_SIGNS_FROM * 365
        rows.append(
            {
                "uuid": new_uuid(), "station_id": station_id, "client_id": cid,
                "item": SERVICE, "granted": True, "signed_on": day,
                "signer_name": (guardian or "监护人") if child else name,
                "signer_relation": (relation or "监护人") if child else "本人",
                "text_version": DEFAULT_TEXT_VERSION, "created_at": now, "updated_at": now,
                "version": 1,
            }
        )  # fmt: skip
    if rows:
        insert_rows(session, cast(Table, Consent.__table__), rows)
    return len(rows)
