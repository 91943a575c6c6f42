"""报表: pick a month (or a year) and a station, and write the report to Excel and PDF in
the background; the figures shown on the page are the ones written to the files.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QDate, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services.projects.documents import ProjectDocumentService
from app.services.projects.pack import EvidencePackService
from app.services.projects.service import ProjectService
from app.services.projects.types import ProjectProgress
from app.services.reports.closing import MonthCloseService
from app.services.reports.service import ReportService, add_months, month_start
from app.services.reports.types import MonthlyReport, StationRef
from app.services.satisfaction.interviews import InterviewService
from app.services.satisfaction.surveys import SurveyService
from app.ui.dialogs import keep_open
from app.ui.print_preview import PrintPreview
from app.ui.reports.figures_table import FiguresTable
from app.ui.reports.month_close_bar import MonthCloseBar
from app.ui.reports.project_chooser import ProjectChooser
from app.ui.reports.report_files import (
    ALL_STATIONS,
    ANNUAL,
    MONTHLY,
    PROJECT,
    TARGETS,
    ReportRequest,
    Written,
    name_part,
    write_report,
)
from app.ui.satisfaction.bar import SatisfactionBar
from app.ui.tasks import TaskRunner


class ReportsPage(QWidget):
    """The station head's (or the county admin's) reports; workers see their station's."""

    def __init__(
        self,
        *,
        reports: ReportService,
        tasks: TaskRunner,
        months: MonthCloseService | None = None,
        projects: ProjectService | None = None,
        documents: ProjectDocumentService | None = None,
        packs: EvidencePackService | None = None,
        today: dt.date | None = None,
        satisfaction: tuple[SurveyService, InterviewService] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._reports = reports
        self._projects = projects
        self._tasks = tasks
        today = today or dt.date.today()
        self.last_written: Written | None = None

        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Monthly report"), MONTHLY)
        self.kind.addItem(self.tr("Annual report"), ANNUAL)
        self.kind.addItem(self.tr("Targets report"), TARGETS)
        if projects is not None:
            self.kind.addItem(self.tr("Project progress"), PROJECT)
        self.projects = ProjectChooser(
            projects=projects, tasks=tasks, today=today, documents=documents, packs=packs,
            folder=lambda: Path(self.folder.text().strip() or "."), parent=self,
        )  # fmt: skip
        self.project = self.projects.combo
        self.month = QDateEdit(self)
        self.month.setDisplayFormat("yyyy-MM")
        previous = add_months(month_start(today), -1)
        self.month.setDate(QDate(previous.year, previous.month, 1))
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.station = QComboBox(self)
        self.folder = QLineEdit(self)
        documents_dir = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        self.folder.setText(str(Path(documents_dir or Path.home()) / "社工站报表"))
        self.browse_button = QPushButton(self.tr("Browse…"), self)
        self.excel = QCheckBox(self.tr("Excel"), self)
        self.excel.setChecked(True)
        self.pdf = QCheckBox(self.tr("PDF"), self)
        self.pdf.setChecked(True)
        self.generate_button = QPushButton(self.tr("&Generate"), self)
        self.generate_button.setToolTip(self.tr("Generate the report (Ctrl+G)"))
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.setToolTip(
            self.tr("Preview the report's PDF, then print it or save it (Ctrl+P)")
        )
        self.preview = PrintPreview(
            tasks=tasks,
            parent=self,
            saved_text=self.tr("The report was saved to {path}. Open it now?"),
        )
        self._station_names: dict[int, str] = {}
        self._wanted_station: int | None = None  # asked for before the stations arrived
        self.open_button = QPushButton(self.tr("Open folder"), self)
        self.open_button.setEnabled(False)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.month_close = MonthCloseBar(months=months, tasks=tasks) if months else None
        self.table = FiguresTable(self)

        form = QFormLayout()
        form.addRow(self.tr("&Report"), self.kind)
        form.addRow(self.tr("&Month"), self.month)
        form.addRow(self.tr("&Year"), self.year)
        form.addRow(self.tr("&Station"), self.station)
        form.addRow(self.tr("&Project"), self.projects)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse_button)
        form.addRow(self.tr("Save to"), folder_row)
        formats = QHBoxLayout()
        formats.addWidget(self.excel)
        formats.addWidget(self.pdf)
        formats.addStretch(1)
        form.addRow(self.tr("Files"), formats)
        buttons = QHBoxLayout()
        buttons.addWidget(self.generate_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if self.month_close is not None:
            layout.addWidget(self.month_close)
        layout.addLayout(buttons)
        self.satisfaction: SatisfactionBar | None = None
        if satisfaction is not None:
            surveys, interviews = satisfaction
            self.satisfaction = SatisfactionBar(
                surveys=surveys, interviews=interviews, tasks=tasks, parent=self
            )
            layout.addWidget(self.satisfaction)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        order = (
            self.kind, self.month, self.year, self.station, self.project,
            self.projects.new_button, self.folder, self.browse_button, self.excel, self.pdf,
            self.generate_button,
        )  # fmt: skip
        for first, second in pairwise(order):
            self.setTabOrder(first, second)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.browse_button.clicked.connect(self._browse)
        self.generate_button.clicked.connect(self.generate)
        self.print_button.clicked.connect(self.print_preview)
        self.open_button.clicked.connect(self.open_folder)
        self.month.dateChanged.connect(self._month_changed)
        self.month.dateChanged.connect(self._preview)
        self.project.currentIndexChanged.connect(self._preview)
        self.projects.previewed.connect(self._previewed)
        self.projects.preview_refused.connect(self._preview_refused)
        self.station.currentIndexChanged.connect(self._month_changed)
        QShortcut(QKeySequence("Ctrl+G"), self, self.generate)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_preview)
        self._kind_changed()
        tasks.run(self, reports.stations, on_done=self._show_stations)

    # ---- choices ---------------------------------------------------------------------

    def _show_stations(self, stations: list[StationRef]) -> None:
        self.station.clear()
        self._station_names = {s.id: s.name for s in stations}
        for s in stations:
            self.station.addItem(f"{s.name}（{s.code}）", s.id)
        if len(stations) > 1:
            self.station.addItem(self.tr("All stations (summary, Excel only)"), ALL_STATIONS)
        own = self.station.findData(self._reports.own_station_id)
        self.station.setCurrentIndex(max(own, 0))
        if self._wanted_station is not None:
            self._choose_station(self._wanted_station)

    def show_station_month(self, station_id: int, month: str) -> None:
        """The monthly report of one station for `month` ("YYYY-MM"), its figures shown at
        once (县级总览's drill-down); 生成 then writes its files."""
        self.show_month(month)
        self._wanted_station = station_id
        if self.station.count():
            self._choose_station(station_id)

    def _choose_station(self, station_id: int) -> None:
        index = self.station.findData(station_id)
        if index < 0:
            return
        self._wanted_station = None
        self.station.setCurrentIndex(index)
        reports = self._reports
        month = self._month()
        name = self._station_names.get(station_id, "")

        def shown(report: MonthlyReport) -> None:
            text = self.tr("%1, %2: press Generate to write the files.")
            self.status.setText(text.replace("%1", name).replace("%2", f"{month:%Y-%m}"))
            self.table.show_monthly(report)

        self._tasks.run(self, lambda: reports.monthly(month, station_id), on_done=shown)

    def show_month(self, month: str) -> None:
        """Select the monthly report of `month` ("YYYY-MM"): a dashboard figure's own month."""
        year, number = (int(part) for part in month.split("-"))
        self.kind.setCurrentIndex(self.kind.findData(MONTHLY))
        self.month.setDate(QDate(year, number, 1))

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.month.setEnabled(kind in (MONTHLY, PROJECT))
        self.year.setEnabled(kind in (ANNUAL, TARGETS))
        self.station.setEnabled(kind != PROJECT)
        self.projects.setEnabled(kind == PROJECT)
        self._month_changed()
        self._preview()

    def _preview(self) -> None:
        """A project's progress shows as soon as it is chosen."""
        if self.kind.currentData() == PROJECT:
            self.projects.preview(self._month())

    def _previewed(self, summary: str, report: ProjectProgress) -> None:
        self.status.setText(summary)
        self.table.show_progress(report)

    def _preview_refused(self, message: str) -> None:
        self.table.setRowCount(0)
        self.status.setText(message)

    def _month(self) -> dt.date:
        picked = self.month.date()
        return dt.date(picked.year(), picked.month(), 1)

    def _month_changed(self) -> None:
        """The month close line follows the month and station shown (one station's)."""
        if self.month_close is None:
            return
        station = self.station.currentData()
        if self.kind.currentData() != MONTHLY or station in (None, ALL_STATIONS):
            self.month_close.show_month(None, None)
            return
        self.month_close.show_month(self._month(), int(station))

    def _browse(self) -> None:
        dialog = QFileDialog(self, self.tr("Save reports to"), self.folder.text())
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(self.folder.setText)
        keep_open(dialog)
        dialog.open()

    # ---- generating ------------------------------------------------------------------

    def generate(self) -> None:
        kind = self.kind.currentData()
        station = self._chosen_station()
        if station is None:
            return
        if not self.excel.isChecked() and not self.pdf.isChecked():
            self.status.setText(self.tr("Tick Excel, PDF or both."))
            return
        if station == ALL_STATIONS and kind in (ANNUAL, TARGETS):
            self.status.setText(self.tr("The all-stations summary is a monthly report."))
            return
        project_id = self.project.currentData()
        if kind == PROJECT and project_id is None:
            self.status.setText(self.tr("Choose a project first."))
            return
        request = ReportRequest(
            kind=kind, station=station, month=self._month(),
            year=self.year.value(), folder=Path(self.folder.text().strip() or "."),
            excel=self.excel.isChecked(), pdf=self.pdf.isChecked(), project_id=project_id,
        )  # fmt: skip
        work = partial(write_report, request, self._reports, self._projects)
        self.generate_button.setEnabled(False)
        self.status.setText(self.tr("Generating…"))

        def finished() -> None:
            self.generate_button.setEnabled(True)
            if self.status.text() == self.tr("Generating…"):  # cancelled or failed
                self.status.setText(self.tr("No file was written."))

        self._tasks.run_with_progress(
            self,
            work,
            label=self.tr("Generating the report…"),
            on_done=self._written,
            on_finally=finished,
        )

    def _chosen_station(self) -> int | None:
        """The chosen station; None, said on the page, while their list is still loading."""
        station: int | None = self.station.currentData()
        if station is None:
            self.status.setText(self.tr("The stations are still loading: try again in a moment."))
        return station

    def print_preview(self) -> None:
        """The chosen report's PDF, made in the background and shown in the print preview."""
        kind = self.kind.currentData()
        if kind == PROJECT:
            self.projects.print_progress(self._month(), self.preview)
            return
        station = self._chosen_station()
        if station is None:
            return
        if station == ALL_STATIONS:
            self.status.setText(self.tr("The all-stations summary is Excel only: not printed."))
            return
        reports = self._reports
        month = self._month()
        year = self.year.value()

        def make(path: Path) -> object:
            if kind == MONTHLY:
                return reports.write_monthly(month, station_id=station, pdf=path)
            return reports.write_annual(
                year, station_id=station, targets_only=kind == TARGETS, pdf=path
            )

        what = name_part(kind, month, year)
        name = self._station_names.get(station, "")
        self.preview.start(make, file_name=f"{name}_{what}.pdf" if name else f"{what}.pdf")

    def _written(self, written: Written) -> None:
        self.last_written = written
        self.open_button.setEnabled(True)
        names = "\n".join(str(p) for p in written.files)
        self.status.setText(self.tr("Saved:\n%1").replace("%1", names))
        self.table.show_report(written.report)

    def open_folder(self) -> None:
        if self.last_written is not None and self.last_written.files:
            folder = self.last_written.files[0].parent
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
