"""查看差异: a closed month's figures as closed, as counted now, and the corrections since."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.reports.closing_types import CorrectionLine, DiffLine, MonthDiff
from app.services.reports.types import Number

_CHANGED = QBrush(QColor("#fff4ce"))


def _text(value: Number | None) -> str:
    if value is None:
        return "0"
    return f"{value:,.2f}" if isinstance(value, Decimal) else f"{value:,}"


def _signed(value: Number) -> str:
    text = _text(value)
    return f"+{text}" if value > 0 else text


class MonthDiffDialog(QDialog):
    """Side by side: 月结时 / 现在 / 差异, the differing rows marked; then the corrections."""

    def __init__(
        self,
        diff: MonthDiff,
        *,
        on_reclose: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        month = diff.month
        self.setWindowTitle(self.tr("Closed month %1: differences").replace("%1", f"{month:%Y-%m}"))
        stamp = diff.closed
        self.heading = QLabel(
            self.tr("Closed on %1 by %2. Figures as closed and as counted from the records now:")
            .replace("%1", f"{stamp.closed_at:%Y-%m-%d %H:%M}")
            .replace("%2", stamp.closed_by),
            self,
        )
        self.heading.setWordWrap(True)
        self.figures = self._table(
            [self.tr("Figure"), self.tr("As closed"), self.tr("Now"), self.tr("Difference")],
            self._figure_rows(diff.figures + diff.splits),
            numbers=True,
        )
        self.corrections = self._table(
            [self.tr("Entered on"), self.tr("By"), self.tr("Action"), self.tr("Record"),
             self.tr("Reason")],
            [[f"{c.note.entered_on:%Y-%m-%d}", c.note.by, c.note.what, c.note.record,
              c.note.reason] for c in diff.corrections],
        )  # fmt: skip
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.reclose_button: QPushButton | None = None
        if on_reclose is not None:
            self.reclose_button = buttons.addButton(
                self.tr("Close the month again…"), QDialogButtonBox.ButtonRole.ActionRole
            )
            self._on_reclose = on_reclose
            self.reclose_button.clicked.connect(self._reclose)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.figures, 3)
        layout.addWidget(
            QLabel(self.tr("Corrections since closing (%1):").replace(
                "%1", str(len(diff.corrections))), self)
        )  # fmt: skip
        layout.addWidget(self.corrections, 1)
        layout.addWidget(buttons)
        self.resize(820, 640)

    def _reclose(self) -> None:
        self.accept()
        self._on_reclose()

    def _figure_rows(self, lines: Sequence[DiffLine]) -> list[list[str]]:
        rows = []
        for line in lines:
            label = f"{line.label}（{line.unit}）" if line.unit else line.label
            causes = "；".join(_cause(c) for c in line.corrections)
            if causes:
                label += "\n" + self.tr("Caused by: %1").replace("%1", causes)
            rows.append([label, _text(line.stored), _text(line.now), _signed(line.difference)])
        return rows

    def _table(
        self, headers: list[str], rows: list[list[str]], *, numbers: bool = False
    ) -> QTableWidget:
        table = QTableWidget(len(rows), len(headers), self)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        for r, row in enumerate(rows):
            changed = numbers and row[-1] not in ("0", "0.00")
            for c, value in enumerate(row):
                item = QTableWidgetItem(value)
                if numbers and c > 0:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if changed:
                    item.setBackground(_CHANGED)
                table.setItem(r, c, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        table.resizeRowsToContents()
        return table


def _cause(line: CorrectionLine) -> str:
    return f"{line.note.what} {line.note.record}"
