"""The client story's PDF layout (reportlab); the data is app/exports/client_story.py."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from app.exports.client_story import StoryFile
from app.exports.pdf_common import fields_table, printed_note, styles, table, text, write_pdf

HEADER = ("发生日期", "类型", "事项", "内容")
WIDTHS = (1.15, 0.95, 2.6, 3.9)


def write(data: StoryFile, path: Path) -> Path:
    st = styles()
    # Who printed it and when go above the table: below it they could fill a page alone.
    story: list[Flowable] = [
        text(f"{data.client_name} {data.title}", st.title),
        fields_table(data.cover, st),
        Spacer(1, 3 * mm),
        text(f"按发生日期排列，最新的在前{('；' + data.scope) if data.scope else ''}。", st.small),
        printed_note(
            data.printed_on, data.printed_by, "本文件含服务对象个人信息，请妥善保管，不得外传。", st
        ),
        Spacer(1, 2 * mm),
    ]
    if data.rows:
        story.append(table((HEADER, *data.rows), WIDTHS, st))
    else:
        story.append(text("（无记录）", st.body))
    return write_pdf(
        path, story, station_name=data.station_name,
        title=f"{data.title} {data.client_name}", author=data.printed_by,
    )  # fmt: skip
