"""Tabs made the first time they are shown or asked for.

A tab the user never opens costs its widgets, its modules and its first load all the
same when it is built with the page: the 设置 page's fourteen tabs were ~600 widgets
and ~14 MB on the county database. Here each tab starts as an empty placeholder, and
the real one takes its place (same index, same title) when it first becomes current or
when code asks for it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSignalBlocker, Signal
from PySide6.QtWidgets import QTabWidget, QWidget


class LazyTabs(QObject):
    made = Signal(QWidget)  # a tab, just made and in its place (its lists get their widths)

    def __init__(self, tabs: QTabWidget) -> None:
        super().__init__(tabs)
        self._tabs = tabs
        self._waiting: dict[str, tuple[QWidget, Callable[[], QWidget]]] = {}
        self._made: dict[str, QWidget] = {}
        self._wrapped: dict[str, QWidget] = {}
        tabs.currentChanged.connect(self._shown)

    def add(
        self,
        name: str,
        title: str,
        make: Callable[[], QWidget],
        *,
        wrap: Callable[[QWidget], QWidget] | None = None,
    ) -> None:
        """A tab `title` that `make()` builds when needed; `wrap` puts it in its page
        (a scroll area, say)."""
        placeholder = QWidget()

        def build() -> QWidget:
            tab = make()
            self._wrapped[name] = wrap(tab) if wrap is not None else tab
            return tab

        self._waiting[name] = (placeholder, build)
        # The first tab added becomes current during addTab: made below, not inside it.
        with QSignalBlocker(self._tabs):
            index = self._tabs.addTab(placeholder, title)
        if self._tabs.currentIndex() == index:
            self.get(name)

    def names(self) -> list[str]:
        return [*self._made, *self._waiting]

    def is_made(self, name: str) -> bool:
        return name in self._made

    def get(self, name: str) -> QWidget | None:
        """The tab `name`, made now if it was still waiting; None if there is no such tab."""
        if name in self._made:
            return self._made[name]
        if name not in self._waiting:
            return None
        placeholder, build = self._waiting.pop(name)
        tab = self._made[name] = build()
        page = self._wrapped.pop(name)
        tabs = self._tabs
        index, current = tabs.indexOf(placeholder), tabs.currentIndex()
        with QSignalBlocker(tabs):  # the same tab stays current: nothing to announce
            title = tabs.tabText(index)
            tabs.removeTab(index)
            tabs.insertTab(index, page, title)
            tabs.setCurrentIndex(current)
        placeholder.deleteLater()
        self.made.emit(tab)
        return tab

    def _shown(self, index: int) -> None:
        shown = self._tabs.widget(index)
        for name, (placeholder, _build) in list(self._waiting.items()):
            if placeholder is shown:
                self.get(name)
                return
