"""工作台: the first page after login — this month's key figures, 待办, and three charts.

Every figure, bar and 待办 item asks for the list behind it through `open_list(key,
filters)`; the main window turns that into page navigation. Filter names follow the
query of the page they open (ClientQuery, CaseQuery), so the list shows the same records
the chart counted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.codes import ClientStatus
from app.services.access.audit import RefusalCount
from app.services.cases.reminders import ReminderService
from app.services.context import Changes
from app.services.dashboard.service import (
    REFUSAL_DAYS,
    DashboardService,
    add_months,
    first_of_month,
)
from app.services.dashboard.types import DashboardCharts
from app.services.evaluation.types import RectificationView
from app.ui.cases.todo import TodoList
from app.ui.dashboard.charts import CountChart
from app.ui.dashboard.figures import FigureGrid, KeyFigure
from app.ui.dashboard.rectifications import RectificationBox
from app.ui.opening import mark
from app.ui.tasks import TaskRunner

RISK_COLOURS = {"high": QColor("#c62828"), "medium": QColor("#ef8f00"), "low": QColor("#4c9a52")}
REFRESH_DELAY_MS = 800
"""Changes come in bursts (a save touches several records): refresh once after them."""
MAX_CATEGORIES = 8


def month_key(month: dt.date) -> str:
    return f"{month.year:04d}-{month.month:02d}"


class DashboardPage(QWidget):
    """工作台. `key_figures(month)` is `ReportService.key_figures` (None hides the cards)."""

    open_list = Signal(str, dict)
    """(list key, filters): "clients", "cases", "case", "service_records", "evaluation" (a
    round's 整改 item) or a figure's key."""
    refreshed = Signal()

    def __init__(
        self,
        *,
        dashboard: DashboardService,
        reminders: ReminderService,
        tasks: TaskRunner,
        key_figures: Callable[[dt.date], Sequence[KeyFigure]] | None = None,
        rectifications: Callable[[], Sequence[RectificationView]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._dashboard = dashboard
        self._key_figures = key_figures
        self._tasks = tasks
        self._stale = True
        self._loading = 0
        self._generation = 0
        self.month = first_of_month(dashboard.today)
        self.charts: DashboardCharts | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        # The key figures, the top of the page, are asked for before the page is built:
        # the worker counts them while the widgets are made (the answer comes once the
        # window is up), and the 待办 and the charts queue after them.
        self._begin()
        self._ask_figures()

        self.heading = QLabel(self)
        self.heading.setObjectName("dashboardHeading")
        self.heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
        # The administrator's: users refused again and again lately (see 设置 → 审计日志).
        self.refusals = QLabel(self)
        self.refusals.setObjectName("refusalAlert")
        self.refusals.setWordWrap(True)
        self.refusals.setStyleSheet("color: #b71c1c; font-weight: bold;")
        self.refusals.hide()
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setToolTip(self.tr("Count again (F5)"))
        self.figures = FigureGrid(self)
        self.figures.hide()
        self.service_chart = CountChart(self.tr("Service records per month"), parent=self)
        self.category_chart = CountChart(
            self.tr("Active clients by category"), horizontal=True, parent=self
        )
        self.risk_chart = CountChart(self.tr("Open cases by risk level"), parent=self)
        self.todo = TodoList(reminders=reminders, tasks=tasks, parent=self)
        # Who an item is about comes before its dates and numbers, so that a narrow
        # panel still shows it; each column is as wide as its contents.
        todo_box = QGroupBox(self.tr("To do"), self)
        todo_layout = QVBoxLayout(todo_box)
        todo_layout.setContentsMargins(6, 6, 6, 6)
        todo_layout.addWidget(self.todo)
        # Open 整改 items of the evaluations, by due date (none: the box stays hidden).
        self.rectifications = (
            RectificationBox(open_items=rectifications, tasks=tasks, parent=self)
            if rectifications is not None
            else None
        )
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(todo_box, 1)
        if self.rectifications is not None:
            right_layout.addWidget(self.rectifications)
            self.rectifications.picked.connect(
                lambda round_id: self.open_list.emit("evaluation", {"round": round_id})
            )

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        lower_charts = QHBoxLayout()
        lower_charts.addWidget(self.category_chart, 3)
        lower_charts.addWidget(self.risk_chart, 2)
        charts = QWidget(self)
        charts_layout = QVBoxLayout(charts)
        charts_layout.setContentsMargins(0, 0, 0, 0)
        charts_layout.addWidget(self.service_chart, 1)
        charts_layout.addLayout(lower_charts, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(charts)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([620, 400])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.refusals)
        layout.addWidget(self.figures)
        layout.addWidget(self.splitter, 1)

        QShortcut(
            QKeySequence.StandardKey.Refresh,
            self,
            self.refresh,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self.refresh_button.clicked.connect(self.refresh)
        self.figures.picked.connect(self._figure_picked)
        self.service_chart.picked.connect(self._month_picked)
        self.category_chart.picked.connect(self._category_picked)
        self.risk_chart.picked.connect(self._risk_picked)
        self.todo.open_case.connect(lambda case_id: self.open_list.emit("case", {"id": case_id}))
        tasks.bus.changed.connect(self._changed)
        self._show_heading()
        self._ask_rest()

    @property
    def loading(self) -> bool:
        return self._loading > 0

    def refresh(self) -> None:
        """Count again: the charts and the key figures (the 待办 list refreshes itself)."""
        self._begin()
        self._show_heading()
        self._ask_figures()
        self._ask_rest()

    def _begin(self) -> None:
        self._timer.stop()
        self._stale = False
        self._generation += 1
        self.month = first_of_month(self._dashboard.today)

    def _ask_figures(self) -> None:
        if self._key_figures is None:
            return
        generation, key_figures, month = self._generation, self._key_figures, self.month

        def key_figures_of_month() -> list[KeyFigure]:
            return list(key_figures(month))

        self._loading += 1
        self._tasks.run(
            self,
            key_figures_of_month,
            on_done=lambda figures: self._show_figures(generation, figures),
            on_finally=self._loaded,
        )

    def _ask_rest(self) -> None:
        """What comes after the key figures: the alerts, the charts, the 整改 box."""
        generation = self._generation
        self._loading += 1
        self._tasks.run(
            self,
            self._dashboard.refusal_alerts,
            on_done=lambda alerts: self._show_refusals(generation, alerts),
            on_finally=self._loaded,
        )
        self._loading += 1
        self._tasks.run(
            self,
            self._dashboard.charts,
            on_done=lambda charts: self._show_charts(generation, charts),
            on_finally=self._loaded,
        )
        if self.rectifications is not None:
            self.rectifications.refresh()

    def _loaded(self) -> None:
        self._loading -= 1
        if not self._loading:
            mark("dashboard: data shown")
            self.refreshed.emit()

    def _changed(self, _changes: Changes) -> None:
        self._stale = True
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and not self.loading:
            self.refresh()

    def _show_heading(self) -> None:
        self.heading.setText(
            self.tr("Work in {year}-{month:02d}").format(
                year=self.month.year, month=self.month.month
            )
        )

    def _show_figures(self, generation: int, figures: list[KeyFigure]) -> None:
        if generation == self._generation:
            self.figures.set_figures(figures)

    def _show_refusals(self, generation: int, alerts: Sequence[RefusalCount]) -> None:
        if generation != self._generation:
            return
        users = self.tr(", ").join(
            self.tr("{login} ({count} times)").format(login=a.login, count=a.count) for a in alerts
        )
        self.refusals.setText(
            self.tr(
                "Refused again and again in the last {days} days: {users}. "
                "See Settings → Audit log."
            ).format(days=REFUSAL_DAYS, users=users)
        )
        self.refusals.setVisible(bool(alerts))

    def _show_charts(self, generation: int, charts: DashboardCharts) -> None:
        if generation != self._generation:
            return
        self.charts = charts
        months = charts.service_records
        self.service_chart.set_counts(
            [self._month_label(m.month) for m in months],
            [m.count for m in months],
            [month_key(m.month) for m in months],
        )
        categories = charts.clients_by_category[:MAX_CATEGORIES]
        self.category_chart.set_counts(
            [c.label for c in categories],
            [c.count for c in categories],
            [c.key for c in categories],
        )
        risks = charts.open_cases_by_risk
        self.risk_chart.set_counts(
            [self.tr("{level} risk ({count})").format(level=r.label, count=r.count) for r in risks],
            [r.count for r in risks],
            [r.key for r in risks],
            colours=[RISK_COLOURS.get(r.key, QColor("#777777")) for r in risks],
        )

    def _month_label(self, month: dt.date) -> str:
        if month.month == 1 or month == add_months(self.month, -11):
            return self.tr("{month}/{year}").format(month=month.month, year=month.year % 100)
        return self.tr("M{month}").format(month=month.month)

    # ---- what each figure opens -----------------------------------------------------

    def _figure_picked(self, key: str) -> None:
        self.open_list.emit(key, {"month": month_key(self.month)})

    def _month_picked(self, key: str) -> None:
        self.open_list.emit("service_records", {"month": key})

    def _category_picked(self, code: str) -> None:
        filters: dict[str, Any] = {"category": code, "status": ClientStatus.ACTIVE.value}
        self.open_list.emit("clients", filters)

    def _risk_picked(self, level: str) -> None:
        self.open_list.emit("cases", {"risk_level": level, "open_only": True})
