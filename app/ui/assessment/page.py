"""The 考核 tab of the staff page: a period, the station's workers and one worker's assessment.

The head sees every social worker of the station, scores, confirms and exports the
station's workbook for the agency; a social worker sees their own line, read-only.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.assessment import KIND_LABELS, MONTH, QUARTER, YEAR, Period
from app.exports.assessment_model import percent_text
from app.services.assessment.service import AssessmentService
from app.services.assessment.types import AssessmentRow, AssessmentView
from app.services.context import Changes
from app.ui.assessment.detail import AssessmentDetail
from app.ui.dialogs import confirm, show_message
from app.ui.print_preview import PrintPreview
from app.ui.tasks import TaskRunner
from app.ui.widgets.column_widths import ColumnWidths

_REFRESH_ON = ("assessment", "user", "settings")


class AssessmentPage(QWidget):
    def __init__(
        self, *, assessments: AssessmentService, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._service = assessments
        self._tasks = tasks
        self.rows: list[AssessmentRow] = []
        default = assessments.default_period(QUARTER)
        self.kind = QComboBox(self)
        for kind in (MONTH, QUARTER, YEAR):
            self.kind.addItem(KIND_LABELS[kind], kind)
        self.kind.setCurrentIndex(self.kind.findData(QUARTER))
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(default.year)
        self.number = QComboBox(self)
        self.export_button = QPushButton(self.tr("Export Excel for the agency…"), self)
        self.export_button.setVisible(assessments.may_assess)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Status"),
                self.tr("Score"),
                self.tr("Open cases"),
                self.tr("Service records"),
                self.tr("Late entries"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.column_widths = ColumnWidths(self.table, "assessmentTable")
        self.detail = AssessmentDetail(may_assess=assessments.may_assess, parent=self)
        self.preview = PrintPreview(
            tasks=tasks,
            parent=self,
            saved_text=self.tr("The assessment was saved to {path}. Open it now?"),
        )
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Period"), self))
        for widget in (self.kind, self.year, self.number):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self._fill_numbers(default.number)  # and loads the rows
        self.kind.currentIndexChanged.connect(lambda: self._fill_numbers(1))
        self.year.valueChanged.connect(self.reload)
        self.number.currentIndexChanged.connect(self.reload)
        self.table.itemSelectionChanged.connect(self._selected)
        self.detail.save_requested.connect(self.save)
        self.detail.confirm_requested.connect(self.ask_confirm)
        self.detail.print_requested.connect(self.print_sheet)
        self.export_button.clicked.connect(self.export)
        tasks.bus.changed.connect(self._changed)

    # ---- the period ------------------------------------------------------------------

    def period(self) -> Period:
        kind = str(self.kind.currentData())
        number = int(self.number.currentData() or 1)
        return Period(kind, self.year.value(), number)

    def _fill_numbers(self, chosen: int) -> None:
        kind = self.kind.currentData()
        self.number.blockSignals(True)
        self.number.clear()
        if kind == MONTH:
            for m in range(1, 13):
                self.number.addItem(self.tr("Month {n}").format(n=m), m)
        elif kind == QUARTER:
            for q in range(1, 5):
                self.number.addItem(self.tr("Quarter {n}").format(n=q), q)
        self.number.setVisible(kind != YEAR)
        self.number.setCurrentIndex(max(self.number.findData(chosen), 0))
        self.number.blockSignals(False)
        self.reload()

    # ---- loading ---------------------------------------------------------------------

    def reload(self) -> None:
        service, period = self._service, self.period()
        self._tasks.run(self, lambda: service.rows(period), on_done=self._show_rows)

    def _changed(self, changes: Changes) -> None:
        if any(changes.touches(e) for e in _REFRESH_ON):
            self.reload()

    def _show_rows(self, rows: list[AssessmentRow]) -> None:
        chosen = self._chosen_id()
        self.rows = rows
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            total = f"{row.total} / {row.scale_total}" if row.total is not None else ""
            f = row.figures
            cells = (row.name, row.status_label, total, str(f.cases_open),
                     str(f.service_records), percent_text(f.late_share))  # fmt: skip
            for column, text in enumerate(cells):
                self.table.setItem(index, column, QTableWidgetItem(text))
        self.table.blockSignals(False)
        self.column_widths.fit()
        ids = [r.worker_id for r in rows]
        if ids:
            self.table.selectRow(ids.index(chosen) if chosen in ids else 0)
            self._selected()
        else:
            self.detail.show_view(None, None)

    def _chosen_id(self) -> int | None:
        index = self.table.currentRow()
        return self.rows[index].worker_id if 0 <= index < len(self.rows) else None

    def _selected(self) -> None:
        worker = self._chosen_id()
        if worker is None:
            return
        service, period = self._service, self.period()

        def show(view: AssessmentView) -> None:
            self.detail.show_view(view, period)

        self._tasks.run(self, lambda: service.view(worker, period), on_done=show)

    # ---- actions ---------------------------------------------------------------------

    def save(self) -> None:
        view, period = self.detail.view, self.detail.period
        if view is None or period is None:
            return
        service, worker = self._service, view.sheet.worker_id
        scores, comment = self.detail.scores(), self.detail.comment_text()
        self._tasks.run(
            self,
            lambda: service.save(
                worker, period, scores=scores, comment=comment, version=view.version
            ),
        )

    def ask_confirm(self) -> QMessageBox | None:
        view, period = self.detail.view, self.detail.period
        if view is None or period is None or view.version is None:
            return None
        service, worker, version = self._service, view.sheet.worker_id, view.version
        return confirm(
            self,
            self.tr(
                "Confirm the assessment of {name} for {period}? Its figures are kept as they "
                "are now and it can no longer be changed. Unsaved changes are not included."
            ).format(name=view.sheet.worker_name, period=period.label),
            lambda: self._tasks.run(self, lambda: service.confirm(worker, period, version=version)),
        )

    def print_sheet(self) -> None:
        view, period = self.detail.view, self.detail.period
        if view is None or period is None:
            return
        service, worker = self._service, view.sheet.worker_id
        self.preview.start(
            lambda path: service.write_pdf(worker, period, path),
            file_name=f"社工考核_{view.sheet.worker_name}_{period.code}.pdf",
        )

    def export(self) -> None:
        period = self.period()
        path = self.choose_path(f"社工考核_{period.code}.xlsx")
        if path is None:
            return
        service = self._service

        def done(written: Path) -> None:
            show_message(self, self.tr("Saved to {path}.").format(path=str(written)))

        self._tasks.run(self, lambda: service.write_xlsx(period, path), on_done=done)

    def choose_path(self, suggested: str) -> Path | None:
        """Ask where to save the workbook; None when the user cancels."""
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export Excel for the agency"),
            str(Path.home() / suggested),
            self.tr("Excel files (*.xlsx)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx")
