"""The two small forms of an interview round: planning it, and one interview's answers."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.satisfaction import AWARENESS_ITEMS, Outcome
from app.services.satisfaction.types import AnswerInput, RoundInput, SampleLine
from app.ui.cases.fields import qdate
from app.ui.form_errors import ErrorLabel
from app.ui.satisfaction.score_fields import ScoreFields


def _date_edit(parent: QWidget, day: dt.date) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(qdate(day))
    return edit


def _day(edit: QDateEdit) -> dt.date:
    day = edit.date().toPython()
    assert isinstance(day, dt.date)
    return day


class _Form(QDialog):
    """A form with 确定/取消 and an error line; the caller submits `data()`."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)


class RoundForm(_Form):
    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("New interview round"), parent)
        self.setObjectName("roundForm")
        self.name = QLineEdit(self)
        self.name.setText(f"{today.year}年{today.month}月服务对象回访")
        self.starts_on = _date_edit(self, today)
        self.ends_on = _date_edit(self, today + dt.timedelta(days=13))
        self.phone = QSpinBox(self)
        self.phone.setRange(0, 2000)
        self.phone.setValue(50)
        self.onsite = QSpinBox(self)
        self.onsite.setRange(0, 2000)
        self.onsite.setValue(10)
        self.seed = QLineEdit(self)
        self.seed.setPlaceholderText(self.tr("Empty: chosen at random and kept"))
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("From"), self.starts_on)
        self.form.addRow(self.tr("To"), self.ends_on)
        self.form.addRow(self.tr("By phone"), self.phone)
        self.form.addRow(self.tr("On site"), self.onsite)
        self.form.addRow(self.tr("Sampling seed"), self.seed)

    def data(self) -> RoundInput | None:
        text = self.seed.text().strip()
        if text and not text.isdigit():
            self.error.set_error(self.tr("The seed is a whole number, such as 2026."))
            return None
        return RoundInput(
            name=self.name.text(), starts_on=_day(self.starts_on), ends_on=_day(self.ends_on),
            phone_size=self.phone.value(), onsite_size=self.onsite.value(),
            seed=int(text) if text else None,
        )  # fmt: skip


class AnswerForm(_Form):
    def __init__(self, line: SampleLine, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Interview {n}: {name}").format(n=line.position, name=line.name),
                         parent)  # fmt: skip
        self.setObjectName("answerForm")
        self.outcome = QComboBox(self)
        for outcome in Outcome:
            self.outcome.addItem(outcome.label, outcome.value)
        self.outcome.setCurrentIndex(
            self.outcome.findData(
                Outcome.ANSWERED.value if line.outcome is Outcome.PENDING else line.outcome.value
            )
        )
        self.outcome.currentIndexChanged.connect(self._outcome_changed)
        self.asked_on = _date_edit(self, line.asked_on or today)
        self.form.addRow(self.tr("Outcome"), self.outcome)
        self.form.addRow(self.tr("Asked on"), self.asked_on)
        self.known: dict[str, QCheckBox] = {}
        for item in AWARENESS_ITEMS:
            box = QCheckBox(item.label, self)
            box.setChecked(bool(line.awareness.get(item.key)))
            self.known[item.key] = box
            self.form.addRow("", box)
        self.scores = ScoreFields(self.form, self)
        self.scores.set_values(line.scores)
        self.note = QLineEdit(line.note, self)
        self.form.addRow(self.tr("Note"), self.note)
        self._outcome_changed()

    def _outcome_changed(self) -> None:
        answered = self.outcome.currentData() == Outcome.ANSWERED.value
        self.scores.set_enabled(answered)
        for box in self.known.values():
            box.setEnabled(answered)

    def data(self) -> AnswerInput:
        outcome = Outcome(self.outcome.currentData())
        answered = outcome is Outcome.ANSWERED
        return AnswerInput(
            outcome=outcome, asked_on=_day(self.asked_on),
            awareness={k: b.isChecked() for k, b in self.known.items()} if answered else {},
            scores=self.scores.values() if answered else {}, note=self.note.text(),
        )  # fmt: skip
