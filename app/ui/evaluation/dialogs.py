"""The evaluation page's small forms: a new round, a score, a 整改 item, closing one.

Each saves through the task runner and stays open with what was typed when the service
refuses (the message under the form).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.domain.evaluation import IndicatorKind, RoundKind, Scorer
from app.services.evaluation.types import IndicatorView, RoundInput, ScoreInput, SystemSummary
from app.ui.tasks import TaskRunner
from app.ui.widgets.service_form_dialog import ServiceCall, ServiceFormDialog


def date_edit(day: dt.date, parent: QWidget) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def day_of(edit: QDateEdit) -> dt.date:
    value = edit.date().toPython()
    assert isinstance(value, dt.date)
    return value


class RoundDialog(ServiceFormDialog):
    def __init__(
        self,
        *,
        systems: Sequence[SystemSummary],
        add: Callable[[RoundInput], object],
        today: dt.date,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tasks=tasks, parent=parent)
        self.setWindowTitle(self.tr("New evaluation round"))
        self._add = add
        self.system = QComboBox(self)
        for s in systems:
            self.system.addItem(s.name, s.id)
        self.kind = QComboBox(self)
        for kind in RoundKind:
            self.kind.addItem(kind.label, kind.value)
        self.held_on = date_edit(today, self)
        self.agency = QLineEdit(self)
        self.agency.setMaxLength(200)
        self.evaluators = QLineEdit(self)
        self.evaluators.setMaxLength(400)
        self.form.addRow(self.tr("Indicator system *"), self.system)
        self.form.addRow(self.tr("Type"), self.kind)
        self.form.addRow(self.tr("Date"), self.held_on)
        self.form.addRow(self.tr("Evaluation agency"), self.agency)
        self.form.addRow(self.tr("Evaluators"), self.evaluators)
        self.resize(460, 0)

    def call(self) -> ServiceCall:
        data = RoundInput(
            system_id=int(self.system.currentData() or 0),
            kind=RoundKind(str(self.kind.currentData())),
            held_on=day_of(self.held_on),
            agency=self.agency.text(),
            evaluators=self.evaluators.text(),
        )
        add = self._add
        return lambda: add(data)


class ScoreDialog(ServiceFormDialog):
    """One indicator's score by one scorer (its own scorer first); a veto item is 0 or 1."""

    def __init__(
        self,
        *,
        indicator: IndicatorView,
        current: dict[Scorer, tuple[Decimal, str]],
        record: Callable[[ScoreInput], object],
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tasks=tasks, parent=parent)
        self.setWindowTitle(self.tr("Record score"))
        self._indicator = indicator
        self._current = current
        self._record = record
        name = QLabel(f"{indicator.code} {indicator.name}", self)
        name.setWordWrap(True)
        self.scorer = QComboBox(self)
        for scorer in (indicator.scorer, *(s for s in Scorer if s is not indicator.scorer)):
            self.scorer.addItem(scorer.label, scorer.value)
        self.score = QDoubleSpinBox(self)
        self.score.setDecimals(2)
        veto = indicator.kind is IndicatorKind.VETO
        self.score.setRange(0, 1 if veto else float(indicator.points))
        self.score.setSingleStep(1 if veto else 0.5)
        self.comment = QPlainTextEdit(self)
        self.comment.setMaximumHeight(80)
        self.form.addRow(self.tr("Indicator"), name)
        if indicator.notes:
            notes = QLabel(indicator.notes, self)
            notes.setWordWrap(True)
            self.form.addRow(self.tr("Scoring notes"), notes)
        hint = (
            self.tr("Veto item: 1 = triggered, 0 = not triggered")
            if veto
            else self.tr("Points: {points}").format(points=f"{indicator.points.normalize():f}")
        )
        self.form.addRow(self.tr("Scorer"), self.scorer)
        self.form.addRow(self.tr("Score"), self.score)
        self.form.addRow("", QLabel(hint, self))
        self.form.addRow(self.tr("Comment"), self.comment)
        self.scorer.currentIndexChanged.connect(self._show_current)
        self._show_current()
        self.resize(480, 0)

    def _show_current(self) -> None:
        score, comment = self._current.get(Scorer(str(self.scorer.currentData())), (Decimal(0), ""))
        self.score.setValue(float(score))
        self.comment.setPlainText(comment)

    def call(self) -> ServiceCall:
        data = ScoreInput(
            indicator_id=self._indicator.id,
            scorer=Scorer(str(self.scorer.currentData())),
            score=Decimal(str(round(self.score.value(), 2))),
            comment=self.comment.toPlainText(),
        )
        record = self._record
        return lambda: record(data)


class RectificationDialog(ServiceFormDialog):
    def __init__(
        self,
        *,
        indicators: Sequence[IndicatorView],
        add: Callable[[str, str, dt.date, int | None], object],
        due: dt.date,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tasks=tasks, parent=parent)
        self.setWindowTitle(self.tr("New rectification item"))
        self._add = add
        self.what = QPlainTextEdit(self)
        self.what.setMaximumHeight(90)
        self.owner = QLineEdit(self)
        self.owner.setMaxLength(64)
        self.due = date_edit(due, self)
        self.indicator = QComboBox(self)
        self.indicator.addItem(self.tr("(none)"), None)
        for i in indicators:
            if i.leaf:
                self.indicator.addItem(f"{i.code} {i.name}", i.id)
        self.form.addRow(self.tr("What to rectify *"), self.what)
        self.form.addRow(self.tr("Owner"), self.owner)
        self.form.addRow(self.tr("Due date"), self.due)
        self.form.addRow(self.tr("Indicator"), self.indicator)
        self.resize(520, 0)

    def call(self) -> ServiceCall:
        what, owner, due = self.what.toPlainText(), self.owner.text(), day_of(self.due)
        data = self.indicator.currentData()
        indicator = int(data) if data is not None else None
        add = self._add
        return lambda: add(what, owner, due, indicator)


class CloseDialog(ServiceFormDialog):
    def __init__(
        self,
        *,
        what: str,
        close: Callable[[str, dt.date], object],
        today: dt.date,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tasks=tasks, parent=parent)
        self.setWindowTitle(self.tr("Close rectification item"))
        self._close = close
        label = QLabel(what, self)
        label.setWordWrap(True)
        self.closed_on = date_edit(today, self)
        self.note = QPlainTextEdit(self)
        self.note.setMaximumHeight(90)
        self.form.addRow(self.tr("Item"), label)
        self.form.addRow(self.tr("Done on"), self.closed_on)
        self.form.addRow(self.tr("What was done"), self.note)
        self.resize(480, 0)

    def call(self) -> ServiceCall:
        note, day, close = self.note.toPlainText(), day_of(self.closed_on), self._close
        return lambda: close(note, day)
