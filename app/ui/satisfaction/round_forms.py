"""The two small forms of an interview round: planning it, and one interview's answers.

Each saves through the interview service and stays open with its message when refused."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from app.domain.satisfaction import AWARENESS_ITEMS, Outcome
from app.services.satisfaction.interviews import InterviewService
from app.services.satisfaction.types import AnswerInput, RoundInput, SampleLine
from app.ui.cases.fields import qdate
from app.ui.satisfaction.score_fields import ScoreFields
from app.ui.tasks import TaskRunner
from app.ui.widgets.service_form_dialog import ServiceCall, ServiceFormDialog

OK = QDialogButtonBox.StandardButton.Ok  # these forms say 确定, not 保存


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


class RoundForm(ServiceFormDialog):
    """`saved` carries the Changes of the new round."""

    def __init__(
        self,
        interviews: InterviewService,
        tasks: TaskRunner,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            title=self.tr("New interview round"), tasks=tasks, accept=OK, parent=parent
        )
        self._interviews = interviews
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

    def call(self) -> ServiceCall | None:
        data, interviews = self.data(), self._interviews
        return None if data is None else lambda: interviews.create(data)


class AnswerForm(ServiceFormDialog):
    def __init__(
        self,
        line: SampleLine,
        interviews: InterviewService,
        tasks: TaskRunner,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Interview {n}: {name}").format(n=line.position, name=line.name)
        super().__init__(title=title, tasks=tasks, accept=OK, parent=parent)
        self._line = line
        self._interviews = interviews
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

    def call(self) -> ServiceCall:
        data, interviews, line = self.data(), self._interviews, self._line
        return lambda: interviews.answer(sample_id=line.id, version=line.version, data=data)
