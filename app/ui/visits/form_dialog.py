"""The case dialogs' form and error handling, for records that are not cases."""

from __future__ import annotations

from app.ui.cases.step_dialog import StepDialog
from app.ui.widgets.service_form_dialog import ServiceFormDialog


class FormDialog(StepDialog):
    """A StepDialog whose result announces its own changes (the task runner does that)."""

    def _saved(self, result: object) -> None:
        ServiceFormDialog._saved(self, result)

    def reload_question(self) -> str:
        # Someone else changed the record: said here, so the user can copy their text.
        return ""
