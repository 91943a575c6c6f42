"""The case beside the list: its header, the buttons for what may be done now, the timeline."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.case_rules import Urgency
from app.domain.codes import RiskLevel
from app.domain.consent import exemption_label
from app.domain.errors import AppError, NotFound
from app.services.cases.service import CaseService
from app.services.cases.types import CaseDetail, TimelineEntry
from app.ui.cases.action_bar import CaseActionBar
from app.ui.clients.choices import enum_label
from app.ui.tasks import TaskRunner

SURVEY = "survey"
SURVEYED_STAGES = ("closure", "follow_up")
_HEADER = ("client", "stage", "risk", "next_contact", "worker", "intake", "problem", "consent")


class CaseDetailPanel(QWidget):
    """Shows one case; `requested` carries the key of the button the user pressed."""

    loaded = Signal(object)  # CaseDetail, or None when nothing is shown
    requested = Signal(str)

    def __init__(
        self, *, cases: CaseService, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._cases = cases
        self._tasks = tasks
        self._generation = 0
        self.detail: CaseDetail | None = None
        self.surveys_shown = False
        """Set by the page when it has the survey service (满意度调查 of a closed case)."""

        self._stack = QStackedWidget(self)
        empty = QLabel(self.tr("Choose a case in the list to see it here."), self)
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty.setWordWrap(True)
        self._stack.addWidget(empty)

        page = QWidget(self)
        self.title = QLabel(page)
        self.title.setObjectName("caseTitle")
        font = self.title.font()
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.title.setFont(font)
        self.lock_note = QLabel(page)
        self.lock_note.setObjectName("caseLocked")
        self.lock_note.setWordWrap(True)
        self.lock_note.setStyleSheet("color: #7a4b00;")
        self.values: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, caption in zip(_HEADER, self._captions(), strict=True):
            value = QLabel(page)
            value.setObjectName(f"case_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            form.addRow(caption, value)
        self._form = form

        self.action_bar = CaseActionBar(page)
        self.action_bar.requested.connect(self.requested)
        self.buttons: dict[str, QPushButton] = self.action_bar.buttons

        self.timeline = QTreeWidget(page)
        self.timeline.setObjectName("caseTimeline")
        self.timeline.setColumnCount(3)
        self.timeline.setHeaderLabels(
            [self.tr("Effective date"), self.tr("Record"), self.tr("Summary")]
        )
        self.timeline.setRootIsDecorated(False)
        self.timeline.setAlternatingRowColors(True)
        self.timeline.setColumnWidth(0, 92)
        self.timeline.setColumnWidth(1, 150)

        inner = QVBoxLayout(page)
        inner.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        self.survey_button = QPushButton(self.tr("Satisfaction survey…"), page)
        self.survey_button.setObjectName("case_survey")
        self.survey_button.setAutoDefault(False)
        self.survey_button.clicked.connect(lambda: self.requested.emit(SURVEY))
        self.survey_button.setVisible(False)
        top.addWidget(self.survey_button)
        top.addWidget(self.action_bar.print_button)
        inner.addLayout(top)
        self.action_bar.chain_tab_order()
        self._align(form)
        inner.addWidget(self.lock_note)
        inner.addLayout(form)
        inner.addWidget(self.action_bar)
        inner.addWidget(QLabel(self.tr("Timeline"), page))
        inner.addWidget(self.timeline, 1)
        self._stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)

    def _align(self, form: QFormLayout) -> None:
        """The header's values and the buttons start at the same place."""
        labels = [form.labelForField(value) for value in self.values.values()]
        width = max(
            [self.action_bar.heading_width()]
            + [label.sizeHint().width() for label in labels if label is not None]
        )
        for label in labels:
            if label is not None:
                label.setMinimumWidth(width)
        form.setHorizontalSpacing(8)
        self.action_bar.align_headings(width, 8)

    def _captions(self) -> tuple[str, ...]:
        return (
            self.tr("Client"),
            self.tr("Stage"),
            self.tr("Risk / urgency"),
            self.tr("Next contact"),
            self.tr("Responsible worker"),
            self.tr("Intake date"),
            self.tr("Presenting problem"),
            self.tr("Opened without consent"),
        )

    # ---- loading ---------------------------------------------------------------------

    def show_case(self, case_id: int | None) -> None:
        self._generation += 1
        generation = self._generation
        if case_id is None:
            self._show(None)
            return
        cases = self._cases
        self._tasks.run(
            self,
            lambda: cases.get(case_id),
            on_done=lambda detail: self._arrived(generation, detail),
            on_error=lambda exc: self._failed(generation, exc),
        )

    def reload(self) -> None:
        if self.detail is not None:
            self.show_case(self.detail.id)

    def _arrived(self, generation: int, detail: CaseDetail) -> None:
        if generation == self._generation:
            self._show(detail)

    def _failed(self, generation: int, exc: AppError) -> bool:
        if generation == self._generation and isinstance(exc, NotFound):
            self._show(None)
            return True
        return False

    def _show(self, detail: CaseDetail | None) -> None:
        self.detail = detail
        if detail is None:
            self._stack.setCurrentIndex(0)
            self.loaded.emit(None)
            return
        self.title.setText(f"{detail.case_no}　{detail.client_name}")
        self.lock_note.setText(self._lock_text(detail))
        self.lock_note.setVisible(bool(self.lock_note.text()))
        age = self.tr(", {age} years").format(age=detail.client_age) if detail.client_age else ""
        place = f"（{detail.client_village}）" if detail.client_village else ""
        self.values["client"].setText(
            f"{detail.client_name}{age}{place}　{detail.client_id_masked}"
        )
        stage = detail.stage_label + (self.tr(" (paused)") if detail.paused else "")
        self.values["stage"].setText(stage)
        risk = enum_label(RiskLevel, detail.risk_level)
        self.values["risk"].setText(f"{risk} / {enum_label(Urgency, detail.urgency)}")
        self.values["next_contact"].setText(
            detail.next_contact_date.isoformat() if detail.next_contact_date else "—"
        )
        self.values["worker"].setText(detail.worker)
        self.values["intake"].setText(detail.intake_date.isoformat())
        self.values["problem"].setText(detail.presenting_problem)
        # Only a case opened under an exemption says so: the reason and who or what.
        exempt = detail.consent_exemption
        self.values["consent"].setText(
            f"{exemption_label(exempt)}：{detail.consent_note}" if exempt else ""
        )
        self._form.setRowVisible(self.values["consent"], bool(exempt))
        self.action_bar.show_allowed(set(detail.actions))
        self.survey_button.setVisible(self.surveys_shown and detail.stage in SURVEYED_STAGES)
        self.timeline.clear()
        for entry in detail.timeline:
            item = QTreeWidgetItem([self._day_text(entry), entry.title, self._summary(entry)])
            for column in range(3):
                item.setToolTip(column, self._summary(entry))
            item.setData(0, Qt.ItemDataRole.UserRole, (entry.kind, entry.record_id))
            self.timeline.addTopLevelItem(item)
        # Wider only while a late entry's 录入 date needs the room.
        self.timeline.setColumnWidth(0, 92)
        if any(e.entered_on is not None for e in detail.timeline):
            self.timeline.resizeColumnToContents(0)
        self.timeline.scrollToBottom()
        self._stack.setCurrentIndex(1)
        self.loaded.emit(detail)

    def _day_text(self, entry: TimelineEntry) -> str:
        """The 发生日期, and the day it was typed in when that was another day (补录)."""
        day = entry.on.isoformat()
        entered = entry.entered_on
        if entered is None:
            return day
        if entered.year == entry.on.year:
            note = self.tr("(entered {month}/{day})").format(month=entered.month, day=entered.day)
        else:
            note = self.tr("(entered {year}/{month}/{day})").format(
                year=entered.year, month=entered.month, day=entered.day
            )
        return day + note

    def _summary(self, entry: TimelineEntry) -> str:
        if not entry.late_reason:
            return entry.summary
        late = self.tr("Late-entry reason: {reason}").format(reason=entry.late_reason)
        return "；".join(t for t in (entry.summary, late) if t)

    def _lock_text(self, detail: CaseDetail) -> str:
        if detail.locked:
            return self.tr("This case is closed and read-only. A station head can reopen it.")
        if detail.paused:
            return self.tr("This case is paused: resume it to continue the work.")
        return ""
