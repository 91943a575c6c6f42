"""Small input widgets the case dialogs share: dates, optional dates, combo boxes of codes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QPlainTextEdit, QWidget

NO_DATE = QDate(2000, 1, 1)  # the minimum of an optional date field stands for "not set"


def qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def date_edit(parent: QWidget, value: dt.date) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(qdate(value))
    return edit


class OptionalDateEdit(QDateEdit):
    """A date that may be left empty (shown as `blank`)."""

    def __init__(self, parent: QWidget, blank: str, value: dt.date | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(blank)
        self.set_value(value)

    def set_value(self, value: dt.date | None) -> None:
        self.setDate(qdate(value) if value else NO_DATE)

    def value(self) -> dt.date | None:
        day = self.date()
        return None if day == NO_DATE else pydate(day)


def text_box(parent: QWidget, height: int = 64) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)
    box.setFixedHeight(height)
    return box


def enum_combo(parent: QWidget, members: Iterable[Any], current: str = "") -> QComboBox:
    """A combo box of an enum with Chinese labels (RiskLevel, Urgency…)."""
    combo = QComboBox(parent)
    for member in members:
        combo.addItem(str(member.label), member.value)
    if current:
        combo.setCurrentIndex(max(combo.findData(current), 0))
    return combo


def items_combo(parent: QWidget, items: Iterable[tuple[str, object]], blank: str = "") -> QComboBox:
    """A combo box of (label, data) pairs, with a blank first item when `blank` is given."""
    combo = QComboBox(parent)
    if blank:
        combo.addItem(blank, None)
    for label, data in items:
        combo.addItem(label, data)
    return combo
