"""Pick at most one linked record: its kind, a few typed characters, then the match."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from app.services.choice import Choice
from app.services.volunteers.links import LinkFinder, LinkKind
from app.ui.tasks import TaskRunner

DEBOUNCE_MS = 250


class LinkPicker(QWidget):
    """“None”, or one activity / group session / case / client / household of the station."""

    def __init__(
        self,
        *,
        links: LinkFinder,
        tasks: TaskRunner,
        kinds: Sequence[LinkKind],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._links = links
        self._tasks = tasks
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("None"), None)
        for kind in kinds:
            self.kind.addItem(kind.label, kind.value)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Type to find…"))
        self.match = QComboBox(self)
        self.match.setMinimumContentsLength(18)
        self.match.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kind)
        layout.addWidget(self.search, 1)
        layout.addWidget(self.match, 2)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.look_up)
        self.search.textChanged.connect(self._timer.start)
        self.kind.currentIndexChanged.connect(self.look_up)
        self._generation = 0
        self._update_enabled()

    def set_current(self, kind: LinkKind | None, record_id: int | None, text: str) -> None:
        """Show a record already linked (its label as loaded with the record)."""
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(max(self.kind.findData(kind.value if kind else None), 0))
        self.kind.blockSignals(False)
        self.match.clear()
        if kind is not None and record_id is not None:
            self.match.addItem(text, record_id)
        self._update_enabled()

    def value(self) -> tuple[LinkKind | None, int | None]:
        kind = self.kind.currentData()
        record_id = self.match.currentData()
        if kind is None or record_id is None:
            return None, None
        return LinkKind(kind), int(record_id)

    def look_up(self) -> None:
        self._timer.stop()
        self._update_enabled()
        kind = self.kind.currentData()
        self._generation += 1
        if kind is None:
            self.match.clear()
            return
        generation, links, text = self._generation, self._links, self.search.text()
        self._tasks.run(
            self,
            lambda: links.find(LinkKind(kind), text),
            on_done=lambda found: self._found(generation, found),
        )

    def _found(self, generation: int, found: list[Choice]) -> None:
        if generation != self._generation:
            return
        self.match.clear()
        for choice in found:
            self.match.addItem(choice.label, choice.id)

    def _update_enabled(self) -> None:
        chosen = self.kind.currentData() is not None
        self.search.setEnabled(chosen)
        self.match.setEnabled(chosen)
