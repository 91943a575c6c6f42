"""What the staff record dialogs share: a form, field errors and saving in the background.

A failed save keeps the dialog open with what the user typed and says what to fix; a
conflict (someone saved the record meanwhile) is said plainly, nothing is overwritten.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import AppError, ConflictError, InvalidInput, NotFound
from app.services.context import Changes
from app.ui.form_errors import ErrorLabel
from app.ui.tasks import TaskRunner

SaveCall = Callable[[], Changes]


class RecordDialog(QDialog):
    """Subclasses add rows, then `submit` a service call built from the fields."""

    saved = Signal(object)  # Changes

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
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save"))
        self.save_button.setObjectName("saveButton")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self._save_clicked)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

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

    def set_read_only(self, read_only: bool) -> None:
        """Someone who may not edit still reads the record."""
        self.save_button.setVisible(not read_only)
        for widget in self._field_widgets.values():
            widget.setEnabled(not read_only)

    def field_error(self, field: str) -> str:
        label = self._field_errors.get(field)
        return label.text() if label is not None and label.isVisibleTo(self) else ""

    def build_call(self) -> SaveCall | None:
        """The service call the fields describe, or None when a field is not filled in."""
        raise NotImplementedError

    def _save_clicked(self) -> None:
        call = self.build_call()
        if call is None or self._saving:
            return
        self._saving = True
        self.save_button.setEnabled(False)
        self.error.set_error("")
        for label in self._field_errors.values():
            label.set_error("")
        self._tasks.run(
            self, call, on_done=self._saved, on_error=self._failed, on_finally=self._done
        )

    def _done(self) -> None:
        self._saving = False
        self.save_button.setEnabled(True)

    def _saved(self, changes: Changes) -> None:
        self.saved.emit(changes)
        self.accept()

    def _failed(self, exc: AppError) -> bool:
        if isinstance(exc, ConflictError | NotFound):
            self.error.set_error(exc.message)
            return True
        field = exc.field if isinstance(exc, InvalidInput) else ""
        label = self._field_errors.get(field)
        if label is not None:
            label.set_error(exc.message)
            self._field_widgets[field].setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.error.set_error(exc.message)
        return True
