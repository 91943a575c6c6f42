"""Search box and filters above the visit list; emits a `VisitQuery` as they change."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QWidget

from app.services.visits.types import VisitChoices, VisitQuery, VisitResult
from app.ui.clients.choices import fill_combo
from app.ui.widgets.filter_bar import ListFilterBar

MONTHS_OFFERED = 24


class VisitFilterBar(ListFilterBar):
    """Search-as-you-type plus type, village, worker, month and result filters."""

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent, name="visitSearch")
        self.search.setPlaceholderText(self.tr("Search household, client or needs (Ctrl+F)"))
        self.visit_type = QComboBox(self)
        self.village = QComboBox(self)
        self.worker = QComboBox(self)
        self.month = QComboBox(self)
        self.result = QComboBox(self)
        fill_combo(self.visit_type, [], blank=self.tr("All types"))
        fill_combo(self.village, [], blank=self.tr("All villages"))
        fill_combo(self.worker, [], blank=self.tr("All workers"))
        fill_combo(self.month, self._months(today), blank=self.tr("Any month"))
        fill_combo(
            self.result, [(r.label, r.value) for r in VisitResult], blank=self.tr("Any result")
        )
        self.visit_type.setToolTip(self.tr("Visit type"))
        self.village.setToolTip(self.tr("Village"))
        self.worker.setToolTip(self.tr("Worker"))
        self.month.setToolTip(self.tr("Month"))
        self.result.setToolTip(self.tr("Result"))
        self.add_filters(self.visit_type, self.village, self.worker, self.month, self.result)

    @staticmethod
    def _months(today: dt.date) -> list[tuple[str, object]]:
        items: list[tuple[str, object]] = []
        year, month = today.year, today.month
        for _ in range(MONTHS_OFFERED):
            items.append((f"{year}-{month:02d}", f"{year}-{month:02d}"))
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        return items

    def set_choices(self, choices: VisitChoices) -> None:
        fill_combo(self.visit_type, list(choices.visit_types), blank=self.tr("All types"))
        villages: list[tuple[str, object]] = [(v.label, v.value) for v in choices.villages]
        workers: list[tuple[str, object]] = [(w.label, w.value) for w in choices.workers]
        fill_combo(self.village, villages, blank=self.tr("All villages"))
        fill_combo(self.worker, workers, blank=self.tr("All workers"))

    def query(self) -> VisitQuery:
        return VisitQuery(
            text=self.search.text().strip(),
            visit_type=self.visit_type.currentData() or "",
            village_id=self.village.currentData(),
            worker_id=self.worker.currentData(),
            month=self.month.currentData() or "",
            result=self.result.currentData() or "",
        )
