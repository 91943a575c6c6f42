"""Changing one's own password; required after an administrator set a temporary one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QWidget

from app.domain.errors import InvalidInput
from app.services.context import Actor
from app.ui.tasks import TaskRunner
from app.ui.widgets.service_form_dialog import ServiceCall, ServiceFormDialog

if TYPE_CHECKING:
    # Only a type here: the login window opens before SQLAlchemy has loaded.
    from app.services.access.auth import AuthService


def _secret() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class PasswordDialog(ServiceFormDialog):
    """Old password, new password twice; `actor` is the refreshed actor once accepted."""

    kept_refusals = (InvalidInput,)

    def __init__(
        self,
        *,
        auth: AuthService,
        actor: Actor,
        tasks: TaskRunner,
        forced: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        ok = QDialogButtonBox.StandardButton.Ok
        super().__init__(
            title=self.tr("Change password"), tasks=tasks, accept=ok, min_width=420, parent=parent
        )
        self._auth = auth
        self.actor = actor
        if forced:
            notice = QLabel(
                self.tr(
                    "Your password was set by the administrator. Please choose your own "
                    "password now; you cannot continue without it."
                )
            )
            notice.setWordWrap(True)
            self.body.insertWidget(0, notice)
        self.old = _secret()
        self.new = _secret()
        self.repeat = _secret()
        self.form.addRow(self.tr("Current password"), self.old)
        self.form.addRow(self.tr("New password"), self.new)
        self.form.addRow(self.tr("New password again"), self.repeat)
        self.body.addWidget(
            QLabel(self.tr("At least 8 characters, and not the same as your user name."))
        )
        self.saved.connect(self._changed)

    def call(self) -> ServiceCall | None:
        if self.new.text() != self.repeat.text():
            self.error.set_error(self.tr("The two new passwords are different."))
            return None
        auth, actor = self._auth, self.actor
        old, new = self.old.text(), self.new.text()
        return lambda: auth.change_password(actor=actor, old_password=old, new_password=new)

    def _changed(self, actor: Actor) -> None:
        self.actor = actor
