"""The indicator-system template (评估指标体系模板.xlsx): the sheet layout the importer reads
(app/services/evaluation/sheet.py), filled with a Hunan-like example (星级社工站: 130 base
points, 20 bonus points, a veto item, stars from points) that the demo imports too.

指标体系: one row per lowest-level indicator; the parent levels' names and points in
merged cells over their rows, as evaluators' sheets have them. 设置: the name, the
declared totals, what a veto does, and the grade thresholds with their consequences.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

INDICATOR_SHEET = "指标体系"
SETTINGS_SHEET = "设置"
HEADER = ("一级指标", "一级分值", "二级指标", "二级分值", "三级指标", "分值", "类型", "评分主体",
          "评分说明")  # fmt: skip
GRADE_HEADER = ("等级", "最低分", "星级", "后果", "整改方案期限（天）")


@dataclass(frozen=True)
class ExampleRow:
    level1: str
    level1_points: int
    level2: str
    level2_points: int
    name: str
    points: int | None
    kind: str = "基础"
    scorer: str = ""
    notes: str = ""


def _rows() -> list[ExampleRow]:
    r = ExampleRow
    site, team, work, effect = "阵地建设", "队伍建设", "服务开展", "服务成效"
    return [
        r(site, 20, "场所设施", 12, "有独立办公场所，标识统一规范", 4, notes="实地查看"),
        r(site, 20, "场所设施", 12, "设置个案室、活动室等功能室", 4, notes="缺一项扣2分"),
        r(site, 20, "场所设施", 12, "服务内容、制度上墙公示", 4),
        r(site, 20, "站点管理", 8, "考勤、例会等制度执行到位", 4, scorer="乡镇/街道"),
        r(site, 20, "站点管理", 8, "台账档案齐全规范", 4, notes="抽查台账"),
        r(team, 25, "人员配备", 10, "站长及不少于2名专职社工到岗", 6, scorer="购买方"),
        r(team, 25, "人员配备", 10, "持证社工比例不低于50%", 4),
        r(team, 25, "能力提升", 15, "专业督导每月不少于1次", 8, notes="查督导记录"),
        r(team, 25, "能力提升", 15, "年度培训不少于40学时", 7),
        r(work, 55, "个案服务", 20, "个案建档及服务计划完整", 10, notes="抽查个案档案5份"),
        r(work, 55, "个案服务", 20, "服务记录、结案评估规范", 10),
        r(work, 55, "小组与社区活动", 20, "每季度不少于1个小组，过程记录完整", 10),
        r(work, 55, "小组与社区活动", 20, "每月不少于2次社区活动", 10),
        r(work, 55, "走访与需求评估", 15, "困难群众入户走访全覆盖", 8, scorer="村(居)委"),
        r(work, 55, "走访与需求评估", 15, "形成年度需求评估报告", 7),
        r(effect, 30, "服务对象满意度", 15, "服务对象满意度不低于90%", 15, notes="电话回访"),
        r(effect, 30, "社会认可", 15, "村(居)委评价", 8, scorer="村(居)委"),
        r(effect, 30, "社会认可", 15, "乡镇（街道）评价", 7, scorer="乡镇/街道"),
        r("加分项", 20, "创新与荣誉", 20, "获市级以上表彰", 8, kind="加分"),
        r("加分项", 20, "创新与荣誉", 20, "经验做法被市级以上推广", 6, kind="加分"),
        r("加分项", 20, "创新与荣誉", 20, "形成服务品牌", 6, kind="加分"),
        r(
            "否决项",
            0,
            "安全与廉洁",
            0,
            "发生重大安全责任事故或违规违纪",
            None,
            kind="一票否决",
            notes="发生即一票否决",
        ),
    ]


EXAMPLE_ROWS = _rows()
EXAMPLE_SETTINGS = (
    ("名称", "星级社工站评估指标（示例）"),
    ("基础总分", 130),
    ("加分上限", 20),
    ("一票否决", "总分计为0"),
)
EXAMPLE_GRADES = (
    ("五星", 110, 5, "", None),
    ("四星", 100, 4, "", None),
    ("三星", 90, 3, "", None),
    ("二星", 80, 2, "提交整改方案", 30),
    ("一星", 70, 1, "提交整改方案", 30),
    ("未达星级", 0, None, "下一年度不得参与投标", None),
)
NOTES = (
    "每行一个最末级指标；上级指标的名称和分值可合并单元格（导入时按合并区域识别）。",
    "下级指标分值之和须等于上级分值，基础指标合计须等于“设置”表的基础总分，否则不导入。",
    "类型：基础、加分、一票否决（留空为基础）。一票否决项不计分，评分时记 1 表示触发。",
    "评分主体：第三方、购买方、乡镇/街道、村(居)委、站点自评（留空为第三方）。",
    "“分值”列也可写作“权重”（合计 100）。",
)


def write_template(path: Path) -> Path:
    """Write the template with the example; returns `path`."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.worksheet import Worksheet

    book = Workbook()
    ws = book.active
    assert isinstance(ws, Worksheet)
    ws.title = INDICATOR_SHEET
    ws.append(HEADER)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    start = 2
    for row in EXAMPLE_ROWS:
        ws.append((row.level1, row.level1_points, row.level2, row.level2_points, row.name,
                   row.points, row.kind, row.scorer, row.notes))  # fmt: skip
    _merge(ws, start, [(r.level1,) for r in EXAMPLE_ROWS], (1, 2))
    _merge(ws, start, [(r.level1, r.level2) for r in EXAMPLE_ROWS], (3, 4))
    for column, width in zip("ABCDEFGHI", (12, 8, 16, 8, 34, 7, 9, 11, 20), strict=True):
        ws.column_dimensions[column].width = width
    for cells in ws.iter_rows(min_row=2):
        for cell in cells:
            cell.alignment = Alignment(vertical="center", wrap_text=True)
    settings = book.create_sheet(SETTINGS_SHEET)
    for key, value in EXAMPLE_SETTINGS:
        settings.append((key, value))
    settings.append(())
    settings.append(GRADE_HEADER)
    for grade in EXAMPLE_GRADES:
        settings.append(grade)
    settings.append(())
    settings.append(("说明",))
    for note in NOTES:
        settings.append((note,))
    settings.column_dimensions["A"].width = 14
    settings.column_dimensions["B"].width = 28
    settings.column_dimensions["D"].width = 22
    book.save(path)
    return path


def _merge(
    ws: Worksheet, start: int, keys: list[tuple[str, ...]], columns: tuple[int, ...]
) -> None:
    """Merge each run of rows with the same key in `columns` (one cell per parent)."""
    first = 0
    for i in range(1, len(keys) + 1):
        if i == len(keys) or keys[i] != keys[first]:
            if i - first > 1:
                for column in columns:
                    ws.merge_cells(
                        start_row=start + first, end_row=start + i - 1,
                        start_column=column, end_column=column,
                    )  # fmt: skip
            first = i
