"""Errors the user can understand and act on.

Each carries a Chinese message meant for the user. Anything that is not an
`AppError` is a bug and reaches the crash dialog instead.
"""

from __future__ import annotations

import datetime as dt


class AppError(Exception):
    """A known failure with a message for the user."""

    def __init__(self, message: str, *, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail

    def __str__(self) -> str:
        return self.message


class InvalidInput(AppError):
    """The user typed something the rules refuse."""

    def __init__(self, message: str, *, field: str = "", detail: str = "") -> None:
        super().__init__(message, detail=detail)
        self.field = field


class ReasonRequired(InvalidInput):
    """Showing personal data in full needs a reason, and none (or too short a one) was given."""


class NotFound(AppError):
    """The record asked for does not exist (any more)."""


class PermissionDenied(AppError):
    """The user's role does not allow this action."""


class AuthenticationFailed(AppError):
    """Wrong user name or password, or the account cannot log in."""


class DuplicateRecord(AppError):
    """The record already exists; `existing_id` points to it."""

    def __init__(self, message: str, *, existing_id: int) -> None:
        super().__init__(message)
        self.existing_id = existing_id


class ConflictError(AppError):
    """Someone else saved the record after it was loaded."""


class StorageError(AppError):
    """The database file cannot be used: locked, full disk, damaged, read-only."""


class ServerUnreachable(StorageError):
    """The county's database server cannot be reached, or the connection to it was lost
    in the middle of an action. The action's transaction did not commit: it may be tried
    again as it was."""


class NeedsConfirmation(AppError):
    """The action may be a mistake; the caller may repeat it with confirmation."""

    def __init__(self, message: str, *, items: tuple[object, ...] = ()) -> None:
        super().__init__(message)
        self.items = items


class MonthClosed(InvalidInput):
    """A record dated in a month closed by the station head (月结) was to be changed.

    Only the head (or an administrator) may, with a reason (更正原因); `month` is the
    first day of the closed month.
    """

    def __init__(self, month: dt.date, message: str = "") -> None:
        default = (
            f"{month.year}年{month.month}月已月结。修改这个月的记录需要站长或管理员填写更正原因。"
        )
        super().__init__(message or default)
        self.month = month
