"""What every case dialog shares: a form, field-level errors, saving in the background.

Nothing typed is lost when a save fails: the dialog stays open and says what to fix.
When someone else changed the case meanwhile, the conflict dialog shows what changed and
offers a reload, saving this step on the case as stored now, or going on editing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QWidget

from app.domain.errors import AppError, ConflictError
from app.services.cases.service import CaseService
from app.services.cases.types import CaseDetail, CaseSaved
from app.ui.cases.conflict_dialog import CaseConflictDialog
from app.ui.tasks import TaskRunner
from app.ui.widgets.effective_date import EffectiveDate
from app.ui.widgets.service_form_dialog import ServiceCall, ServiceFormDialog

SaveCall = Callable[[], CaseSaved]


class StepDialog(ServiceFormDialog):
    """A dialog for one step of a case; subclasses add rows and buttons (`add_button`).

    `saved` carries the CaseSaved.
    """

    def __init__(self, *, title: str, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(title=title, tasks=tasks, accept=None, min_width=520, parent=parent)
        self.conflict: CaseConflictDialog | None = None
        self._last_build: Callable[[], SaveCall | None] | None = None

    def new_section(self) -> None:
        """Rows added from now on go into a new form below what the body holds."""
        self.form = self.new_form()
        self.body.addLayout(self.form)

    def add_effective_date(self, effective: EffectiveDate, *, date_field: str = "") -> None:
        """发生日期 (unless the record's own date, `date_field`, stands for it) and 补录原因.

        The reason's row shows only while the date is far enough back to need one.
        """
        if effective.owns_date:
            self.add_row(self.tr("Effective date"), effective.date, "on")
        elif date_field:
            # The service names the 发生日期 "on": for a record that is its own date.
            self.share_field("on", date_field)
        holder = self.add_row(self.tr("Late-entry reason *"), effective.reason, "late_reason")
        form = self.form
        form.setRowVisible(holder, effective.is_late())
        effective.late_changed.connect(lambda late: form.setRowVisible(holder, late))

    def save_with(self, build: Callable[[], ServiceCall | None]) -> None:
        # Remembered so "keep my changes" can build the same step again on the newer case.
        self._last_build = build
        super().save_with(build)

    def reload_question(self) -> str:
        return self.tr("Reload the case? What you typed here is dropped.")

    def _saved(self, result: object) -> None:
        assert isinstance(result, CaseSaved)
        self._tasks.bus.changed.emit(CaseService.changes(result))
        super()._saved(result)

    def show_refusal(self, exc: AppError) -> bool:
        if isinstance(exc, ConflictError) and self._show_conflict(exc):
            return True
        # Refusals of the stage machine and permissions stay in the dialog too.
        return super().show_refusal(exc)

    def _show_conflict(self, exc: ConflictError) -> bool:
        """Load the case as stored and open the conflict dialog; False when this step can't."""
        loaded, cases = getattr(self, "_detail", None), getattr(self, "_cases", None)
        if not isinstance(loaded, CaseDetail) or not isinstance(cases, CaseService):
            return False
        if self._last_build is None:
            return False
        self._tasks.run(
            self,
            lambda: cases.get(loaded.id),
            on_done=lambda stored: self._open_conflict(exc.message, loaded, stored),
        )
        return True

    def _open_conflict(self, message: str, loaded: CaseDetail, stored: CaseDetail) -> None:
        dialog = CaseConflictDialog(
            message=message, loaded=loaded, stored=stored, step=self.windowTitle(), parent=self
        )
        dialog.reload_chosen.connect(self._reload)
        dialog.keep_mine_chosen.connect(self._keep_mine)
        dialog.finished.connect(dialog.deleteLater)
        self.conflict = dialog
        dialog.open()

    def _keep_mine(self, stored: CaseDetail) -> None:
        """Build the same step against the case as stored now, and save it."""
        self._detail = stored
        if self._last_build is not None:
            self.save_with(self._last_build)


def note(parent: QWidget, text: str) -> QLabel:
    """A grey explanatory line inside a form."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet("color: #555555;")
    return label
