"""导入名单: file → sheet → column mapping → category and date → preview → import → result."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.importing.results import (
    ImportLogRow,
    ImportResult,
    MappingProposal,
    Preview,
    Verdict,
)
from app.services.importing.service import ImportCancelled, RosterImportService
from app.ui.clients.import_mapping import MappingTable
from app.ui.clients.import_preview_page import PreviewPage, counts_text
from app.ui.dialogs import confirm, show_message
from app.ui.help.window import add_help_key
from app.ui.tasks import Cancelled, IsCancelled, Progress, TaskRunner

T = TypeVar("T")


def cancellable(call: Callable[[Progress, IsCancelled], T]) -> Callable[[Progress, IsCancelled], T]:
    """The service's own cancellation becomes the task runner's (no message for it)."""

    def run(progress: Progress, is_cancelled: IsCancelled) -> T:
        try:
            return call(progress, is_cancelled)
        except ImportCancelled:
            raise Cancelled() from None

    return run


class ImportDialog(QDialog):
    """The roster import, one step per page; every service call runs in the background."""

    imported = Signal(object)  # ImportResult
    FILE, MAPPING, PREVIEW, RESULT = range(4)

    def __init__(
        self, *, importer: RosterImportService, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import a roster"))
        add_help_key(self, "import")
        self._importer = importer
        self._tasks = tasks
        self.path: Path | None = None
        self.proposal: MappingProposal | None = None
        self.preview: Preview | None = None
        self.outcome: ImportResult | None = None
        self.busy = False

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._file_page())
        self.stack.addWidget(self._mapping_page())
        self.preview_page = PreviewPage(self)
        self.preview_page.errors_button.clicked.connect(self.save_errors)
        self.stack.addWidget(self.preview_page)
        self.stack.addWidget(self._result_page())
        self.back_button = QPushButton(self.tr("Back"), self)
        self.next_button = QPushButton(self.tr("Next"), self)
        self.next_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"), self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.close_button.clicked.connect(self.reject)
        self._show_page(self.FILE)
        self.resize(980, 620)
        self._load_choices()

    # ---- pages ------------------------------------------------------------------------

    def _file_page(self) -> QWidget:
        page = QWidget(self)
        self.file_edit = QLineEdit(page)
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(self.tr("An .xlsx, .xls, .csv or .txt file"))
        self.browse_button = QPushButton(self.tr("Choose file…"), page)
        self.browse_button.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.file_edit, 1)
        row.addWidget(self.browse_button)
        self.sheet_combo = QComboBox(page)
        self.sheet_combo.setObjectName("sheetCombo")
        self.saved_combo = QComboBox(page)
        self.saved_combo.setObjectName("savedMappingCombo")
        form = QFormLayout(page)
        intro = QLabel(
            self.tr(
                "Choose the roster from the civil affairs office or another department. "
                "Nothing is written until you confirm the preview."
            ),
            page,
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        form.addRow(self.tr("File:"), row)
        form.addRow(self.tr("Sheet:"), self.sheet_combo)
        form.addRow(self.tr("Column mapping:"), self.saved_combo)
        self.template_button = QPushButton(self.tr("Download template…"), page)
        self.template_button.setObjectName("templateButton")
        self.template_button.clicked.connect(self.save_template)
        hint = QLabel(
            self.tr(
                "For whoever fills in a roster: an Excel file with the columns this import "
                "recognises, two examples and instructions."
            ),
            page,
        )
        hint.setWordWrap(True)
        template_row = QHBoxLayout()
        template_row.addWidget(self.template_button)
        template_row.addWidget(hint, 1)
        form.addRow(self.tr("No roster yet:"), template_row)
        self.history = QTableWidget(0, 5, page)
        self.history.setObjectName("importHistory")
        self.history.setHorizontalHeaderLabels(
            [
                self.tr("Imported"),
                self.tr("Roster"),
                self.tr("File"),
                self.tr("By"),
                self.tr("Result"),
            ]
        )
        self.history.verticalHeader().hide()
        self.history.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.history.horizontalHeader().setStretchLastSection(True)
        form.addRow(QLabel(self.tr("Earlier imports:"), page))
        form.addRow(self.history)
        return page

    def _mapping_page(self) -> QWidget:
        page = QWidget(self)
        self.header_label = QLabel(page)
        self.header_label.setWordWrap(True)
        self.mapping = MappingTable(page)
        self.mapping_name = QLineEdit(page)
        self.mapping_name.setPlaceholderText(self.tr("e.g. Rural dibao roster"))
        self.save_mapping_button = QPushButton(self.tr("Save mapping"), page)
        self.save_mapping_button.clicked.connect(self.save_mapping)
        save_row = QHBoxLayout()
        save_row.addWidget(QLabel(self.tr("Save this mapping as:"), page))
        save_row.addWidget(self.mapping_name, 1)
        save_row.addWidget(self.save_mapping_button)
        self.category_combo = QComboBox(page)
        self.category_combo.setObjectName("categoryCombo")
        self.date_edit = QDateEdit(page)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setDate(QDate.currentDate())
        self.date_edit.setMaximumDate(QDate.currentDate())
        grant = QFormLayout()
        grant.addRow(self.tr("The roster grants:"), self.category_combo)
        grant.addRow(self.tr("Import date:"), self.date_edit)
        layout = QVBoxLayout(page)
        layout.addWidget(self.header_label)
        layout.addWidget(self.mapping, 1)
        layout.addLayout(save_row)
        layout.addLayout(grant)
        return page

    def _result_page(self) -> QWidget:
        page = QWidget(self)
        self.result_label = QLabel(page)
        self.result_label.setObjectName("resultLabel")
        self.result_label.setWordWrap(True)
        self.result_errors_button = QPushButton(self.tr("Save error report…"), page)
        self.result_errors_button.clicked.connect(self.save_errors)
        layout = QVBoxLayout(page)
        layout.addWidget(self.result_label)
        layout.addWidget(self.result_errors_button)
        layout.addStretch(1)
        return page

    def _show_page(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        self.back_button.setVisible(index in (self.MAPPING, self.PREVIEW))
        self.next_button.setVisible(index != self.RESULT)
        self.next_button.setText(self.tr("Import") if index == self.PREVIEW else self.tr("Next"))
        self.close_button.setText(self.tr("Close") if index == self.RESULT else self.tr("Cancel"))
        self._update_buttons()

    def _update_buttons(self) -> None:
        page = self.stack.currentIndex()
        ready = {
            self.FILE: self.path is not None and self.sheet_combo.count() > 0,
            self.MAPPING: self.category_combo.count() > 0,
            self.PREVIEW: self.preview is not None and self.preview.importable > 0,
        }.get(page, True)
        self.next_button.setEnabled(ready and not self.busy)
        self.back_button.setEnabled(not self.busy)
        has_errors = self.preview is not None and any(
            r.verdict in (Verdict.ERROR, Verdict.DUPLICATE) for r in self.preview.rows
        )
        self.preview_page.errors_button.setEnabled(has_errors)
        self.result_errors_button.setVisible(has_errors)

    # ---- steps ------------------------------------------------------------------------

    def _run(self, fn: Callable[[], T], on_done: Callable[[T], None]) -> None:
        self.busy = True
        self._update_buttons()
        self._tasks.run(self, fn, on_done=on_done, on_finally=self._idle)

    def _idle(self) -> None:
        self.busy = False
        self._update_buttons()

    def _load_choices(self) -> None:
        importer = self._importer

        def load() -> tuple[list[tuple[str, str]], list[str], list[ImportLogRow]]:
            return importer.categories(), sorted(importer.mappings()), importer.imports(limit=50)

        def loaded(choices: tuple[list[tuple[str, str]], list[str], list[ImportLogRow]]) -> None:
            categories, saved, log = choices
            self.category_combo.clear()
            for code, label in categories:
                self.category_combo.addItem(label, code)
            self._fill_saved(saved)
            self._fill_history(log)

        self._run(load, loaded)

    def _fill_history(self, log: list[ImportLogRow]) -> None:
        self.history.setRowCount(len(log))
        for row, entry in enumerate(log):
            at = entry.at.astimezone().strftime("%Y-%m-%d %H:%M")
            cells = (
                at,
                entry.category_label,
                entry.file_name,
                entry.user,
                counts_text(entry.counts),
            )
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(f"SHA-256 {entry.sha256}" if column == 2 else value)
                self.history.setItem(row, column, item)
        self.history.resizeColumnsToContents()

    def _fill_saved(self, names: list[str]) -> None:
        current = self.saved_combo.currentData()
        self.saved_combo.clear()
        self.saved_combo.addItem(self.tr("Recognise from the header names"), "")
        for name in names:
            self.saved_combo.addItem(name, name)
        self.saved_combo.setCurrentIndex(max(self.saved_combo.findData(current), 0))

    def browse(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a roster"),
            "",
            self.tr("Spreadsheets and text (*.xlsx *.xls *.csv *.txt);;All files (*)"),
        )
        if name:
            self.set_file(Path(name))

    def save_template(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the roster template"),
            "服务对象名单模板.xlsx",
            self.tr("Excel workbook (*.xlsx)"),
        )
        if name:
            path = Path(name)
            self.save_template_to(path if path.suffix.lower() == ".xlsx" else Path(f"{name}.xlsx"))

    def save_template_to(self, path: Path) -> None:
        importer = self._importer

        def saved(_none: None) -> None:
            show_message(self, self.tr("The template was saved to {path}.").format(path=str(path)))

        self._run(lambda: importer.save_template(path), saved)

    def set_file(self, path: Path) -> None:
        """Take a roster file and list its sheets."""
        self.path = path
        self.file_edit.setText(str(path))
        self.sheet_combo.clear()
        importer = self._importer

        def listed(sheets: list[str]) -> None:
            self.sheet_combo.addItems(sheets)

        self._run(lambda: importer.sheets(path), listed)

    def go_back(self) -> None:
        page = self.stack.currentIndex()
        if page in (self.MAPPING, self.PREVIEW):
            self._show_page(page - 1)

    def go_next(self) -> None:
        page = self.stack.currentIndex()
        if page == self.FILE:
            self._propose()
        elif page == self.MAPPING:
            self.make_preview()
        elif page == self.PREVIEW:
            self.ask_to_import()

    def _propose(self) -> None:
        if self.path is None:
            return
        importer, path = self._importer, self.path
        sheet = self.sheet_combo.currentText()
        saved = str(self.saved_combo.currentData() or "")

        def proposed(proposal: MappingProposal) -> None:
            self.proposal = proposal
            self.mapping.set_proposal(proposal)
            self.mapping_name.setText(saved)
            self.header_label.setText(
                self.tr(
                    "Header found in row {row}. Check which client field each column fills; "
                    "columns set to (not imported) are left out."
                ).format(row=proposal.header_row + 1)
            )
            self._show_page(self.MAPPING)

        self._run(lambda: importer.propose_mapping(path, sheet, saved_name=saved), proposed)

    def save_mapping(self) -> None:
        if self.proposal is None:
            return
        importer, name = self._importer, self.mapping_name.text()
        headers, columns = self.proposal.headers, self.mapping.columns()

        def saved(_none: None) -> None:
            self._run(lambda: sorted(importer.mappings()), self._fill_saved)
            show_message(self, self.tr('Mapping saved as "{name}".').format(name=name.strip()))

        self._run(lambda: importer.save_mapping(name, headers, columns), saved)

    def make_preview(self) -> None:
        if self.path is None or self.proposal is None:
            return
        doubled = self.mapping.duplicated()
        if doubled:
            show_message(
                self,
                self.tr("Each field can come from one column only: {fields}.").format(
                    fields="、".join(doubled)
                ),
            )
            return
        importer, path, proposal = self._importer, self.path, self.proposal
        columns = self.mapping.columns()
        category = str(self.category_combo.currentData() or "")
        qdate = self.date_edit.date()
        day = dt.date(qdate.year(), qdate.month(), qdate.day())

        def work(progress: Progress, is_cancelled: IsCancelled) -> Preview:
            return importer.preview(
                path, sheet=proposal.sheet, header_row=proposal.header_row, columns=columns,
                category=category, import_date=day, progress=progress, is_cancelled=is_cancelled,
            )  # fmt: skip

        self.busy = True
        self._update_buttons()
        self._tasks.run_with_progress(
            self,
            cancellable(work),
            label=self.tr("Checking the roster…"),
            on_done=self._previewed,
            on_finally=self._idle,
        )

    def _previewed(self, preview: Preview) -> None:
        self.preview = preview
        self.preview_page.show_preview(preview)
        self._show_page(self.PREVIEW)

    def ask_to_import(self) -> None:
        preview = self.preview
        if preview is None:
            return
        counts = preview.counts
        text = self.tr(
            "Import this roster? {new} new clients, {updated} updated; "
            "rows with errors are left out."
        ).format(new=counts[Verdict.NEW], updated=counts[Verdict.UPDATE])
        if preview.exits:
            text += self.tr(
                " {count} people are no longer on the roster: their category ends on {date} "
                "(nothing is deleted)."
            ).format(count=len(preview.exits), date=preview.import_date.isoformat())
        confirm(self, text, self.commit)

    def commit(self) -> None:
        preview = self.preview
        if preview is None:
            return
        importer = self._importer

        def work(progress: Progress, is_cancelled: IsCancelled) -> ImportResult:
            return importer.commit(preview, progress=progress, is_cancelled=is_cancelled)

        self.busy = True
        self._update_buttons()
        self._tasks.run_with_progress(
            self,
            cancellable(work),
            label=self.tr("Importing…"),
            on_done=self._committed,
            on_finally=self._idle,
        )

    def _committed(self, result: ImportResult) -> None:
        self.outcome = result
        self.result_label.setText(
            self.tr("The roster was imported: {counts}.").format(counts=counts_text(result.counts))
        )
        self._show_page(self.RESULT)
        self.imported.emit(result)

    def save_errors(self) -> None:
        if self.preview is None:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save error report"),
            str(self.preview.path.with_name(self.preview.path.stem + "-未导入.xlsx")),
            self.tr("Excel workbook (*.xlsx)"),
        )
        if name:
            self.save_errors_to(Path(name))

    def save_errors_to(self, path: Path) -> None:
        preview, importer = self.preview, self._importer
        if preview is None:
            return

        def saved(count: int) -> None:
            show_message(
                self, self.tr("{count} rows saved to {path}.").format(count=count, path=str(path))
            )

        self._run(lambda: importer.save_errors(preview, path), saved)
