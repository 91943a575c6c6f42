"""Stations: every station of the database and adding one (administrator only)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import AppError, InvalidInput
from app.services.context import Changes
from app.services.settings.stations import NewStation, StationRow, StationService
from app.ui.dialogs import keep_open
from app.ui.form_errors import ErrorLabel, on_change
from app.ui.settings.table import make_table, set_rows
from app.ui.tasks import TaskRunner


class AddStationDialog(QDialog):
    """Code, name, county and villages; a refused field says why just below it."""

    def __init__(
        self, *, stations: StationService, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._stations = stations
        self._tasks = tasks
        self.created: NewStation | None = None
        self.setWindowTitle(self.tr("Add a station"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.code = QLineEdit()
        self.code.setPlaceholderText("JX0427")
        self.code.setMaxLength(16)
        self.name = QLineEdit()
        self.county = QLineEdit()
        self.villages = QPlainTextEdit()
        self.villages.setPlaceholderText(self.tr("One village or community per line"))
        self.field_errors = {
            "code": self._row(form, self.tr("Station code"), self.code),
            "name": self._row(form, self.tr("Station name"), self.name),
            "county": self._row(form, self.tr("County or district"), self.county),
            "villages": self._row(form, self.tr("Villages and communities"), self.villages),
        }
        layout.addLayout(form)
        hint = QLabel(
            self.tr(
                "The code is 2 to 16 letters or digits and starts every case number of the "
                "station. Add its users in the Users tab."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    @staticmethod
    def _row(form: QFormLayout, caption: str, field: QWidget) -> ErrorLabel:
        """A labelled field with its error line below it; editing the field clears it."""
        error = ErrorLabel()
        on_change(field, lambda: error.set_error(""))
        form.addRow(caption, field)
        form.addRow("", error)
        return error

    def submit(self) -> None:
        stations = self._stations
        code, name, county = self.code.text(), self.name.text(), self.county.text()
        villages = self.villages.toPlainText().splitlines()
        self.error.set_error("")
        self.buttons.setEnabled(False)
        self._tasks.run(
            self,
            lambda: stations.add_station(code=code, name=name, county=county, villages=villages),
            on_done=self._added,
            on_error=self._refused,
            on_finally=lambda: self.buttons.setEnabled(True),
        )

    def _added(self, created: NewStation) -> None:
        self.created = created
        self.accept()

    def _refused(self, error: AppError) -> bool:
        if not isinstance(error, InvalidInput):
            return False
        self.field_errors.get(error.field, self.error).set_error(error.message)
        return True


class StationsTab(QWidget):
    """The stations of a county database; each user sees only their own station's records."""

    def __init__(
        self, *, stations: StationService, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._stations = stations
        self._tasks = tasks
        self.rows: list[StationRow] = []
        self.table = make_table(
            [
                self.tr("Code"),
                self.tr("Name"),
                self.tr("County or district"),
                self.tr("Villages"),
                self.tr("Users"),
                self.tr("Clients"),
            ]
        )
        self.add_button = QPushButton(self.tr("Add station…"))
        self.add_button.clicked.connect(self.ask_new_station)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        tasks.bus.changed.connect(self._on_changed)
        self.reload()

    def reload(self) -> None:
        self._tasks.run(self, self._stations.list_stations, on_done=self._show)

    def _on_changed(self, changes: Changes) -> None:
        if any(changes.touches(e) for e in ("station", "village", "user", "client")):
            self.reload()

    def _show(self, rows: list[StationRow]) -> None:
        self.rows = rows
        set_rows(
            self.table,
            [
                [r.code, r.name, r.county, str(r.villages), str(r.users), str(r.clients)]
                for r in rows
            ],
        )

    def ask_new_station(self) -> AddStationDialog:
        dialog = AddStationDialog(stations=self._stations, tasks=self._tasks, parent=self)
        keep_open(dialog)
        dialog.open()
        return dialog
