"""The station head's review of a plan or a closure request: approve, or return with comment."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QWidget

from app.services.cases.types import CaseSaved
from app.services.history import LATE_REASON_DAYS, When
from app.ui.cases.fields import text_box
from app.ui.cases.step_dialog import SaveCall, StepDialog
from app.ui.tasks import TaskRunner
from app.ui.widgets.effective_date import EffectiveDate

Review = Callable[[str, When], CaseSaved]


class ReviewDialog(StepDialog):
    """Shows what is to be approved; a return needs a comment (the service says so).

    The head may have signed on paper days before it is typed in: the 发生日期 says when.
    """

    def __init__(
        self,
        *,
        title: str,
        summary: str,
        tasks: TaskRunner,
        approve: Review | None,
        send_back: Review | None,
        today: dt.date,
        late_days: int = LATE_REASON_DAYS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title=title, tasks=tasks, parent=parent)
        text = QLabel(summary, self)
        text.setWordWrap(True)
        text.setObjectName("reviewSummary")
        self.comment = text_box(self, 72)
        self.effective = EffectiveDate(self, today=today, late_days=late_days)
        self.add_row(self.tr("For review"), text)
        self.add_row(self.tr("Comment"), self.comment, "comment")
        self.add_effective_date(self.effective)
        self.approve_button = self.add_button(self.tr("Approve"), lambda: self._call(approve))
        self.return_button = self.add_button(self.tr("Return"), lambda: self._call(send_back))
        self.approve_button.setEnabled(approve is not None)
        self.return_button.setEnabled(send_back is not None)

    def _call(self, review: Review | None) -> SaveCall | None:
        if review is None:
            return None
        comment, when = self.comment.toPlainText(), self.effective.when()
        return lambda: review(comment, when)
