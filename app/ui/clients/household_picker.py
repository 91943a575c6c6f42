"""Choosing the head of a client's household: a field in the form and a search dialog."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.choice import Choice
from app.services.clients.service import ClientService
from app.ui.tasks import TaskRunner

SEARCH_DELAY_MS = 250


class HeadSearchDialog(QDialog):
    """Find a household head by name, ID number or phone and pick one."""

    def __init__(
        self,
        *,
        clients: ClientService,
        tasks: TaskRunner,
        exclude_id: int | None = None,
        title: str = "",
        placeholder: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # The case page reuses this search to choose the client of a new case.
        self.setWindowTitle(title or self.tr("Choose the household head"))
        self._clients = clients
        self._tasks = tasks
        self._exclude_id = exclude_id
        self._generation = 0
        self.chosen: Choice | None = None

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(
            placeholder or self.tr("Name, ID number or phone of the head")
        )
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.status = QLabel(self.tr("Type to search."), self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self._ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._ok.setEnabled(False)
        buttons.accepted.connect(self._accept_current)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(460, 360)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self.search_now)
        self.results.currentItemChanged.connect(
            lambda item, _old: self._ok.setEnabled(item is not None)
        )
        self.results.itemDoubleClicked.connect(lambda _item: self._accept_current())

    def search_now(self) -> None:
        self._timer.stop()
        text = self.search.text().strip()
        self._generation += 1
        generation = self._generation
        if not text:
            self.results.clear()
            self.status.setText(self.tr("Type to search."))
            return
        clients = self._clients
        self._tasks.run(
            self,
            lambda: clients.find_heads(text),
            on_done=lambda found: self._show(generation, found),
        )

    def _show(self, generation: int, found: list[Choice]) -> None:
        if generation != self._generation:
            return
        self.results.clear()
        for choice in found:
            if choice.id == self._exclude_id:
                continue
            item = QListWidgetItem(choice.label, self.results)
            item.setData(Qt.ItemDataRole.UserRole, choice)
        count = self.results.count()
        self.status.setText(
            self.tr("%n match(es).", "", count) if count else self.tr("Nobody found.")
        )
        if count:
            self.results.setCurrentRow(0)

    def _accept_current(self) -> None:
        item = self.results.currentItem()
        if item is None:
            return
        self.chosen = item.data(Qt.ItemDataRole.UserRole)
        self.accept()


class HouseholdField(QWidget):
    """Shows the chosen head, with buttons to choose another one or none."""

    changed = Signal()

    def __init__(
        self,
        *,
        clients: ClientService,
        tasks: TaskRunner,
        exclude_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._clients = clients
        self._tasks = tasks
        self._exclude_id = exclude_id
        self.head_id: int | None = None

        self.label = QLineEdit(self)
        self.label.setReadOnly(True)
        self.label.setPlaceholderText(self.tr("Not in a household"))
        self.label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.choose = QPushButton(self.tr("Choose…"), self)
        self.clear = QPushButton(self.tr("Clear"), self)
        self.choose.clicked.connect(self.open_search)
        self.clear.clicked.connect(lambda: self.set_head(None, ""))

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.choose)
        layout.addWidget(self.clear)
        self.setFocusProxy(self.choose)
        self._update_buttons()

    def set_head(self, head_id: int | None, label: str) -> None:
        self.head_id = head_id
        self.label.setText(label if head_id is not None else "")
        self._update_buttons()
        self.changed.emit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.EnabledChange:
            self._update_buttons()

    def open_search(self) -> None:
        dialog = HeadSearchDialog(
            clients=self._clients, tasks=self._tasks, exclude_id=self._exclude_id, parent=self
        )

        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted and dialog.chosen is not None:
                self.set_head(dialog.chosen.id, dialog.chosen.label)
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()

    def _update_buttons(self) -> None:
        self.clear.setEnabled(self.isEnabled() and self.head_id is not None)
