"""Python's cyclic garbage collector, run on the GUI thread only.

The collector runs on whichever thread happens to allocate. On the task runner's worker
thread it may free a cycle that holds QObjects and delete them there, off the GUI thread
(a deadlock was seen). So automatic collection is switched off once, at start, and a timer
on the GUI thread collects instead, as pyqtgraph's `GarbageCollector` and Anki's
`garbage_collect_now` do: the young generation every second when it has grown past the
usual threshold, older ones as theirs fill, and everything every few minutes and soon
after a window or dialog closes (that is when the big cycles become garbage).

A full collection looks at every object the program holds, some 400,000 once the window
is up: 150–200 ms of the GUI thread, a visible freeze. Most of them are modules' code,
classes and tables, alive until the program ends. So after a full collection that
follows an import, what survived is frozen (`gc.freeze`): left out of later collections,
which then look only at what was made since (a few ms).

PySide6 reads the source of every module imported after it (`inspect.getsource`, to see
whether the module uses PySide6 for its `__feature__` switches), and `linecache` keeps
every line it read for good: ~19 MB of strings for the ~550 modules the window imports,
more with each page. `install` makes that check forget each source once it has looked.
"""

from __future__ import annotations

import gc
import linecache
import logging
import sys
from types import ModuleType

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer

log = logging.getLogger(__name__)

TICK_MS = 1_000
FULL_EVERY_TICKS = 300  # five minutes
SOON_MS = 200  # after a close: let the deferred deletes go first


class GarbageCollector(QObject):
    """Collects from a timer on the thread it lives on (the GUI thread)."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._ticks = 0
        self._modules_frozen = 0
        """How many modules were loaded at the last freeze."""
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)
        self.timer.start(TICK_MS)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(SOON_MS)
        self._soon.timeout.connect(self.collect_all)

    def tick(self) -> None:
        """Collect the generations that have grown past Python's own thresholds."""
        self._ticks += 1
        if self._ticks >= FULL_EVERY_TICKS:
            self.collect_all()
            return
        young, middle, old = gc.get_count()
        if young > self._thresholds[0]:
            gc.collect(0)
            if middle > self._thresholds[1]:
                gc.collect(1)
                if old > self._thresholds[2]:
                    gc.collect(2)

    def collect_all(self) -> int:
        self._ticks = 0
        freed = gc.collect()
        modules = len(sys.modules)
        if modules != self._modules_frozen:
            # Modules were imported since the last freeze (at start, or a first export
            # loading openpyxl): what survives now is mostly theirs and lives for good.
            # The price: a cycle among the objects frozen now that dies later is never
            # freed; that happens a few times a session, not at every collection.
            gc.freeze()
            self._modules_frozen = modules
        return freed

    def collect_soon(self) -> None:
        if not self._soon.isActive():
            self._soon.start()

    def stop_soon(self) -> None:
        self._soon.stop()


_collector: GarbageCollector | None = None


def _current() -> GarbageCollector | None:
    collector = _collector
    return collector if collector is not None and shiboken6.isValid(collector) else None


def install(app: QCoreApplication) -> GarbageCollector:
    """Switch automatic collection off and collect on the GUI thread from now on.

    Call it on the GUI thread, once the application exists; a second call changes nothing.
    """
    global _collector
    assert QThread.currentThread() is app.thread(), "install the collector on the GUI thread"
    collector = _current()
    if collector is None:
        collector = _collector = GarbageCollector(app)
        gc.disable()
        log.debug("automatic garbage collection off; collecting on the GUI thread")
    forget_sources_read_by_pyside()
    return collector


def forget_sources_read_by_pyside() -> None:
    """Drop the source lines PySide6 has read (see the module's doc) and will read.

    Its check stays as it is; only what it leaves in `linecache` goes, as soon as it has
    looked (a traceback reads a file again when it needs it). Without the check (another
    PySide6 version), this only empties `linecache` once.
    """
    feature = sys.modules.get("shibokensupport.feature")
    check = getattr(feature, "_mod_uses_pyside", None)
    if callable(check) and not getattr(check, "forgets_sources", False):

        def uses_pyside(module: ModuleType) -> bool:
            try:
                return bool(check(module))
            finally:
                linecache.cache.pop(getattr(module, "__file__", None) or "", None)

        uses_pyside.forgets_sources = True  # type: ignore[attr-defined]
        feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]
    linecache.clearcache()


def uninstall() -> None:
    """Collect once more, everything, and give collection back to Python (tests end so)."""
    global _collector
    collector, _collector = _current(), None
    if collector is not None:
        collector.timer.stop()
        collector.stop_soon()
        collector.deleteLater()
    gc.unfreeze()
    gc.collect()
    gc.enable()


def collect_soon() -> None:
    """A window or dialog has closed: collect everything shortly, on the GUI thread."""
    collector = _current()
    if collector is not None and QThread.currentThread() is collector.thread():
        collector.collect_soon()


def collect_now() -> int:
    """Collect everything at once, when on the GUI thread; the number of objects freed."""
    collector = _current()
    if collector is None or QThread.currentThread() is not collector.thread():
        return 0
    return collector.collect_all()
