"""Search box and filters above the client list; emits a `ClientQuery` as they change."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from app.domain.codes import ClientStatus, CodeList, RiskLevel
from app.services.clients.types import ClientQuery
from app.ui.clients.choices import ClientChoices, code_items, fill_combo
from app.ui.widgets.filter_bar import ListFilterBar


class FilterBar(ListFilterBar):
    """Search-as-you-type plus category, village, risk, worker and status filters."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, name="clientSearch", min_width=260)
        self.search.setPlaceholderText(self.tr("Search name, ID number, phone or village (Ctrl+F)"))
        self.category = QComboBox(self)
        self.village = QComboBox(self)
        self.risk = QComboBox(self)
        self.worker = QComboBox(self)
        self.status = QComboBox(self)
        for combo in (self.category, self.village, self.worker):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMinimumContentsLength(6)
        self.category.setToolTip(self.tr("Category"))
        self.village.setToolTip(self.tr("Village/community"))
        self.risk.setToolTip(self.tr("Risk level"))
        self.worker.setToolTip(self.tr("Responsible worker"))
        self.status.setToolTip(self.tr("Status"))
        fill_combo(self.category, [], blank=self.tr("All categories"))
        fill_combo(self.village, [], blank=self.tr("All villages"))
        fill_combo(
            self.risk, [(r.label, r.value) for r in RiskLevel], blank=self.tr("Any risk level")
        )
        fill_combo(self.worker, [], blank=self.tr("All workers"))
        self.status.addItem(ClientStatus.ACTIVE.label, ClientStatus.ACTIVE.value)
        self.status.addItem(ClientStatus.ARCHIVED.label, ClientStatus.ARCHIVED.value)
        self.status.addItem(self.tr("All"), "")
        self.add_filters(self.category, self.village, self.risk, self.worker, self.status)

    def set_choices(self, choices: ClientChoices) -> None:
        """Offer the station's categories, villages and workers (keeps what is chosen)."""
        fill_combo(
            self.category,
            code_items(choices, CodeList.CLIENT_CATEGORY),
            blank=self.tr("All categories"),
        )
        fill_combo(
            self.village, [(v.label, v.id) for v in choices.villages], blank=self.tr("All villages")
        )
        fill_combo(
            self.worker, [(w.label, w.id) for w in choices.workers], blank=self.tr("All workers")
        )

    def query(self) -> ClientQuery:
        return ClientQuery(
            text=self.search.text().strip(),
            category=self.category.currentData() or "",
            village_id=self.village.currentData(),
            risk_level=self.risk.currentData() or "",
            worker_id=self.worker.currentData(),
            status=self.status.currentData() or "",
        )
