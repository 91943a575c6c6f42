"""Search box and filters above the case list; emits a `CaseQuery` as they change."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from app.domain.case_rules import Stage, Urgency
from app.domain.codes import RiskLevel
from app.services.cases.types import CaseQuery
from app.ui.clients.choices import ClientChoices, fill_combo
from app.ui.widgets.filter_bar import ListFilterBar


class CaseFilterBar(ListFilterBar):
    """Search-as-you-type plus stage, worker, risk and urgency filters."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, name="caseSearch", min_width=220)
        self.search.setPlaceholderText(self.tr("Search case number or client (Ctrl+F)"))
        self.stage = QComboBox(self)
        self.worker = QComboBox(self)
        self.risk = QComboBox(self)
        self.urgency = QComboBox(self)
        self.open_only = QCheckBox(self.tr("Open cases only"), self)
        self.worker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.worker.setMinimumContentsLength(6)
        fill_combo(self.stage, [(s.label, s.value) for s in Stage], blank=self.tr("All stages"))
        fill_combo(self.worker, [], blank=self.tr("All workers"))
        fill_combo(
            self.risk, [(r.label, r.value) for r in RiskLevel], blank=self.tr("Any risk level")
        )
        fill_combo(
            self.urgency, [(u.label, u.value) for u in Urgency], blank=self.tr("Any urgency")
        )
        self.stage.setToolTip(self.tr("Stage"))
        self.worker.setToolTip(self.tr("Responsible worker"))
        self.risk.setToolTip(self.tr("Risk level"))
        self.urgency.setToolTip(self.tr("Urgency"))
        self.add_filters(self.stage, self.worker, self.risk, self.urgency, self.open_only)

    def set_choices(self, choices: ClientChoices) -> None:
        fill_combo(
            self.worker, [(w.label, w.id) for w in choices.workers], blank=self.tr("All workers")
        )

    def query(self) -> CaseQuery:
        return CaseQuery(
            text=self.search.text().strip(),
            stage=self.stage.currentData() or "",
            worker_id=self.worker.currentData(),
            risk_level=self.risk.currentData() or "",
            urgency=self.urgency.currentData() or "",
            open_only=self.open_only.isChecked(),
        )
