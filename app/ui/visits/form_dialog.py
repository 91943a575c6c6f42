"""The case dialogs' form and error handling, for records that are not cases."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QPushButton

from app.domain.errors import AppError, ConflictError, NotFound
from app.ui.cases.step_dialog import StepDialog


class FormDialog(StepDialog):
    """A StepDialog whose result announces its own changes (the task runner does that)."""

    def add_button(self, text: str, call: Callable[[], Callable[[], Any] | None]) -> QPushButton:
        return super().add_button(text, call)

    def _saved(self, saved: Any) -> None:
        self.saved.emit(saved)
        self.accept()

    def _failed(self, exc: AppError) -> bool:
        if isinstance(exc, ConflictError | NotFound):
            # Someone else changed the record: say so here and let the user copy their text.
            self.error.set_error(exc.message)
            return True
        return super()._failed(exc)
