"""满意度调查 of a closed case, a group (at its last session) or an activity: the surveys
recorded so far, and a form for one more."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import AppError
from app.domain.satisfaction import RESPONDENT_LABELS, Respondent, Subject
from app.services.history import When
from app.services.satisfaction.surveys import SurveyService
from app.services.satisfaction.types import SubjectState, SurveyInput
from app.ui.cases.fields import qdate
from app.ui.dialogs import confirm, keep_open
from app.ui.form_errors import ErrorLabel
from app.ui.satisfaction.score_fields import ScoreFields, scores_text
from app.ui.tasks import TaskRunner


class SurveyDialog(QDialog):
    def __init__(
        self,
        *,
        surveys: SurveyService,
        tasks: TaskRunner,
        subject: Subject,
        subject_id: int,
        title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._surveys = surveys
        self._tasks = tasks
        self._subject = subject
        self._subject_id = subject_id
        self.state: SubjectState | None = None
        self.setWindowTitle(self.tr("Satisfaction survey: {title}").format(title=title))
        self.setObjectName("surveyDialog")

        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("surveyTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Answered by"), self.tr("Scores"),
             self.tr("Reason / note"), self.tr("Recorded by")]
        )  # fmt: skip
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.delete_button = QPushButton(self.tr("Delete the chosen survey"), self)
        self.delete_button.setObjectName("surveyDelete")
        self.delete_button.clicked.connect(self._ask_delete)
        self.why_not = QLabel(self)
        self.why_not.setWordWrap(True)

        form = QFormLayout()
        self.day = QDateEdit(self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setDate(qdate(surveys.today))
        form.addRow(self.tr("Survey date"), self.day)
        self.respondent = QComboBox(self)
        self.respondent.setObjectName("surveyRespondent")
        for who, label in RESPONDENT_LABELS.items():
            self.respondent.addItem(label, who.value)
        self.respondent.currentIndexChanged.connect(self._respondent_changed)
        form.addRow(self.tr("Answered by"), self.respondent)
        self.scores = ScoreFields(form, self)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("surveyReason")
        self.reason.setPlaceholderText(self.tr("Why nobody could answer"))
        form.addRow(self.tr("Reason"), self.reason)
        self.late_reason = QLineEdit(self)
        self.late_reason.setPlaceholderText(self.tr("Only for a survey entered long after"))
        form.addRow(self.tr("Late entry reason"), self.late_reason)
        self.note = QLineEdit(self)
        form.addRow(self.tr("Note"), self.note)
        self.error = ErrorLabel(self)
        self.save_button = QPushButton(self.tr("Record survey"), self)
        self.save_button.setObjectName("surveySave")
        self.save_button.clicked.connect(self.save)
        self.form_box = QWidget(self)
        self.form_box.setLayout(form)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.delete_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(QLabel(self.tr("New survey"), self))
        layout.addWidget(self.why_not)
        layout.addWidget(self.form_box)
        layout.addWidget(self.error)
        layout.addWidget(self.save_button, alignment=Qt.AlignmentFlag.AlignRight)
        layout.addWidget(close)
        self.resize(640, 560)
        self._respondent_changed()
        self.reload()

    def reload(self) -> None:
        surveys, subject, sid = self._surveys, self._subject, self._subject_id
        self._tasks.run(self, lambda: surveys.state(subject, sid), on_done=self._show)

    def _show(self, state: SubjectState) -> None:
        self.state = state
        self.table.setRowCount(len(state.surveys))
        for row, s in enumerate(state.surveys):
            cells = (
                s.surveyed_on.isoformat(), s.respondent.label, scores_text(s.scores),
                "；".join(t for t in (s.reason, s.note) if t), s.recorded_by,
            )  # fmt: skip
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        ready = state.ready and self._surveys.can_record
        self.form_box.setEnabled(ready)
        self.save_button.setEnabled(ready)
        self.delete_button.setEnabled(self._surveys.can_record and bool(state.surveys))
        self.why_not.setText(state.why_not)
        self.why_not.setVisible(bool(state.why_not))
        shown = self.day.date().toPython()
        assert isinstance(shown, dt.date)
        if state.earliest is not None and shown < state.earliest:
            self.day.setDate(qdate(state.earliest))

    def _respondent_changed(self) -> None:
        nobody = self.respondent.currentData() == Respondent.NONE.value
        self.scores.set_enabled(not nobody)
        self.reason.setEnabled(nobody)

    def data(self) -> SurveyInput:
        day = self.day.date().toPython()
        assert isinstance(day, dt.date)
        who = Respondent(self.respondent.currentData())
        return SurveyInput(
            subject=self._subject, subject_id=self._subject_id, respondent=who,
            scores={} if who is Respondent.NONE else self.scores.values(),
            reason=self.reason.text(), note=self.note.text(),
            when=When(day, self.late_reason.text()),
        )  # fmt: skip

    def save(self) -> None:
        surveys, data = self._surveys, self.data()
        self.error.set_error("")
        self.save_button.setEnabled(False)
        self._tasks.run(
            self, lambda: surveys.record(data), on_done=lambda _c: self._saved(),
            on_error=self._failed, on_finally=lambda: self.save_button.setEnabled(True),
        )  # fmt: skip

    def _saved(self) -> None:
        self.scores.set_values({})
        self.reason.clear()
        self.note.clear()
        self.late_reason.clear()
        self.reload()

    def _failed(self, exc: AppError) -> bool:
        self.error.set_error(str(exc))
        return True

    def _ask_delete(self) -> None:
        row = self.table.currentRow()
        if self.state is None or not 0 <= row < len(self.state.surveys):
            return
        chosen = self.state.surveys[row]
        surveys = self._surveys
        confirm(
            self,
            self.tr("Delete the survey of {day}?").format(day=chosen.surveyed_on.isoformat()),
            lambda: self._tasks.run(
                self, lambda: surveys.delete(chosen.id), on_done=lambda _c: self.reload()
            ),
        )


def open_survey(
    parent: QWidget,
    *,
    surveys: SurveyService,
    tasks: TaskRunner,
    subject: Subject,
    subject_id: int,
    title: str,
) -> SurveyDialog:
    dialog = SurveyDialog(
        surveys=surveys, tasks=tasks, subject=subject, subject_id=subject_id, title=title,
        parent=parent,
    )  # fmt: skip
    keep_open(dialog)
    dialog.open()
    return dialog
