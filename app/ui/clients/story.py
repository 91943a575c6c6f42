"""服务经历: the client's whole story in the detail pane, filtered, opened, printed."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.clients.story import ClientStoryService
from app.services.clients.story_types import ClientStory, StoryKind, matching
from app.services.context import Changes
from app.ui.clients.story_model import StoryModel
from app.ui.print_preview import PrintPreview
from app.ui.reveal_prompt import ask_reveal
from app.ui.tasks import TaskRunner

# A change to any of these may add to the story shown.
_TOLD = ("client", "consent", "case", "visit", "group", "activity")


class ClientStoryTab(QWidget):
    """The story of one client; `open_record(page, id)` asks to open an entry's record."""

    open_record = Signal(str, int)  # an Opens value and the record's id

    def __init__(
        self, *, stories: ClientStoryService, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._stories = stories
        self._tasks = tasks
        self._client_id: int | None = None
        self._can_reveal = False
        self._story: ClientStory | None = None
        self._stale = False
        self._generation = 0
        self.preview = PrintPreview(
            tasks=tasks,
            parent=self,
            saved_text=self.tr("The story was saved to {path}. Open it now?"),
        )

        self.kind = QComboBox(self)
        self.kind.setObjectName("storyKind")
        self.kind.addItem(self.tr("All kinds"), "")
        for kind in StoryKind:
            self.kind.addItem(kind.label, kind.value)
        self.search = QLineEdit(self)
        self.search.setObjectName("storySearch")
        self.search.setPlaceholderText(self.tr("Search the story"))
        self.search.setClearButtonEnabled(True)
        self.print_button = QPushButton(self.tr("Print / export PDF"), self)
        self.print_button.setObjectName("storyPrint")
        self.print_button.setToolTip(
            self.tr(
                "Preview the story shown, then print it or save it as a PDF; ID numbers and "
                "phones are masked."
            )
        )
        self.count = QLabel(self)
        self.count.setObjectName("storyCount")
        self.model = StoryModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("storyTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(StoryModel.WHAT, QHeaderView.ResizeMode.Stretch)

        filters = QHBoxLayout()
        filters.addWidget(self.kind)
        filters.addWidget(self.search, 1)
        below = QHBoxLayout()
        below.addWidget(self.count, 1)
        below.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(below)

        self.kind.currentIndexChanged.connect(self._refilter)
        self.search.textChanged.connect(self._refilter)
        self.table.activated.connect(self._activated)
        self.print_button.clicked.connect(self.print_story)
        tasks.bus.changed.connect(self._changed)
        self._refilter()

    # ---- loading ------------------------------------------------------------------------

    def show_client(self, client_id: int | None, *, can_reveal: bool = False) -> None:
        """Show this client's story (loaded now if the tab is in front, else when it is)."""
        if client_id != self._client_id:
            self._story = None
            self.model.set_rows(())
        self._client_id, self._can_reveal = client_id, can_reveal
        self._stale = True
        self._refilter()
        if self.isVisible():
            self.load()

    def load(self) -> None:
        self._generation += 1
        self._stale = False
        if self._client_id is None:
            return
        generation, client_id, stories = self._generation, self._client_id, self._stories
        self._tasks.run(
            self,
            lambda: stories.story(client_id),
            on_done=lambda story: self._loaded(generation, story),
        )

    def _loaded(self, generation: int, story: ClientStory) -> None:
        if generation == self._generation and story.client_id == self._client_id:
            self._story = story
            self._refilter()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.load()

    def _changed(self, changes: Changes) -> None:
        if self._client_id is not None and any(changes.touches(e) for e in _TOLD):
            self._stale = True
            if self.isVisible():
                self.load()

    # ---- filtering and opening ----------------------------------------------------------

    def kinds(self) -> set[StoryKind]:
        value = self.kind.currentData()
        return {StoryKind(value)} if value else set()

    def _refilter(self) -> None:
        entries = self._story.entries if self._story is not None else ()
        shown = matching(entries, kinds=self.kinds(), text=self.search.text())
        self.model.set_rows(shown)
        self.count.setText(
            self.tr("%n event(s)", "", len(shown))
            if self._story is not None
            else self.tr("Loading…")
            if self._client_id is not None
            else ""
        )
        self.print_button.setEnabled(self._story is not None)

    def _activated(self, index: QModelIndex) -> None:
        entry = self.model.row_at(index.row())
        if entry is not None:
            self.open_record.emit(entry.opens.value, entry.target_id)

    # ---- printing -----------------------------------------------------------------------

    def print_story(self) -> None:
        """Preview, then print or save; masked unless a permitted user asks for the full numbers."""
        if self._story is None:
            return
        if not self._can_reveal:
            self.preview_pdf(reveal=False)
            return
        ask_reveal(
            self,
            title=self.tr("Print the story"),
            question=self.tr(
                "Print the client's full ID number and phone? Showing them is recorded in the "
                "audit log. Without them they are printed masked."
            ),
            full=self.tr("Full numbers"),
            on_chosen=lambda reveal: self.preview_pdf(reveal=reveal),
        )

    def preview_pdf(self, *, reveal: bool) -> None:
        if self._client_id is None or self._story is None:
            return
        stories, client_id = self._stories, self._client_id
        kinds, text = self.kinds(), self.search.text()
        self.preview.start(
            lambda path: stories.story_pdf(client_id, path, kinds=kinds, text=text, reveal=reveal),
            file_name=f"服务经历_{self._story.client_name}.pdf",
        )
