"""Read an evaluator's indicator sheet (.xlsx) into a `ParsedSystem`, or refuse it whole.

The layout is the template's (app/exports/evaluation_template.py), found by its headers
rather than by position, since evaluators' sheets differ: a title row above the header,
columns in another order, 权重 instead of 分值, a fourth level. Parent levels' names and
points usually sit in merged cells over their rows; a blank parent cell under a filled
one is read as the same parent too.

Every problem found is collected, so the message names all the rows to fix at once.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.errors import InvalidInput
from app.domain.evaluation import (
    Consequence,
    Grade,
    IndicatorKind,
    Scorer,
    VetoRule,
    by_label,
)
from app.exports.evaluation_template import SETTINGS_SHEET

from .types import ParsedIndicator, ParsedSystem

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

LEVELS = ("一级指标", "二级指标", "三级指标", "四级指标")
LEVEL_POINTS = ("一级分值", "二级分值", "三级分值", "四级分值")
POINTS = ("分值", "分数", "标准分", "权重", "满分")
KIND = ("类型", "指标类型")
SCORER = ("评分主体", "评分方", "评分单位")
NOTES = ("评分说明", "评分标准", "说明", "评分细则")
MAX_PROBLEMS = 12
_HEADER_ROWS = 10


@dataclass
class _Node:
    path: tuple[str, ...]
    first_row: int
    last_row: int
    declared: Decimal | None = None
    points: Decimal | None = None
    kind: IndicatorKind = IndicatorKind.BASE
    scorer: Scorer | None = None
    notes: str = ""
    children: list[tuple[str, ...]] = field(default_factory=list)


def number(value: object) -> Decimal | None:
    """A cell as a number: None when empty; raises ValueError when it is not a number."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    try:
        return Decimal(str(value).strip().removesuffix("分").removesuffix("%"))
    except InvalidOperation:
        raise ValueError(value) from None


def shown(value: Decimal) -> str:
    return f"{value.normalize():f}"


def rows_text(first: int, last: int) -> str:
    return f"第 {first} 行" if first == last else f"第 {first}–{last} 行"


def read(path: Path, *, name: str | None = None, total: Decimal | None = None) -> ParsedSystem:
    """Parse and check the workbook at `path`; InvalidInput names every row to fix."""
    from openpyxl import load_workbook

    if path.suffix.lower() == ".xls":
        raise InvalidInput(f"“{path.name}”是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再导入。")
    try:
        book = load_workbook(path, data_only=True)
    except FileNotFoundError:
        raise InvalidInput(f"找不到文件“{path}”。") from None
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise InvalidInput(
            f"无法读取“{path.name}”：不是有效的 Excel (.xlsx) 文件，或文件已损坏。"
            "没有导入任何内容。"
        ) from exc
    try:
        sheet = _indicator_sheet(book.worksheets)
        settings = _settings(book[SETTINGS_SHEET]) if SETTINGS_SHEET in book.sheetnames else {}
        grades = _grades(book[SETTINGS_SHEET]) if SETTINGS_SHEET in book.sheetnames else ()
        problems: list[str] = []
        nodes, uses_weights = _nodes(sheet, problems)
    finally:
        book.close()
    declared = total if total is not None else _setting_number(settings, "基础总分", problems)
    if declared is None and uses_weights:
        declared = Decimal(100)
    bonus = _setting_number(settings, "加分上限", problems) or Decimal(0)
    indicators = _check(nodes, declared, problems)
    if problems:
        shown_problems = problems[:MAX_PROBLEMS]
        more = len(problems) - len(shown_problems)
        tail = f"\n……另有 {more} 处问题。" if more else ""
        raise InvalidInput(
            f"指标体系“{path.name}”没有导入，请修改后重试：\n" + "\n".join(shown_problems) + tail
        )
    veto_text = str(settings.get("一票否决") or "")
    veto = VetoRule.LOWEST if ("最低" in veto_text or "不合格" in veto_text) else VetoRule.ZERO
    tops = [i for i in indicators if i.level == 1 and i.kind is IndicatorKind.BASE]
    base_total = sum((i.points for i in tops), Decimal(0))
    return ParsedSystem(
        name=(name or str(settings.get("名称") or "") or path.stem).strip(),
        total_points=declared if declared is not None else base_total,
        bonus_points=bonus,
        veto_rule=veto,
        grades=grades,
        indicators=tuple(indicators),
    )


