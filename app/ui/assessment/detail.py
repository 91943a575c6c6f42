"""One worker's assessment: the figures from the records, the head's scores and comments.

The head edits a draft (保存) and confirms it (确认); a worker reads their own.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.assessment import Period
from app.exports.assessment_model import figure_lines
from app.services.assessment.types import AssessmentView, ScoreInput


class AssessmentDetail(QWidget):
    save_requested = Signal()
    confirm_requested = Signal()
    print_requested = Signal()

    def __init__(self, *, may_assess: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: AssessmentView | None = None
        self.period: Period | None = None
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.figures = QTableWidget(0, 2, self)
        self.figures.setHorizontalHeaderLabels([self.tr("Figure"), self.tr("Result")])
        self.figures.verticalHeader().hide()
        self.figures.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.figures.horizontalHeader().setStretchLastSection(True)
        self.figures.setColumnWidth(0, 120)
        self.scores_box = QGroupBox(self.tr("Head's scores"), self)
        self.score_grid = QGridLayout(self.scores_box)
        self.spins: list[tuple[str, QSpinBox, QLineEdit]] = []
        self.comment = QPlainTextEdit(self)
        self.comment.setPlaceholderText(self.tr("Overall comment"))
        self.comment.setMaximumHeight(70)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.confirm_button = QPushButton(self.tr("&Confirm…"), self)
        self.confirm_button.setToolTip(
            self.tr("Confirmed assessments keep their figures and can no longer be changed")
        )
        self.print_button = QPushButton(self.tr("&Print…"), self)
        buttons = QHBoxLayout()
        for button in (self.save_button, self.confirm_button, self.print_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        # Only the head scores; a worker reads and prints their own.
        self.save_button.setVisible(may_assess)
        self.confirm_button.setVisible(may_assess)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.figures, 1)
        layout.addWidget(self.scores_box)
        layout.addWidget(self.comment)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self.save_requested)
        self.confirm_button.clicked.connect(self.confirm_requested)
        self.print_button.clicked.connect(self.print_requested)
        self.show_view(None, None)

    def show_view(self, view: AssessmentView | None, period: Period | None) -> None:
        self.view, self.period = view, period
        self._clear_scores()
        if view is None:
            self.heading.setText(self.tr("Choose a worker."))
            self.figures.setRowCount(0)
            self.comment.clear()
            for button in (self.save_button, self.confirm_button, self.print_button):
                button.setEnabled(False)
            self.comment.setReadOnly(True)
            return
        sheet = view.sheet
        state = sheet.status_label if sheet.saved else self.tr("Not assessed")
        self.heading.setText(
            self.tr("{name} · {period} ({first} to {last}) · counted to {as_of} · {state}").format(
                name=sheet.worker_name,
                period=sheet.period_label,
                first=sheet.first.isoformat(),
                last=sheet.last.isoformat(),
                as_of=sheet.figures.as_of.isoformat(),
                state=state,
            )
        )
        lines = figure_lines(sheet.figures)
        self.figures.setRowCount(len(lines))
        for row, line in enumerate(lines):
            for column, text in enumerate((line.label, line.value)):
                item = QTableWidgetItem(text)
                item.setToolTip(line.definition)
                self.figures.setItem(row, column, item)
        self.figures.resizeRowsToContents()
        for row, score in enumerate(sheet.scores):
            spin = QSpinBox(self.scores_box)
            spin.setRange(0, score.scale)
            # 0 is "not scored": the scale starts at 1.
            spin.setSpecialValueText(self.tr("Not scored"))
            spin.setValue(score.score or 0)
            spin.setSuffix(f" / {score.scale}")
            note = QLineEdit(score.comment, self.scores_box)
            note.setPlaceholderText(self.tr("Comment"))
            note.setMaxLength(300)
            for widget in (spin, note):
                widget.setEnabled(view.can_edit)
            self.score_grid.addWidget(QLabel(score.label, self.scores_box), row, 0)
            self.score_grid.addWidget(spin, row, 1)
            self.score_grid.addWidget(note, row, 2)
            self.spins.append((score.key, spin, note))
        self.comment.setPlainText(sheet.comment)
        self.comment.setReadOnly(not view.can_edit)
        self.save_button.setEnabled(view.can_edit)
        self.confirm_button.setEnabled(view.can_confirm)
        self.print_button.setEnabled(True)

    def scores(self) -> tuple[ScoreInput, ...]:
        return tuple(
            ScoreInput(key, spin.value() or None, note.text()) for key, spin, note in self.spins
        )

    def comment_text(self) -> str:
        return self.comment.toPlainText()

    def _clear_scores(self) -> None:
        while self.score_grid.count():
            item = self.score_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.spins = []
