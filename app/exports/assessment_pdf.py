"""One worker's assessment (社工考核表) laid out to print and sign: the worker and period,
the figures counted from the records, the head's scores and comments, and signatures."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from app.exports.assessment_model import AssessmentSheet, figure_lines
from app.exports.pdf_common import Styles, fields_table, styles, table, text, write_pdf


def write_assessment_pdf(sheet: AssessmentSheet, path: Path) -> Path:
    st = styles()
    # The form fits one page to sign: headings with less space around them than a report's.
    h1 = ParagraphStyle("form_h1", parent=st.h1, spaceBefore=3 * mm, spaceAfter=1.5 * mm)
    title = f"社工考核表（{sheet.period_label}）"
    story: list[Flowable] = [
        text(title, ParagraphStyle("form_title", parent=st.title, spaceAfter=4 * mm)),
        fields_table(_heading(sheet), st),
        text("一、工作量与规范（按记录统计）", h1),
        table(
            [
                ["项目", "结果", "口径"],
                *(
                    [line.label, line.value, line.definition]
                    for line in figure_lines(sheet.figures)
                ),
            ],
            (1.15, 1.85, 4.0),
            st,
        ),
        text("二、站长评分", h1),
    ]
    if sheet.status != "confirmed" and sheet.total is None:
        story.append(text("尚未评分。", st.body))
    else:
        rows = [
            [s.label, "—" if s.score is None else f"{s.score} / {s.scale}", s.comment or ""]
            for s in sheet.scores
        ]
        total = "—" if sheet.total is None else f"{sheet.total} / {sheet.scale_total}"
        rows.append(["合计", total, ""])
        story.append(table([["评分项目", "得分", "评语"], *rows], (1.4, 1.0, 4.6), st))
    story += [text("三、总体评价", h1), text(sheet.comment or "（无）", st.body)]
    story += _signatures(st)
    return write_pdf(
        path, story, station_name=sheet.station_name, title=title, author=sheet.assessed_by
    )


def _heading(sheet: AssessmentSheet) -> list[tuple[str, str]]:
    if sheet.confirmed_at is not None:
        confirmed = f"已确认（{sheet.confirmed_by}，{sheet.confirmed_at.astimezone():%Y-%m-%d}）"
    else:
        confirmed = sheet.status_label if sheet.saved else "未考核"
    made = f"{sheet.generated_at:%Y-%m-%d %H:%M}" if sheet.generated_at else ""
    return [
        ("姓名", sheet.worker_name), ("职业资格", sheet.title_label or "—"),
        ("考核期间", f"{sheet.first:%Y-%m-%d} 至 {sheet.last:%Y-%m-%d}"),
        ("统计截至", f"{sheet.figures.as_of:%Y-%m-%d}"),
        ("状态", confirmed), ("打印时间", made),
    ]  # fmt: skip


def _signatures(st: Styles) -> list[Flowable]:
    lines: list[Flowable] = [
        Spacer(1, 5 * mm),
        text("被考核人签字：__________________　　站长签字：__________________", st.body),
        Spacer(1, 4 * mm),
        text("日期：______年____月____日　　　承接机构盖章：", st.body),
    ]
    return [CondPageBreak(22 * mm), KeepTogether(lines)]
