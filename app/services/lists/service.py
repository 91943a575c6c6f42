"""导出Excel: any list page's current filter to a workbook, masked unless a reason is given.

Full ID numbers and phones need a role that may see any of them (REVEAL_ANY), an explicit
request and a reason; the export is written to the audit log with its row count either way.
The file is written beside the target under a temporary name and renamed only when it is
complete and the audit entry is in, so a cancelled or failed export leaves nothing behind.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from app.domain.errors import NotFound, ReasonRequired
from app.domain.roles import Permission
from app.exports.list_xlsx import Cell, ListSheet, replace_file, temporary_beside, write_list
from app.services.access import audit
from app.services.access.refusals import logs_refusals
from app.services.context import Actor
from app.services.listing import ExportResult, ListExporter, destination_warning
from app.store.engine import Database

CHUNK = 2000
"""Rows read per short read transaction."""
MIN_REASON = 4

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]


@logs_refusals()
class ListExportService:
    def __init__(self, db: Database, actor: Actor, *, today: dt.date | None = None) -> None:
        self._db = db
        self._actor = actor
        self._today = today

    @property
    def can_export(self) -> bool:
        return self._actor.can(Permission.REPORTS)

    @property
    def can_reveal(self) -> bool:
        """Whether the user may ask for full ID numbers and phones (with a reason)."""
        return self._actor.can(Permission.REVEAL_ANY)

    @staticmethod
    def lists() -> dict[str, str]:
        """Every exportable list: key → Chinese name."""
        return {key: exporter.title for key, exporter in _exporters().items()}

    def exporter(self, key: str) -> ListExporter:
        exporters = _exporters()
        kind = exporters.get(key)
        if kind is None:
            known = "、".join(exporters)
            raise NotFound(f"没有名为 {key} 的名单可导出（可选：{known}）。")
        return kind(self._db, self._actor, today=self._today)

    def export(
        self,
        key: str,
        path: Path,
        *,
        query: Any = None,
        full_ids: bool = False,
        reason: str = "",
        progress: Progress | None = None,
        is_cancelled: IsCancelled | None = None,
    ) -> ExportResult:
        """Write list `key` filtered by `query` (the page's; None: the page's default).

        Raises `ExportCancelled` when `is_cancelled()` turns true; no file is left then.
        """
        self._actor.require(Permission.REPORTS)
        reason = " ".join(reason.split())
        if full_ids:
            self._actor.require(Permission.REVEAL_ANY)
            if len(reason) < MIN_REASON:
                raise ReasonRequired(
                    f"导出完整身份证号和电话须填写理由（至少{MIN_REASON}个字），"
                    "例如：报送县民政局核对低保名单。",
                    field="reason",
                )
        exporter = self.exporter(key)
        if query is None:
            query = exporter.default_query()
        ids = exporter.ids(query)
        with self._db.read() as session:
            described = exporter.describe(session, query)
        sheet = ListSheet(
            name=exporter.title,
            title=f"{self._actor.station_name} {exporter.title}名单",
            note=self._note(len(ids), described, full_ids),
            columns=exporter.shown_columns(reveal=full_ids),
        )
        temporary = temporary_beside(path)
        try:
            count = write_list(
                temporary,
                sheet,
                self._rows(exporter, ids, full_ids),
                total=len(ids),
                progress=progress,
                is_cancelled=is_cancelled,
            )
            with self._db.write() as session:
                details: dict[str, Any] = {
                    "list": key,
                    "file": path.name,
                    "rows": count,
                    "full_ids": full_ids,
                }
                if full_ids:
                    details["reason"] = reason
                if described:
                    details["filter"] = described
                audit.record(session, self._actor, "export", entity=exporter.entity, **details)
                session.flush()
                # Inside the transaction: a file that cannot be put in place leaves no entry.
                replace_file(temporary, path)
        finally:
            temporary.unlink(missing_ok=True)
        return ExportResult(
            path=path, rows=count, full_ids=full_ids, warning=destination_warning(path)
        )

    def _rows(
        self, exporter: ListExporter, ids: Sequence[int], reveal: bool
    ) -> Iterator[list[Cell]]:
        for start in range(0, len(ids), CHUNK):
            with self._db.read() as session:
                chunk = exporter.fetch(session, ids[start : start + CHUNK], reveal=reveal)
            yield from chunk

    def _note(self, count: int, described: str, full_ids: bool) -> str:
        when = self._db.clock.local_now().strftime("%Y-%m-%d %H:%M")
        shown = (
            "含完整身份证号和电话（已记入操作日志）"
            if full_ids
            else "身份证号和电话已遮挡，不含出生日期"
        )
        parts = [f"导出：{self._actor.display_name} {when}", f"共 {count} 条", shown]
        if described:
            parts.insert(1, f"筛选：{described}")
        return "；".join(parts)


def _exporters() -> dict[str, type[ListExporter]]:
    """The registry, loaded at the first export: every list page holds this service, and
    the seven exporters' modules (~1.7 MB of the window's memory) are needed by none of
    them until the user exports."""
    from app.services.lists.registry import EXPORTERS

    return EXPORTERS
