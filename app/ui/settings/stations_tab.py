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
from app.services.rooms.staffing import StaffingService
from app.services.rooms.types import StaffingRules, StationStaffing
from app.services.settings.stations import NewStation, StationRow, StationService
from app.ui.dialogs import keep_open
from app.ui.form_errors import ErrorLabel, on_change
from app.ui.rooms.staffing_dialog import StaffingRulesDialog
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
    """The stations of a county database; each user sees only their own station's records.

    The county sees here each station against the staffing rules (人员配置), side by side.
    """

    def __init__(
        self,
        *,
        stations: StationService,
        tasks: TaskRunner,
        staffing: StaffingService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._stations = stations
        self._staffing = staffing
        self._tasks = tasks
        self.rows: list[StationRow] = []
        self.staffing: dict[int, StationStaffing] = {}
        self.rules_dialog: StaffingRulesDialog | None = None
        self.table = make_table(
            [
                self.tr("Code"),
                self.tr("Name"),
                self.tr("County or district"),
                self.tr("Villages"),
                self.tr("Users"),
                self.tr("Clients"),
                self.tr("Staffing"),
            ]
        )
        self.add_button = QPushButton(self.tr("Add station…"))
        self.add_button.clicked.connect(self.ask_new_station)
        self.rules_button = QPushButton(self.tr("Staffing rules…"))
        self.rules_button.clicked.connect(self.ask_rules)
        self.rules_button.setVisible(staffing is not None)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.rules_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        tasks.bus.changed.connect(self._on_changed)
        self.reload()

    def reload(self) -> None:
        stations, staffing = self._stations, self._staffing

        def load() -> tuple[list[StationRow], list[StationStaffing]]:
            return stations.list_stations(), staffing.check_all() if staffing else []

        self._tasks.run(self, load, on_done=self._show)

    def _on_changed(self, changes: Changes) -> None:
        watched = ("station", "village", "user", "client", "room", "staffing")
        if any(changes.touches(e) for e in watched):
            self.reload()

    def _show(self, loaded: tuple[list[StationRow], list[StationStaffing]]) -> None:
        self.rows, checks = loaded
        self.staffing = {c.station_id: c for c in checks}
        set_rows(
            self.table,
            [
                [r.code, r.name, r.county, str(r.villages), str(r.users), str(r.clients),
                 self._staffing_text(self.staffing.get(r.id))]
                for r in self.rows
            ],
        )  # fmt: skip

    def _staffing_text(self, check: StationStaffing | None) -> str:
        if check is None:
            return ""  # the county centre is not a station with staff of its own
        return self.tr("Meets the rules") if check.passed else check.reason

    def ask_rules(self) -> None:
        if self._staffing is None:
            return
        staffing, tasks = self._staffing, self._tasks

        def show(rules: StaffingRules) -> None:
            dialog = StaffingRulesDialog(staffing=staffing, tasks=tasks, rules=rules, parent=self)
            self.rules_dialog = dialog
            keep_open(dialog)
            dialog.open()

        self._tasks.run(self, staffing.rules, on_done=show)

    def ask_new_station(self) -> AddStationDialog:
        dialog = AddStationDialog(stations=self._stations, tasks=self._tasks, parent=self)
        keep_open(dialog)
        dialog.open()
        return dialog
