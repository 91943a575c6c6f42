"""One's own account: who is logged in, and changing one's password (every role)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services.access.auth import AuthService
from app.services.context import Actor
from app.ui.dialogs import keep_open
from app.ui.password_dialog import PasswordDialog
from app.ui.tasks import TaskRunner


class AccountTab(QWidget):
    def __init__(
        self,
        *,
        auth: AuthService,
        actor: Actor,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._auth = auth
        self._actor = actor
        self._tasks = tasks
        form = QFormLayout()
        form.addRow(self.tr("Full name"), QLabel(actor.display_name))
        form.addRow(self.tr("User name"), QLabel(actor.login))
        form.addRow(self.tr("Role"), QLabel(actor.role.label))
        form.addRow(self.tr("Station"), QLabel(actor.station_name))
        self.change_button = QPushButton(self.tr("Change my password…"))
        self.change_button.clicked.connect(self.change_password)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.change_button)
        layout.addStretch(1)

    def change_password(self) -> PasswordDialog:
        dialog = PasswordDialog(auth=self._auth, actor=self._actor, tasks=self._tasks, parent=self)
        keep_open(dialog)
        dialog.open()
        return dialog
