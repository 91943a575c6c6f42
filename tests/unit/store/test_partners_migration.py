"""Revision 0016: an activity's partners become one row per name, referrals and resources
get a partner link, and text is matched to the directory only by an exact name."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select, text

from app.services.context import Actor
from app.store import partner_links
from app.store.engine import Database
from app.store.models import Activity, ActivityPartner, Client, Partner, Referral, Resource
from tests.unit.store.migrating import move


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest) -> Database:
    database: Database = request.getfixturevalue(
        "sqlite_db" if request.param == "sqlite" else "pg_db"
    )
    return database


def test_partners_text_is_split_and_kept_through_down_and_up(db: Database, admin: Actor) -> None:
    sid = admin.station_id
    with db.write() as s:
        client = Client(station_id=sid, name="甲", id_number="")
        s.add(client)
        s.flush()
        s.add_all(
            [
                Activity(station_id=sid, title="重阳节", activity_type="festival",
                         held_on=dt.date(2026, 10, 1), partners="县残联、县义工协会，县残联"),
                Activity(station_id=sid, title="议事会", activity_type="deliberation",
                         held_on=dt.date(2026, 10, 2), partners=""),
                Referral(station_id=sid, client_id=client.id, agency="县残联",
                         sent_on=dt.date(2026, 10, 3)),
                Resource(station_id=sid, received_on=dt.date(2026, 10, 4), source="爱心企业",
                         kind="cash", value_yuan=Decimal("100")),
            ]
        )  # fmt: skip
    move(db, "0015")
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT agency FROM referrals")).scalars().all() == ["县残联"]
    move(db, "head")
    with db.read() as s:
        rows = s.execute(
            select(ActivityPartner.name, ActivityPartner.partner_id, ActivityPartner.station_id)
            .order_by(ActivityPartner.id)
        ).all()  # fmt: skip
        assert rows == [("县残联", None, sid), ("县义工协会", None, sid)]
        assert s.scalars(select(Referral.partner_id)).all() == [None]
    # The statement the migration runs: an exact name matches, nothing else does.
    with db.write() as s:
        county = Partner(station_id=None, name="县残联", partner_type="government",
                         department="disabled_federation")  # fmt: skip
        own = Partner(station_id=sid, name="县残联", partner_type="government",
                      department="disabled_federation")  # fmt: skip
        s.add_all([county, own, Partner(station_id=sid, name="爱心", partner_type="enterprise")])
        s.flush()
        matched = partner_links.match_exact(s)
        own_id = own.id
    assert matched == {"referrals": 1, "activity_partners": 1, "resources": 0}
    with db.read() as s:
        # The station's own partner before the county-wide one of the same name.
        assert s.scalars(select(Referral.partner_id)).all() == [own_id]
        assert s.scalars(select(Resource.partner_id)).all() == [None]
