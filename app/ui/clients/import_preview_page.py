"""The preview step of a roster import: the counts, which column filled which field, the rows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.importing.results import COUNT_ORDER, Preview
from app.ui.clients.import_preview_model import PreviewModel
from app.ui.widgets import rich_text


def counts_text(counts: dict[str, int]) -> str:
    return "    ".join(f"{key} {counts.get(key, 0)}" for key in COUNT_ORDER)


class PreviewPage(QWidget):
    """What importing would do, row by row, before anything is written."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("previewCounts")
        self.counts_label.setWordWrap(True)
        self.matches_label = QLabel(self)
        self.matches_label.setObjectName("previewMatches")
        self.matches_label.setWordWrap(True)
        self.matches_label.setTextFormat(Qt.TextFormat.RichText)
        self.filter_combo = QComboBox(self)
        self.filter_combo.setObjectName("verdictFilter")
        self.filter_combo.addItem(self.tr("All rows"), "")
        for verdict in COUNT_ORDER:
            self.filter_combo.addItem(verdict, verdict)
        self.filter_combo.currentIndexChanged.connect(self._filter_changed)
        self.errors_button = QPushButton(self.tr("Save error report…"), self)
        top = QHBoxLayout()
        top.addWidget(self.counts_label, 1)
        top.addWidget(QLabel(self.tr("Show:"), self))
        top.addWidget(self.filter_combo)
        top.addWidget(self.errors_button)
        self.model = PreviewModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("previewTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        for column, width in ((0, 50), (1, 64), (2, 80), (3, 150)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(PreviewModel.DETAIL, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.matches_label)
        layout.addWidget(self.table, 1)

    def _filter_changed(self, _index: int) -> None:
        self.model.set_filter(str(self.filter_combo.currentData() or ""))

    def show_preview(self, preview: Preview) -> None:
        self.model.set_preview(preview)
        self.filter_combo.setCurrentIndex(0)
        since = (
            self.tr(" Compared with the roster imported on {date}.").format(
                date=preview.previous_import.isoformat()
            )
            if preview.previous_import
            else ""
        )
        self.counts_label.setText(
            self.tr("{category}, import date {date}: {counts}.").format(
                category=preview.category_label,
                date=preview.import_date.isoformat(),
                counts=counts_text(preview.counts),
            )
            + since
        )
        self.matches_label.setText(self.matches_text(preview, rich=True))

    def matches_text(self, preview: Preview, *, rich: bool = False) -> str:
        """ "身份证号码 → 身份证号；…" and the columns left out, so the user can check both.

        Rich, each pair and name is held on one line (word joiners, no-break spaces): Chinese
        text may otherwise wrap anywhere, even inside "保障金额". Qt ignores `white-space`
        on a span.
        """

        def piece(text: str) -> str:
            return "\u2060".join(rich_text.escape(text.replace(" ", "\u00a0"))) if rich else text

        def template(text: str) -> str:
            return rich_text.escape(text) if rich else text

        pairs = "；".join(piece(f"{column} → {field}") for column, field in preview.matched)
        if not preview.unused:
            return template(self.tr("Columns read: {pairs}. Every column is used.")).format(
                pairs=pairs
            )
        return template(self.tr("Columns read: {pairs}. Not used: {unused}.")).format(
            pairs=pairs, unused="、".join(piece(name) for name in preview.unused)
        )
