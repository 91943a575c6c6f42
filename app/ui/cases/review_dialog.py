"""The station head's review of a plan or a closure request: approve, or return with comment."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QWidget

from app.services.cases.types import CaseSaved
from app.ui.cases.fields import text_box
from app.ui.cases.step_dialog import SaveCall, StepDialog
from app.ui.tasks import TaskRunner

Review = Callable[[str], CaseSaved]


class ReviewDialog(StepDialog):
    """Shows what is to be approved; a return needs a comment (the service says so)."""

    def __init__(
        self,
        *,
        title: str,
        summary: str,
        tasks: TaskRunner,
        approve: Review | None,
        send_back: Review | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title=title, tasks=tasks, parent=parent)
        text = QLabel(summary, self)
        text.setWordWrap(True)
        text.setObjectName("reviewSummary")
        self.comment = text_box(self, 72)
        self.add_row(self.tr("For review"), text)
        self.add_row(self.tr("Comment"), self.comment, "comment")
        self.approve_button = self.add_button(self.tr("Approve"), lambda: self._call(approve))
        self.return_button = self.add_button(self.tr("Return"), lambda: self._call(send_back))
        self.approve_button.setEnabled(approve is not None)
        self.return_button.setEnabled(send_back is not None)

    def _call(self, review: Review | None) -> SaveCall | None:
        if review is None:
            return None
        comment = self.comment.toPlainText()
        return lambda: review(comment)
