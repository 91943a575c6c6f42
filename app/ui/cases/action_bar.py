"""The case page's buttons, under the stage they belong to, only those the case allows now.

What is allowed comes from the service (`CaseDetail.actions`, from `case_rules.available`);
the headings from `case_actions.ACTION_GROUPS`. A button stands for one or two actions
(a review approves or returns) and shows when either is allowed.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from app.domain.case_actions import ACTION_GROUPS, ActionGroup
from app.domain.case_rules import Action

BUTTONS: tuple[tuple[str, tuple[Action, ...]], ...] = (
    ("edit_intake", (Action.EDIT_INTAKE,)),
    ("assess", (Action.ASSESS,)),
    ("decline", (Action.DECLINE,)),
    ("plan", (Action.SAVE_PLAN,)),
    ("submit_plan", (Action.SUBMIT_PLAN,)),
    ("review_plan", (Action.APPROVE_PLAN, Action.RETURN_PLAN)),
    ("record", (Action.ADD_RECORD,)),
    ("refer_at_intake", (Action.REFER_AT_INTAKE,)),
    ("referral", (Action.ADD_REFERRAL,)),
    ("update_referral", (Action.UPDATE_REFERRAL,)),
    ("evaluate", (Action.EVALUATE,)),
    ("closure", (Action.SUBMIT_CLOSURE,)),
    ("review_closure", (Action.APPROVE_CLOSURE, Action.RETURN_CLOSURE)),
    ("reopen", (Action.REOPEN,)),
    ("follow_up", (Action.FOLLOW_UP,)),
    ("pause", (Action.PAUSE,)),
    ("resume", (Action.RESUME,)),
    ("reassign", (Action.REASSIGN,)),
    ("comment", (Action.COMMENT,)),
)
PRINT = "print"
"""Printing the case file is open to whoever sees the case, in every stage."""


class CaseActionBar(QWidget):
    """`requested` carries the key of the button pressed (a key of BUTTONS, or PRINT)."""

    requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        labels, tips, headings = self._labels(), self._tips(), self._headings()
        self.buttons: dict[str, QPushButton] = {}
        self.headings: dict[ActionGroup, QLabel] = {}
        self._rows: dict[ActionGroup, QHBoxLayout] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 4)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        bold = QFont(self.font())
        bold.setBold(True)
        for index, group in enumerate(ActionGroup):
            heading = QLabel(headings[group], self)
            heading.setObjectName(f"caseGroup_{group.value}")
            heading.setFont(bold)
            row = QHBoxLayout()
            row.setSpacing(6)
            row.addStretch(1)
            grid.addWidget(heading, index, 0)
            grid.addLayout(row, index, 1)
            self.headings[group] = heading
            self._rows[group] = row
        self._grid = grid
        # The same indent in every stage, whichever headings are shown.
        self.align_headings(0)
        # Created in display order, so Tab walks them heading by heading.
        for key, actions in BUTTONS:
            self._add(key, labels[key], tips[key], ACTION_GROUPS[actions[0]])
        # Not a step of the work: the panel shows it beside the case's title.
        self.print_button = self._add(PRINT, labels[PRINT], tips[PRINT], None)

    def _add(self, key: str, label: str, tip: str, group: ActionGroup | None) -> QPushButton:
        button = QPushButton(label, self)
        button.setObjectName(f"case_{key}")
        button.setToolTip(tip)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _c=False, k=key: self.requested.emit(k))
        if group is not None:
            row = self._rows[group]
            row.insertWidget(row.count() - 1, button)  # before the stretch
        self.buttons[key] = button
        return button

    def show_allowed(self, allowed: set[str]) -> None:
        """Show the buttons whose actions `allowed` (action values) holds, the rest hidden."""
        shown = {key for key, actions in BUTTONS if any(a.value in allowed for a in actions)}
        shown.add(PRINT)
        for key, button in self.buttons.items():
            button.setVisible(key in shown)
        for group, heading in self.headings.items():
            heading.setVisible(any(self.group_of(key) is group for key in shown))

    def heading_width(self) -> int:
        return max(h.sizeHint().width() for h in self.headings.values())

    def align_headings(self, width: int, spacing: int = 8) -> None:
        """Line the buttons up with the values of a form above (its labels' `width`)."""
        self._grid.setColumnMinimumWidth(0, max(width, self.heading_width()))
        self._grid.setHorizontalSpacing(spacing)

    def visible_keys(self) -> list[str]:
        """The keys of the buttons shown, in display (and Tab) order: printing first."""
        keys = [PRINT, *(key for key, _actions in BUTTONS)]
        return [key for key in keys if not self.buttons[key].isHidden()]

    def chain_tab_order(self) -> None:
        """Tab from printing (beside the title) through the headings, in display order."""
        keys = [PRINT, *(key for key, _actions in BUTTONS)]
        for first, second in itertools.pairwise(keys):
            QWidget.setTabOrder(self.buttons[first], self.buttons[second])

    def group_of(self, key: str) -> ActionGroup | None:
        """The heading a button stands under (None for printing)."""
        button = self.buttons[key]
        return next((g for g, row in self._rows.items() if row.indexOf(button) >= 0), None)

    def _headings(self) -> dict[ActionGroup, str]:
        return {
            ActionGroup.INTAKE: self.tr("Intake / assessment"),
            ActionGroup.PLAN: self.tr("Plan"),
            ActionGroup.SERVICE: self.tr("Service"),
            ActionGroup.REFERRAL: self.tr("Referral"),
            ActionGroup.CLOSURE: self.tr("Evaluation / closure"),
            ActionGroup.FOLLOW_UP: self.tr("Follow-up"),
            ActionGroup.CASE: self.tr("Case"),
        }

    def _labels(self) -> dict[str, str]:
        return {
            "edit_intake": self.tr("Edit intake"),
            "assess": self.tr("Assess"),
            "decline": self.tr("Decline the case"),
            "plan": self.tr("Service plan"),
            "submit_plan": self.tr("Submit plan"),
            "review_plan": self.tr("Review plan"),
            "record": self.tr("Service record"),
            "refer_at_intake": self.tr("Refer at intake"),
            "referral": self.tr("Refer"),
            "update_referral": self.tr("Referral status"),
            "evaluate": self.tr("Evaluate"),
            "closure": self.tr("Request closure"),
            "review_closure": self.tr("Review closure"),
            "reopen": self.tr("Reopen"),
            "follow_up": self.tr("Follow-up"),
            "pause": self.tr("Pause"),
            "resume": self.tr("Resume"),
            "reassign": self.tr("Reassign"),
            "comment": self.tr("Comment"),
            PRINT: self.tr("Print case file"),
        }

    def _tips(self) -> dict[str, str]:
        return {
            "edit_intake": self.tr(
                "Correct the intake details (problem, source, risk, urgency). "
                "Available while the case is open and not paused."
            ),
            "assess": self.tr(
                "Record an assessment of the client's situation and needs; it can be "
                "repeated. Available while the case is open and not paused."
            ),
            "decline": self.tr(
                "Decide not to take the case, with the reason. Available only at intake."
            ),
            "plan": self.tr(
                "Write or revise the service plan and its goals. Available after an "
                "assessment, except while a plan waits for approval."
            ),
            "submit_plan": self.tr(
                "Send the plan to the station head for approval. Available when a plan "
                "is drafted or was returned."
            ),
            "review_plan": self.tr(
                "Approve the plan or return it with a comment. For the station head, "
                "when a plan waits for approval."
            ),
            "record": self.tr(
                "Record a service given to the client. Available once the plan is "
                "approved (an urgent case may start before)."
            ),
            "refer_at_intake": self.tr(
                "Refer the client to another agency instead of taking the case. "
                "Available only at intake."
            ),
            "referral": self.tr(
                "Refer the client to another agency for part of the service. Available "
                "while the case is open and not paused."
            ),
            "update_referral": self.tr(
                "Record that the agency received the referral, gave feedback or refused "
                "it. Available while a referral is open."
            ),
            "evaluate": self.tr(
                "Evaluate the goals reached and the client's satisfaction. Available "
                "after at least one service record."
            ),
            "closure": self.tr(
                "Ask the station head to close the case. Available after an evaluation, "
                "or at once when the client died, moved away, asked to stop or was "
                "referred."
            ),
            "review_closure": self.tr(
                "Approve the closure (the case becomes read-only) or return it. For the "
                "station head, when a closure request waits."
            ),
            "reopen": self.tr(
                "Open a closed, declined or referred case again, with the reason. For the "
                "station head; the client's consent must be in force."
            ),
            "follow_up": self.tr(
                "Record a follow-up contact after closure. Available while the closure's "
                "follow-up plan runs."
            ),
            "pause": self.tr(
                "Pause the work on the case, with the reason. Available while the case "
                "is open and not paused."
            ),
            "resume": self.tr("Continue the work on a paused case. Available while it is paused."),
            "reassign": self.tr(
                "Hand the case to another worker. For the station head, while the case is open."
            ),
            "comment": self.tr(
                "Write a supervision comment on the case. For supervisors, in every stage."
            ),
            PRINT: self.tr("Print the whole case file as a PDF. Available in every stage."),
        }
