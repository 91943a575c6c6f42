"""A report's files written all or nothing: each beside its place, moved in at the end.

Cancelled or failed half-way, no file of the report is left half-written or without its
companion (an Excel workbook with no PDF beside it when both were asked for).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType

from app.domain.errors import StorageError
from app.services.listing import ExportCancelled

IsCancelled = Callable[[], bool]


class StagedFiles:
    """Temporary paths for the targets; `commit` moves them in, leaving does the cleanup."""

    def __init__(self, *targets: Path | None) -> None:
        self._staged = {
            target: target.with_name(f".{target.stem}.part{target.suffix}")
            for target in targets
            if target is not None
        }

    def __enter__(self) -> StagedFiles:
        return self

    def path(self, target: Path) -> Path:
        """Where the writer writes `target` for now."""
        return self._staged[target]

    def commit(self) -> None:
        for target, temporary in self._staged.items():
            try:
                os.replace(temporary, target)
            except PermissionError as exc:
                raise StorageError(
                    f"无法保存到 {target.name}：文件可能正在打开，请关闭后再生成。"
                ) from exc
            except OSError as exc:
                raise StorageError(f"无法保存到 {target}：{exc.strerror or exc}") from exc

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        for temporary in self._staged.values():
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)


def stop_if_cancelled(is_cancelled: IsCancelled | None) -> None:
    """Between two steps: stop there if the user cancelled."""
    if is_cancelled is not None and is_cancelled():
        raise ExportCancelled()


Writer = Callable[[Path], object]


def write_all(
    outputs: Sequence[tuple[Path | None, Writer]],
    *,
    step: Callable[[], None],
    is_cancelled: IsCancelled | None = None,
) -> None:
    """Write each asked-for file (path not None) with its writer, all or none.

    `step` is called after each file; a cancel seen between files leaves none of them."""
    wanted = [(path, write) for path, write in outputs if path is not None]
    with StagedFiles(*(path for path, _ in wanted)) as staged:
        stop_if_cancelled(is_cancelled)
        for path, write in wanted:
            write(staged.path(path))
            step()
            stop_if_cancelled(is_cancelled)
        staged.commit()
