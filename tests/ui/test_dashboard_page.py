"""工作台: key figures, charts from a small database, 待办, and what each of them opens."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from pytestqt.qtbot import QtBot

from app.domain.errors import PermissionDenied
from app.domain.roles import Role
from app.services.cases.printing import CasePrintService
from app.services.cases.reminders import ReminderService
from app.services.cases.service import CaseService
from app.services.cases.types import OpenCaseInput
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.context import Actor, Changes
from app.services.dashboard.service import REPEATED_REFUSALS, DashboardService
from app.services.reports.service import ReportService
from app.services.reports.types import KeyFigure
from app.services.settings.codes import CodeService
from app.services.staff.users import UserService
from app.store.engine import Database
from app.store.models import ServiceRecord
from app.ui.cases.page import CasesPage
from app.ui.clients.page import ClientsPage
from app.ui.dashboard.charts import CountChart
from app.ui.dashboard.navigation import apply_filters
from app.ui.dashboard.page import DashboardPage
from app.ui.tasks import TaskRunner
from tests.consents import consent_to_services

TODAY = dt.date(2026, 11, 20)


FIGURES = [
    KeyFigure("cases_open", "在案个案", 42, 39, 50),
    KeyFigure("visits", "走访户次", 56, 61, None),
    KeyFigure("volunteer_hours", "志愿服务时长", Decimal("12.50"), Decimal("10.00"), None),
]


@pytest.fixture
def station(db: Database, admin: Actor) -> dict[str, int]:
    """Three clients (two 低保, one 残疾人), two open cases (high, low), three records."""
    clients = ClientService(db, admin, today=TODAY)
    made = {
        name: clients.create(ClientInput(name=name, categories=cats)).id
        for name, cats in [("甲", ("dibao_rural",)), ("乙", ("dibao_rural", "disabled")),
                           ("丙", ("disabled",))]
    }  # fmt: skip
    for client_id in made.values():
        consent_to_services(db, admin, client_id)
    cases = CaseService(db, admin, today=TODAY)
    high = cases.open_case(
        OpenCaseInput(client_id=made["甲"], intake_date=TODAY, presenting_problem="独居",
                      risk_level="high")
    ).case_id  # fmt: skip
    cases.open_case(
        OpenCaseInput(client_id=made["乙"], intake_date=TODAY, presenting_problem="照料",
                      risk_level="low")
    )  # fmt: skip
    with db.write() as session:
        for day in (dt.date(2026, 11, 2), dt.date(2026, 11, 3), dt.date(2026, 9, 30)):
            session.add(
                ServiceRecord(station_id=admin.station_id, case_id=high, client_id=made["甲"],
                              worker_id=admin.user_id, served_on=day, mode="interview")
            )  # fmt: skip
    return {"high_case": high, **made}


def make_page(
    qtbot: QtBot,
    db: Database,
    actor: Actor,
    tasks: TaskRunner,
    figures: Sequence[KeyFigure] = FIGURES,
) -> DashboardPage:
    asked: list[dt.date] = []

    def key_figures(month: dt.date) -> list[KeyFigure]:
        asked.append(month)
        return list(figures)

    page = DashboardPage(
        dashboard=DashboardService(db, actor, today=TODAY),
        reminders=ReminderService(db, actor, today=TODAY),
        tasks=tasks,
        key_figures=key_figures,
    )
    qtbot.addWidget(page)
    page.resize(1050, 720)
    with qtbot.waitSignal(page.refreshed, timeout=5_000):
        page.show()
    qtbot.waitUntil(lambda: bool(page.todo.items), timeout=5_000)
    assert asked and asked[-1] == dt.date(2026, 11, 1)
    return page


def bar_point(chart: CountChart, index: int) -> QPointF:
    """Where the middle of bar `index` is drawn."""
    return chart.bar_rect(index).center()


def test_figures_and_charts_show_the_station(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    station: dict[str, int],
    tasks: TaskRunner,
    tmp_path: Path,
) -> None:
    page = make_page(qtbot, db, admin, tasks)
    assert "2026" in page.heading.text()
    assert [c.figure.key for c in page.figures.cards] == ["cases_open", "visits", "volunteer_hours"]
    first = page.figures.cards[0]
    assert first.value.text() == "42"
    assert "39" in first.compare.text() and "84%" in first.compare.text()
    assert "61" in page.figures.cards[1].compare.text()
    assert page.figures.cards[2].value.text() == "12.5"

    assert page.service_chart.keys[-1] == "2026-11" and page.service_chart.keys[0] == "2025-12"
    assert page.service_chart.values[-1] == 2 and page.service_chart.values[-3] == 1
    assert sum(page.service_chart.values) == 3
    assert page.category_chart.keys == ["dibao_rural", "disabled"]
    assert page.category_chart.values == [2, 2]
    assert page.risk_chart.keys == ["high", "medium", "low"]
    assert page.risk_chart.values == [1, 0, 1]
    shot = page.grab()
    assert not shot.isNull() and shot.width() >= 1000
    shot.save(str(tmp_path / "dashboard.png"))


def test_each_figure_opens_the_list_behind_it(
    qtbot: QtBot, db: Database, admin: Actor, station: dict[str, int], tasks: TaskRunner
) -> None:
    page = make_page(qtbot, db, admin, tasks)
    with qtbot.waitSignal(page.open_list) as opened:
        qtbot.mouseClick(page.figures.cards[0], Qt.MouseButton.LeftButton)
    assert opened.args == ["cases_open", {"month": "2026-11"}]

    with qtbot.waitSignal(page.open_list) as opened:
        qtbot.mouseClick(
            page.risk_chart,
            Qt.MouseButton.LeftButton,
            pos=bar_point(page.risk_chart, 0).toPoint(),
        )
    assert opened.args == ["cases", {"risk_level": "high", "open_only": True}]

    with qtbot.waitSignal(page.open_list) as opened:
        qtbot.mouseClick(
            page.service_chart,
            Qt.MouseButton.LeftButton,
            pos=bar_point(page.service_chart, 11).toPoint(),
        )
    assert opened.args == ["service_records", {"month": "2026-11"}]

    with qtbot.waitSignal(page.open_list) as opened:
        qtbot.mouseClick(
            page.category_chart,
            Qt.MouseButton.LeftButton,
            pos=bar_point(page.category_chart, 0).toPoint(),
        )
    assert opened.args == ["clients", {"category": "dibao_rural", "status": "active"}]

    with qtbot.waitSignal(page.open_list) as opened:
        page.todo.tree.activated.emit(page.todo.model.index(0, 0))
    assert opened.args[0] == "case" and opened.args[1]["id"] in {station["high_case"]}


def test_a_change_is_counted_again(
    qtbot: QtBot, db: Database, admin: Actor, station: dict[str, int], tasks: TaskRunner
) -> None:
    page = make_page(qtbot, db, admin, tasks)
    CaseService(db, admin, today=TODAY).open_case(
        OpenCaseInput(
            client_id=station["丙"], intake_date=TODAY, presenting_problem="x", risk_level="high"
        )
    )
    with qtbot.waitSignal(page.refreshed, timeout=5_000):
        tasks.bus.changed.emit(Changes.of("case"))
    assert page.risk_chart.values == [2, 0, 1]


def test_without_key_figures_the_cards_are_hidden(
    qtbot: QtBot, db: Database, admin: Actor, station: dict[str, int], tasks: TaskRunner
) -> None:
    page = make_page(qtbot, db, admin, tasks, figures=[])
    assert not page.figures.isVisible()
    with qtbot.waitSignal(page.refreshed, timeout=5_000):
        qtbot.keyClick(page.refresh_button, Qt.Key.Key_F5)
    assert page.risk_chart.values == [1, 0, 1]


def test_a_chart_filter_shows_the_same_records_on_the_list_page(
    qtbot: QtBot, db: Database, admin: Actor, station: dict[str, int], tasks: TaskRunner
) -> None:
    clients = ClientsPage(
        clients=ClientService(db, admin), codes=CodeService(db, admin), tasks=tasks
    )
    qtbot.addWidget(clients)
    clients.show()
    qtbot.waitUntil(lambda: clients._choices is not None and not clients.model.searching)
    with qtbot.waitSignal(clients.model.counted, timeout=5_000):
        clients.filters.search.setText("不存在")
        clients.filters.flush()
    with qtbot.waitSignal(clients.model.counted, timeout=5_000) as counted:
        apply_filters(clients.filters, {"category": "disabled", "status": "active"})
    assert counted.args == [2]
    assert clients.filters.search.text() == ""

    cases = CasesPage(
        cases=CaseService(db, admin),
        reminders=ReminderService(db, admin),
        printing=CasePrintService(db, admin),
        clients=ClientService(db, admin),
        codes=CodeService(db, admin),
        tasks=tasks,
    )
    qtbot.addWidget(cases)
    cases.show()
    qtbot.waitUntil(lambda: not cases.model.searching)
    with qtbot.waitSignal(cases.model.counted, timeout=5_000) as counted:
        apply_filters(cases.filters, {"risk_level": "high", "open_only": True})
    assert counted.args == [1]
    with pytest.raises(KeyError):
        apply_filters(cases.filters, {"category": "disabled"})
    qtbot.waitUntil(lambda: not clients.model.searching and not cases.model.searching)


def test_the_report_service_supplies_the_key_figures(
    qtbot: QtBot, db: Database, admin: Actor, station: dict[str, int], tasks: TaskRunner
) -> None:
    page = DashboardPage(
        dashboard=DashboardService(db, admin, today=TODAY),
        reminders=ReminderService(db, admin, today=TODAY),
        tasks=tasks,
        key_figures=ReportService(db, admin, today=TODAY).key_figures,
    )
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.show()
    keys = [card.figure.key for card in page.figures.cards]
    assert "cases_open" in keys and "service_records" in keys
    assert page.figures.isVisible()


def test_repeated_refusals_show_on_the_administrators_page(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    station: dict[str, int],
    make_actor: Callable[..., Actor],
    tasks: TaskRunner,
) -> None:
    worker = make_actor(Role.WORKER, "lixia")
    page = make_page(qtbot, db, admin, tasks)
    assert page.refusals.isHidden()
    for _ in range(REPEATED_REFUSALS):
        with pytest.raises(PermissionDenied):
            UserService(db, worker).list()
    with qtbot.waitSignal(page.refreshed, timeout=5_000):
        page.refresh()
    assert page.refusals.isVisible()
    assert f"lixia ({REPEATED_REFUSALS} times)" in page.refusals.text()
    # The worker's own 工作台 says nothing of it.
    own = DashboardPage(
        dashboard=DashboardService(db, worker, today=TODAY),
        reminders=ReminderService(db, worker, today=TODAY),
        tasks=tasks,
    )
    qtbot.addWidget(own)
    with qtbot.waitSignal(own.refreshed, timeout=5_000):
        own.show()
    assert own.refusals.isHidden()
