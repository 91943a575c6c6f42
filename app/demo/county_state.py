"""The county demo's state for 县级总览: most stations have closed last month (月结), and
the remote ones work offline and have sent their data packages (数据包) in.

The package log says which numbered packages the county applied and when, as the import
writes it; one station's latest package waits for the one before it (held). The county
has a public key (密钥对) that its return packages hand to the stations; its private half
was thrown away when the key was made: the demo's packages exist only in the log. Two clients
of offline stations were changed on both sides: one conflict waits for a person (the phone
both changed; the address only the station changed merges with the decision, the county's
note stays), the other was decided and goes back in the station's next return package.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.services.context import Actor
from app.services.packages import county_key
from app.services.packages.keys import public_key
from app.services.packages.merging import COUNTY, STATION, CountyRows
from app.services.packages.tables import spec_named
from app.services.reports.closing import MonthCloseService
from app.services.reports.service import add_months, month_start
from app.store.engine import Database
from app.store.models import Client, PackageConflict, PackageLog, Station

CLOSED_SHARE = 0.7
"""Of the stations other than the administrator's own (whose month stays open)."""
OFFLINE_STATIONS = 8
"""The last stations by code: the remote townships that send packages."""
DEMO_COUNTY_PEM = """
-----BEGIN PUBLIC KEY-----
MIIBojANBgkqhkiG9w0BAQEFAAOCAY8AMIIBigKCAYEA+dNfmuxe62Z4ArMSNHRH
WJakm0BhEdSFwL23jefXQVSJcCA9iHEJ6t03lMfXBDjo0gZXFGCTYeKlxc3gjOGd
IvyG9jwmX/4LLkBFlGXHNyEk4kv+UaZCBwbjoqCv0Mj0GNYkRd3oqBVzz+akxbMY
lz/gItFuGoxDESi81IylSxpkurIaKFiJFisG+ZFfVze1GpaddxOpR+KeF2RY7k/v
5TYACRDo/UuXHJXArrE977YdvVH1KoQMuY6FOPYS+d/EzSgMJz8xKPyPMGLb/mj4
sAR7FR07qhmfTvNONFMkYNuAaUzfmHQ2FsIN2wMqDEbb8fD9QRuGUWHnuOuktY21
XjaPA+k+s/HiPer0tuOyZYBby9BD1KMSJUsIHwfk9bUghHOy1G1KBzzCUnYIyCjD
H3pU4MNyRFkxZPE8rfSiZfGlQugDwapfV0W3deDY1XfijLx9iESuhKeYOe9w/6RC
tgJoxlo3qzpBsg0v+pRzubwofRQ3/TA5rnFiGUnIvj2jAgMBAAE=
-----END PUBLIC KEY-----
"""


def fill(db: Database, actor: Actor, rng: random.Random) -> dict[str, int]:
    """Close last month for most stations and log the offline stations' packages."""
    today = db.clock.today()
    last_month = add_months(month_start(today), -1)
    with db.read() as session:
        stations = list(session.scalars(select(Station).order_by(Station.code)))
    others = [s for s in stations if s.id != actor.station_id]
    closing = rng.sample(others, round(len(others) * CLOSED_SHARE))
    months = MonthCloseService(db, actor)
    for station in sorted(closing, key=lambda s: s.code):
        months.close(last_month, note="示范数据：按时月结", station_id=station.id)
    offline = others[-OFFLINE_STATIONS:]
    packages = 0
    with db.write() as session:
        county_key.store(session, public_key(DEMO_COUNTY_PEM))
        for index, station in enumerate(offline):
            sent = rng.randint(3, 9)
            day = today - dt.timedelta(days=7 * sent + rng.randint(0, 6))
            for sequence in range(1, sent + 1):
                day += dt.timedelta(days=rng.randint(5, 9))
                made = dt.datetime.combine(min(day, today), dt.time(17, rng.randint(0, 59)))
                held = index == 0 and sequence == sent  # its number `sent` has not arrived
                session.add(
                    PackageLog(
                        station_id=station.id,
                        direction="import",
                        package_id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                        sequence=sequence + 1 if held else sequence,
                        status="held" if held else "applied",
                        station_uuid=station.uuid,
                        created_at=made.astimezone(dt.UTC),
                        logged_at=(made + dt.timedelta(hours=15)).astimezone(dt.UTC),
                        user_id=actor.user_id,
                    )
                )
                packages += 1
        now = dt.datetime.combine(today, dt.time(10, 30)).astimezone(dt.UTC)
        conflicts = [
            _conflict(session, actor, station, decided=n == 1, when=now)
            for n, station in enumerate(offline[1:3])
        ]
    return {
        "closed": len(closing), "offline": len(offline), "packages": packages,
        "conflicts": sum(conflicts),
    }  # fmt: skip


def _conflict(
    session: Session, actor: Actor, station: Station, *, decided: bool, when: dt.datetime
) -> int:
    """A client of the station both sides changed since its last package (see above)."""
    client = session.scalar(
        select(Client).where(Client.station_id == station.id).order_by(Client.id).limit(1)
    )
    last = session.scalar(
        select(PackageLog)
        .where(PackageLog.station_id == station.id, PackageLog.status == "applied")
        .order_by(PackageLog.sequence.desc())
        .limit(1)
    )
    if client is None or last is None:
        return 0
    spec = spec_named("clients")
    mine = dict(
        session.execute(select(spec.table).where(spec.table.c.id == client.id)).mappings().one()
    )
    row = CountyRows(session, spec, [mine]).encoded(mine)
    theirs = {**row, "phone": "13907310288", "address": f"{row['address']}（已搬到女儿家）",
              "version": row["version"] + 1}  # fmt: skip
    session.add(
        PackageConflict(
            station_id=station.id, package_id=last.package_id, entity="clients",
            record_uuid=client.uuid, fields=json.dumps([["phone", row["phone"], theirs["phone"]]]),
            station_row=json.dumps(theirs, ensure_ascii=False),
            station_version=theirs["version"], county_version=row["version"],
            status="resolved" if decided else "open", created_at=when,
            resolved_at=when + dt.timedelta(hours=1) if decided else None,
            resolved_by_id=actor.user_id if decided else None,
            choices=json.dumps({"phone": COUNTY}) if decided else "{}",
            merged=json.dumps([["address", STATION], ["notes", COUNTY]]),
        )
    )  # fmt: skip
    return 1
