"""到期数据: the retention periods, what has outlived them, and anonymising it on confirmation.

The station head sees and anonymises what is due; only the administrator changes the
periods. Anonymising cannot be undone, so it asks first and says exactly how much it touches.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.access.retention import RetentionService
from app.services.access.retention_types import (
    Anonymised,
    DueKind,
    DueRow,
    DueSummary,
    RetentionPolicy,
)
from app.services.context import Changes
from app.ui.clients.prompts import ask, tell
from app.ui.tasks import TaskRunner
from app.ui.widgets.lazy_table import LazyIdTableModel


@dataclass(frozen=True)
class DueQuery:
    kind: DueKind
    sort: None = None  # always oldest first
    descending: bool = False


class DueTableModel(LazyIdTableModel[DueQuery, DueRow]):
    """The due records of one kind, fetched lazily."""

    COLUMN_COUNT: ClassVar[int] = 2

    def __init__(self, *, retention: RetentionService, tasks: TaskRunner) -> None:
        super().__init__(tasks=tasks, query=DueQuery(DueKind.CASE))
        self._retention = retention

    def _id_fetcher(self, query: DueQuery) -> Callable[[], list[int]]:
        retention, kind = self._retention, query.kind
        return lambda: retention.due_ids(kind)

    def _row_fetcher(self, ids: Sequence[int]) -> Callable[[], list[DueRow]]:
        retention, kind, wanted = self._retention, self.query.kind, list(ids)
        return lambda: retention.rows(kind, wanted)

    def _headers(self) -> tuple[str, ...]:
        captions = {
            DueKind.CASE: (self.tr("Case number"), self.tr("Closed on")),
            DueKind.CLIENT: (self.tr("Client"), self.tr("Archived on")),
            DueKind.VISIT: (self.tr("Village/community"), self.tr("Visited on")),
        }
        return captions[self.query.kind]

    def _display(self, row: DueRow, column: int) -> str:
        return row.label if column == 0 else row.since.isoformat()


class RetentionTab(QWidget):
    def __init__(
        self,
        *,
        retention: RetentionService,
        tasks: TaskRunner,
        can_edit_policy: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._retention = retention
        self._tasks = tasks
        self.summary: DueSummary | None = None
        self.confirm: QMessageBox | None = None

        self.years: dict[str, QSpinBox] = {}
        periods = QGroupBox(self.tr("Keep personal details for"), self)
        form = QFormLayout(periods)
        for field, caption in (
            ("closed_case_years", self.tr("Closed cases, after closure")),
            ("archived_client_years", self.tr("Archived clients, after archiving")),
            ("visit_years", self.tr("Home visits, after the visit")),
        ):
            box = QSpinBox(periods)
            box.setRange(1, 100)
            box.setSuffix(self.tr(" years"))
            box.setEnabled(can_edit_policy)
            self.years[field] = box
            form.addRow(caption, box)
        self.save_policy_button = QPushButton(self.tr("Save periods"), periods)
        self.save_policy_button.setVisible(can_edit_policy)
        self.save_policy_button.clicked.connect(self.save_policy)
        form.addRow("", self.save_policy_button)

        self.counts = QLabel(self)
        self.counts.setObjectName("dueCounts")
        self.counts.setWordWrap(True)
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Closed cases"), DueKind.CASE)
        self.kind.addItem(self.tr("Archived clients"), DueKind.CLIENT)
        self.kind.addItem(self.tr("Home visits"), DueKind.VISIT)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.model = DueTableModel(retention=retention, tasks=tasks)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        note = QLabel(
            self.tr(
                "Anonymising removes names, ID numbers, phones, addresses and narrative "
                "text. Dates, categories, villages and counts stay, so past reports keep "
                "their figures. It cannot be undone."
            ),
            self,
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555555;")
        self.anonymise_button = QPushButton(self.tr("Anonymise all due records…"), self)
        self.anonymise_button.clicked.connect(self.ask_anonymise)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show"), self))
        top.addWidget(self.kind)
        top.addStretch(1)
        top.addWidget(self.anonymise_button)
        layout = QVBoxLayout(self)
        layout.addWidget(periods)
        layout.addWidget(self.counts)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        tasks.bus.changed.connect(self._on_changed)
        self.reload()

    # ---- loading ---------------------------------------------------------------------

    def reload(self) -> None:
        retention = self._retention
        self._tasks.run(self, retention.policy, on_done=self._show_policy)
        self._tasks.run(self, retention.summary, on_done=self._show_summary)
        self.model.set_query(DueQuery(DueKind(self.kind.currentData())))

    def _on_changed(self, changes: Changes) -> None:
        if changes.entities & {"retention", "client", "case", "visit"}:
            self.reload()

    def _kind_changed(self) -> None:
        self.model.set_query(DueQuery(DueKind(self.kind.currentData())))

    def _show_policy(self, policy: RetentionPolicy) -> None:
        for field, box in self.years.items():
            box.setValue(getattr(policy, field))

    def _show_summary(self, summary: DueSummary) -> None:
        self.summary = summary

        def day(kind: DueKind) -> str:
            return summary.cutoffs[kind].isoformat()

        self.counts.setText(
            self.tr(
                "Due now: {cases} closed cases (closed on or before {case_day}), {clients} "
                "archived clients (archived on or before {client_day}), {visits} home visits "
                "(on or before {visit_day})."
            ).format(
                cases=summary.counts[DueKind.CASE],
                case_day=day(DueKind.CASE),
                clients=summary.counts[DueKind.CLIENT],
                client_day=day(DueKind.CLIENT),
                visits=summary.counts[DueKind.VISIT],
                visit_day=day(DueKind.VISIT),
            )
        )
        self.anonymise_button.setEnabled(summary.total > 0)

    # ---- changing --------------------------------------------------------------------

    def save_policy(self) -> None:
        policy = RetentionPolicy(**{field: box.value() for field, box in self.years.items()})
        retention = self._retention
        self._tasks.run(self, lambda: retention.set_policy(policy))

    def ask_anonymise(self) -> QMessageBox | None:
        summary = self.summary
        if summary is None or summary.total == 0:
            return None
        self.confirm = ask(
            self,
            self.tr(
                "Anonymise {total} records now ({cases} cases, {clients} clients, {visits} "
                "visits)? Names, ID numbers, phones and narrative text are removed for good."
            ).format(
                total=summary.total,
                cases=summary.counts[DueKind.CASE],
                clients=summary.counts[DueKind.CLIENT],
                visits=summary.counts[DueKind.VISIT],
            ),
            accept_text=self.tr("Anonymise"),
            reject_text=self.tr("Cancel"),
            on_accept=self._anonymise,
            icon=QMessageBox.Icon.Warning,
        )
        return self.confirm

    def _anonymise(self) -> None:
        retention = self._retention
        self.anonymise_button.setEnabled(False)
        self._tasks.run_with_progress(
            self,
            lambda progress, cancelled: retention.anonymise(
                progress=progress, is_cancelled=cancelled
            ),
            label=self.tr("Anonymising the due records…"),
            on_done=self._done,
        )

    def _done(self, result: Anonymised) -> None:
        tell(
            self,
            self.tr("Anonymised: {cases} cases, {clients} clients, {visits} visits.").format(
                cases=result.counts[DueKind.CASE],
                clients=result.counts[DueKind.CLIENT],
                visits=result.counts[DueKind.VISIT],
            ),
        )
