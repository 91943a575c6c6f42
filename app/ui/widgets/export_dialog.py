"""导出Excel for any list page: a button (Ctrl+E) and a dialog that export the page's filter.

A page adds `ExportButton(exports=…, tasks=…, list_key="clients", query=lambda: model.query,
count=model.rowCount, parent=self)` to its button row; the dialog asks where to save and,
for a role that may see them, whether to include full ID numbers (with a reason, which
goes to the audit log). The file is written in the background with a progress bar and a
Cancel button; a cancelled export leaves no file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import AppError, InvalidInput
from app.services.listing import ExportCancelled, ExportResult
from app.services.lists.service import MIN_REASON, ListExportService
from app.ui.clients.prompts import ask
from app.ui.dialogs import keep_open
from app.ui.tasks import Cancelled, IsCancelled, Progress, TaskRunner

_ERROR_STYLE = "color: #b3261e;"


class ExportDialog(QDialog):
    """Where to save the list, and whether to include full ID numbers (with a reason)."""

    def __init__(
        self,
        *,
        exports: ListExportService,
        tasks: TaskRunner,
        list_key: str,
        query: Any,
        count: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._exports = exports
        self._tasks = tasks
        self._key = list_key
        self._query = query
        self.busy = False
        title = exports.lists()[list_key]
        self.setWindowTitle(self.tr("Export to Excel"))
        self.setMinimumWidth(520)

        if count is None:
            summary = self.tr("The {list} list is exported with the page's current filter.")
        else:
            summary = self.tr(
                "The {list} list is exported with the page's current filter: %n row(s).", "", count
            )
        self.summary = QLabel(summary.format(list=title), self)
        self.summary.setWordWrap(True)
        self.path = QLineEdit(self)
        self.path.setObjectName("exportPath")
        today = dt.date.today().strftime("%Y%m%d")
        self.path.setText(str(Path.home() / f"{title}名单_{today}.xlsx"))
        self.browse_button = QPushButton(self.tr("Browse…"), self)
        self.browse_button.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(self.browse_button)

        self.full_ids = QCheckBox(self.tr("Include full ID numbers and phones"), self)
        self.full_ids.setVisible(exports.can_reveal)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("exportReason")
        self.reason.setPlaceholderText(
            self.tr("Why the full numbers are needed (recorded in the audit log)")
        )
        self.reason.setEnabled(False)
        self.reason.setVisible(exports.can_reveal)
        self.full_ids.toggled.connect(self._full_ids_toggled)
        self.masking_note = QLabel(self)
        self.masking_note.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setStyleSheet(_ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()

        form = QFormLayout()
        form.addRow(self.tr("Save to:"), where)
        if exports.can_reveal:
            form.addRow("", self.full_ids)
            form.addRow(self.tr("Reason:"), self.reason)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.export_button.setDefault(True)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(form)
        layout.addWidget(self.masking_note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._full_ids_toggled(False)

    def _full_ids_toggled(self, checked: bool) -> None:
        self.reason.setEnabled(checked)
        if checked:
            self.masking_note.setText(
                self.tr(
                    "The file will hold full ID numbers and phones. Keep it safe and delete it "
                    "when it is no longer needed; the export is recorded in the audit log."
                )
            )
            self.reason.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.masking_note.setText(
                self.tr(
                    "ID numbers and phones are masked (e.g. 36****************); "
                    "ages are listed, birth dates are not."
                )
            )

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export to Excel"), self.path.text(), self.tr("Excel files (*.xlsx)")
        )
        if chosen:
            self.path.setText(chosen)

    def target(self) -> Path | None:
        text = self.path.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        return path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx")

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def start(self) -> None:
        """Check what was typed, then export in the background (progress bar, Cancel)."""
        if self.busy:
            return
        path = self.target()
        if path is None:
            self.show_error(self.tr("Choose where to save the file."))
            self.path.setFocus()
            return
        full = self.full_ids.isChecked()
        reason = self.reason.text().strip()
        if full and len(reason) < MIN_REASON:
            self.show_error(
                self.tr(
                    "Give a reason of at least {count} characters for the full numbers."
                ).format(count=MIN_REASON)
            )
            self.reason.setFocus()
            return
        self.show_error("")
        exports, key, query = self._exports, self._key, self._query

        def work(progress: Progress, is_cancelled: IsCancelled) -> ExportResult:
            try:
                return exports.export(
                    key,
                    path,
                    query=query,
                    full_ids=full,
                    reason=reason,
                    progress=progress,
                    is_cancelled=is_cancelled,
                )
            except ExportCancelled:
                raise Cancelled() from None

        self._set_busy(True)
        self._tasks.run_with_progress(
            self,
            work,
            label=self.tr("Exporting to Excel…"),
            on_done=self._done,
            on_error=self._failed,
            on_finally=lambda: self._set_busy(False),
        )

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.export_button.setEnabled(not busy)

    def _failed(self, exc: AppError) -> bool:
        if isinstance(exc, InvalidInput):
            self.show_error(exc.message)
            return True
        return False

    def _done(self, result: ExportResult) -> None:
        self.accept()
        parent = self.parentWidget() or self
        ask(
            parent,
            "\n\n".join(
                text
                for text in (
                    self.tr(
                        "%n row(s) exported to {path}. Open the file now?", "", result.rows
                    ).format(path=result.path),
                    result.warning,
                )
                if text
            ),
            accept_text=self.tr("Open"),
            reject_text=self.tr("Close"),
            on_accept=lambda: open_file(result.path),
        )


def open_file(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class ExportButton(QPushButton):
    """导出Excel on a list page (also Ctrl+E anywhere on the page)."""

    def __init__(
        self,
        *,
        exports: ListExportService,
        tasks: TaskRunner,
        list_key: str,
        query: Callable[[], Any],
        count: Callable[[], int] | None = None,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.setText(self.tr("Export to Excel"))
        self.setToolTip(self.tr("Export the list with the current filter to Excel (Ctrl+E)"))
        self.setVisible(exports.can_export)
        self._exports = exports
        self._tasks = tasks
        self._key = list_key
        self._query = query
        self._count = count
        self.dialog: ExportDialog | None = None
        shortcut = QShortcut(
            QKeySequence("Ctrl+E"),
            parent,
            self.open_dialog,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        shortcut.setEnabled(exports.can_export)
        self.clicked.connect(self.open_dialog)

    def open_dialog(self) -> ExportDialog | None:
        """Open the dialog for the page's current filter (one at a time)."""
        if not self._exports.can_export:
            return None
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        dialog = ExportDialog(
            exports=self._exports,
            tasks=self._tasks,
            list_key=self._key,
            query=self._query(),
            count=self._count() if self._count is not None else None,
            parent=self.window(),
        )

        def closed(_result: int) -> None:
            if self.dialog is dialog:
                self.dialog = None

        dialog.finished.connect(closed)
        self.dialog = dialog
        keep_open(dialog)
        dialog.open()
        return dialog
