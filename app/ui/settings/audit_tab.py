"""The audit log viewer: who did what to which record, filtered, and exported to Excel.

Beside the entries, the refusals of the period per user (wrong role, a refused reveal,
failed logins); choosing a user there filters the entries to them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.audit_labels import ENTITY_LABELS, action_label, entity_label, known_actions
from app.services.access.audit import AuditRow, AuditService, RefusalCount
from app.services.listing import ExportCancelled
from app.ui.settings.table import make_table, set_rows
from app.ui.tasks import Cancelled, IsCancelled, Progress, TaskRunner

_DAYS_SHOWN = 30  # the first view: the last month, enough to see what happened lately
_DETAILS = 4


@dataclass(frozen=True)
class AuditFilters:
    user_login: str
    entity: str
    action: str
    since: dt.datetime
    until: dt.datetime


@dataclass(frozen=True)
class AuditView:
    rows: list[AuditRow]
    logins: list[str]
    refusals: list[RefusalCount]


class AuditTab(QWidget):
    """Filters on top, the entries below; nothing here changes the log."""

    def __init__(
        self, *, audit: AuditService, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._audit = audit
        self._tasks = tasks
        self._loaded_once = False
        self.rows: list[AuditRow] = []
        self.refusal_counts: list[RefusalCount] = []
        self.user = QComboBox()
        self.user.setObjectName("auditUser")
        self.user.addItem(self.tr("All users"), "")
        self.entity = QComboBox()
        self.entity.addItem(self.tr("All records"), "")
        for key, label in ENTITY_LABELS.items():
            self.entity.addItem(label, key)
        self.action = QComboBox()
        self.action.addItem(self.tr("All actions"), "")
        for key, label in sorted(known_actions().items(), key=lambda item: item[1]):
            self.action.addItem(label, key)
        for box in (self.entity, self.action):
            # Long action names would widen the whole settings page past a small screen:
            # the box stays narrow and its list opens as wide as its longest name.
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(10)
            box.view().setMinimumWidth(box.view().sizeHintForColumn(0) + 24)
        today = QDate.currentDate()
        self.since = QDateEdit(today.addDays(-_DAYS_SHOWN))
        self.until = QDateEdit(today)
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.search_button = QPushButton(self.tr("Search"))
        self.search_button.clicked.connect(self.refresh)
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.clicked.connect(self._choose_file)
        filters = QHBoxLayout()
        for caption, widget in (
            (self.tr("User"), self.user),
            (self.tr("Record"), self.entity),
            (self.tr("Action"), self.action),
            (self.tr("From"), self.since),
            (self.tr("To"), self.until),
        ):
            filters.addWidget(QLabel(caption))
            filters.addWidget(widget)
        filters.addWidget(self.search_button)
        filters.addStretch(1)
        filters.addWidget(self.export_button)
        self.table = make_table(
            [
                self.tr("Time"),
                self.tr("User"),
                self.tr("Action"),
                self.tr("Record"),
                self.tr("Details"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.refusal_table = make_table(
            [self.tr("User"), self.tr("Refusals"), self.tr("Last refused")]
        )
        self.refusal_table.setObjectName("auditRefusals")
        self.refusal_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.refusal_table.cellClicked.connect(self._refused_user_picked)
        refusal_box = QVBoxLayout()
        refusal_box.addWidget(QLabel(self.tr("Refused actions in this period, per user")))
        refusal_box.addWidget(self.refusal_table, 1)
        entries = QHBoxLayout()
        entries.addWidget(self.table, 3)
        entries.addLayout(refusal_box, 1)
        self.count = QLabel()
        self.count.setObjectName("auditCount")
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(entries, 1)
        layout.addWidget(self.count)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded_once:
            self._loaded_once = True
            self.refresh()

    def filters(self) -> AuditFilters:
        """The chosen filters; the end date is included."""
        return AuditFilters(
            user_login=self.user.currentData() or "",
            entity=self.entity.currentData() or "",
            action=self.action.currentData() or "",
            since=_local_midnight(self.since.date()),
            until=_local_midnight(self.until.date().addDays(1)),
        )

    def refresh(self) -> None:
        audit, filters = self._audit, self.filters()

        def load() -> AuditView:
            return AuditView(
                audit.search(**asdict(filters)),
                audit.logins(),
                audit.refusals(since=filters.since, until=filters.until),
            )

        self._tasks.run(self, load, on_done=self._show)

    def _show(self, view: AuditView) -> None:
        rows, logins = view.rows, view.logins
        self.rows = rows
        self.refusal_counts = view.refusals
        set_rows(
            self.refusal_table,
            [
                (r.login, str(r.count), r.last_at.astimezone().strftime("%m-%d %H:%M"))
                for r in view.refusals
            ],
        )
        chosen = self.user.currentData() or ""
        self.user.blockSignals(True)
        self.user.clear()
        self.user.addItem(self.tr("All users"), "")
        for login in logins:
            self.user.addItem(login, login)
        self.user.setCurrentIndex(max(self.user.findData(chosen), 0))
        self.user.blockSignals(False)
        set_rows(
            self.table,
            [
                (
                    row.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
                    row.login,
                    action_label(row.action),
                    _record_text(row),
                    row.text,
                )
                for row in rows
            ],
        )
        for index, row in enumerate(rows):
            # The column is cut at the window's edge; the whole text is one hover away.
            item = self.table.item(index, _DETAILS)
            if item is not None:
                item.setToolTip(row.text)
        self.count.setText(self.tr("{count} entries").format(count=len(rows)))

    def _refused_user_picked(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.refusal_counts):
            self.user.setCurrentIndex(max(self.user.findData(self.refusal_counts[row].login), 0))
            self.refresh()

    def _choose_file(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the audit log"),
            f"审计日志-{dt.date.today():%Y%m%d}.xlsx",
            self.tr("Excel workbook (*.xlsx)"),
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        """Write the entries the filters select to `path` in the background."""
        audit, filters = self._audit, self.filters()

        def work(progress: Progress, is_cancelled: IsCancelled) -> int:
            try:
                return audit.export_xlsx(
                    path, **asdict(filters), progress=progress, is_cancelled=is_cancelled
                )
            except ExportCancelled:
                raise Cancelled() from None

        self.export_button.setEnabled(False)
        self._tasks.run_with_progress(
            self,
            work,
            label=self.tr("Exporting the audit log…"),
            on_done=lambda count: self.count.setText(
                self.tr("{count} entries exported to {path}").format(count=count, path=path)
            ),
            on_finally=lambda: self.export_button.setEnabled(True),
        )


def _record_text(row: AuditRow) -> str:
    label = entity_label(row.entity)
    return f"{label} #{row.entity_id}" if row.entity_id is not None else label


def _local_midnight(day: QDate) -> dt.datetime:
    return dt.datetime(day.year(), day.month(), day.day()).astimezone()
