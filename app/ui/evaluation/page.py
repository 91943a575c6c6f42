"""评估: third-party evaluation rounds of the station, their scores and 整改 items.

Left, the history of rounds with their totals and grades over time; right, the chosen
round's indicator tree with each scorer's score, and its 整改 items. The station head and
the administrator record scores and close items (Permission.EVALUATE); everyone else reads.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.evaluation import Scorer, stars_text
from app.services.context import Changes
from app.services.evaluation.indicators import IndicatorService
from app.services.evaluation.rectifications import RectificationService
from app.services.evaluation.rounds import EvaluationService
from app.services.evaluation.types import (
    RECTIFICATION,
    ROUND,
    SYSTEM,
    Imported,
    RoundDetail,
    RoundSummary,
    SystemSummary,
)
from app.ui.dialogs import keep_open
from app.ui.evaluation.rectification_view import RectificationTable
from app.ui.evaluation.round_view import RoundView, points
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.ui.evaluation.dialogs import CloseDialog, RectificationDialog, RoundDialog, ScoreDialog


class EvaluationPage(QWidget):
    def __init__(
        self,
        *,
        indicators: IndicatorService,
        evaluations: EvaluationService,
        rectifications: RectificationService,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._indicators = indicators
        self._evaluations = evaluations
        self._rectifications = rectifications
        self._tasks = tasks
        self.systems: list[SystemSummary] = []
        self.rounds: list[RoundSummary] = []
        self.detail: RoundDetail | None = None
        may = evaluations.may_record

        self.systems_label = QLabel(self)
        self.import_button = QPushButton(self.tr("Import indicators…"), self)
        self.import_button.setToolTip(
            self.tr("Import an indicator system from the evaluator's Excel sheet")
        )
        self.template_button = QPushButton(self.tr("Save template…"), self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history = QTableWidget(0, 5, self)
        self.history.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Type"), self.tr("Total"), self.tr("Grade"),
             self.tr("Open items")]
        )  # fmt: skip
        self.history.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.history.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.history.verticalHeader().setVisible(False)
        self.history.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.history.horizontalHeader().setStretchLastSection(True)
        self.new_round_button = QPushButton(self.tr("New round…"), self)
        self.finish_button = QPushButton(self.tr("Finish round"), self)
        self.finish_button.setToolTip(
            self.tr("Make the scores final and apply the grade's consequence")
        )
        self.sheet_button = QPushButton(self.tr("Score sheet…"), self)
        self.sheet_button.setToolTip(self.tr("Save the round's score sheet as Excel and PDF"))
        self.round_view = RoundView(self)
        self.score_button = QPushButton(self.tr("Record score…"), self)
        self.items = RectificationTable(self)
        self.add_item_button = QPushButton(self.tr("Add item…"), self)
        self.close_item_button = QPushButton(self.tr("Close item…"), self)
        self.attach_button = QPushButton(self.tr("Attach evidence…"), self)
        self.open_file_button = QPushButton(self.tr("Open evidence"), self)
        for button in (self.import_button, self.new_round_button, self.finish_button,
                       self.score_button, self.add_item_button, self.close_item_button,
                       self.attach_button):  # fmt: skip
            button.setVisible(may)

        top = QHBoxLayout()
        top.addWidget(self.systems_label, 1)
        top.addWidget(self.import_button)
        top.addWidget(self.template_button)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Evaluation rounds (scores over time)"), left))
        left_layout.addWidget(self.history, 1)
        round_buttons = QHBoxLayout()
        for button in (self.new_round_button, self.finish_button, self.sheet_button):
            round_buttons.addWidget(button)
        round_buttons.addStretch(1)
        left_layout.addLayout(round_buttons)
        scores = QWidget(self)
        scores_layout = QVBoxLayout(scores)
        scores_layout.addWidget(self.round_view, 1)
        score_buttons = QHBoxLayout()
        score_buttons.addWidget(self.score_button)
        score_buttons.addStretch(1)
        scores_layout.addLayout(score_buttons)
        items = QWidget(self)
        items_layout = QVBoxLayout(items)
        items_layout.addWidget(self.items, 1)
        item_buttons = QHBoxLayout()
        for button in (self.add_item_button, self.close_item_button, self.attach_button,
                       self.open_file_button):  # fmt: skip
            item_buttons.addWidget(button)
        item_buttons.addStretch(1)
        items_layout.addLayout(item_buttons)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(scores, self.tr("Scores"))
        self.tabs.addTab(items, self.tr("Rectification items"))
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([420, 640])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.splitter, 1)

        self.import_button.clicked.connect(self._choose_import)
        self.template_button.clicked.connect(self._choose_template)
        self.new_round_button.clicked.connect(self.new_round)
        self.finish_button.clicked.connect(self.finish_round)
        self.sheet_button.clicked.connect(self._choose_sheet)
        self.score_button.clicked.connect(self._score_current)
        self.round_view.score_requested.connect(self.score)
        self.add_item_button.clicked.connect(self.add_item)
        self.close_item_button.clicked.connect(self.close_item)
        self.attach_button.clicked.connect(self._choose_evidence)
        self.open_file_button.clicked.connect(self._open_evidence)
        self.history.itemSelectionChanged.connect(self._round_chosen)
        tasks.bus.changed.connect(self._changed)
        self._update_buttons()
        self.refresh()

    # ---- loading ----------------------------------------------------------------------

    def show_round(self, round_id: int) -> None:
        """Choose the round (工作台's 整改 item) and its items' tab."""
        self.tabs.setCurrentIndex(1)
        self.refresh(keep=round_id)

    def refresh(self, *, keep: int | None = None) -> None:
        keep = keep if keep is not None else (self.detail.summary.id if self.detail else None)
        self._tasks.run(self, self._indicators.list, on_done=self._show_systems)
        self._tasks.run(
            self, self._evaluations.rounds, on_done=lambda rounds: self._show_rounds(rounds, keep)
        )

    def _changed(self, changes: Changes) -> None:
        if any(changes.touches(e) for e in (SYSTEM, ROUND, RECTIFICATION)):
            self.refresh()

    def _show_systems(self, systems: list[SystemSummary]) -> None:
        self.systems = systems
        names = "、".join(s.name for s in systems) or self.tr("none yet")
        self.systems_label.setText(self.tr("Indicator systems: {names}").format(names=names))
        self._update_buttons()

    def _show_rounds(self, rounds: list[RoundSummary], keep: int | None) -> None:
        self.rounds = rounds
        self.history.blockSignals(True)
        self.history.setRowCount(len(rounds))
        for row, r in enumerate(rounds):
            grade = f"{r.grade} {stars_text(r.stars)}".strip()
            cells = (f"{r.held_on:%Y-%m-%d}", r.kind.label, points(r.total), grade,
                     str(r.open_items))  # fmt: skip
            for column, text in enumerate(cells):
                self.history.setItem(row, column, QTableWidgetItem(text))
        self.history.blockSignals(False)
        ids = [r.id for r in rounds]
        target = keep if keep in ids else (ids[-1] if ids else None)
        if target is None:
            self._show_detail(None)
        else:
            self.history.selectRow(ids.index(target))
            self._round_chosen()

    def _round_chosen(self) -> None:
        row = self.history.currentRow()
        if not 0 <= row < len(self.rounds):
            return
        round_id = self.rounds[row].id
        self._tasks.run(self, lambda: self._evaluations.get(round_id), on_done=self._show_detail)

    def _show_detail(self, detail: RoundDetail | None) -> None:
        self.detail = detail
        self.round_view.show_round(detail)
        self.items.show_items(detail.rectifications if detail else ())
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.detail is not None
        editable = chosen and not (self.detail and self.detail.summary.finished)
        self.new_round_button.setEnabled(bool(self.systems))
        for button in (self.finish_button, self.score_button):
            button.setEnabled(editable)
        for button in (self.sheet_button, self.add_item_button, self.close_item_button,
                       self.attach_button, self.open_file_button):  # fmt: skip
            button.setEnabled(chosen)

    # ---- actions ----------------------------------------------------------------------

    def import_file(self, path: Path) -> None:
        self._tasks.run(self, lambda: self._indicators.import_file(path), on_done=self._imported)

    def _imported(self, done: Imported) -> None:
        self.status.setText(
            self.tr("Imported “{name}”: {count} indicators, base total {total}.").format(
                name=done.name, count=done.indicators, total=points(done.total_points)
            )
        )

    def _choose_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import indicators"), _documents(), self.tr("Excel (*.xlsx)")
        )
        if name:
            self.import_file(Path(name))

    def _choose_template(self) -> None:
        default = str(Path(_documents()) / "评估指标体系模板.xlsx")
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save template"), default, self.tr("Excel (*.xlsx)")
        )
        if name:
            self._tasks.run(
                self, lambda: self._indicators.write_template(Path(name)), on_done=self._saved
            )

    def _saved(self, path: Path) -> None:
        self.status.setText(self.tr("Saved to {path}").format(path=path))

    def new_round(self) -> RoundDialog:
        from app.ui.evaluation.dialogs import RoundDialog

        dialog = RoundDialog(
            systems=self.systems,
            add=self._evaluations.add_round,
            today=self._evaluations.today,
            tasks=self._tasks,
            parent=self,
        )
        keep_open(dialog)
        dialog.open()
        return dialog

    def finish_round(self) -> None:
        if self.detail is not None:
            round_id = self.detail.summary.id
            self._tasks.run(self, lambda: self._evaluations.finish(round_id))

    def _score_current(self) -> None:
        leaf = self.round_view.current_leaf()
        if leaf is None:
            self.status.setText(self.tr("Choose a lowest-level indicator to score."))
        else:
            self.score(leaf)

    def score(self, indicator_id: int) -> ScoreDialog | None:
        from app.ui.evaluation.dialogs import ScoreDialog

        detail = self.detail
        if detail is None or detail.summary.finished or not self._evaluations.may_record:
            return None
        indicator = next(i for i in detail.system.indicators if i.id == indicator_id)
        current: dict[Scorer, tuple[Decimal, str]] = {
            s.scorer: (s.score, s.comment) for s in detail.scores if s.indicator_id == indicator_id
        }
        round_id, evaluations = detail.summary.id, self._evaluations
        dialog = ScoreDialog(
            indicator=indicator, current=current, tasks=self._tasks, parent=self,
            record=lambda data: evaluations.record_scores(round_id, [data]),
        )  # fmt: skip
        keep_open(dialog)
        dialog.open()
        return dialog

    def add_item(self) -> RectificationDialog | None:
        from app.ui.evaluation.dialogs import RectificationDialog

        detail = self.detail
        if detail is None:
            return None
        round_id, service = detail.summary.id, self._rectifications
        dialog = RectificationDialog(
            indicators=detail.system.indicators, tasks=self._tasks, parent=self,
            due=self._evaluations.today + dt.timedelta(days=30),
            add=lambda what, owner, due, ind: service.add(
                round_id, what=what, owner=owner, due_on=due, indicator_id=ind
            ),
        )  # fmt: skip
        keep_open(dialog)
        dialog.open()
        return dialog

    def close_item(self) -> CloseDialog | None:
        from app.ui.evaluation.dialogs import CloseDialog

        item = self.items.current()
        if item is None:
            self.status.setText(self.tr("Choose an item first."))
            return None
        service = self._rectifications
        dialog = CloseDialog(
            what=item.what, today=self._evaluations.today, tasks=self._tasks, parent=self,
            close=lambda note, day: service.close(
                item.id, version=item.version, note=note, closed_on=day
            ),
        )  # fmt: skip
        keep_open(dialog)
        dialog.open()
        return dialog

    def attach(self, path: Path) -> None:
        item = self.items.current()
        if item is not None:
            self._tasks.run(self, lambda: self._rectifications.attach(item.id, path))

    def _choose_evidence(self) -> None:
        if self.items.current() is None:
            self.status.setText(self.tr("Choose an item first."))
            return
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Attach evidence"), _documents())
        if name:
            self.attach(Path(name))

    def _open_evidence(self) -> None:
        item = self.items.current()
        if item is None or not item.files:
            self.status.setText(self.tr("The chosen item has no evidence files."))
            return
        item_id, name = item.id, item.files[-1]
        self._tasks.run(
            self,
            lambda: self._rectifications.file_path(item_id, name),
            on_done=_open_file,
        )

    def export_sheet(self, xlsx: Path) -> None:
        """The chosen round's score sheet: `xlsx` and a PDF beside it."""
        if self.detail is None:
            return
        round_id, pdf = self.detail.summary.id, xlsx.with_suffix(".pdf")
        self._tasks.run(
            self,
            lambda: self._evaluations.write_sheet(round_id, xlsx=xlsx, pdf=pdf),
            on_done=lambda _d: self._saved(xlsx.parent),
        )

    def _choose_sheet(self) -> None:
        if self.detail is None:
            return
        s = self.detail.summary
        default = str(Path(_documents()) / f"{s.held_on:%Y%m%d}{s.kind.label}评估评分表.xlsx")
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Score sheet"), default, self.tr("Excel (*.xlsx)")
        )
        if name:
            self.export_sheet(Path(name).with_suffix(".xlsx"))


def _open_file(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _documents() -> str:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return location or str(Path.home())
