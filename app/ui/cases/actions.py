"""Which dialog each button of the case panel opens, and what its save calls."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from app.domain.case_rules import Action, PlanStatus
from app.domain.errors import AppError, ConflictError, NotFound
from app.services.access.consents import ConsentService
from app.services.cases.service import CaseService
from app.services.cases.types import CaseDetail, CaseSaved
from app.services.history import When
from app.ui.clients.choices import ClientChoices
from app.ui.clients.prompts import ask
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.ui.cases.review_dialog import ReviewDialog


class CaseActions(QObject):
    """Opens the dialog for a button of the case panel; one dialog at a time."""

    reload_requested = Signal()
    saved = Signal(object)  # CaseSaved

    def __init__(
        self,
        *,
        cases: CaseService,
        tasks: TaskRunner,
        parent: QWidget,
        consents: ConsentService | None = None,
    ) -> None:
        super().__init__(parent)
        self._cases = cases
        self._consents = consents
        self._tasks = tasks
        self._parent = parent
        self.dialog: QDialog | None = None

    def open(self, key: str, detail: CaseDetail, choices: ClientChoices) -> QDialog | None:
        """Open the dialog for `key`; returns it (tests drive it), or None for a direct action."""
        from app.ui.cases.step_dialog import StepDialog

        if self.dialog is not None:
            self.dialog.raise_()
            return self.dialog
        if key == "submit_plan":
            self._submit_plan(detail)
            return None
        dialog = self._make(key, detail, choices)
        if dialog is None:
            return None
        if isinstance(dialog, StepDialog):
            dialog.reload_requested.connect(self.reload_requested)
            dialog.saved.connect(self.saved)
        dialog.finished.connect(lambda _r: self._closed(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _make(self, key: str, d: CaseDetail, choices: ClientChoices) -> QDialog | None:
        from app.ui.cases.assessment_dialog import AssessmentDialog
        from app.ui.cases.closure_dialogs import ClosureDialog, FollowUpDialog
        from app.ui.cases.evaluation_dialog import EvaluationDialog
        from app.ui.cases.intake_dialog import IntakeEditDialog
        from app.ui.cases.plan_dialog import PlanDialog
        from app.ui.cases.record_dialog import RecordDialog
        from app.ui.cases.referral_dialogs import ReferralDialog, ReferralStatusDialog
        from app.ui.cases.side_dialogs import ReassignDialog, TextDialog

        cases, tasks, parent = self._cases, self._tasks, self._parent
        common = {"cases": cases, "tasks": tasks, "detail": d, "parent": parent}
        case_id, version = d.id, d.version
        late_days = choices.late_reason_days
        if key == "edit_intake":
            return IntakeEditDialog(choices=choices, **common)  # type: ignore[arg-type]
        if key == "assess":
            return AssessmentDialog(late_days=late_days, **common)  # type: ignore[arg-type]
        if key == "plan":
            return PlanDialog(late_days=late_days, **common)  # type: ignore[arg-type]
        if key == "record":
            return RecordDialog(choices=choices, **common)  # type: ignore[arg-type]
        if key in ("referral", "refer_at_intake"):
            return ReferralDialog(
                at_intake=key == "refer_at_intake",
                consents=self._consents,
                late_days=late_days,
                partners=choices.partners,
                **common,  # type: ignore[arg-type]
            )
        if key == "update_referral":
            return ReferralStatusDialog(late_days=late_days, **common)  # type: ignore[arg-type]
        if key == "evaluate":
            return EvaluationDialog(late_days=late_days, **common)  # type: ignore[arg-type]
        if key == "closure":
            return ClosureDialog(
                choices=choices,
                late_days=late_days,
                **common,  # type: ignore[arg-type]
            )
        if key == "follow_up":
            return FollowUpDialog(choices=choices, **common)  # type: ignore[arg-type]
        if key == "reassign":
            return ReassignDialog(choices=choices, **common)  # type: ignore[arg-type]
        if key == "review_plan":
            return self._review(
                self.tr("Review the service plan"),
                _plan_summary(d),
                d,
                (Action.APPROVE_PLAN, Action.RETURN_PLAN),
                lambda c, w: cases.approve_plan(case_id, version=version, comment=c, when=w),
                lambda c, w: cases.return_plan(case_id, version=version, comment=c, when=w),
                late_days,
            )
        if key == "review_closure":
            return self._review(
                self.tr("Review the closure request"),
                _closure_summary(d),
                d,
                (Action.APPROVE_CLOSURE, Action.RETURN_CLOSURE),
                lambda c, w: cases.approve_closure(case_id, version=version, comment=c, when=w),
                lambda c, w: cases.return_closure(case_id, version=version, comment=c, when=w),
                late_days,
            )
        texts: dict[str, tuple[str, str, str, Callable[[str, When], CaseSaved]]] = {
            "decline": (
                self.tr("Decline the case"),
                self.tr("Reason *"),
                "reason",
                lambda t, w: cases.decline(case_id, version=version, reason=t, when=w),
            ),
            "pause": (
                self.tr("Pause the case"),
                self.tr("Reason *"),
                "reason",
                lambda t, w: cases.pause(case_id, version=version, reason=t, when=w),
            ),
            "resume": (
                self.tr("Resume the case"),
                self.tr("Reason *"),
                "reason",
                lambda t, w: cases.resume(case_id, version=version, reason=t, when=w),
            ),
            "reopen": (
                self.tr("Reopen the case"),
                self.tr("Reason *"),
                "reason",
                lambda t, w: cases.reopen(case_id, version=version, reason=t, when=w),
            ),
            "comment": (
                self.tr("Comment on the case"),
                self.tr("Comment *"),
                "body",
                lambda t, _w: cases.add_comment(case_id, body=t),
            ),
        }
        if key in texts:
            title, caption, field, action = texts[key]
            return TextDialog(
                title=title, caption=caption, field=field, tasks=tasks, action=action,
                today=None if key == "comment" else cases.today, late_days=late_days,
                parent=parent,
            )  # fmt: skip
        return None

    def _review(
        self,
        title: str,
        summary: str,
        d: CaseDetail,
        actions: tuple[Action, Action],
        approve: Callable[[str, When], CaseSaved],
        send_back: Callable[[str, When], CaseSaved],
        late_days: int,
    ) -> ReviewDialog:
        from app.ui.cases.review_dialog import ReviewDialog

        return ReviewDialog(
            title=title,
            summary=summary,
            tasks=self._tasks,
            approve=approve if actions[0].value in d.actions else None,
            send_back=send_back if actions[1].value in d.actions else None,
            today=self._cases.today,
            late_days=late_days,
            parent=self._parent,
        )

    def _submit_plan(self, d: CaseDetail) -> None:
        cases, case_id, version = self._cases, d.id, d.version

        def submit() -> None:
            self._tasks.run(
                self,
                lambda: cases.submit_plan(case_id, version=version),
                on_done=self._done,
                on_error=self._failed,
            )

        ask(
            self._parent,
            self.tr("Submit the service plan to the station head for approval?"),
            accept_text=self.tr("Submit"),
            reject_text=self.tr("Cancel"),
            on_accept=submit,
        )

    def _done(self, saved: CaseSaved) -> None:
        self._tasks.bus.changed.emit(CaseService.changes(saved))
        self.saved.emit(saved)

    def _failed(self, exc: AppError) -> bool:
        if isinstance(exc, ConflictError | NotFound):
            ask(
                self._parent,
                exc.message + "\n\n" + self.tr("Reload the case?"),
                accept_text=self.tr("Reload"),
                reject_text=self.tr("Cancel"),
                on_accept=self.reload_requested.emit,
            )
            return True
        return False


def _plan_summary(d: CaseDetail) -> str:
    plan = next((p for p in reversed(d.plans) if p.status == PlanStatus.SUBMITTED.value), None)
    if plan is None:
        return ""
    lines = [
        QCoreApplication.translate("CaseActions", "Overall goal: {goal}").format(
            goal=plan.overall_goal
        )
    ]
    for g in plan.goals:
        due = g.due_date.isoformat() if g.due_date else "—"
        lines.append(
            QCoreApplication.translate(
                "CaseActions", "{n}. {goal}; measures: {measures}; who: {who}; due: {due}"
            ).format(n=g.seq, goal=g.goal, measures=g.measures, who=g.who, due=due)
        )
    return "\n".join(lines)


def _closure_summary(d: CaseDetail) -> str:
    closure = next((c for c in reversed(d.closures) if c.status == "submitted"), None)
    if closure is None:
        return ""
    lines = [
        QCoreApplication.translate("CaseActions", "Reason: {reason}").format(
            reason=closure.reason_label
        ),
        QCoreApplication.translate("CaseActions", "Summary: {summary}").format(
            summary=closure.summary
        ),
    ]
    if closure.follow_up_plan:
        lines.append(
            QCoreApplication.translate("CaseActions", "Follow-up plan: {plan}").format(
                plan=closure.follow_up_plan
            )
        )
    return "\n".join(lines)
