"""A form whose Save runs one service call in the background; a refusal keeps what was typed.

While the call runs, every button that saves is disabled and a second click does nothing.
The service's refusal is shown below its field when the form has that field (which then
takes the focus), otherwise in the error line under the form; the dialog stays open
either way. Someone else's change meanwhile (a conflict, or the record gone) is said in
the error line, or, when the subclass says how (`reload_question`), offered as a reload.
A lost server connection (重试) and a change to a closed month (更正原因) are asked about
by the task runner, which keeps the dialog busy until they are answered.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import AppError, ConflictError, InvalidInput, NotFound
from app.ui.clients.prompts import ask
from app.ui.form_errors import ErrorLabel
from app.ui.tasks import TaskRunner

ServiceCall = Callable[[], Any]


class ServiceFormDialog(QDialog):
    """Subclasses add rows to `form` and say in `call` what saving means."""

    saved = Signal(object)  # what the service call returned
    reload_requested = Signal()
    kept_refusals: tuple[type[AppError], ...] = (AppError,)
    """The refusals said in the form; any other is the task runner's message box."""

    def __init__(
        self,
        *,
        tasks: TaskRunner,
        title: str = "",
        accept: QDialogButtonBox.StandardButton | None = QDialogButtonBox.StandardButton.Save,
        min_width: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if title:
            self.setWindowTitle(title)
        self._tasks = tasks
        self._saving = False
        self._field_errors: dict[str, ErrorLabel] = {}
        self._field_widgets: dict[str, QWidget] = {}
        self._field_rows: dict[str, tuple[QFormLayout, QWidget]] = {}
        self.form = self.new_form()
        self.body = QVBoxLayout()
        self.body.addLayout(self.form)
        self.error = ErrorLabel(self)
        self.error.setObjectName("formError")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.rejected.connect(self.reject)
        self._save_button: QPushButton | None = None
        self._accepts = accept is not None
        if accept is not None:  # None: the subclass names its buttons with `add_button`
            self._save_button = self.buttons.addButton(accept)
            self._save_button.setObjectName("saveButton")
            self._save_button.setDefault(True)
            self.buttons.accepted.connect(self.submit)
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(self.body)
        # Spare height goes below the rows, so the form stays together at the top.
        self._spare = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)
        self._layout.addItem(self._spare)
        self._layout.addWidget(self.error)
        self._layout.addWidget(self.buttons)
        if min_width:
            self.setMinimumWidth(min_width)

    @staticmethod
    def new_form() -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return form

    @property
    def save_button(self) -> QPushButton:
        """The button of the main action (the first that saves)."""
        assert self._save_button is not None, "no button saves yet"
        return self._save_button

    def add_button(self, text: str, build: Callable[[], ServiceCall | None]) -> QPushButton:
        """A button that saves: `build` makes its service call, as `call` does for Save.

        Only in a dialog made with `accept=None`: the box's `accepted` would also submit.
        """
        assert not self._accepts, "a dialog with its own Save button adds no other"
        button = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
        button.setObjectName("saveButton")
        button.clicked.connect(lambda: self.save_with(build))
        if self._save_button is None:
            self._save_button = button
        return button

    def call(self) -> ServiceCall | None:
        """The service call that saves what the form holds; None: nothing to save (yet)."""
        raise NotImplementedError

    def reload_question(self) -> str:
        """Asked on a conflict when the caller can reload (`reload_requested`); "" if not."""
        return ""

    def add_row(
        self, caption: str, widget: QWidget, field: str = "", form: QFormLayout | None = None
    ) -> QWidget:
        """A labelled row; `field` names the service's field, so its error shows below it.

        Returns what the row holds (to show or hide the row with the form's setRowVisible).
        """
        form = form if form is not None else self.form
        if not field:
            form.addRow(caption, widget)
            return widget
        holder = QWidget(self)
        # Never taller than the field and its message: the form keeps its rows together.
        holder.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        label = ErrorLabel(holder)
        column.addWidget(label)
        self._field_errors[field] = label
        self._field_widgets[field] = widget
        self._field_rows[field] = (form, holder)
        form.addRow(caption, holder)
        buddy = form.labelForField(holder)
        if isinstance(buddy, QLabel):
            buddy.setBuddy(widget)  # the caption's shortcut reaches the field, not its holder
        return holder

    def share_field(self, field: str, shown_at: str, widget: QWidget | None = None) -> None:
        """The service's `field` has no row of its own: its error shows at `shown_at`'s
        (and `widget`, by default `shown_at`'s, takes the focus)."""
        self._field_errors[field] = self._field_errors[shown_at]
        self._field_widgets[field] = widget or self._field_widgets[shown_at]

    def add_filling(self, widget: QWidget) -> None:
        """A widget below the form that takes the spare height (a table of targets)."""
        self._layout.removeItem(self._spare)
        self._layout.insertWidget(1, widget, 1)

    def field_error(self, field: str) -> str:
        label = self._field_errors.get(field)
        return label.text() if label is not None and label.isVisibleTo(self) else ""

    def set_read_only(self, read_only: bool) -> None:
        """Someone who may not edit still reads the record."""
        self.save_button.setVisible(not read_only)
        for widget in self._field_widgets.values():
            widget.setEnabled(not read_only)

    def submit(self) -> None:
        self.save_with(self.call)

    def save_with(self, build: Callable[[], ServiceCall | None]) -> None:
        if self._saving:
            return
        call = build()
        if call is None:
            return
        self._set_saving(True)
        self.error.set_error("")
        for label in self._field_errors.values():
            label.set_error("")
        self._tasks.run(
            self,
            call,
            on_done=self._saved,
            on_error=self.show_refusal,
            on_finally=lambda: self._set_saving(False),
        )

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        for button in self.buttons.buttons():
            if self.buttons.buttonRole(button) == QDialogButtonBox.ButtonRole.AcceptRole:
                button.setEnabled(not saving)

    def _saved(self, result: object) -> None:
        # The task runner has announced what changed already.
        self.saved.emit(result)
        self.accept()

    def show_refusal(self, exc: AppError) -> bool:
        """Where the refusal belongs (a field's, the error line, a reload); False: not kept."""
        if not isinstance(exc, self.kept_refusals):
            return False
        question = self.reload_question()
        if isinstance(exc, ConflictError | NotFound) and question:
            ask(
                self,
                exc.message + "\n\n" + question,
                accept_text=self.tr("Reload"),
                reject_text=self.tr("Keep editing"),
                on_accept=self._reload,
            )
            return True
        field = (exc.field or "") if isinstance(exc, InvalidInput) else ""
        label = self._field_errors.get(field)
        if label is None:
            self.error.set_error(exc.message)
            return True
        form, holder = self._field_rows.get(field, (None, None))
        if form is not None and holder is not None:
            # The service may ask for a field this dialog thought not needed (补录原因).
            form.setRowVisible(holder, True)
        label.set_error(exc.message)
        self._field_widgets[field].setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _reload(self) -> None:
        self.reload_requested.emit()
        self.reject()
