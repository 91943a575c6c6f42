"""The numbers behind the dashboard's charts: a few GROUP BY queries over one station.

The definitions match the lists the charts open, so a bar and the list behind it agree:
an open case is one the case list shows with "open cases only" (a working stage), and a
client's categories are those without an end date, as on the client page.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain import case_rules as rules
from app.domain.codes import ClientStatus, CodeList, RiskLevel
from app.domain.roles import Permission
from app.services.access.audit import AuditService, RefusalCount
from app.services.access.refusals import logs_refusals
from app.services.context import Actor
from app.services.dashboard.types import DashboardCharts, LabelCount, MonthCount
from app.services.settings.codes import code_labels
from app.store.engine import Database
from app.store.models import Case, Client, ClientCategory, ServiceRecord

MONTHS = 12
REPEATED_REFUSALS = 3
"""Refusals of one user in `REFUSAL_DAYS` that the administrator's 工作台 points out."""
REFUSAL_DAYS = 7
_WORKING = [s.value for s in rules.WORKING_STAGES]


def first_of_month(day: dt.date) -> dt.date:
    return day.replace(day=1)


def add_months(month: dt.date, count: int) -> dt.date:
    """The first day of the month `count` months after (or before) `month`."""
    index = month.year * 12 + month.month - 1 + count
    return dt.date(index // 12, index % 12 + 1, 1)


@logs_refusals()
class DashboardService:
    def __init__(self, db: Database, actor: Actor, *, today: dt.date | None = None) -> None:
        self._db = db
        self._actor = actor
        self._today = today

    @property
    def today(self) -> dt.date:
        return self._today or self._db.clock.today()

    def charts(self) -> DashboardCharts:
        self._actor.require(Permission.VIEW_CLIENTS)
        month = first_of_month(self.today)
        with self._db.read() as session:
            return DashboardCharts(
                month=month,
                service_records=self._service_records(session, month),
                clients_by_category=self._clients_by_category(session),
                open_cases_by_risk=self._open_cases_by_risk(session),
            )

    def refusal_alerts(self) -> tuple[RefusalCount, ...]:
        """Users refused `REPEATED_REFUSALS` times or more lately; the administrator's only."""
        if not self._actor.can(Permission.MANAGE_USERS):
            return ()
        since = self._db.clock.now() - dt.timedelta(days=REFUSAL_DAYS)
        log = AuditService(self._db, self._actor)
        return tuple(log.refusals(since=since, at_least=REPEATED_REFUSALS))

    def _service_records(self, session: Session, month: dt.date) -> tuple[MonthCount, ...]:
        first = add_months(month, -(MONTHS - 1))
        # Per day, added up into months here: the rows come in the (station, date) index's
        # order, where grouping by an expression of the date needs a sort and runs ten
        # times slower on a county database.
        stmt = (
            select(ServiceRecord.served_on, func.count())
            .where(
                ServiceRecord.station_id == self._actor.station_id,
                ServiceRecord.served_on >= first,
                ServiceRecord.served_on < add_months(month, 1),
            )
            .group_by(ServiceRecord.served_on)
        )
        counts: dict[dt.date, int] = {}
        for day, n in session.execute(stmt):
            counts[first_of_month(day)] = counts.get(first_of_month(day), 0) + n
        months = [add_months(first, i) for i in range(MONTHS)]
        return tuple(MonthCount(m, counts.get(m, 0)) for m in months)

    def _clients_by_category(self, session: Session) -> tuple[LabelCount, ...]:
        stmt = (
            select(ClientCategory.category, func.count(func.distinct(Client.id)))
            .join(Client, Client.id == ClientCategory.client_id)
            .where(
                Client.station_id == self._actor.station_id,
                Client.status == ClientStatus.ACTIVE.value,
                ClientCategory.end_date.is_(None),
            )
            .group_by(ClientCategory.category)
        )
        names = code_labels(session, CodeList.CLIENT_CATEGORY)
        found = [LabelCount(code, names.get(code, code), n) for code, n in session.execute(stmt)]
        return tuple(sorted(found, key=lambda c: (-c.count, c.label)))

    def _open_cases_by_risk(self, session: Session) -> tuple[LabelCount, ...]:
        stmt = (
            select(Case.risk_level, func.count())
            .where(Case.station_id == self._actor.station_id, Case.stage.in_(_WORKING))
            .group_by(Case.risk_level)
        )
        counts: dict[str, int] = {risk: n for risk, n in session.execute(stmt)}
        return tuple(LabelCount(r.value, r.label, counts.get(r.value, 0)) for r in RiskLevel)
