"""A table model over ids whose rows are fetched lazily, in chunks, in the background.

Only the ids of a query are held; a chunk of rows is fetched when a view first asks
for one of its rows. Sorting and filtering happen in SQL, so 100,000 records cost a
list of ints and the chunks actually looked at. Subclasses say how to show a row, and
how to find the ids and fetch the rows: usually a service's `search_ids(query)` and
`rows(ids)`, given to the constructor as `find` and `fetch` (lambdas that look the
method up at each call, so that a test can stand in for it after the model is built).
"""

from __future__ import annotations

import dataclasses
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any, ClassVar, Generic, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from app.ui.tasks import TaskRunner

AnyIndex = QModelIndex | QPersistentModelIndex
PENDING = "…"


class _Row(Protocol):
    @property
    def id(self) -> int: ...


class _Query(Protocol):
    @property
    def sort(self) -> Any: ...

    @property
    def descending(self) -> bool: ...


Q = TypeVar("Q", bound=_Query)
R = TypeVar("R", bound=_Row)


class LazyIdTableModel(QAbstractTableModel, Generic[Q, R]):
    """Records matching a query (a frozen dataclass with `sort` and `descending`)."""

    COLUMN_COUNT: ClassVar[int] = 0
    FIRST_COLUMN: ClassVar[int] = 0
    """The column that shows `PENDING` while its row is being fetched."""
    IdRole = Qt.ItemDataRole.UserRole + 1
    RowRole = Qt.ItemDataRole.UserRole + 2

    CHUNK = 200
    MAX_CHUNKS = 64  # rows kept in memory: the chunks seen most recently

    SORTS: ClassVar[dict[int, Any]] = {}
    """Column → the query's sort key, for the columns SQL can order by."""

    counted = Signal(int)
    """A query has finished; the argument is the number of matching records."""

    def __init__(
        self,
        *,
        tasks: TaskRunner,
        query: Q,
        find: Callable[[Q], list[int]] | None = None,
        fetch: Callable[[list[int]], list[R]] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._query = query
        self._find_ids = find
        self._fetch_rows = fetch
        self._ids: list[int] = []
        self._rows: dict[int, R | None] = {}
        self._chunks: OrderedDict[int, None] = OrderedDict()
        self._pending: set[int] = set()
        # Bumped whenever the ids or the stored rows stop being current, so late
        # answers to an older query or an older refresh are dropped.
        self._generation = 0
        self._searching = False

    # ---- what subclasses provide -----------------------------------------------------

    def _id_fetcher(self, query: Q) -> Callable[[], list[int]]:
        """A call (run on the worker thread) that returns the matching ids in order."""
        find = self._find_ids
        if find is None:
            raise NotImplementedError
        return lambda: find(query)

    def _row_fetcher(self, ids: Sequence[int]) -> Callable[[], list[R]]:
        """A call (run on the worker thread) that returns the rows of `ids`."""
        fetch, wanted = self._fetch_rows, list(ids)
        if fetch is None:
            raise NotImplementedError
        return lambda: fetch(wanted)

    def _headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def _display(self, row: R, column: int) -> str:
        raise NotImplementedError

    def _row_role(self, row: R, index: AnyIndex, role: int) -> Any:
        """Any role other than display (colours, alignment, tooltips)."""
        return None

    # ---- queries ---------------------------------------------------------------------

    @property
    def query(self) -> Q:
        return self._query

    @property
    def searching(self) -> bool:
        return self._searching

    def set_query(self, query: Q) -> None:
        """Show the records matching `query` (its sort fields included)."""
        self._query = query
        self._search()

    def set_filters(self, query: Q) -> None:
        """Like `set_query`, keeping the current sort order."""
        self.set_query(
            dataclasses.replace(  # type: ignore[type-var]
                query, sort=self._query.sort, descending=self._query.descending
            )
        )

    def refresh(self) -> None:
        """Run the current query again (after a change elsewhere)."""
        self._search()

    def _search(self) -> None:
        self._generation += 1
        generation = self._generation
        self._searching = True
        self._tasks.run(
            self,
            self._id_fetcher(self._query),
            on_done=lambda ids: self._found(generation, ids),
        )

    def _found(self, generation: int, ids: list[int]) -> None:
        if generation != self._generation:
            return
        self._searching = False
        # Chunks asked for while the search ran belong to the old ids.
        self._generation += 1
        self._pending.clear()
        if ids == self._ids:
            # Same rows in the same order: keep the view (and its selection), refetch lazily.
            self._forget_rows()
            if ids:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(ids) - 1, self.COLUMN_COUNT - 1)
                )
        else:
            self.beginResetModel()
            self._ids = ids
            self._forget_rows()
            self.endResetModel()
        self.counted.emit(len(ids))

    def _forget_rows(self) -> None:
        self._rows.clear()
        self._chunks.clear()

    # ---- sorting ---------------------------------------------------------------------

    def is_sortable(self, column: int) -> bool:
        return column in self.SORTS

    def sort_column(self) -> int:
        """The column the current order belongs to, or -1 (the default order)."""
        for column, key in self.SORTS.items():
            if key is self._query.sort:
                return column
        return -1

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.SORTS.get(column)
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if key is self._query.sort and descending == self._query.descending:
            return
        self.set_query(
            dataclasses.replace(self._query, sort=key, descending=descending)  # type: ignore[type-var]
        )

    # ---- lookups ---------------------------------------------------------------------

    def record_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, record_id: int) -> int:
        """The row showing `record_id`, or -1."""
        try:
            return self._ids.index(record_id)
        except ValueError:
            return -1

    def row_data(self, row: int) -> R | None:
        """The fetched line for `row`, or None while it is still being fetched."""
        rid = self.record_id(row)
        return self._rows.get(rid) if rid is not None else None

    # ---- lazy fetching ---------------------------------------------------------------

    def _fetch(self, row: int) -> None:
        chunk = row // self.CHUNK
        if chunk in self._pending:
            return
        self._pending.add(chunk)
        generation = self._generation
        ids = self._ids[chunk * self.CHUNK : (chunk + 1) * self.CHUNK]
        self._tasks.run(
            self,
            self._row_fetcher(ids),
            on_done=lambda rows: self._arrived(generation, chunk, ids, rows),
        )

    def _arrived(self, generation: int, chunk: int, ids: list[int], rows: list[R]) -> None:
        if generation != self._generation:
            return
        self._pending.discard(chunk)
        by_id = {r.id: r for r in rows}
        for rid in ids:
            # A record removed or moved meanwhile comes back as None: shown blank,
            # not fetched again until the next refresh.
            self._rows[rid] = by_id.get(rid)
        self._chunks[chunk] = None
        self._chunks.move_to_end(chunk)
        while len(self._chunks) > self.MAX_CHUNKS:
            old, _ = self._chunks.popitem(last=False)
            for rid in self._ids[old * self.CHUNK : (old + 1) * self.CHUNK]:
                self._rows.pop(rid, None)
        first = chunk * self.CHUNK
        last = min(first + len(ids), len(self._ids)) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.COLUMN_COUNT - 1))

    # ---- the model interface ---------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers()[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        rid = self._ids[index.row()]
        if role == self.IdRole:
            return rid
        if rid not in self._rows:
            if role in (Qt.ItemDataRole.DisplayRole, self.RowRole):
                self._fetch(index.row())
            if role == Qt.ItemDataRole.DisplayRole and index.column() == self.FIRST_COLUMN:
                return PENDING
            return None
        row = self._rows[rid]
        if role == self.RowRole:
            return row
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, index.column())
        return self._row_role(row, index, role)
