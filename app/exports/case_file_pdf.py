"""The PDF layout of the case file (reportlab), loaded only when one is printed."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Spacer

from app.exports.case_file import Block, CaseFile, Section
from app.exports.pdf_common import (
    Styles,
    fields_table,
    printed_note,
    sign_line,
    styles,
    table,
    text,
    write_pdf,
)


def write(data: CaseFile, path: Path) -> Path:
    st = styles()
    story: list[Flowable] = _cover(data, st)
    for section in data.sections:
        story += section_story(section, st)
    story += _signatures(data, st)
    return write_pdf(
        path, story, station_name=data.station_name, title=f"{data.title} {data.case_no}",
        author=data.printed_by,
    )  # fmt: skip


def _cover(data: CaseFile, st: Styles) -> list[Flowable]:
    return [
        Spacer(1, 25 * mm),
        text(data.station_name, st.h1),
        text(data.title, st.title),
        text(f"个案编号：{data.case_no}", st.h2),
        Spacer(1, 6 * mm),
        fields_table(data.cover, st),
        Spacer(1, 10 * mm),
        printed_note(
            data.printed_on, data.printed_by, "本档案含服务对象个人信息，请妥善保管，不得外传。", st
        ),
        PageBreak(),
    ]


def section_story(section: Section, st: Styles) -> list[Flowable]:
    """A section's title and records (the evidence pack's documents are laid out alike)."""
    # Keep a section title off the bottom of a page, away from its first record.
    out: list[Flowable] = [CondPageBreak(40 * mm), text(section.title, st.h1)]
    if not section.blocks:
        return [*out, text(section.empty, st.body)]
    for block in section.blocks:
        out += _block(block, st)
    return out


def _block(block: Block, st: Styles) -> list[Flowable]:
    head: list[Flowable] = []
    if block.heading:
        head.append(text(block.heading, st.h2))
    if block.fields:
        head.append(fields_table(block.fields, st))
    out: list[Flowable] = [KeepTogether(head)] if head else []
    for label, value in block.texts:
        if value.strip():
            out += [text(label, st.label), text(value, st.body)]
    if block.table:
        widths = block.widths or tuple(1.0 for _ in block.table[0])
        out += [Spacer(1, 1.5 * mm), table(block.table, widths, st)]
    out.append(Spacer(1, 2 * mm))
    return out


def _signatures(data: CaseFile, st: Styles) -> list[Flowable]:
    lines: list[Flowable] = [text("审核签名", st.h1)]
    for who in data.signatures:
        lines += [Spacer(1, 8 * mm), sign_line(who, st)]
    return [CondPageBreak(70 * mm), KeepTogether(lines)]
