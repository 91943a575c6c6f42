"""The 走访 page: home visits in one tab, the daily work log in the other."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.services.access.consents import ConsentService
from app.services.cases.service import CaseService
from app.services.clients.service import ClientService
from app.services.lists.service import ListExportService
from app.services.settings.codes import CodeService
from app.services.settings.stations import SettingsService
from app.services.visits.service import VisitService
from app.services.visits.worklogs import WorkLogService
from app.ui.tasks import TaskRunner
from app.ui.visits.visit_list import VisitListTab
from app.ui.visits.worklog_tab import WorkLogTab
from app.ui.widgets.lazy_tabs import LazyTabs


class VisitsPage(QWidget):
    """Home visits (走访) and the work log (工作日志); Ctrl+N adds to the tab shown."""

    def __init__(
        self,
        *,
        visits: VisitService,
        worklogs: WorkLogService,
        cases: CaseService,
        clients: ClientService,
        codes: CodeService,
        tasks: TaskRunner,
        exports: ListExportService | None = None,
        settings: SettingsService | None = None,
        consents: ConsentService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.visits = VisitListTab(
            visits=visits,
            cases=cases,
            clients=clients,
            codes=codes,
            tasks=tasks,
            exports=exports,
            settings=settings,
            consents=consents,
            parent=self,
        )
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.visits, self.tr("Visits"))
        # The work log is made when first shown or asked for.
        self.lazy = LazyTabs(self.tabs)
        self.lazy.add("worklog", self.tr("Work log"), lambda: _worklog_tab(worklogs, tasks))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    @property
    def worklog(self) -> WorkLogTab:
        return cast(WorkLogTab, self.lazy.get("worklog"))


def _worklog_tab(worklogs: WorkLogService, tasks: TaskRunner) -> WorkLogTab:
    tab = WorkLogTab(worklogs=worklogs, tasks=tasks)
    # The visit list has its own Ctrl+F and Ctrl+N; the work log adds an entry.
    QShortcut(
        QKeySequence.StandardKey.New,
        tab,
        tab.add_entry,
        context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
    )
    return tab
