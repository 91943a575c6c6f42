"""Small indicator sheets built by hand for the import tests."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook

HEADER = ("一级指标", "一级分值", "二级指标", "分值", "类型", "评分主体", "评分说明")


def write(
    path: Path,
    rows: Sequence[Sequence[object]],
    *,
    merges: Sequence[str] = (),
    settings: Sequence[Sequence[object]] = (),
    header: Sequence[str] = HEADER,
    title: str | None = None,
) -> Path:
    """A workbook with the rows under `header` (a title line above it when given) and the
    cell ranges in `merges` merged; `settings` rows go to a 设置 sheet."""
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "指标体系"
    if title:
        ws.append([title])
    ws.append(list(header))
    for row in rows:
        ws.append(list(row))
    for cells in merges:
        ws.merge_cells(cells)
    if settings:
        other = book.create_sheet("设置")
        for row in settings:
            other.append(list(row))
    book.save(path)
    return path


# 100 points: 服务 60 (case 30 + group 30, by the third party), 管理 40 (the buyer scores
# 制度 25, the township 台账 15); a bonus of up to 10; a veto item; four grades.
SMALL_ROWS = (
    ("服务", 60, "个案服务", 30, "基础", "第三方", "抽查档案"),
    (None, None, "小组服务", 30, "基础", "", ""),
    ("管理", 40, "制度建设", 25, "基础", "购买方", ""),
    (None, None, "台账", 15, "", "乡镇/街道", ""),
    ("加分项", 10, "市级表彰", 10, "加分", "", ""),
    ("否决项", None, "重大事故", None, "一票否决", "", "发生即否决"),
)
SMALL_MERGES = ("A3:A4", "B3:B4", "A5:A6", "B5:B6")  # under a title row: data from row 3
SMALL_SETTINGS = (
    ("名称", "小型测试体系"),
    ("基础总分", 100),
    ("加分上限", 10),
    ("一票否决", "评为最低等级"),
    (),
    ("等级", "最低分", "星级", "后果", "整改方案期限（天）"),
    ("优秀", 90, None, "", None),
    ("良好", 80, None, "", None),
    ("基本合格", 60, None, "提交整改方案", 30),
    ("不合格", 0, None, "下一年度不得参与投标", None),
)


def small(path: Path) -> Path:
    return write(path, SMALL_ROWS, merges=SMALL_MERGES, settings=SMALL_SETTINGS,
                 title="某县社工站评估指标")  # fmt: skip
