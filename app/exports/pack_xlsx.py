"""The evidence pack's workbooks: the indicator table (the project progress workbook, then
one sheet per indicator listing the records behind its figure) and record lists.

Laid out like the report workbooks (app/exports/report_xlsx.py), whose helpers it uses.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook

from app.exports.project_model import ProjectProgress
from app.exports.project_xlsx import info_line, progress_sheets
from app.exports.report_model import Detail
from app.exports.report_xlsx import _detail, _save


def write_indicator_xlsx(
    report: ProjectProgress, records: Sequence[Detail], path: Path, *, note: str = ""
) -> Path:
    """进度, 按月, 说明, then each indicator's records (its sheet named after it)."""
    book = Workbook(write_only=True)
    progress_sheets(book, report)
    info = "　".join(part for part in (info_line(report), note) if part)
    for detail in records:
        _detail(book, detail, f"{report.title}：{detail.title}", info)
    return _save(book, path)


def write_records_xlsx(title: str, info: str, details: Sequence[Detail], path: Path) -> Path:
    """One sheet per list of records, each with its title, `info` and its count."""
    book = Workbook(write_only=True)
    for detail in details:
        _detail(book, detail, f"{title}：{detail.title}", info)
    return _save(book, path)
