"""What every case dialog shares: a form, field-level errors, saving in the background.

Nothing typed is lost when a save fails: the dialog stays open and says what to fix.
When someone else changed the case meanwhile, the conflict dialog shows what changed and
offers a reload, saving this step on the case as stored now, or going on editing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import AppError, ConflictError, InvalidInput, NotFound
from app.services.cases.service import CaseService
from app.services.cases.types import CaseDetail, CaseSaved
from app.ui.cases.conflict_dialog import CaseConflictDialog
from app.ui.clients.prompts import ask
from app.ui.form_errors import ErrorLabel
from app.ui.tasks import TaskRunner
from app.ui.widgets.effective_date import EffectiveDate

SaveCall = Callable[[], CaseSaved]


class StepDialog(QDialog):
    """A dialog for one step of a case; subclasses add rows and call `submit`."""

    saved = Signal(object)  # CaseSaved
    reload_requested = Signal()

    def __init__(self, *, title: str, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._tasks = tasks
        self._saving = False
        self._field_errors: dict[str, ErrorLabel] = {}
        self._field_widgets: dict[str, QWidget] = {}
        self._field_rows: dict[str, tuple[QFormLayout, QWidget]] = {}
        self.save_button: QPushButton | None = None
        """The first button that saves (the dialog's main action)."""
        self.conflict: CaseConflictDialog | None = None
        self._last_build: Callable[[], SaveCall | None] | None = None
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.error = ErrorLabel(self)
        self.error.setObjectName("formError")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout()
        self.body.addLayout(self.form)
        layout = QVBoxLayout(self)
        layout.addLayout(self.body)
        layout.addStretch(1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def new_section(self) -> None:
        """Rows added from now on go into a new form below what the body holds."""
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.body.addLayout(self.form)

    def add_row(self, caption: str, widget: QWidget, field: str = "") -> QWidget:
        """A labelled row; `field` names the service's field, so its error shows below it.

        Returns what the row holds (to show or hide the row with the form's setRowVisible).
        """
        if not field:
            self.form.addRow(caption, widget)
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
        self._field_rows[field] = (self.form, holder)
        self.form.addRow(caption, holder)
        return holder

    def add_effective_date(self, effective: EffectiveDate, *, date_field: str = "") -> None:
        """发生日期 (unless the record's own date, `date_field`, stands for it) and 补录原因.

        The reason's row shows only while the date is far enough back to need one.
        """
        if effective.owns_date:
            self.add_row(self.tr("Effective date"), effective.date, "on")
        elif date_field:
            # The service names the 发生日期 "on": for a record that is its own date.
            self._field_errors["on"] = self._field_errors[date_field]
            self._field_widgets["on"] = self._field_widgets[date_field]
        holder = self.add_row(self.tr("Late-entry reason *"), effective.reason, "late_reason")
        form = self.form
        form.setRowVisible(holder, effective.is_late())
        effective.late_changed.connect(lambda late: form.setRowVisible(holder, late))

    def add_button(self, text: str, call: Callable[[], SaveCall | None]) -> QPushButton:
        """A button that saves: `call` builds the service call (or None when nothing to do)."""
        button = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
        button.setObjectName("saveButton")
        button.clicked.connect(lambda: self._build_and_submit(call))
        if self.save_button is None:
            self.save_button = button
        return button

    def _build_and_submit(self, build: Callable[[], SaveCall | None]) -> None:
        # Remembered so "keep my changes" can build the same step again on the newer case.
        self._last_build = build
        self.submit(build())

    def field_error(self, field: str) -> str:
        label = self._field_errors.get(field)
        return label.text() if label is not None and label.isVisibleTo(self) else ""

    def submit(self, call: SaveCall | None) -> None:
        if call is None or self._saving:
            return
        self._set_saving(True)
        self._clear_errors()
        self._tasks.run(
            self,
            call,
            on_done=self._saved,
            on_error=self._failed,
            on_finally=lambda: self._set_saving(False),
        )

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        for button in self.buttons.buttons():
            if self.buttons.buttonRole(button) == QDialogButtonBox.ButtonRole.AcceptRole:
                button.setEnabled(not saving)

    def _clear_errors(self) -> None:
        self.error.set_error("")
        for label in self._field_errors.values():
            label.set_error("")

    def _saved(self, saved: CaseSaved) -> None:
        self._tasks.bus.changed.emit(CaseService.changes(saved))
        self.saved.emit(saved)
        self.accept()

    def _failed(self, exc: AppError) -> bool:
        if isinstance(exc, ConflictError) and self._show_conflict(exc):
            return True
        if isinstance(exc, ConflictError | NotFound):
            ask(
                self,
                exc.message + "\n\n" + self.tr("Reload the case? What you typed here is dropped."),
                accept_text=self.tr("Reload"),
                reject_text=self.tr("Keep editing"),
                on_accept=self._reload,
            )
            return True
        field = exc.field if isinstance(exc, InvalidInput) else None
        label = self._field_errors.get(field or "")
        if label is not None:
            row = self._field_rows.get(field or "")
            if row is not None:
                # The service may ask for a field this dialog thought not needed (补录原因).
                row[0].setRowVisible(row[1], True)
            label.set_error(exc.message)
            self._field_widgets[field or ""].setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            # Refusals of the stage machine and permissions stay in the dialog too.
            self.error.set_error(exc.message)
        return True

    def _reload(self) -> None:
        self.reload_requested.emit()
        self.reject()

    def _show_conflict(self, exc: ConflictError) -> bool:
        """Load the case as stored and open the conflict dialog; False when this step can't."""
        loaded, cases = getattr(self, "_detail", None), getattr(self, "_cases", None)
        if not isinstance(loaded, CaseDetail) or not isinstance(cases, CaseService):
            return False
        if self._last_build is None:
            return False
        self._tasks.run(
            self,
            lambda: cases.get(loaded.id),
            on_done=lambda stored: self._open_conflict(exc.message, loaded, stored),
        )
        return True

    def _open_conflict(self, message: str, loaded: CaseDetail, stored: CaseDetail) -> None:
        dialog = CaseConflictDialog(
            message=message, loaded=loaded, stored=stored, step=self.windowTitle(), parent=self
        )
        dialog.reload_chosen.connect(self._reload)
        dialog.keep_mine_chosen.connect(self._keep_mine)
        dialog.finished.connect(dialog.deleteLater)
        self.conflict = dialog
        dialog.open()

    def _keep_mine(self, stored: CaseDetail) -> None:
        """Build the same step against the case as stored now, and save it."""
        self._detail = stored
        if self._last_build is not None:
            self.submit(self._last_build())


def note(parent: QWidget, text: str) -> QLabel:
    """A grey explanatory line inside a form."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet("color: #555555;")
    return label
