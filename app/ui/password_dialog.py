"""Changing one's own password; required after an administrator set a temporary one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import AppError, InvalidInput
from app.services.context import Actor
from app.ui.form_errors import ErrorLabel
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    # Only a type here: the login window opens before SQLAlchemy has loaded.
    from app.services.access.auth import AuthService


def _secret() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class PasswordDialog(QDialog):
    """Old password, new password twice; `actor` is the refreshed actor once accepted."""

    def __init__(
        self,
        *,
        auth: AuthService,
        actor: Actor,
        tasks: TaskRunner,
        forced: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._auth = auth
        self._tasks = tasks
        self.actor = actor
        self.setWindowTitle(self.tr("Change password"))
        layout = QVBoxLayout(self)
        if forced:
            notice = QLabel(
                self.tr(
                    "Your password was set by the administrator. Please choose your own "
                    "password now; you cannot continue without it."
                )
            )
            notice.setWordWrap(True)
            layout.addWidget(notice)
        form = QFormLayout()
        self.old = _secret()
        self.new = _secret()
        self.repeat = _secret()
        form.addRow(self.tr("Current password"), self.old)
        form.addRow(self.tr("New password"), self.new)
        form.addRow(self.tr("New password again"), self.repeat)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(self.tr("At least 8 characters, and not the same as your user name."))
        )
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def submit(self) -> None:
        if self.new.text() != self.repeat.text():
            self.error.set_error(self.tr("The two new passwords are different."))
            return
        self.error.set_error("")
        self.buttons.setEnabled(False)
        auth, actor = self._auth, self.actor
        old, new = self.old.text(), self.new.text()
        self._tasks.run(
            self,
            lambda: auth.change_password(actor=actor, old_password=old, new_password=new),
            on_done=self._changed,
            on_error=self._refused,
            on_finally=lambda: self.buttons.setEnabled(True),
        )

    def _changed(self, actor: Actor) -> None:
        self.actor = actor
        self.accept()

    def _refused(self, error: AppError) -> bool:
        if not isinstance(error, InvalidInput):
            return False
        self.error.set_error(error.message)
        return True
