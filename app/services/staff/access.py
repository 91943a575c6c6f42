"""Rules the staff records (supervision, training, volunteers, resources) share.

Who may change a record follows the case rules: a worker changes what they entered, the
station head changes everything of the station, a supervisor only reads. Every lookup is
limited to the actor's station, so another station's rows are never found.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import InvalidInput, NotFound, PermissionDenied
from app.domain.roles import Permission, Role
from app.services.choice import Choice
from app.services.context import Actor
from app.store.base import StationOwned
from app.store.models import User

S = TypeVar("S", bound=StationOwned)

MAX_HOURS = Decimal("24")
MAX_TRAINING_HOURS = Decimal("500")
"""A training of several days counts all its hours."""


def may_create(actor: Actor) -> bool:
    return actor.can(Permission.EDIT_OWN_CASE)


def may_edit(actor: Actor, created_by_id: int | None) -> bool:
    """The head edits all of the station; a worker what they entered."""
    if actor.can(Permission.EDIT_ANY_CASE):
        return True
    return actor.can(Permission.EDIT_OWN_CASE) and created_by_id == actor.user_id


def require_create(actor: Actor) -> None:
    actor.require(Permission.EDIT_OWN_CASE)


def require_edit(actor: Actor, created_by_id: int | None) -> None:
    if not may_edit(actor, created_by_id):
        raise PermissionDenied("只有登记人和站长可以修改这条记录。")


def own_record(session: Session, model: type[S], record_id: int, actor: Actor, noun: str) -> S:
    """The station's record, or `NotFound` (another station's record counts as missing)."""
    record = session.get(model, record_id)
    if record is None or record.station_id != actor.station_id:
        raise NotFound(f"这条{noun}不存在或已被删除。")
    return record


def parse_hours(
    value: Decimal | str | float, *, field: str = "hours", maximum: Decimal = MAX_HOURS
) -> Decimal:
    """Hours as typed (“1.5”) → a positive Decimal up to `maximum`, two decimals at most."""
    try:
        hours = Decimal(str(value).strip())
    except InvalidOperation:
        raise InvalidInput("时长应为数字，如 2 或 1.5。", field=field) from None
    if not hours.is_finite() or hours <= 0 or hours > maximum:
        raise InvalidInput(f"时长应大于0小时、不超过{maximum}小时。", field=field)
    if hours != hours.quantize(Decimal("0.01")):
        raise InvalidInput("时长最多保留两位小数。", field=field)
    return hours


def station_users(session: Session, actor: Actor, *, supervisors: bool) -> list[Choice]:
    """Active users of the station: the supervisors, or everyone else (the workers)."""
    role = User.role == Role.SUPERVISOR.value
    stmt = (
        select(User.id, User.display_name)
        .where(
            User.station_id == actor.station_id,
            User.active.is_(True),
            role if supervisors else ~role,
        )
        .order_by(User.name_sort, User.id)
    )
    return [Choice(i, n) for i, n in session.execute(stmt)]


def user_names(session: Session, actor: Actor, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    stmt = select(User.id, User.display_name).where(
        User.id.in_(ids), User.station_id == actor.station_id
    )
    return dict(session.execute(stmt).all())


def check_users(session: Session, actor: Actor, ids: tuple[int, ...], field: str) -> None:
    """Refuse user ids that are not of this station."""
    if len(user_names(session, actor, set(ids))) != len(set(ids)):
        raise InvalidInput("所选人员不属于本站。", field=field)
