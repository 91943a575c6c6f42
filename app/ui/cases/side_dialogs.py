"""Side actions that need a few words: pause, resume, decline, reopen, comment, reassign."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from app.services.cases.service import CaseService
from app.services.cases.types import CaseDetail, CaseSaved
from app.services.history import NOW, When
from app.ui.cases.fields import items_combo, text_box
from app.ui.cases.step_dialog import SaveCall, StepDialog
from app.ui.clients.choices import ClientChoices
from app.ui.tasks import TaskRunner
from app.ui.widgets.effective_date import EffectiveDate


class TextDialog(StepDialog):
    """One text (a reason or a comment) handed to `action`; the service says when it is empty.

    With `today` the step also has its 发生日期 (a comment has none: it happens when written).
    """

    def __init__(
        self,
        *,
        title: str,
        caption: str,
        field: str,
        tasks: TaskRunner,
        action: Callable[[str, When], CaseSaved],
        button: str = "",
        today: dt.date | None = None,
        late_days: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title=title, tasks=tasks, parent=parent)
        self._action = action
        self.text = text_box(self, 96)
        self.text.setObjectName("reasonText")
        self.add_row(caption, self.text, field)
        self.effective: EffectiveDate | None = None
        if today is not None:
            self.effective = EffectiveDate(self, today=today, late_days=late_days)
            self.add_effective_date(self.effective)
        self.add_button(button or self.tr("Save"), self.call)

    def call(self) -> SaveCall:
        action, text = self._action, self.text.toPlainText()
        when = self.effective.when() if self.effective is not None else NOW
        return lambda: action(text, when)


class ReassignDialog(StepDialog):
    """The station head hands the case to another worker (logged with the reason)."""

    def __init__(
        self,
        *,
        cases: CaseService,
        tasks: TaskRunner,
        detail: CaseDetail,
        choices: ClientChoices,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title=self.tr("Reassign the case"), tasks=tasks, parent=parent)
        self._cases = cases
        self._detail = detail
        others = [(w.label, w.id) for w in choices.workers if w.id != detail.worker_id]
        self.worker = items_combo(self, others)
        self.reason = text_box(self, 64)
        self.effective = EffectiveDate(self, today=cases.today, late_days=choices.late_reason_days)
        self.add_row(self.tr("Now responsible"), items_combo(self, [(detail.worker, None)]))
        self.add_row(self.tr("Hand over to"), self.worker, "worker_id")
        self.add_row(self.tr("Reason"), self.reason, "reason")
        self.add_effective_date(self.effective)
        self.add_button(self.tr("Reassign"), self.call)

    def call(self) -> SaveCall | None:
        worker_id = self.worker.currentData()
        if worker_id is None:
            return None
        cases, case_id, version = self._cases, self._detail.id, self._detail.version
        reason, when = self.reason.toPlainText(), self.effective.when()
        return lambda: cases.reassign(
            case_id, version=version, worker_id=worker_id, reason=reason, when=when
        )
