"""Which station a package belongs to, and where its numbering stands on each side."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.services.packages.types import PackageRefused
from app.store.models import PackageLog, Station

EXPORT, ACK, IMPORT, RETURN = "export", "ack", "import", "return"
APPLIED, HELD = "applied", "held"


def county_station(session: Session, named: dict[str, Any], *, adopt: bool = True) -> Station:
    """The county's row of the station a package comes from (by uuid, else by its code).

    The first package from a station whose row the county made itself (`station add`)
    gives that row the station's uuid; a package from a second station under a code
    already taken by packages is refused.
    """
    station = session.scalar(select(Station).where(Station.uuid == named["uuid"]))
    if station is not None:
        return station
    station = session.scalar(select(Station).where(Station.code == named["code"]))
    if station is None:
        raise PackageRefused(
            f"县数据库中没有站点 {named['name']}（{named['code']}），这个数据包没有导入。"
            "请先在 设置 → 站点 添加这个站点，或确认数据包发对了地方。"
        )
    took = session.scalar(
        select(func.count())
        .select_from(PackageLog)
        .where(PackageLog.station_id == station.id, PackageLog.direction == IMPORT)
    )
    if took:
        raise PackageRefused(
            f"这个数据包来自另一个代码同为 {named['code']} 的站点（不是以前发来数据包的那个），"
            "没有导入。请核对站点。"
        )
    if adopt:  # not in a dry run, which writes nothing
        station.uuid = named["uuid"]
    return station


def station_named(station: Station) -> dict[str, str]:
    return {"uuid": station.uuid, "code": station.code, "name": station.name}


def last(session: Session, station_id: int, direction: str, status: str = "") -> PackageLog | None:
    stmt = select(PackageLog).where(
        PackageLog.station_id == station_id, PackageLog.direction == direction
    )
    if status:
        stmt = stmt.where(PackageLog.status == status)
    return session.scalar(stmt.order_by(PackageLog.sequence.desc(), PackageLog.id.desc()).limit(1))


def logged(session: Session, direction: str, package_id: str) -> PackageLog | None:
    return session.scalar(
        select(PackageLog).where(
            PackageLog.direction == direction, PackageLog.package_id == package_id
        )
    )


def exported(session: Session, station_id: int, sequence: int) -> PackageLog | None:
    return session.scalar(
        select(PackageLog).where(
            PackageLog.station_id == station_id,
            PackageLog.direction == EXPORT,
            PackageLog.sequence == sequence,
        )
    )
