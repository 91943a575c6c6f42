"""The PDF layout of the evidence pack's own documents (reportlab), loaded when one is made."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from app.exports.case_file_pdf import section_story
from app.exports.pack_contents import PackDocument
from app.exports.pdf_common import fields_table, styles, text, write_pdf


def write(data: PackDocument, path: Path) -> Path:
    st = styles()
    story: list[Flowable] = [
        Spacer(1, 20 * mm),
        text(data.station_name, st.h1),
        text(data.title, st.title),
        text(data.subtitle, st.h2),
        Spacer(1, 6 * mm),
        fields_table(data.cover, st),
        Spacer(1, 4 * mm),
    ]
    for paragraph in data.note.split("\n"):
        if paragraph.strip():
            story.append(text(paragraph, st.body))
    story += [
        Spacer(1, 6 * mm),
        text(f"生成日期：{data.printed_on.isoformat()}　生成人：{data.printed_by}", st.small),
        PageBreak(),
    ]
    for section in data.sections:
        story += section_story(section, st)
    return write_pdf(
        path, story, station_name=data.station_name, title=f"{data.title} {data.subtitle}",
        author=data.printed_by,
    )  # fmt: skip
