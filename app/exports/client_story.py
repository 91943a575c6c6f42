"""The printable story of a client (服务经历): who, then every event in one table.

Layout only: the service hands over labelled text, already masked and in Chinese.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from app.exports.pdf_common import fields_table, styles, table, text, write_pdf

HEADER = ("发生日期", "类型", "事项", "内容")
WIDTHS = (1.15, 0.95, 2.6, 3.9)


@dataclass(frozen=True)
class StoryFile:
    station_name: str
    client_name: str
    cover: tuple[tuple[str, str], ...]
    rows: tuple[tuple[str, str, str, str], ...]
    """发生日期, kind, title, summary; newest first."""
    printed_on: dt.date
    printed_by: str
    scope: str = ""
    """What a filtered story holds (empty: everything)."""
    title: str = "服务经历"


def write_client_story(data: StoryFile, path: Path) -> Path:
    st = styles()
    # Who printed it and when go above the table: below it they could fill a page alone.
    story: list[Flowable] = [
        text(f"{data.client_name} {data.title}", st.title),
        fields_table(data.cover, st),
        Spacer(1, 3 * mm),
        text(f"按发生日期排列，最新的在前{('；' + data.scope) if data.scope else ''}。", st.small),
        text(
            f"打印日期：{data.printed_on.isoformat()}　打印人：{data.printed_by}　"
            "本文件含服务对象个人信息，请妥善保管，不得外传。",
            st.small,
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
