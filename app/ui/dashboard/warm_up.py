"""The first page's statements, prepared while the user types their password.

SQLAlchemy compiles a statement the first time it runs and keeps the compiled form,
keyed by the statement's shape, not its values. For the dashboard's first counts that
compiling costs more than running them on a county database. Running the same counts
once for a station that does not exist (no rows) leaves every statement compiled, so
the signed-in user's first page waits only for the database.

It runs on the opening's thread (app/ui/opening.py), not the GUI's, and needs the
dashboard's services and the report's together (services of one layer that do not use
each other), hence its place beside the page.
"""

from __future__ import annotations

from app.domain.roles import Role
from app.services.cases.reminders import ReminderService
from app.services.context import Actor
from app.services.dashboard.service import DashboardService, add_months, first_of_month
from app.services.reports import annual_targets, closed_months, monthly
from app.services.reports.service import month_end
from app.store.engine import Database

NO_STATION = 0
"""No station has this id (ids start at 1): the counts read no rows."""


def warm_up(db: Database) -> None:
    """Run the dashboard's counts (charts, alerts, 待办 as a head and as a worker, the
    month's key figures) for no station and no user; nothing is written or returned."""
    # An administrator's page has every statement (the alerts, the approvals in 待办).
    nobody = Actor(0, "", "", Role.ADMIN, NO_STATION)
    dashboard = DashboardService(db, nobody)
    dashboard.charts()
    dashboard.refusal_alerts()
    reminders = ReminderService(db, nobody)
    reminders.todo()
    reminders.todo(worker_id=0)
    month = first_of_month(db.clock.today())
    previous = add_months(month, -1)
    windows = [(month, month_end(month)), (previous, month_end(previous))]
    # As `ReportService.key_figures` counts them, short of the station's own record.
    with db.read() as session:
        monthly.in_windows(session, [NO_STATION], windows)
        closed_months.current(session, NO_STATION, month)
        annual_targets.read(session, NO_STATION, month.year)
