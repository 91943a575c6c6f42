"""Search box and filters above the activity list; emits an `ActivityQuery` as they change."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QWidget

from app.domain.codes import CodeList
from app.services.community.types import ActivityQuery
from app.ui.clients.choices import ClientChoices, code_items, fill_combo
from app.ui.widgets.filter_bar import ListFilterBar

MONTHS_OFFERED = 36


def recent_months(today: dt.date, count: int = MONTHS_OFFERED) -> list[dt.date]:
    """The first days of this month and the `count - 1` before it, newest first."""
    months = []
    year, month = today.year, today.month
    for _ in range(count):
        months.append(dt.date(year, month, 1))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return months


class ActivityFilterBar(ListFilterBar):
    """Search titles as you type; filter by type, village, worker and month."""

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent, name="activitySearch")
        self.search.setPlaceholderText(self.tr("Search activity titles (Ctrl+F)"))
        self.activity_type = QComboBox(self)
        self.village = QComboBox(self)
        self.worker = QComboBox(self)
        self.month = QComboBox(self)
        for combo in (self.village, self.worker):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMinimumContentsLength(6)
        fill_combo(self.activity_type, [], blank=self.tr("All types"))
        fill_combo(self.village, [], blank=self.tr("All villages"))
        fill_combo(self.worker, [], blank=self.tr("All workers"))
        fill_combo(
            self.month,
            [(f"{m.year}-{m.month:02d}", m.isoformat()) for m in recent_months(today)],
            blank=self.tr("All months"),
        )
        self.activity_type.setToolTip(self.tr("Activity type"))
        self.village.setToolTip(self.tr("Village or community"))
        self.worker.setToolTip(self.tr("Responsible worker"))
        self.month.setToolTip(self.tr("Month"))
        self.add_filters(self.activity_type, self.village, self.worker, self.month)

    def set_choices(self, choices: ClientChoices) -> None:
        fill_combo(
            self.activity_type,
            code_items(choices, CodeList.ACTIVITY_TYPE),
            blank=self.tr("All types"),
        )
        fill_combo(
            self.village, [(v.label, v.id) for v in choices.villages], blank=self.tr("All villages")
        )
        fill_combo(
            self.worker, [(w.label, w.id) for w in choices.workers], blank=self.tr("All workers")
        )

    def query(self) -> ActivityQuery:
        month = self.month.currentData()
        return ActivityQuery(
            text=self.search.text().strip(),
            activity_type=self.activity_type.currentData() or "",
            village_id=self.village.currentData(),
            worker_id=self.worker.currentData(),
            month=dt.date.fromisoformat(month) if month else None,
        )
