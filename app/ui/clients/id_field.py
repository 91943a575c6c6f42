"""The ID number field of the client form: checked in the background while it is typed."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.codes import Sex
from app.domain.errors import AppError, InvalidInput
from app.services.clients.service import ClientService
from app.services.clients.types import IdCheck
from app.ui.clients.choices import enum_label
from app.ui.clients.masked_edit import MaskedLineEdit
from app.ui.tasks import TaskRunner

CHECK_DELAY_MS = 300
ERROR_STYLE = "color: #b3261e;"
WARNING_STYLE = "color: #8a5300;"
INFO_STYLE = "color: #2e5e2e;"


class IdNumberField(QWidget):
    """A line edit with what the ID number says (or what is wrong with it) underneath."""

    checked = Signal(object)  # IdCheck, or None when the number is empty or invalid
    open_existing = Signal(int)

    def __init__(
        self,
        *,
        clients: ClientService,
        tasks: TaskRunner,
        exclude_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._clients = clients
        self._tasks = tasks
        self._exclude_id = exclude_id
        self._generation = 0
        self.result: IdCheck | None = None

        self.edit = MaskedLineEdit(self)
        self.edit.setObjectName("idNumber")
        self.edit.setMaxLength(24)
        self.edit.setPlaceholderText(self.tr("18 digits; leave empty if unknown"))
        self.message = QLabel(self)
        self.message.setObjectName("idNumberMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.open_button = QPushButton(self.tr("Open existing record"), self)
        self.open_button.hide()
        self.open_button.clicked.connect(self._open_existing)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.message, 1)
        row.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addLayout(row)
        self.setFocusProxy(self.edit)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self.check_now)
        self.edit.textEdited.connect(self._edited)

    # ---- what the form reads ---------------------------------------------------------

    def value(self) -> str | None:
        """What to save: None keeps the stored number, "" removes it."""
        return self.edit.value()

    def reset(self) -> None:
        """Forget the last check (the form is being filled anew)."""
        self._timer.stop()
        self._generation += 1
        self.result = None
        self.message.hide()
        self.open_button.hide()

    def show_error(self, text: str) -> None:
        self._show(text, ERROR_STYLE)

    # ---- checking ----------------------------------------------------------------------

    def _edited(self) -> None:
        self._generation += 1  # an answer for the old text must not land now
        self._timer.start()

    def check_now(self) -> None:
        """Check the text at once (also used before saving and by tests)."""
        self._timer.stop()
        raw = self.edit.text().strip()
        self._generation += 1
        generation = self._generation
        self.open_button.hide()
        if not raw or self.edit.keeps_stored:
            self._set_result(None)
            self.message.hide()
            return
        clients, exclude = self._clients, self._exclude_id
        self._tasks.run(
            self,
            lambda: clients.check_id_number(raw, exclude_id=exclude),
            on_done=lambda result: self._done(generation, result),
            on_error=lambda exc: self._failed(generation, exc),
        )

    def _done(self, generation: int, result: IdCheck) -> None:
        if generation != self._generation:
            return
        self._set_result(result)
        sex = enum_label(Sex, result.sex)
        facts = self.tr("Born {date}, {sex}").format(date=result.birth_date.isoformat(), sex=sex)
        if result.place:
            facts += self.tr(", issued in {place}").format(place=result.place)
        lines = [facts, *result.warnings]
        if result.existing_id is not None:
            lines.append(
                self.tr("Already registered as “{name}”.").format(name=result.existing_name)
            )
            self.open_button.show()
            self._show("\n".join(lines), ERROR_STYLE)
        elif result.warnings:
            self._show("\n".join(lines), WARNING_STYLE)
        else:
            self._show(facts, INFO_STYLE)

    def _failed(self, generation: int, exc: AppError) -> bool:
        if generation != self._generation:
            return True
        if isinstance(exc, InvalidInput):
            self._set_result(None)
            self._show(exc.message, ERROR_STYLE)
            return True
        return False

    def _set_result(self, result: IdCheck | None) -> None:
        self.result = result
        self.checked.emit(result)

    def _show(self, text: str, style: str) -> None:
        self.message.setStyleSheet(style)
        self.message.setText(text)
        self.message.show()

    def _open_existing(self) -> None:
        if self.result is not None and self.result.existing_id is not None:
            self.open_existing.emit(self.result.existing_id)
