"""Staff qualifications (职业资格): the level, the certificate's number and date, and the
3-year registration period's continuing-education hours (继续教育学时).

The level is the user's `title` (code list 职业资格: 助理社会工作师, 社会工作师, 高级社会工作师).
The hours are those of TrainingHoursService: supervision received and training attended
in the period, against the title's target (a station setting, 72 and 90 hours by default).
The station head and the administrator edit; a worker sees their own line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from app.domain.codes import CodeList
from app.domain.errors import InvalidInput, NotFound
from app.domain.roles import Permission
from app.services.access import audit
from app.services.access.refusals import logs_refusals
from app.services.concurrency import check_version
from app.services.context import Actor, Changes
from app.services.staff.training_hours import TrainingHoursService
from app.store.engine import Database
from app.store.models import CodeItem, User

CERTIFICATE_MAX = 40


@dataclass(frozen=True)
class Qualification:
    user_id: int
    name: str
    title: str
    title_label: str
    certificate_no: str
    certified_on: dt.date | None
    registered_on: dt.date | None
    period_start: dt.date
    period_end: dt.date
    period_hours: Decimal
    target: int
    version: int

    @property
    def percent(self) -> int | None:
        return int(self.period_hours * 100 / self.target) if self.target else None


@dataclass(frozen=True)
class QualificationInput:
    title: str
    certificate_no: str = ""
    certified_on: dt.date | None = None
    registered_on: dt.date | None = None
    """Start of the current 3-year registration period (empty: the station's period)."""


@logs_refusals("user")
class QualificationService:
    def __init__(self, db: Database, actor: Actor, *, today: dt.date | None = None) -> None:
        self._db = db
        self._actor = actor
        self.today = today or db.clock.today()

    @property
    def can_edit(self) -> bool:
        return self._actor.can(Permission.APPROVE)

    def titles(self) -> list[tuple[str, str]]:
        """(code, label) of the qualification levels, in the code list's order."""
        with self._db.read() as session:
            return [
                (code, label)
                for code, label in session.execute(
                    select(CodeItem.code, CodeItem.label)
                    .where(CodeItem.list_name == CodeList.WORKER_TITLE.value)
                    .order_by(CodeItem.sort, CodeItem.id)
                )
            ]

    def list(self) -> list[Qualification]:
        """The station's workers (a worker: their own line), with their period's hours."""
        hours = TrainingHoursService(self._db, self._actor, today=self.today).worker_hours()
        with self._db.read() as session:
            users = {
                u.id: u
                for u in session.scalars(
                    select(User).where(User.id.in_([h.user_id for h in hours]))
                )
            }
            return [
                Qualification(
                    user_id=h.user_id, name=h.name, title=h.title, title_label=h.title_label,
                    certificate_no=users[h.user_id].certificate_no,
                    certified_on=users[h.user_id].certified_on,
                    registered_on=users[h.user_id].registered_on,
                    period_start=h.period_start, period_end=h.period_end,
                    period_hours=h.period_hours, target=h.target,
                    version=users[h.user_id].version,
                )
                for h in hours
            ]  # fmt: skip

    def update(self, *, user_id: int, version: int, data: QualificationInput) -> Changes:
        self._actor.require(Permission.APPROVE)
        number = data.certificate_no.strip()
        if len(number) > CERTIFICATE_MAX:
            raise InvalidInput(f"证书编号最多{CERTIFICATE_MAX}个字符。", field="certificate_no")
        for day, field, noun in (
            (data.certified_on, "certified_on", "取证日期"),
            (data.registered_on, "registered_on", "注册日期"),
        ):
            if day is not None and day > self.today:
                raise InvalidInput(f"{noun}不能晚于今天。", field=field)
        with self._db.write() as session:
            user = session.get(User, user_id)
            if user is None or user.station_id != self._actor.station_id:
                raise NotFound("本站没有这个用户。")
            check_version(user, version, "人员资格", session)
            known = session.scalar(
                select(CodeItem.id).where(
                    CodeItem.list_name == CodeList.WORKER_TITLE.value, CodeItem.code == data.title
                )
            )
            if known is None:
                raise InvalidInput("请选择职业资格等级。", field="title")
            user.title = data.title
            user.certificate_no = number
            user.certified_on = data.certified_on
            user.registered_on = data.registered_on
            user.updated_by_id = self._actor.user_id
            audit.record(
                session, self._actor, "qualification", entity="user", entity_id=user.id,
                title=data.title, certified_on=data.certified_on, registered_on=data.registered_on,
            )  # fmt: skip
        return Changes.of("user")
