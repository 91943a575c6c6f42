"""What every group dialog shares: a form, field-level errors, saving in the background.

Nothing typed is lost when a save fails: the dialog stays open and says what to fix.
When someone else changed the group meanwhile, the user is offered a reload.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import AppError, ConflictError, InvalidInput, NotFound
from app.services.groups.types import GroupSaved
from app.ui.clients.prompts import ask
from app.ui.form_errors import ErrorLabel
from app.ui.tasks import TaskRunner

SaveCall = Callable[[], GroupSaved]


class GroupFormDialog(QDialog):
    """A dialog that saves one change to a group; subclasses add rows and `call`."""

    saved = Signal(object)  # GroupSaved
    reload_requested = Signal()

    def __init__(self, *, title: str, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._tasks = tasks
        self._saving = False
        self._field_errors: dict[str, ErrorLabel] = {}
        self._field_widgets: dict[str, QWidget] = {}
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.error = ErrorLabel(self)
        self.error.setObjectName("formError")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.rejected.connect(self.reject)
        self.save_button: QPushButton = self.buttons.addButton(
            self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(lambda: self.submit(self.call()))
        self.body = QVBoxLayout()
        self.body.addLayout(self.form)
        layout = QVBoxLayout(self)
        layout.addLayout(self.body)
        layout.addStretch(1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def call(self) -> SaveCall | None:
        """The service call that saves what the form holds (None when nothing to do)."""
        raise NotImplementedError

    def add_row(self, caption: str, widget: QWidget, field: str = "") -> None:
        """A labelled row; `field` names the service's field, so its error shows below it."""
        if not field:
            self.form.addRow(caption, widget)
            return
        holder = QWidget(self)
        holder.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        label = ErrorLabel(holder)
        column.addWidget(label)
        self._field_errors[field] = label
        self._field_widgets[field] = widget
        self.form.addRow(caption, holder)

    def submit(self, call: SaveCall | None) -> None:
        if call is None or self._saving:
            return
        self._set_saving(True)
        self.error.set_error("")
        for label in self._field_errors.values():
            label.set_error("")
        self._tasks.run(
            self,
            call,
            on_done=self._saved,
            on_error=self._failed,
            on_finally=lambda: self._set_saving(False),
        )

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.save_button.setEnabled(not saving)

    def _saved(self, saved: GroupSaved) -> None:
        # The task runner has announced `saved.changes` already.
        self.saved.emit(saved)
        self.accept()

    def _failed(self, exc: AppError) -> bool:
        if isinstance(exc, ConflictError | NotFound):
            ask(
                self,
                exc.message + "\n\n" + self.tr("Reload the group? What you typed here is dropped."),
                accept_text=self.tr("Reload"),
                reject_text=self.tr("Keep editing"),
                on_accept=self._reload,
            )
            return True
        field = exc.field if isinstance(exc, InvalidInput) else None
        label = self._field_errors.get(field or "")
        if label is not None:
            label.set_error(exc.message)
            self._field_widgets[field or ""].setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.error.set_error(exc.message)
        return True

    def _reload(self) -> None:
        self.reload_requested.emit()
        self.reject()
