"""When a case step meets a case someone else changed: reload, keep mine, or compare first.

A step (a record, a plan, a referral…) is saved against the case as it was loaded. If the
case changed since, nothing is saved; the user sees what the other person did, and either
reloads (dropping what they typed) or saves their step on top of the case as it is now.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.case_rules import Urgency
from app.domain.codes import RiskLevel
from app.services.cases.types import CaseDetail, TimelineEntry
from app.ui.clients.choices import enum_label
from app.ui.clients.prompts import ask

_CHANGED = QBrush(QColor("#FFF2CC"))


@dataclass(frozen=True)
class CaseFieldRow:
    caption: str
    loaded: str
    stored: str

    @property
    def differs(self) -> bool:
        return self.loaded != self.stored


class CaseConflictDialog(QDialog):
    """Offers the three ways out; the step dialog does the reloading or the saving."""

    reload_chosen = Signal()
    keep_mine_chosen = Signal(object)  # the stored CaseDetail, whose version my step builds on

    def __init__(
        self,
        *,
        message: str,
        loaded: CaseDetail,
        stored: CaseDetail,
        step: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.stored = stored
        self.rows = self._rows(loaded, stored)
        self.setWindowTitle(self.tr("Someone else changed this case"))
        added = _new_entries(loaded, stored)
        lines = [message, ""]
        if added:
            lines.append(self.tr("Added meanwhile:"))
            lines += [f"· {e.on.isoformat()} {e.title}" for e in added[:8]]
        lines.append(
            self.tr("Case fields that changed: {count}. My unsaved step: {step}.").format(
                count=len(self.differing()), step=step
            )
        )
        self.text = QLabel("\n".join(lines), self)
        self.text.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("When I opened it"), self.tr("Stored now")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.hide()
        self.reload_button = QPushButton(self.tr("Reload"), self)
        self.reload_button.setToolTip(self.tr("Show the stored case; what I typed is dropped."))
        self.keep_button = QPushButton(self.tr("Keep my changes"), self)
        self.keep_button.setToolTip(self.tr("Save my step on top of the case as stored now."))
        self.compare_button = QPushButton(self.tr("Compare"), self)
        self.cancel_button = QPushButton(self.tr("Keep editing"), self)
        self.reload_button.clicked.connect(self.reload)
        self.keep_button.clicked.connect(self.keep_mine)
        self.compare_button.clicked.connect(self.compare)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.compare_button, self.reload_button, self.keep_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(640, 280)

    def differing(self) -> list[CaseFieldRow]:
        return [row for row in self.rows if row.differs]

    def compare(self) -> None:
        """Side by side, the case as I opened it and as it is stored now."""
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            for c, text in enumerate((row.caption, row.loaded, row.stored)):
                item = QTableWidgetItem(text)
                if row.differs:
                    item.setBackground(_CHANGED)
                self.table.setItem(r, c, item)
        self.table.show()
        self.resize(self.width(), max(self.height(), 520))

    def keep_mine(self) -> QMessageBox:
        """Show the differences, then ask before my step is saved on the stored case."""
        self.compare()
        return ask(
            self,
            self.tr(
                "My step is saved on top of the case as stored now; "
                "the other person's changes stay.\n\nSave it?"
            ),
            accept_text=self.tr("Save my step"),
            reject_text=self.tr("Go back"),
            on_accept=self._keep_confirmed,
            icon=QMessageBox.Icon.Warning,
        )

    def reload(self) -> QMessageBox:
        return ask(
            self,
            self.tr("Reload the stored case? What I typed here is dropped."),
            accept_text=self.tr("Reload"),
            reject_text=self.tr("Go back"),
            on_accept=self._reload_confirmed,
        )

    def _keep_confirmed(self) -> None:
        self.keep_mine_chosen.emit(self.stored)
        self.accept()

    def _reload_confirmed(self) -> None:
        self.reload_chosen.emit()
        self.accept()

    def _rows(self, a: CaseDetail, b: CaseDetail) -> list[CaseFieldRow]:
        def date(value: object) -> str:
            return value.isoformat() if hasattr(value, "isoformat") else ""

        def yes_no(value: bool) -> str:
            return self.tr("yes") if value else self.tr("no")

        pairs: list[tuple[str, str, str]] = [
            (self.tr("Stage"), a.stage_label, b.stage_label),
            (self.tr("Paused"), yes_no(a.paused), yes_no(b.paused)),
            (self.tr("Responsible worker"), a.worker, b.worker),
            (
                self.tr("Risk level"),
                enum_label(RiskLevel, a.risk_level),
                enum_label(RiskLevel, b.risk_level),
            ),
            (self.tr("Urgency"), enum_label(Urgency, a.urgency), enum_label(Urgency, b.urgency)),
            (self.tr("Next contact"), date(a.next_contact_date), date(b.next_contact_date)),
            (self.tr("Presenting problem"), a.presenting_problem, b.presenting_problem),
            (self.tr("Assessments"), str(len(a.assessments)), str(len(b.assessments))),
            (self.tr("Plans"), str(len(a.plans)), str(len(b.plans))),
            (self.tr("Service records"), str(len(a.records)), str(len(b.records))),
            (self.tr("Referrals"), str(len(a.referrals)), str(len(b.referrals))),
            (self.tr("Evaluations"), str(len(a.evaluations)), str(len(b.evaluations))),
            (self.tr("Closure requests"), str(len(a.closures)), str(len(b.closures))),
            (self.tr("Follow-ups"), str(len(a.follow_ups)), str(len(b.follow_ups))),
            (self.tr("Comments"), str(len(a.comments)), str(len(b.comments))),
        ]
        return [CaseFieldRow(*p) for p in pairs]


def _new_entries(loaded: CaseDetail, stored: CaseDetail) -> list[TimelineEntry]:
    """Timeline lines of the stored case that were not there when the dialog opened."""
    seen = {(e.kind, e.record_id) for e in loaded.timeline}
    return [e for e in stored.timeline if (e.kind, e.record_id) not in seen]
