"""The PDF layout of the group file (reportlab), loaded only when one is printed."""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Flowable, PageBreak, TableStyle

from app.exports.group_file import GroupFile, SessionPage
from app.exports.pdf_common import Styles, fields_table, sign_off, styles, table, text, write_pdf

SIGN_IN_HEADER = ("序号", "姓名", "出勤情况", "签名")


def write(data: GroupFile, path: Path) -> Path:
    st = styles()
    story: list[Flowable] = [
        text(data.station_name, st.h2),
        text("小组工作档案", st.title),
        text(data.name, st.h1),
        text("一、小组计划书", st.h1),
        fields_table(data.plan, st),
    ]
    story += _texts(data.plan_texts, st)
    story += [text("组员名单", st.h2), _roster(data.members, st)]
    for number, page in enumerate(data.sessions):
        story += _session(page, st, first=number == 0)
    story += _summary(data, st)
    return write_pdf(
        path, story, station_name=data.station_name, title=f"小组工作档案 {data.name}",
        author=data.printed_by,
    )  # fmt: skip


def _texts(pairs: tuple[tuple[str, str], ...], st: Styles) -> list[Flowable]:
    out: list[Flowable] = []
    for label, value in pairs:
        out += [text(label, st.label), text(value or "（无）", st.body)]
    return out


def _roster(rows: tuple[tuple[str, ...], ...], st: Styles) -> Flowable:
    if len(rows) <= 1:
        return text("（尚无组员）", st.body)
    return table(rows, (0.5, 1.4, 1.8, 1.1, 1.1), st)


def _session(page: SessionPage, st: Styles, *, first: bool) -> list[Flowable]:
    sign_in = [SIGN_IN_HEADER] + [
        (str(i), name, status, "") for i, (name, status) in enumerate(page.sign_in, 1)
    ]
    out: list[Flowable] = [PageBreak()]
    if first:
        out.append(text("二、小组节次记录", st.h1))
    out += [
        text(page.heading, st.h2),
        fields_table(page.fields, st),
        text("签到表", st.h2),
        _sign_in(sign_in, st),
    ]
    out += _texts(page.texts, st)
    if page.observations:
        out += [
            text("组员观察", st.label),
            table((("组员", "观察记录"), *page.observations), (1.0, 4.0), st),
        ]
    return out


def _sign_in(rows: list[tuple[str, str, str, str]], st: Styles) -> Flowable:
    """Rows tall enough to sign by hand."""
    grid = table(rows, (0.5, 1.5, 1.2, 2.4), st)
    grid.setStyle(
        TableStyle([("TOPPADDING", (0, 1), (-1, -1), 7), ("BOTTOMPADDING", (0, 1), (-1, -1), 7)])
    )
    return grid


def _summary(data: GroupFile, st: Styles) -> list[Flowable]:
    out: list[Flowable] = [
        PageBreak(),
        text("三、小组评估与总结", st.h1),
        fields_table(data.summary, st),
    ]
    if len(data.scores) > 1:
        out += [
            text("组员前后测与满意度", st.h2),
            table(data.scores, (1.4, 1.0, 1.0, 1.0, 1.0), st),
        ]
    out += _texts(data.summary_texts, st)
    notice = "本档案含组员个人信息，请妥善保管，不得外传。"
    return [*out, *sign_off(("带领者", "站长"), data.printed_on, data.printed_by, notice, st)]
