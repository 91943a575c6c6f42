"""What a list export takes and returns, and the shape every list's exporter has."""

from __future__ import annotations

import abc
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from sqlalchemy.orm import Session

from app.exports.list_xlsx import Cell, ExportCancelled, ListColumn
from app.services.context import Actor
from app.store import file_guard
from app.store.engine import Database

__all__ = ["ExportCancelled", "ExportResult", "ListColumn", "ListExporter"]


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    full_ids: bool
    warning: str = ""
    """Said to the user when the file landed on a USB stick or a network share."""


def destination_warning(path: Path, *, probe: file_guard.Probe = file_guard.placement) -> str:
    """A reminder when personal data is written where others may read or carry it away."""
    where = probe(path.parent)
    if where.network:
        place = "网络共享文件夹"
    elif where.removable:
        place = "U盘或移动硬盘"
    else:
        return ""
    return (
        f"文件保存在{place}上，其中含有服务对象的个人信息：请妥善保管，交给需要的人后从该位置删除。"
    )


class ListExporter(abc.ABC):
    """One list page's export: the same ids as the page's search, one row per record.

    A new list plugs in with a subclass (ids from its service's `search_ids`, rows read
    in chunks with ID numbers and phones masked and no birth dates unless `reveal`) added to
    `app.services.lists.registry.EXPORTERS`.
    """

    key: ClassVar[str]
    """The name on the command line and in `EXPORTERS`, e.g. "clients"."""
    title: ClassVar[str]
    """The Chinese name of the list, e.g. "服务对象"."""
    entity: ClassVar[str]
    """The audit log's record type of the rows."""
    columns: ClassVar[tuple[ListColumn, ...]]

    def __init__(self, db: Database, actor: Actor, *, today: dt.date | None = None) -> None:
        self._db = db
        self._actor = actor
        self._today = today

    @property
    def today(self) -> dt.date:
        return self._today or self._db.clock.today()

    @abc.abstractmethod
    def default_query(self) -> Any:
        """What the page shows before the user filters (the command line exports this)."""

    @abc.abstractmethod
    def ids(self, query: Any) -> list[int]:
        """The page's own search, so the file holds exactly what the page lists."""

    def shown_columns(self, *, reveal: bool) -> tuple[ListColumn, ...]:
        """The sheet's columns; a masked export may leave some out (see `fetch`)."""
        return self.columns

    @abc.abstractmethod
    def fetch(self, session: Session, ids: Sequence[int], *, reveal: bool) -> list[list[Cell]]:
        """The rows of `ids`, in that order, one cell per `shown_columns(reveal=reveal)`.

        Ids no longer visible are skipped.
        """

    def describe(self, session: Session, query: Any) -> str:
        """The filter in words for the sheet and the audit log; "" when nothing is filtered."""
        return ""


def in_order(found: dict[int, list[Cell]], ids: Sequence[int]) -> list[list[Cell]]:
    """The rows of `found` in the order of `ids` (the page's sort), skipping missing ones."""
    return [found[i] for i in ids if i in found]
