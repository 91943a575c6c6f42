"""A checkable list of client categories (a client may hold several at once)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QWidget


class CategoryList(QListWidget):
    """One checkbox per category; space toggles the current one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("categories")
        # Two or three columns side by side: every category visible without scrolling.
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)

    def set_items(self, items: list[tuple[str, object]]) -> None:
        checked = set(self.checked())
        self.clear()
        for label, code in items:
            item = QListWidgetItem(label, self)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if code in checked else Qt.CheckState.Unchecked
            )
        widest = max((self.fontMetrics().horizontalAdvance(label) for label, _ in items), default=0)
        # Room for the check box and the item's margins beside the text.
        self.setGridSize(QSize(widest + 56, self.fontMetrics().height() + 10))

    def checked(self) -> tuple[str, ...]:
        return tuple(
            str(self.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        )

    def set_checked(self, codes: tuple[str, ...]) -> None:
        wanted = set(codes)
        for i in range(self.count()):
            item = self.item(i)
            code = item.data(Qt.ItemDataRole.UserRole)
            item.setCheckState(Qt.CheckState.Checked if code in wanted else Qt.CheckState.Unchecked)
