"""变更发生日期: the day a client's risk level, village, household or categories changed.

Those values are kept as dated history, so an edit that changes one of them says from
when (today unless the user picks an earlier day, with a 补录 reason when it is far back).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QFormLayout, QGroupBox, QWidget

from app.services.clients.types import ClientDetail, ClientInput
from app.ui.form_errors import ErrorLabel
from app.ui.widgets.effective_date import EffectiveDate


def history_changed(stored: ClientDetail, data: ClientInput) -> bool:
    """Whether the form changes a value the client's history keeps."""
    stored_head = stored.head_client_id if stored.head_client_id != stored.id else None
    return (
        data.risk_level != stored.risk_level
        or data.village_id != stored.village_id
        or data.head_client_id != stored_head
        or data.relation_to_head != stored.relation_to_head
        or set(data.categories) != set(stored.categories)
    )


class ChangeDateBox(QGroupBox):
    """Shown only while the form changes one of those values (`set_wanted`)."""

    def __init__(self, *, today: dt.date, late_days: int, parent: QWidget) -> None:
        super().__init__(self.tr("When the change happened"), parent)
        self.setObjectName("changeDate")
        self.effective = EffectiveDate(self, today=today, late_days=late_days)
        self.error = ErrorLabel(self)
        reason = self.effective.reason
        form = QFormLayout(self)
        form.addRow(self.tr("Change effective date"), self.effective.date)
        form.addRow(self.tr("Late-entry reason *"), reason)
        form.addRow(self.error)
        form.setRowVisible(reason, self.effective.is_late())
        self.effective.late_changed.connect(lambda late: form.setRowVisible(reason, late))
        self.effective.changed.connect(lambda: self.error.set_error(""))
        self._form = form
        self.wanted = False
        self.hide()

    def set_wanted(self, wanted: bool) -> None:
        self.wanted = wanted
        self.setVisible(wanted)

    def changes_on(self) -> dt.date | None:
        return self.effective.on() if self.wanted else None

    def late_reason(self) -> str:
        return self.effective.late_reason() if self.wanted else ""

    def show_error(self, field: str, message: str) -> None:
        """An error of the service's "on" or "late_reason", shown here and focused."""
        if field == "late_reason":
            self._form.setRowVisible(self.effective.reason, True)
        self.error.set_error(message)
