"""The first page's statements, prepared before anyone signs in: compiled, nothing written."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event, func, select
from sqlalchemy.engine.interfaces import CacheStats

from app.domain.roles import Role
from app.services.cases.reminders import ReminderService
from app.services.context import Actor
from app.services.dashboard.service import DashboardService, first_of_month
from app.services.reports.service import ReportService
from app.store.engine import Database
from app.store.models import AuditEntry
from app.ui.dashboard.warm_up import warm_up


@contextmanager
def compiled(db: Database) -> Iterator[list[tuple[bool, str]]]:
    """(compiled now rather than found compiled, SQL) of every statement sent inside."""
    sent: list[tuple[bool, str]] = []

    def catch(
        _conn: Any, _cursor: Any, statement: str, _params: Any, context: Any, _many: Any
    ) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            sent.append((context.cache_hit is CacheStats.CACHE_MISS, statement))

    event.listen(db.engine, "before_cursor_execute", catch)
    try:
        yield sent
    finally:
        event.remove(db.engine, "before_cursor_execute", catch)


def first_page(db: Database, admin: Actor, worker: Actor) -> None:
    """What the dashboard asks for first, as the administrator and as a worker."""
    month = first_of_month(db.clock.today())
    ReportService(db, admin).key_figures(month)
    DashboardService(db, admin).charts()
    DashboardService(db, admin).refusal_alerts()
    ReminderService(db, admin).todo()
    ReminderService(db, worker).todo()


def _audit_rows(db: Database) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def test_after_the_warm_up_the_first_page_compiles_nothing(
    db: Database, admin: Actor, make_actor: Callable[..., Actor]
) -> None:
    worker = make_actor(Role.WORKER, "liwei", "李伟")
    warm_up(db)
    with compiled(db) as sent:
        first_page(db, admin, worker)
    # The station's own record (the report's heading) is the one statement left.
    misses = [sql for miss, sql in sent if miss and "FROM stations" not in sql]
    assert len(sent) > 20 and misses == [], misses


def test_without_it_the_first_page_compiles_its_statements(
    db: Database, admin: Actor, make_actor: Callable[..., Actor]
) -> None:
    worker = make_actor(Role.WORKER, "liwei", "李伟")
    with compiled(db) as sent:
        first_page(db, admin, worker)
    assert sum(miss for miss, _sql in sent) > 20


def test_the_warm_up_writes_nothing(db: Database, admin: Actor) -> None:
    before = _audit_rows(db)
    warm_up(db)
    assert _audit_rows(db) == before
