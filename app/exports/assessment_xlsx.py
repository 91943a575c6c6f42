"""The station's worker assessments for a period as one workbook for the agency (承接机构):
考核 (one row per worker: the figures, the head's scores and comment) and 说明.

Laid out like the report workbooks (app/exports/report_xlsx.py), whose sheet helpers it
uses: numbers as numbers, shares as percentages, A4 landscape, the header row repeated.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Protocol

from openpyxl import Workbook

from app.exports.assessment_model import AssessmentSheet, figure_definitions
from app.exports.report_model import Cell, Definition
from app.exports.report_xlsx import _heading, _notes, _save

SHEET = "考核"
FIGURE_HEADER = (
    "期末在案个案", "期间经手个案", "个案服务人次", "个案服务时长（小时）", "带领小组",
    "小组节数", "社区活动", "走访户次", "督导时长", "培训时长", "注册周期学时", "学时目标",
    "补录比例", "知情同意完整率",
)  # fmt: skip


class _Item(Protocol):
    @property
    def key(self) -> str: ...
    @property
    def label(self) -> str: ...


class _Scheme(Protocol):
    @property
    def items(self) -> Sequence[_Item]: ...
    @property
    def late_days(self) -> int: ...


def write_assessment_xlsx(
    sheets: Sequence[AssessmentSheet],
    path: Path,
    *,
    station_name: str,
    period_label: str,
    generated_at: dt.datetime,
    scheme: _Scheme,
) -> Path:
    book = Workbook(write_only=True)
    title = f"{station_name}社工考核（{period_label}）"
    info = (
        f"站点：{station_name}　考核期间：{period_label}　生成时间：{generated_at:%Y-%m-%d %H:%M}"
    )
    items = _items(sheets, scheme)
    header = ("姓名", "职业资格", "状态", *FIGURE_HEADER, *(label for _, label in items),
              "总分", "满分", "总体评价")  # fmt: skip
    widths = (10, 12, 8, *(10,) * len(FIGURE_HEADER), *(9,) * len(items), 7, 7, 50)
    ws = _heading(book, SHEET, title, info, header, widths)
    for sheet in sheets:
        ws.add(_row(sheet, items), wrap=True)
    if not sheets:
        ws.add(("（本站没有社工）",))
    definitions = [
        Definition(label, "", text) for label, text in figure_definitions(scheme.late_days)
    ]
    definitions.append(
        Definition("评分", "", "站长按本站考核项目评分，确认后不再改变；未确认的考核标“待确认”。")
    )
    _notes(book, title, info, definitions)
    return _save(book, path)


def _items(sheets: Sequence[AssessmentSheet], scheme: _Scheme) -> list[tuple[str, str]]:
    """The scheme's items, then any other item an assessment was scored on."""
    items = [(i.key, i.label) for i in scheme.items]
    for sheet in sheets:
        for s in sheet.scores:
            if s.key not in {k for k, _ in items}:
                items.append((s.key, s.label))
    return items


def _row(sheet: AssessmentSheet, items: list[tuple[str, str]]) -> list[Cell | float]:
    f = sheet.figures
    scores = {s.key: s.score for s in sheet.scores}
    shown = sheet.status_label if sheet.saved else "未考核"
    return [
        sheet.worker_name, sheet.title_label, shown,
        f.cases_open, f.cases_handled, f.service_records, f.service_hours, f.groups_led,
        f.group_sessions, f.activities, f.visits, f.supervision_hours, f.training_hours,
        f.registration_hours, f.registration_target or None,
        _fraction(f.late_share), _fraction(f.consent_share),
        *(scores.get(key) for key, _ in items),
        sheet.total, sheet.scale_total if sheet.total is not None else None, sheet.comment,
    ]  # fmt: skip


def _fraction(percent: Decimal | None) -> float | None:
    return None if percent is None else round(float(percent) / 100, 4)
