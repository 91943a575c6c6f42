"""回访: the station's interview rounds, each one's sample and answers, its summary, and
the call list to print (names and phones masked)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.satisfaction import Outcome, percent_text
from app.services.satisfaction.interviews import InterviewService
from app.services.satisfaction.types import RoundDetail, RoundRow
from app.ui.dialogs import confirm, keep_open
from app.ui.print_preview import PrintPreview
from app.ui.satisfaction.round_forms import AnswerForm, RoundForm
from app.ui.satisfaction.score_fields import scores_text
from app.ui.tasks import TaskRunner


class RoundsDialog(QDialog):
    def __init__(
        self, *, interviews: InterviewService, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._interviews = interviews
        self._tasks = tasks
        self.detail: RoundDetail | None = None
        self.form: QDialog | None = None
        """The form opened last (tests reach it here)."""
        self.setObjectName("roundsDialog")
        self.setWindowTitle(self.tr("Interview rounds"))
        self.rounds = QComboBox(self)
        self.rounds.setObjectName("roundChooser")
        self.new_button = QPushButton(self.tr("New round…"), self)
        self.new_button.setVisible(interviews.can_plan)
        self.print_button = QPushButton(self.tr("Print call list…"), self)
        self.finish_button = QPushButton(self.tr("Finish round"), self)
        self.finish_button.setVisible(interviews.can_plan)
        self.summary = QLabel(self)
        self.summary.setObjectName("roundSummary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 8, self)
        self.table.setObjectName("sampleTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("No."), self.tr("Mode"), self.tr("Name"), self.tr("Phone"),
             self.tr("Village"), self.tr("Stratum"), self.tr("Outcome"), self.tr("Answers")]
        )  # fmt: skip
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.open_answer())
        self.answer_button = QPushButton(self.tr("Record answer…"), self)
        self.answer_button.setObjectName("answerButton")
        self.preview = PrintPreview(
            tasks=tasks, parent=self,
            saved_text=self.tr("The call list was saved to {path}. Open it now?"),
        )  # fmt: skip

        top = QHBoxLayout()
        top.addWidget(self.rounds, 1)
        for button in (self.new_button, self.print_button, self.finish_button):
            top.addWidget(button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.answer_button)
        layout.addWidget(close)
        self.resize(900, 600)

        self.rounds.currentIndexChanged.connect(self._chosen)
        self.new_button.clicked.connect(self.open_new)
        self.print_button.clicked.connect(self.print_list)
        self.finish_button.clicked.connect(self.ask_finish)
        self.answer_button.clicked.connect(self.open_answer)
        self._set_enabled()
        self.reload()

    # ---- loading -----------------------------------------------------------------------

    def reload(self, chosen: int | None = None) -> None:
        keep = chosen if chosen is not None else self.rounds.currentData()
        self._tasks.run(self, self._interviews.rounds, on_done=lambda r: self._list(r, keep))

    def _list(self, rows: list[RoundRow], keep: int | None) -> None:
        self.rounds.blockSignals(True)
        self.rounds.clear()
        for r in rows:
            done = self.tr(" (finished)") if r.finished_on else ""
            self.rounds.addItem(f"{r.name}　{r.starts_on}～{r.ends_on}{done}", r.id)
        self.rounds.setCurrentIndex(max(self.rounds.findData(keep), 0) if keep else 0)
        self.rounds.blockSignals(False)
        self._chosen()

    def _chosen(self) -> None:
        round_id = self.rounds.currentData()
        if round_id is None:
            self._show(None)
            return
        interviews = self._interviews
        self._tasks.run(self, lambda: interviews.detail(int(round_id)), on_done=self._show)

    def _show(self, detail: RoundDetail | None) -> None:
        self.detail = detail
        self._set_enabled()
        if detail is None:
            self.summary.setText(self.tr("No interview round yet."))
            self.table.setRowCount(0)
            return
        s = detail.summary
        modes = "；".join(
            self.tr("{mode}: {sample} drawn, {answered} answered, {unreachable} unreachable, "
                    "{refused} refused, {pending} to ask").format(
                mode=m.mode.label, sample=m.sample, answered=m.answered,
                unreachable=m.unreachable, refused=m.refused, pending=m.pending,
            )
            for m in s.by_mode
        )  # fmt: skip
        means = "，".join(f"{label} {value if value is not None else '—'}"
                         for label, value in s.averages)  # fmt: skip
        self.summary.setText(
            self.tr("Seed {seed}. Awareness {aware} ({a} of {n}); satisfaction {rate} "
                    "({b} of {n}). Mean scores: {means}. {modes}").format(
                seed=detail.seed, aware=percent_text(s.awareness_rate), a=s.aware,
                n=s.answered, rate=percent_text(s.satisfaction_rate), b=s.satisfied,
                means=means, modes=modes,
            )
        )  # fmt: skip
        self.table.setRowCount(len(detail.lines))
        for row, line in enumerate(detail.lines):
            answers = ""
            if line.outcome is Outcome.ANSWERED:
                known = sum(1 for v in line.awareness.values() if v)
                answers = self.tr("knows {k} of 5; {scores}").format(
                    k=known, scores=scores_text(line.scores)
                )
            cells = (str(line.position), line.mode.label, line.name, line.phone, line.village,
                     line.stratum, line.outcome.label, answers or line.note)  # fmt: skip
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def _set_enabled(self) -> None:
        d = self.detail
        self.print_button.setEnabled(d is not None)
        self.finish_button.setEnabled(d is not None and d.finished_on is None)
        self.answer_button.setEnabled(d is not None and d.finished_on is None)

    # ---- actions -----------------------------------------------------------------------

    def open_new(self) -> RoundForm:
        form = RoundForm(self._interviews, self._tasks, self._interviews.today, self)
        form.saved.connect(lambda c: self.reload(max(c.ids) if c.ids else None))
        return self._open(form)

    def open_answer(self) -> AnswerForm | None:
        row = self.table.currentRow()
        d = self.detail
        if d is None or d.finished_on is not None or not 0 <= row < len(d.lines):
            return None
        form = AnswerForm(d.lines[row], self._interviews, self._tasks, self._interviews.today, self)
        form.saved.connect(lambda _c: self._chosen())
        return self._open(form)

    def _open(self, form: Any) -> Any:
        self.form = form
        keep_open(form)
        form.open()
        return form

    def print_list(self) -> None:
        d = self.detail
        if d is None:
            return
        interviews, round_id = self._interviews, d.id
        self.preview.start(
            lambda path: interviews.write_call_list(round_id, path),
            file_name=f"回访名单_{d.starts_on.isoformat()}.pdf",
        )

    def ask_finish(self) -> None:
        d = self.detail
        if d is None:
            return
        interviews = self._interviews
        confirm(
            self,
            self.tr("Finish “{name}”? Its answers can no longer be changed.").format(name=d.name),
            lambda: self._tasks.run(
                self,
                lambda: interviews.finish(round_id=d.id, version=d.version),
                on_done=lambda _c: self.reload(d.id),
            ),
        )
