"""Optimistic locking: a save names the version it was loaded at."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.domain.errors import ConflictError
from app.store.base import Tracked
from app.store.models import User


def check_version(
    record: Tracked, loaded_version: int, noun: str, session: Session | None = None
) -> None:
    """Refuse a save made from an older copy, naming who changed the record since."""
    if record.version == loaded_version:
        return
    who = ""
    if session is not None and record.updated_by_id is not None:
        user = session.get(User, record.updated_by_id)
        who = f"（{user.display_name}）" if user else ""
    raise ConflictError(
        f"这条{noun}在您打开之后已被{who or '其他人'}修改，您的修改没有保存。"
        "请重新载入，或比较后再保存。"
    )
