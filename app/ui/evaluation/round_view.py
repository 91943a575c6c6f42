"""One round's scores: the indicator tree with each scorer's score, and the result line."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.evaluation import IndicatorKind, Scorer, stars_text
from app.services.evaluation.types import IndicatorView, RoundDetail

NAME, POINTS, SCORER, SCORE, SELF, COMMENT = range(6)
VETO_COLOUR = "#b42318"


def points(value: Decimal) -> str:
    return f"{value.normalize():f}"


class RoundView(QWidget):
    """The tree of a round's indicators; double-click (or Enter) on a leaf asks to score it."""

    score_requested = Signal(int)
    """The indicator id of the leaf to score."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: RoundDetail | None = None
        self.result = QLabel(self)
        self.result.setObjectName("roundResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(
            [self.tr("Indicator"), self.tr("Points"), self.tr("Scorer"), self.tr("Score"),
             self.tr("Self-assessment"), self.tr("Comment")]
        )  # fmt: skip
        header = self.tree.header()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for column in (POINTS, SCORER, SCORE, SELF):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(COMMENT, 160)
        self.tree.itemActivated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.result)
        layout.addWidget(self.tree, 1)

    def show_round(self, detail: RoundDetail | None) -> None:
        self.detail = detail
        self.tree.clear()
        if detail is None:
            self.result.setText(self.tr("Choose a round on the left, or add one."))
            return
        self.result.setText(self._result_text(detail))
        given = {(s.indicator_id, s.scorer): s for s in detail.scores}
        items: dict[int, QTreeWidgetItem] = {}
        for ind in detail.system.indicators:
            parent = items.get(ind.parent_id) if ind.parent_id else None
            item = QTreeWidgetItem(parent) if parent else QTreeWidgetItem(self.tree)
            item.setData(NAME, Qt.ItemDataRole.UserRole, ind.id)
            item.setText(NAME, f"{ind.code} {ind.name}")
            item.setToolTip(NAME, ind.notes or ind.name)
            if ind.kind is not IndicatorKind.VETO:
                item.setText(POINTS, points(ind.points))
            if ind.leaf:
                self._fill_leaf(item, ind, given, detail)
            items[ind.id] = item
        self.tree.expandAll()

    def _fill_leaf(
        self, item: QTreeWidgetItem, ind: IndicatorView, given: dict, detail: RoundDetail
    ) -> None:
        item.setText(SCORER, ind.scorer.label)
        mine = given.get((ind.id, ind.scorer))
        if ind.kind is IndicatorKind.VETO:
            if mine is not None:
                item.setText(SCORE, self.tr("Triggered") if mine.score >= 1 else self.tr("No"))
                if mine.score >= 1:
                    item.setForeground(SCORE, QColor(VETO_COLOUR))
        elif ind.id in detail.counted:
            item.setText(SCORE, points(detail.counted[ind.id]))
        own = given.get((ind.id, Scorer.SELF))
        if own is not None and ind.scorer is not Scorer.SELF:
            item.setText(SELF, points(own.score))
        comments = [s.comment for sc in Scorer if (s := given.get((ind.id, sc))) and s.comment]
        item.setText(COMMENT, "；".join(comments))
        item.setToolTip(COMMENT, "\n".join(comments))

    def _result_text(self, detail: RoundDetail) -> str:
        s = detail.summary
        system = detail.system.summary
        parts = [
            self.tr("Total {total} (base {base}/{base_max}, bonus {bonus}/{bonus_max})").format(
                total=points(s.total),
                base=points(detail.base),
                base_max=points(system.total_points),
                bonus=points(detail.bonus),
                bonus_max=points(system.bonus_points),
            ),
            self.tr("Grade: {grade}").format(
                grade=f"{s.grade} {stars_text(s.stars)}".strip() or "—"
            ),
            self.tr("Scored {scored} of {leaves}").format(
                scored=detail.scored, leaves=detail.leaves
            ),
        ]
        if s.vetoed:
            parts.append(self.tr("Veto triggered"))
        if detail.consequence:
            parts.append(detail.consequence)
        if s.finished:
            parts.append(self.tr("Finished"))
        by_scorer = "，".join(f"{sc.label} {points(v)}" for sc, v in detail.by_scorer.items())
        return "；".join(parts) + (f"\n{by_scorer}" if by_scorer else "")

    def current_leaf(self) -> int | None:
        item = self.tree.currentItem()
        if item is None or item.childCount():
            return None
        value = item.data(NAME, Qt.ItemDataRole.UserRole)
        return int(value) if value is not None else None

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        if not item.childCount():
            self.score_requested.emit(int(item.data(NAME, Qt.ItemDataRole.UserRole)))
