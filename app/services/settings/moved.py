"""The mark a station's own file gets once its data has moved to the county's server.

`stationdesk station migrate` copies an offline station's file into the county's
database; the file stays behind as a record. Whoever opens it afterwards is told that
the station now works on the server, so that new entries do not go into a file that no
longer reaches the county. The mark is a setting of the whole file (no station), which a
data package never carries.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from app.store import settings as settings_rows
from app.store.login_facts import MOVED_KEY


def mark(session: Session, *, server: str, station_code: str, at: dt.datetime) -> None:
    """Record where the file's station went (`server` as shown: no password)."""
    value = {"server": server, "station": station_code, "at": at.isoformat()}
    settings_rows.write(session, MOVED_KEY, value, station_id=None, user_id=None)


def notice(session: Session) -> str:
    """The warning for a moved file; empty when the file has not moved."""
    moved: dict[str, Any] | None = settings_rows.read(session, MOVED_KEY, None, station_id=None)
    if not moved:
        return ""
    when = dt.datetime.fromisoformat(moved["at"]).astimezone().strftime("%Y-%m-%d %H:%M")
    return (
        f"本站（{moved.get('station', '')}）的数据已于 {when} 迁移到县服务器"
        f"（{moved.get('server', '')}），站点现在在服务器上工作。这个文件只作留底："
        "在这里录入或修改的内容不会到达县里，请改用服务器上的数据库。"
    )
