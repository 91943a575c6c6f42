"""The return package (回执包): the county's acknowledgement and reference data.

It tells the station the last of its packages the county applied (the station's next
export starts after that one), and carries what the county decides for everyone: the
code lists, the county-wide settings, the station's users, the county's indicator
systems (county_systems.py) and the county's decisions on the station's conflicts, with the
records as decided (decisions.py). The station takes them over its own; a return package
older than one already taken is refused.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from app.services.context import Actor, Changes
from app.services.packages import county_key, county_systems, decisions
from app.services.packages import stations as log
from app.services.packages.container import Opened, seal, to_json
from app.services.packages.tables import decode_row, encode, spec_named
from app.services.packages.types import (
    ENTITY,
    RETURN_KIND,
    PackageRefused,
    ReturnExport,
    ReturnImport,
)
from app.store.engine import clock_of
from app.store.models import CodeItem, PackageLog, Setting, Station, User

_CODE_FIELDS = ("list_name", "code", "label", "sort", "active")
_USER_FIELDS = ("uuid", "login", "display_name", "role", "title", "phone", "active",
                "registered_on", "password_hash", "must_change_password")  # fmt: skip
# A user the station already has keeps their own password and lock-out state.
_USER_UPDATES = ("display_name", "role", "title", "phone", "active", "registered_on")


def make(session: Session, station: Station, password: str) -> tuple[bytes, ReturnExport]:
    applied = log.last(session, station.id, log.IMPORT, log.APPLIED)
    previous = log.last(session, station.id, log.RETURN)
    sequence = (previous.sequence if previous else 0) + 1
    package_id = str(uuid.uuid4())
    now = clock_of(session).now()
    header = {"kind": RETURN_KIND, "package_id": package_id, "sequence": sequence,
              "station": log.station_named(station)}  # fmt: skip
    manifest = {
        **header,
        "acknowledged": applied.sequence if applied else 0,
        "acknowledged_id": applied.package_id if applied else "",
        "created_at": now.isoformat(),
    }
    codes = [{f: getattr(c, f) for f in _CODE_FIELDS} for c in session.scalars(select(CodeItem))]
    settings = [
        {"key": s.key, "value": s.value}
        for s in session.scalars(select(Setting).where(Setting.station_id.is_(None)))
    ]
    users = [
        {f: encode(getattr(u, f)) for f in _USER_FIELDS}
        for u in session.scalars(select(User).where(User.station_id == station.id))
    ]
    decided = decisions.outgoing(session, station.id)
    parts = {"code_items.json": to_json(codes), "settings.json": to_json(settings),
             "users.json": to_json(users), "decisions.json": to_json(decided)}  # fmt: skip
    parts[county_systems.PART] = to_json(county_systems.county_systems(session))
    data = seal(header, manifest, parts, password)
    session.add(
        PackageLog(
            station_id=station.id, direction=log.RETURN, package_id=package_id, sequence=sequence,
            station_uuid=station.uuid, created_at=now,
            counts=to_json({"users": len(users), "decisions": len(decided)}).decode(),
        )
    )  # fmt: skip
    acknowledged = applied.sequence if applied else 0
    result = ReturnExport(
        package_id, station.code, acknowledged, len(users), len(data), decisions=len(decided)
    )
    return data, result


def take(session: Session, actor: Actor, opened: Opened) -> ReturnImport:
    m = opened.manifest
    if m.get("kind") != RETURN_KIND:
        raise PackageRefused("这是站点发给县里的数据包，应在县里导入，不能在站点导入。")
    station = session.get(Station, actor.station_id)
    assert station is not None
    named = m["station"]
    if named["uuid"] != station.uuid and named["code"] != station.code:
        raise PackageRefused(
            f"这个回执包是发给 {named['name']}（{named['code']}）的，不是本站的，没有导入。"
        )
    known = log.logged(session, log.ACK, m["package_id"])
    if known is not None:
        if known.digest != opened.digest:
            raise PackageRefused("已导入过编号相同但内容不同的回执包，这个回执包被拒绝。")
        return ReturnImport(known.sequence, 0, 0, 0, already=True)
    newest = _newest_return(session, station.id)
    if m["sequence"] <= newest:
        raise PackageRefused("这个回执包比已经导入的回执包旧（可能是重发的旧包），没有导入。")
    if m["acknowledged"]:
        sent = log.exported(session, station.id, m["acknowledged"])
        if sent is None or sent.package_id != m["acknowledged_id"]:
            raise PackageRefused("回执包确认的数据包不是本站导出的，没有导入。请核对站点。")
    codes = _codes(session, opened.part("code_items.json") or [])
    key_before = county_key.stored(session)
    settings = _settings(session, opened.part("settings.json") or [])
    key_after = county_key.stored(session)
    users = _users(session, station.id, opened.part("users.json") or [])
    county_systems.take(session, opened.part(county_systems.PART) or [])
    # An older county sends no decisions.
    decided = decisions.take(session, actor, opened.part("decisions.json") or [], m["package_id"])
    session.add(
        PackageLog(
            station_id=station.id, direction=log.ACK, package_id=m["package_id"],
            sequence=m["acknowledged"], previous_id=str(m["sequence"]), digest=opened.digest,
            station_uuid=station.uuid, created_at=dt.datetime.fromisoformat(m["created_at"]),
            user_id=actor.user_id,
        )
    )  # fmt: skip
    brought = key_after.fingerprint if key_after is not None and key_after != key_before else ""
    touched = ("code", "user", "setting", "evaluation_system", ENTITY, *sorted(decided.entities))
    return ReturnImport(
        m["acknowledged"], codes, settings, users, changes=Changes.of(*touched),
        decisions=decided.decisions, applied=decided.applied, county_key=brought,
    )  # fmt: skip


def _newest_return(session: Session, station_id: int) -> int:
    """The number of the newest return package taken (kept in the ack's previous_id)."""
    taken = session.scalars(
        select(PackageLog.previous_id).where(
            PackageLog.station_id == station_id, PackageLog.direction == log.ACK
        )
    )
    return max((int(n) for n in taken if n.isdigit()), default=0)


def _codes(session: Session, items: list[dict[str, Any]]) -> int:
    have = {(c.list_name, c.code): c for c in session.scalars(select(CodeItem))}
    changed = 0
    for item in items:
        mine = have.get((item["list_name"], item["code"]))
        if mine is None:
            session.add(CodeItem(**item))
            changed += 1
        elif any(getattr(mine, f) != item[f] for f in _CODE_FIELDS):
            for f in ("label", "sort", "active"):
                setattr(mine, f, item[f])
            changed += 1
    return changed


def _settings(session: Session, items: list[dict[str, Any]]) -> int:
    have = {s.key: s for s in session.scalars(select(Setting).where(Setting.station_id.is_(None)))}
    changed = 0
    for item in items:
        mine = have.get(item["key"])
        if mine is None:
            session.add(Setting(station_id=None, key=item["key"], value=item["value"]))
            changed += 1
        elif mine.value != item["value"]:
            mine.value = item["value"]
            changed += 1
    return changed


def _users(session: Session, station_id: int, items: list[dict[str, Any]]) -> int:
    spec = spec_named("users")
    changed = 0
    for item in items:
        values = decode_row(spec, item)
        mine = session.scalar(select(User).where(User.uuid == item["uuid"]))
        if mine is None:
            mine = session.scalar(select(User).where(User.login == item["login"]))
        if mine is not None and mine.station_id != station_id:
            raise PackageRefused(
                f"用户名 {item['login']} 在本站数据库中属于另一个站点，回执包没有导入。"
            )
        if mine is None:
            session.execute(insert(User).values(station_id=station_id, **values))
            changed += 1
            continue
        updates = {f: values[f] for f in _USER_UPDATES if getattr(mine, f) != values[f]}
        if updates:
            session.execute(
                update(User).where(User.id == mine.id).values(uuid=item["uuid"], **updates)
            )
            changed += 1
    return changed
