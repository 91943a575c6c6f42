"""What the detail lists share: their common columns and the station's names (villages,
users, code labels), loaded once per report."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.codes import CodeList
from app.store.models import User, Village

from .splits import code_labels
from .types import Column

DATE = Column("日期", 11, "date")
CASE_NO = Column("个案编号", 16)
CLIENT = Column("服务对象", 10)
ID_NUMBER = Column("身份证号（已遮挡）", 21)
VILLAGE = Column("村/社区", 12)
WORKER = Column("社工", 10)


class Names:
    """Labels of the station's villages, users and codes, loaded once per report."""

    def __init__(self, session: Session, station_id: int) -> None:
        self.villages = dict(
            session.execute(
                select(Village.id, Village.name).where(Village.station_id == station_id)
            ).all()
        )
        self.users = dict(
            session.execute(
                select(User.id, User.display_name).where(User.station_id == station_id)
            ).all()
        )
        self._session = session
        self._codes: dict[CodeList, dict[str, str]] = {}

    def code(self, code_list: CodeList, code: str) -> str:
        if code_list not in self._codes:
            self._codes[code_list] = code_labels(self._session, code_list)
        return self._codes[code_list].get(code, code)

    def village(self, village_id: int | None) -> str:
        return self.villages.get(village_id, "") if village_id is not None else ""

    def user(self, user_id: int | None) -> str:
        return self.users.get(user_id, "") if user_id is not None else ""
