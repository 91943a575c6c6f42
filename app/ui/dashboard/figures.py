"""Key-figure cards: this month's value against last month and the target, clickable."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from app.services.reports.types import KeyFigure, Number

MIN_COLUMNS, MAX_COLUMNS = 4, 6
_UP, _DOWN, _GREY = "#1e7b34", "#b3261e", "#5f6368"
_CARD_STYLE = """
QPushButton#figureCard { text-align: left; border: 1px solid #c9d3dd; border-radius: 6px;
  background: #ffffff; padding: 0px; }
QPushButton#figureCard:hover { border-color: #3b78b5; background: #f3f8fd; }
QPushButton#figureCard:focus { border: 2px solid #3b78b5; }
"""


def number(value: Number | None) -> str:
    """Whole numbers with thousands separators; hours and yuan with one decimal when needed."""
    if value is None:
        return "–"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.1f}"


class FigureCard(QPushButton):
    """One figure as a large button: keyboard users reach it with Tab and press Space."""

    def __init__(self, figure: KeyFigure, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figure = figure
        self.setObjectName("figureCard")
        self.setStyleSheet(_CARD_STYLE)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumHeight(84)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.title = QLabel(figure.label, self)
        self.title.setStyleSheet(f"color: {_GREY};")
        self.value = QLabel(number(figure.value), self)
        self.value.setObjectName("figureValue")
        self.value.setStyleSheet("font-size: 20pt; font-weight: bold; color: #202124;")
        self.compare = QLabel(self._comparison(), self)
        self.compare.setTextFormat(Qt.TextFormat.RichText)
        for label in (self.title, self.value, self.compare):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.compare)
        self.setToolTip(self.tr("Open the records behind this figure"))
        self.setAccessibleName(f"{figure.label} {number(figure.value)}")

    def _comparison(self) -> str:
        f = self.figure
        parts = []
        if f.previous is not None:
            change = Decimal(f.value) - Decimal(f.previous)
            if change:
                colour, arrow = (_UP, "▲") if change > 0 else (_DOWN, "▼")
                trend = f' <span style="color:{colour}">{arrow}{number(abs(change))}</span>'
            else:
                trend = ""
            parts.append(self.tr("Last month {value}").format(value=number(f.previous)) + trend)
        if f.target:
            done = round(100 * f.value / f.target)
            parts.append(
                self.tr("Target {target} · {percent}% done").format(
                    target=number(f.target), percent=done
                )
            )
        else:
            parts.append(self.tr("No target set"))
        return f'<span style="color:{_GREY}">' + "　".join(parts) + "</span>"


class FigureGrid(QWidget):
    """The cards in at most two rows (up to twelve), so the charts keep their room."""

    picked = Signal(str)  # the figure's key

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cards: list[FigureCard] = []
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(8)

    def set_figures(self, figures: Sequence[KeyFigure]) -> None:
        for card in self.cards:
            self._layout.removeWidget(card)
            card.deleteLater()
        self.cards = []
        columns = min(MAX_COLUMNS, max(MIN_COLUMNS, -(-len(figures) // 2)))
        for index, figure in enumerate(figures):
            card = FigureCard(figure, self)
            card.clicked.connect(lambda _checked=False, key=figure.key: self.picked.emit(key))
            self._layout.addWidget(card, index // columns, index % columns)
            self.cards.append(card)
        self.setVisible(bool(figures))
