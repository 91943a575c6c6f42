"""项目文件: the contract, plan, rules, needs assessment, financial statements and minutes
attached to a project, for the evidence pack. Heads and administrators add and remove
them; everyone who sees the project sees the list."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import AppError
from app.domain.project_documents import DOCUMENT_TYPES
from app.services.context import Changes
from app.services.projects.documents import DocumentView, ProjectDocumentService
from app.ui.dialogs import confirm
from app.ui.form_errors import ErrorLabel
from app.ui.tasks import TaskRunner


class ProjectDocumentsDialog(QDialog):
    def __init__(
        self,
        *,
        documents: ProjectDocumentService,
        project_id: int,
        project_name: str,
        tasks: TaskRunner,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Project documents: %1").replace("%1", project_name))
        self._documents = documents
        self._project_id = project_id
        self._tasks = tasks
        self._shown: list[DocumentView] = []
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Type"), self.tr("Date"), self.tr("Title"), self.tr("File")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.kind = QComboBox(self)
        for t in DOCUMENT_TYPES:
            self.kind.addItem(t.label, t.key)
        self.dated = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.dated.setCalendarPopup(True)
        self.dated.setDisplayFormat("yyyy-MM-dd")
        self.title = QLineEdit(self)
        self.title.setMaxLength(200)
        self.title.setPlaceholderText(self.tr("Title (default: the file's name)"))
        self.add_button = QPushButton(self.tr("Add file…"), self)
        self.add_button.clicked.connect(self._choose_file)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        for widget in (self.kind, self.dated, self.title, self.add_button, self.remove_button):
            widget.setVisible(documents.may_manage)
        self.error = ErrorLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        adding = QHBoxLayout()
        for widget in (self.kind, self.dated, self.title, self.add_button, self.remove_button):
            adding.addWidget(widget, 1 if widget is self.title else 0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(adding)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(720, 420)
        self.reload()

    def reload(self) -> None:
        documents, project_id = self._documents, self._project_id
        self._tasks.run(self, lambda: documents.list(project_id), on_done=self._show)

    def _show(self, shown: list[DocumentView]) -> None:
        self._shown = shown
        self.table.setRowCount(len(shown))
        for row, d in enumerate(shown):
            for column, value in enumerate(
                (d.type_label, d.dated.isoformat(), d.title, d.original_name)
            ):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, d.id)
                self.table.setItem(row, column, item)

    def _choose_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the document"))
        if chosen:
            self.add_file(Path(chosen))

    def add_file(self, path: Path) -> None:
        """Attach `path` with the type, date and title chosen above it."""
        documents, project_id = self._documents, self._project_id
        kind, title = str(self.kind.currentData()), self.title.text()
        dated: dt.date = self.dated.date().toPython()  # type: ignore[assignment]
        self.add_button.setEnabled(False)
        self.error.set_error("")
        self._tasks.run(
            self,
            lambda: documents.add(project_id, path, doc_type=kind, dated=dated, title=title),
            on_done=self._changed,
            on_error=self._refused,
            on_finally=lambda: self.add_button.setEnabled(True),
        )

    def remove_selected(self) -> QMessageBox | None:
        """Asks first: the file goes with the record."""
        row = self.table.currentRow()
        if not 0 <= row < len(self._shown):
            self.error.set_error(self.tr("Choose a document in the list first."))
            return None
        chosen = self._shown[row]
        question = self.tr("Remove “%1” and its file from the project?").replace("%1", chosen.title)
        return confirm(self, question, lambda: self._remove(chosen))

    def _remove(self, chosen: DocumentView) -> None:
        documents = self._documents
        self._tasks.run(
            self,
            lambda: documents.remove(chosen.id, version=chosen.version),
            on_done=self._changed,
            on_error=self._refused,
        )

    def _changed(self, _changes: Changes) -> None:
        self.title.clear()
        self.reload()

    def _refused(self, error: AppError) -> bool:
        self.error.set_error(error.message)
        return True
