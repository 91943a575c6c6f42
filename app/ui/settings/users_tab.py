"""Users: add an account, reset a password, unlock, deactivate (administrator only)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import InvalidInput
from app.domain.roles import Role
from app.services.context import Changes
from app.services.settings.stations import StationRow, StationService
from app.services.staff.users import NewPassword, UserRow, UserService
from app.ui.dialogs import confirm, keep_open
from app.ui.settings.table import make_table, set_rows
from app.ui.tasks import TaskRunner
from app.ui.widgets.service_form_dialog import ServiceCall, ServiceFormDialog


class AddUserDialog(ServiceFormDialog):
    """Login, name and role; the account starts with a temporary password.

    With several `stations` (the administrator of a county database) the user's station is
    chosen too, the administrator's own first.
    """

    kept_refusals = (InvalidInput,)

    def __init__(
        self,
        *,
        users: UserService,
        tasks: TaskRunner,
        stations: Sequence[StationRow] = (),
        own_station_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            title=self.tr("Add a user"), tasks=tasks, accept=QDialogButtonBox.StandardButton.Ok,
            parent=parent,
        )  # fmt: skip
        self._users = users
        self.created: NewPassword | None = None
        self.login = QLineEdit()
        self.display_name = QLineEdit()
        self.role = QComboBox()
        for role in (Role.WORKER, Role.HEAD, Role.SUPERVISOR, Role.ADMIN):
            self.role.addItem(role.label, role)
        self.form.addRow(self.tr("User name"), self.login)
        self.form.addRow(self.tr("Full name"), self.display_name)
        self.form.addRow(self.tr("Role"), self.role)
        self.station: QComboBox | None = None
        if len(stations) > 1:
            self.station = QComboBox()
            ordered = sorted(stations, key=lambda s: s.id != own_station_id)
            for row in ordered:
                self.station.addItem(f"{row.name}（{row.code}）", row.id)
            self.form.addRow(self.tr("Station"), self.station)
        self.saved.connect(self._added)

    def call(self) -> ServiceCall:
        users = self._users
        login, name = self.login.text(), self.display_name.text()
        role = Role(self.role.currentData())
        station_id = self.station.currentData() if self.station is not None else None
        return lambda: users.add(login=login, display_name=name, role=role, station_id=station_id)

    def _added(self, created: NewPassword) -> None:
        self.created = created


class TemporaryPasswordDialog(QDialog):
    """Shows a temporary password once, large and copyable."""

    def __init__(self, created: NewPassword, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.password = created.password
        self.setWindowTitle(self.tr("Temporary password"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("The temporary password for {login} is:").format(login=created.login))
        )
        shown = QLabel(created.password)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(QFont().pointSizeF() * 1.8)
        shown.setFont(font)
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        shown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(shown)
        note = QLabel(
            self.tr(
                "Give it to the user in person. They must choose their own password when "
                "they log in. It is not shown again."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("Copy"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QApplication.clipboard().setText(self.password))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class UsersTab(QWidget):
    """The station's accounts; with `stations`, a new one may go to another station."""

    def __init__(
        self,
        *,
        users: UserService,
        tasks: TaskRunner,
        stations: StationService | None = None,
        own_station_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._users = users
        self._tasks = tasks
        self._stations = stations
        self._own_station_id = own_station_id
        self.rows: list[UserRow] = []
        self.stations: list[StationRow] = []
        self.password_dialog: TemporaryPasswordDialog | None = None
        self.table = make_table(
            [
                self.tr("User name"),
                self.tr("Full name"),
                self.tr("Role"),
                self.tr("Status"),
                self.tr("Station"),
            ]
        )
        self.add_button = QPushButton(self.tr("Add user…"))
        self.reset_button = QPushButton(self.tr("Reset password"))
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.active_button = QPushButton(self.tr("Deactivate"))
        self.add_button.clicked.connect(self.ask_new_user)
        self.reset_button.clicked.connect(self.ask_reset)
        self.unlock_button.clicked.connect(self.unlock)
        self.active_button.clicked.connect(self.ask_toggle_active)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.reset_button, self.unlock_button, self.active_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        tasks.bus.changed.connect(self._on_changed)
        self._update_buttons()
        self.reload()
        self._reload_stations()

    def reload(self) -> None:
        self._tasks.run(self, self._users.list, on_done=self._show)

    def _reload_stations(self) -> None:
        if self._stations is not None:
            self._tasks.run(self, self._stations.list_stations, on_done=self._set_stations)

    def _set_stations(self, rows: list[StationRow]) -> None:
        self.stations = rows

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches("user"):
            self.reload()
        if changes.touches("station"):
            self._reload_stations()

    def _show(self, rows: list[UserRow]) -> None:
        self.rows = rows
        set_rows(
            self.table,
            [[r.login, r.display_name, r.role.label, self._status(r), r.station] for r in rows],
        )
        # The station column matters only once the database holds more than one.
        self.table.setColumnHidden(4, len({r.station for r in rows}) < 2)
        self._update_buttons()

    def _status(self, row: UserRow) -> str:
        if not row.active:
            return self.tr("Deactivated")
        if row.locked:
            return self.tr("Locked")
        if row.must_change_password:
            return self.tr("Must change password")
        return self.tr("Active")

    def selected(self) -> UserRow | None:
        index = self.table.currentRow()
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def _update_buttons(self) -> None:
        row = self.selected()
        for button in (self.reset_button, self.unlock_button, self.active_button):
            button.setEnabled(row is not None)
        self.unlock_button.setEnabled(row is not None and row.locked)
        self.active_button.setText(
            self.tr("Activate") if row is not None and not row.active else self.tr("Deactivate")
        )

    def ask_new_user(self) -> AddUserDialog:
        dialog = AddUserDialog(
            users=self._users,
            tasks=self._tasks,
            stations=self.stations,
            own_station_id=self._own_station_id,
            parent=self,
        )
        dialog.accepted.connect(lambda: self._show_password(dialog.created))
        keep_open(dialog)
        dialog.open()
        return dialog

    def ask_reset(self) -> None:
        row = self.selected()
        if row is None:
            return
        question = self.tr(
            "Give {name} a new temporary password? The old password stops working."
        ).format(name=row.display_name)
        confirm(self, question, lambda: self.reset_password(row.login))

    def reset_password(self, login: str) -> None:
        users = self._users
        self._tasks.run(
            self, lambda: users.reset_password(login=login), on_done=self._show_password
        )

    def unlock(self) -> None:
        row = self.selected()
        if row is None:
            return
        users, login = self._users, row.login
        self._tasks.run(self, lambda: users.unlock(login=login))

    def ask_toggle_active(self) -> None:
        row = self.selected()
        if row is None:
            return
        if not row.active:
            self.set_active(row.login, True)
            return
        question = self.tr("Deactivate {name}? They can no longer log in.").format(
            name=row.display_name
        )
        confirm(self, question, lambda: self.set_active(row.login, False))

    def set_active(self, login: str, active: bool) -> None:
        users = self._users
        self._tasks.run(self, lambda: users.set_active(login=login, active=active))

    def _show_password(self, created: NewPassword | None) -> None:
        if created is None:
            return
        dialog = TemporaryPasswordDialog(created, self)
        self.password_dialog = dialog
        keep_open(dialog)
        dialog.open()
