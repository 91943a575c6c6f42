"""发生日期 and 补录原因: the day something happened, and why it is typed in only now.

One pair of fields for every dialog that records a step or a change. The date defaults to
today and cannot go past it; the reason is asked for only when the date lies more than
`late_days` back (the setting the services enforce, read once with the dialog's choices).
A dialog whose record has its own date (服务日期, 预估日期…) hands that date edit in, and
only the reason is added.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QObject, Signal
from PySide6.QtWidgets import QDateEdit, QLineEdit, QWidget

from app.services.history import LATE_REASON_DAYS, When


def _qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class EffectiveDate(QObject):
    """The date (`date`, own or the record's) and the reason field (`reason`)."""

    late_changed = Signal(bool)
    """Whether the reason is wanted now; the dialog shows or hides its row."""
    changed = Signal()

    def __init__(
        self,
        parent: QWidget,
        *,
        today: dt.date,
        late_days: int = LATE_REASON_DAYS,
        date: QDateEdit | None = None,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._late_days = late_days
        self.owns_date = date is None
        if date is None:
            date = QDateEdit(parent)
            date.setObjectName("effectiveDate")
            date.setCalendarPopup(True)
            date.setDisplayFormat("yyyy-MM-dd")
            # Never a future day: the service refuses one, the field does not offer it.
            date.setMaximumDate(_qdate(today))
            date.setDate(_qdate(today))
        self.date = date
        self.reason = QLineEdit(parent)
        self.reason.setObjectName("lateReason")
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(
            self.tr("Entered more than {days} days late: say why").format(days=late_days)
        )
        self._late = self.is_late()
        self.date.dateChanged.connect(self._date_changed)
        self.reason.textChanged.connect(lambda _t: self.changed.emit())

    def on(self) -> dt.date:
        return _pydate(self.date.date())

    def is_late(self) -> bool:
        return (self._today - self.on()).days > self._late_days

    def late_reason(self) -> str:
        """The reason typed, or nothing when the date is recent enough not to need one."""
        return self.reason.text().strip() if self.is_late() else ""

    def when(self) -> When:
        return When(self.on(), self.late_reason())

    def _date_changed(self, _day: QDate) -> None:
        late = self.is_late()
        if late != self._late:
            self._late = late
            self.late_changed.emit(late)
        self.changed.emit()
