"""Participant figures (total and by group) and the list of registered clients who came."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services.choice import Choice
from app.services.clients.service import ClientService
from app.services.community.service import participant_problem
from app.services.community.types import ParticipantCounts, ParticipantView
from app.ui.form_errors import ErrorLabel
from app.ui.tasks import TaskRunner

MAX_PEOPLE = 99_999


class ParticipantCountsEdit(QWidget):
    """人数: the total, then 老年人/儿童/残疾人/其他; says at once when the groups exceed it."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.total = self._spin("participants_total")
        self.elderly = self._spin("participants_elderly")
        self.child = self._spin("participants_children")
        self.disabled = self._spin("participants_disabled")
        self.other = self._spin("participants_other")
        self.problem = ErrorLabel(self)
        self.problem.setObjectName("participantProblem")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for caption, spin in (
            (self.tr("Total"), self.total),
            (self.tr("Elderly"), self.elderly),
            (self.tr("Children"), self.child),
            (self.tr("Disabled"), self.disabled),
            (self.tr("Others"), self.other),
        ):
            label = QLabel(caption, self)
            label.setBuddy(spin)
            row.addWidget(label)
            row.addWidget(spin)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(self.problem)
        self.setFocusProxy(self.total)

    def _spin(self, name: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setObjectName(name)
        spin.setRange(0, MAX_PEOPLE)
        spin.setAccelerated(True)
        spin.valueChanged.connect(self._check)
        return spin

    def value(self) -> ParticipantCounts:
        return ParticipantCounts(
            total=self.total.value(),
            elderly=self.elderly.value(),
            children=self.child.value(),
            disabled=self.disabled.value(),
            other=self.other.value(),
        )

    def set_value(self, counts: ParticipantCounts) -> None:
        self.total.setValue(counts.total)
        self.elderly.setValue(counts.elderly)
        self.child.setValue(counts.children)
        self.disabled.setValue(counts.disabled)
        self.other.setValue(counts.other)

    def _check(self) -> None:
        # The service gives the same message when saving; showing it early saves a round trip.
        self.problem.set_error(participant_problem(self.value()))
        self.edited.emit()


class RegisteredClients(QWidget):
    """Registered clients who took part, found by the client search."""

    def __init__(
        self, *, clients: ClientService, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._clients = clients
        self._tasks = tasks
        self.list = QListWidget(self)
        self.list.setObjectName("activityClients")
        self.list.setMaximumHeight(96)
        self.add_button = QPushButton(self.tr("Add client…"), self)
        self.add_button.setAutoDefault(False)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.find_client)
        self.remove_button.clicked.connect(self.remove_current)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        self.setFocusProxy(self.list)

    def ids(self) -> tuple[int, ...]:
        return tuple(
            int(self.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.list.count())
        )

    def set_clients(self, clients: tuple[ParticipantView, ...]) -> None:
        self.list.clear()
        for client in clients:
            label = f"{client.name}（{client.village}）" if client.village else client.name
            self.add(Choice(client.client_id, label))

    def add(self, client: Choice) -> None:
        if client.id in self.ids():
            return
        item = QListWidgetItem(client.label, self.list)
        item.setData(Qt.ItemDataRole.UserRole, client.id)

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)

    def find_client(self) -> None:
        from app.ui.clients.household_picker import HeadSearchDialog

        dialog = HeadSearchDialog(
            clients=self._clients,
            tasks=self._tasks,
            title=self.tr("Add a participant"),
            placeholder=self.tr("Name, ID number or phone of the client"),
            parent=self,
        )

        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted and dialog.chosen is not None:
                self.add(dialog.chosen)
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()
