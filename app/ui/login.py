"""The login dialog: user name and password, then a forced password change if needed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import AppError, AuthenticationFailed
from app.services.context import Actor
from app.ui import style_sheet
from app.ui.form_errors import ErrorLabel
from app.ui.opening import mark
from app.ui.password_dialog import PasswordDialog
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    # Only a type here: the login window opens before SQLAlchemy has loaded.
    from app.services.access.auth import AuthService


class LoginDialog(QDialog):
    """Accepted once a user has logged in; `actor` is who they are."""

    def __init__(
        self,
        *,
        auth: AuthService,
        tasks: TaskRunner,
        station_name: str = "",
        login: str = "",
        notice: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._auth = auth
        self._tasks = tasks
        self.actor: Actor | None = None
        self.password_dialog: PasswordDialog | None = None
        self.setWindowTitle(self.tr("Station Desk: log in"))
        layout = QVBoxLayout(self)
        self.station_label = title = QLabel(station_name or self.tr("Station Desk"))
        title.setObjectName("stationName")
        style_sheet.apply(title)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        subtitle = QLabel(self.tr("Station Desk: case management for social work stations"))
        subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(subtitle)
        form = QFormLayout()
        self.login = QLineEdit(login)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("User name"), self.login)
        form.addRow(self.tr("Password"), self.password)
        layout.addLayout(form)
        self.notice = QLabel(notice)
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice.setVisible(bool(notice))
        layout.addWidget(self.notice)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.login_button = self.buttons.addButton(
            self.tr("Log in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        # Only once the button is inside the dialog can it become the dialog's default.
        self.login_button.setDefault(True)
        (self.password if login else self.login).setFocus()
        self.setMinimumWidth(400)

    def submit(self) -> None:
        login, password = self.login.text().strip(), self.password.text()
        if not login or not password:
            self.error.set_error(self.tr("Please enter your user name and password."))
            return
        self.error.set_error("")
        self.buttons.setEnabled(False)
        auth = self._auth

        def check() -> Actor:
            mark("login check started")
            actor = auth.login(login=login, password=password)
            mark("login checked")
            return actor

        mark("login submitted")
        self._tasks.run(
            self,
            check,
            on_done=self._logged_in,
            on_error=self._refused,
            on_finally=lambda: self.buttons.setEnabled(True),
        )

    def _logged_in(self, actor: Actor) -> None:
        self.password.clear()
        if not actor.must_change_password:
            self.actor = actor
            self.accept()
            return
        dialog = PasswordDialog(auth=self._auth, actor=actor, tasks=self._tasks, forced=True)
        dialog.setParent(self, dialog.windowFlags())
        dialog.finished.connect(self._password_finished)
        self.password_dialog = dialog
        dialog.open()

    def _password_finished(self, result: int) -> None:
        dialog = self.password_dialog
        self.password_dialog = None
        if dialog is None:
            return
        dialog.deleteLater()
        if result == QDialog.DialogCode.Accepted.value:
            self.actor = dialog.actor
            self.accept()
        else:
            self.error.set_error(self.tr("You need to choose a new password before you can start."))

    def _refused(self, error: AppError) -> bool:
        if not isinstance(error, AuthenticationFailed):
            return False
        self.error.set_error(error.message)
        self.password.selectAll()
        self.password.setFocus()
        return True
