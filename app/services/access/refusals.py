"""Refused actions leave a trace: who was refused what, and when.

Refusals are raised in many places (`Actor.require`, a record's owner check, a reveal
without a reason), mostly where no database is at hand. So each service class is
decorated with `logs_refusals`: its public methods record a refusal they let through,
in a transaction of its own (the refused one has been rolled back by then). Only the
outermost service call records, so a service calling another logs one row, and it does
so after its own transactions have ended.

Failed logins (wrong password, locked or inactive account) are logged by AuthService
itself as `login_failed`; both count as refusals (`REFUSAL_ACTIONS`).
"""

from __future__ import annotations

import functools
import inspect
import logging
from collections.abc import Callable, Mapping
from contextvars import ContextVar
from typing import Any, TypeVar

from app.domain.errors import PermissionDenied, ReasonRequired
from app.services.access import audit_trail

log = logging.getLogger(__name__)

REFUSALS = (PermissionDenied, ReasonRequired)
MARK = "__logs_refusals__"
_depth: ContextVar[int] = ContextVar("service_call_depth", default=0)

T = TypeVar("T")


def logs_refusals(entity: str = "") -> Callable[[type[T]], type[T]]:
    """Class decorator: refusals from the public methods go to the audit log.

    `entity` names the kind of record the service handles; the refused call's first
    integer argument (or `*_id` keyword) is taken as the record's id.
    """

    def decorate(cls: type[T]) -> type[T]:
        for name in dir(cls):
            if name.startswith("_"):
                continue
            member = inspect.getattr_static(cls, name)
            # Plain functions only: properties, static and class methods have no `self`.
            if inspect.isfunction(member) and not getattr(member, MARK, False):
                setattr(cls, name, _guarded(member, entity))
        setattr(cls, MARK, True)
        return cls

    return decorate


def _guarded(method: Callable[..., Any], entity: str) -> Callable[..., Any]:
    @functools.wraps(method)
    def guarded(self: Any, *args: Any, **kwargs: Any) -> Any:
        token = _depth.set(_depth.get() + 1)
        try:
            return method(self, *args, **kwargs)
        except REFUSALS as exc:
            if _depth.get() == 1:
                _record(self, method.__name__, entity, exc.message, args, kwargs)
            raise
        finally:
            _depth.reset(token)

    setattr(guarded, MARK, True)
    return guarded


def _record(
    service: Any,
    operation: str,
    entity: str,
    message: str,
    args: tuple[Any, ...],
    kwargs: Mapping[str, Any],
) -> None:
    db, actor = getattr(service, "_db", None), getattr(service, "_actor", None)
    if db is None or actor is None:
        return
    try:
        audit_trail.record_refusal(
            db,
            actor,
            message,
            operation=f"{type(service).__name__}.{operation}",
            entity=entity,
            entity_id=_record_id(args, kwargs),
        )
    except Exception:
        # The user must still hear why they were refused; the failure goes to the log file.
        log.exception("could not log a refusal of %s", operation)


def _record_id(args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> int | None:
    for value in (*args, *(v for k, v in kwargs.items() if k.endswith("_id"))):
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return None