def _indicator_sheet(sheets: Sequence[Worksheet]) -> tuple[Worksheet, int, dict[str, int]]:
    """The first sheet with a 一级指标 header: (sheet, header row, header → column)."""
    for ws in sheets:
        for row in ws.iter_rows(min_row=1, max_row=_HEADER_ROWS):
            headers = {_clean(c.value): c.column for c in row if _clean(c.value)}
            if LEVELS[0] in headers and isinstance(row[0].row, int):
                return ws, row[0].row, {k: int(v) for k, v in headers.items() if v}
    raise InvalidInput("没有找到指标表：表头应有“一级指标”“分值”等列（可下载模板对照）。")


def _clean(value: object) -> str:
    return re.sub(r"\s+", "", str(value)) if value is not None else ""


def _first(headers: dict[str, int], names: Sequence[str]) -> int | None:
    return next((headers[n] for n in names if n in headers), None)


def _merged_values(ws: Worksheet) -> dict[tuple[int, int], object]:
    """Each cell inside a merged range → the value of the range's top-left cell."""
    values: dict[tuple[int, int], object] = {}
    for merged in ws.merged_cells.ranges:
        top = ws.cell(merged.min_row, merged.min_col).value
        for r in range(merged.min_row, merged.max_row + 1):
            for c in range(merged.min_col, merged.max_col + 1):
                values[(r, c)] = top
    return values


def _cells(ws: Worksheet, header_row: int) -> Iterator[tuple[int, dict[int, object]]]:
    merged = _merged_values(ws)
    for row in ws.iter_rows(min_row=header_row + 1):
        if not row or not isinstance(row[0].row, int):
            continue
        r = row[0].row
        values = {int(c.column): merged.get((r, int(c.column)), c.value)
                  for c in row if isinstance(c.column, int)}  # fmt: skip
        if any(v is not None and str(v).strip() for v in values.values()):
            yield r, values


def _nodes(
    found: tuple[Worksheet, int, dict[str, int]], problems: list[str]
) -> tuple[dict[tuple[str, ...], _Node], bool]:
    ws, header_row, headers = found
    levels = [headers[n] for n in LEVELS if n in headers]
    level_points = [_first(headers, (p, p.replace("分值", "指标分值"))) for p in LEVEL_POINTS]
    points_col = _first(headers, POINTS)
    if points_col is None:
        raise InvalidInput("指标表缺少“分值”（或“权重”）列（可下载模板对照）。")
    uses_weights = "权重" in headers and points_col == headers["权重"]
    kind_col, scorer_col, notes_col = (_first(headers, n) for n in (KIND, SCORER, NOTES))
    nodes: dict[tuple[str, ...], _Node] = {}
    previous: list[str] = []
    for r, values in _cells(ws, header_row):
        names = [str(values.get(c) or "").strip() for c in levels]
        depth = max((i + 1 for i, n in enumerate(names) if n), default=0)
        if depth == 0:
            continue  # a note or a total line below the table
        # A blank parent cell under a filled one (not merged) is the same parent.
        path = tuple(names[i] or (previous[i] if i < len(previous) else "") for i in range(depth))
        if not all(path):
            problems.append(f"第 {r} 行：上级指标为空，无法确定它属于哪一项。")
            continue
        previous = list(path)
        for d in range(1, depth + 1):
            key = path[:d]
            node = nodes.get(key)
            if node is None:
                node = nodes[key] = _Node(key, r, r)
                if d > 1:
                    nodes[key[:-1]].children.append(key)
            node.last_row = r
            column = level_points[d - 1] if d - 1 < len(level_points) else None
            if d < depth and column is not None:
                try:
                    declared = number(values.get(column))
                except ValueError as exc:
                    problems.append(f"第 {r} 行：“{key[-1]}”的分值“{exc}”不是数字。")
                    continue
                if declared is not None:
                    node.declared = declared
        leaf = nodes[path]
        kind_text = str(values.get(kind_col) or "") if kind_col else ""
        kind = by_label(IndicatorKind, kind_text) if kind_text.strip() else IndicatorKind.BASE
        if kind is None:
            problems.append(f"第 {r} 行：类型“{kind_text}”应为 基础、加分 或 一票否决。")
            kind = IndicatorKind.BASE
        scorer_text = str(values.get(scorer_col) or "") if scorer_col else ""
        scorer = by_label(Scorer, scorer_text) if scorer_text.strip() else None
        if scorer_text.strip() and scorer is None:
            labels = "、".join(s.label for s in Scorer)
            problems.append(f"第 {r} 行：评分主体“{scorer_text}”应为 {labels} 之一。")
        leaf.kind, leaf.scorer = kind, scorer
        leaf.notes = str(values.get(notes_col) or "").strip() if notes_col else ""
        try:
            leaf.points = number(values.get(points_col))
        except ValueError as exc:
            problems.append(f"第 {r} 行：“{path[-1]}”的分值“{exc}”不是数字。")
            continue
        if leaf.points is None and kind is not IndicatorKind.VETO:
            problems.append(f"第 {r} 行：“{path[-1]}”没有分值。")
    if not nodes:
        raise InvalidInput("指标表中没有指标（表头下方应每行一个指标）。")
    return nodes, uses_weights


def _check(
    nodes: dict[tuple[str, ...], _Node], declared: Decimal | None, problems: list[str]
) -> list[ParsedIndicator]:
    """Points of parents from their children, checked against the sheet's and the total."""

    def points(key: tuple[str, ...]) -> Decimal:
        node = nodes[key]
        if not node.children:
            return node.points or Decimal(0)
        total = sum((points(c) for c in node.children), Decimal(0))
        if node.declared is not None and node.declared != total:
            problems.append(
                f"{rows_text(node.first_row, node.last_row)}：“{key[-1]}”的下级指标合计 "
                f"{shown(total)} 分，与其分值 {shown(node.declared)} 分不符。"
            )
        node.points = total if node.declared is None else node.declared
        # A parent's kind is its children's when they agree (a 加分项 block, the veto items).
        kinds = {nodes[c].kind for c in node.children}
        node.kind = kinds.pop() if len(kinds) == 1 else IndicatorKind.BASE
        return node.points

    tops = [k for k in nodes if len(k) == 1]
    for key in tops:
        points(key)
    base = [nodes[k] for k in tops if nodes[k].kind is IndicatorKind.BASE]
    base_total = sum((n.points or Decimal(0) for n in base), Decimal(0))
    if declared is not None and base and base_total != declared:
        where = rows_text(min(n.first_row for n in base), max(n.last_row for n in base))
        problems.append(
            f"{where}：基础指标合计 {shown(base_total)} 分，与声明的总分 {shown(declared)} 分不符。"
        )
    return [
        ParsedIndicator(
            path=k, points=n.points or Decimal(0), kind=n.kind, scorer=n.scorer,
            notes=n.notes, first_row=n.first_row, last_row=n.last_row,
        )
        for k, n in nodes.items()
    ]  # fmt: skip


def _settings(ws: Worksheet) -> dict[str, object]:
    values: dict[str, object] = {}
    for row in ws.iter_rows(max_col=2, values_only=True):
        if row and row[0] is not None:
            values.setdefault(_clean(row[0]), row[1] if len(row) > 1 else None)
    return values


def _setting_number(settings: dict[str, object], key: str, problems: list[str]) -> Decimal | None:
    try:
        return number(settings.get(key))
    except ValueError as exc:
        problems.append(f"“设置”表：{key}“{exc}”不是数字。")
        return None


def _grades(ws: Worksheet) -> tuple[Grade, ...]:
    """The grade table under its 等级 header on the settings sheet."""
    grades: list[Grade] = []
    started = False
    for index, row in enumerate(ws.iter_rows(max_col=5, values_only=True), 1):
        cells = [*row, None, None, None, None, None][:5]
        if not started:
            started = _clean(cells[0]) == "等级"
            continue
        label = str(cells[0] or "").strip()
        if not label or label == "说明":
            break
        try:
            minimum = number(cells[1])
            stars = number(str(cells[2]).count("★")) if "★" in str(cells[2]) else number(cells[2])
            days = number(cells[4])
        except ValueError as exc:
            raise InvalidInput(f"“设置”表第 {index} 行：“{exc}”不是数字。") from None
        if minimum is None:
            raise InvalidInput(f"“设置”表第 {index} 行：等级“{label}”没有最低分。")
        consequence_text = str(cells[3] or "")
        consequence = (
            Consequence.NO_BID if "投标" in consequence_text
            else Consequence.PLAN if "整改" in consequence_text
            else Consequence.NONE
        )  # fmt: skip
        grades.append(
            Grade(
                label=label,
                min_points=minimum,
                stars=int(stars) if stars else None,
                consequence=consequence,
                plan_days=int(days or 0),
            )
        )
    return tuple(grades)
