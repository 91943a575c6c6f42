"""The station's PDF look: A4, station name in the header, 第 N 页 / 共 M 页, CJK wrapping.

Every text goes through a Paragraph with `wordWrap="CJK"`, so Chinese lines break between
any two characters and no cell or line runs past the margin; tables may split inside a
row, so a record longer than a page still prints.
"""

from __future__ import annotations

import datetime as dt
import re
import weakref
from collections.abc import Sequence
from copy import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from app.domain.text import without_hidden
from app.exports.fonts import register_cjk_font

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN
GRID = colors.HexColor("#9aa5b1")
SHADE = colors.HexColor("#eef1f4")


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    label: ParagraphStyle
    cell: ParagraphStyle
    small: ParagraphStyle


def styles() -> Styles:
    font = register_cjk_font()

    def style(name: str, size: float, **extra: Any) -> ParagraphStyle:
        return ParagraphStyle(
            name, fontName=font, fontSize=size, leading=size * 1.45, wordWrap="CJK", **extra
        )

    return Styles(
        title=style("title", 22, alignment=1, spaceAfter=8 * mm),
        h1=style(
            "h1", 14, spaceBefore=5 * mm, spaceAfter=2 * mm, textColor=colors.HexColor("#1f3b57")
        ),
        h2=style("h2", 11.5, spaceBefore=3 * mm, spaceAfter=1.5 * mm),
        body=style("body", 10, spaceAfter=1.5 * mm),
        label=style("label", 9.5, spaceBefore=1.5 * mm, textColor=colors.HexColor("#3d4a57")),
        cell=style("cell", 9.5),
        small=style("small", 8.5, textColor=colors.HexColor("#52606d")),
    )


_ONE_WORD = re.compile(r"[^\s<>&]+")
"""Text the paragraph parser would hand back as it is: no markup, no space to collapse."""


class _Text(Paragraph):
    """A paragraph that keeps its lines for the width it was last wrapped to: a table
    wraps every cell to size its row and then again to draw it, and breaking CJK lines
    is most of a report's layout. The lines depend on the width alone; a split that
    drops them (the paragraph pushed to the next page) makes the next wrap break anew."""

    _wrapped: tuple[float, tuple[float, float], object] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        found = self._wrapped
        if found is not None and found[0] == availWidth and found[2] is self.__dict__.get("blPara"):
            self.width, self.height = found[1]
            return found[1]
        size = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, size, self.__dict__.get("blPara"))
        return size


def text(value: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text: markup characters escaped, line breaks kept, and hidden
    controls (bidi overrides, NUL…) dropped so the page shows what the record holds."""
    shown = without_hidden(value or "")[0]
    if _ONE_WORD.fullmatch(shown):
        # A figure or a label (most cells of a report): the parser's one fragment with
        # this text, without running the parser (most of a table's cost) for each cell.
        fragment = copy(_fragment(style))
        fragment.text = shown
        return _Text(shown, style, frags=[fragment])
    return _Text(escape(shown).replace("\n", "<br/>"), style)


def _fragment(style: ParagraphStyle) -> Any:
    """The fragment the parser makes of one word in `style`, kept per style object."""
    found = _FRAGMENTS.get(style)
    if found is None:
        found = _FRAGMENTS[style] = Paragraph("x", style).frags[0]
    return found


_FRAGMENTS: weakref.WeakKeyDictionary[ParagraphStyle, Any] = weakref.WeakKeyDictionary()


def sign_line(who: str, st: Styles) -> Paragraph:
    """A line to sign and date by hand: "站长（签名）：____　日期：__年__月__日"."""
    return text(f"{who}（签名）：____________________　　日期：______年____月____日", st.body)


def printed_note(printed_on: dt.date, printed_by: str, notice: str, st: Styles) -> Paragraph:
    """Who printed the paper and when, and how to keep it (its personal data)."""
    return text(f"打印日期：{printed_on.isoformat()}　打印人：{printed_by}　{notice}", st.small)


def sign_off(
    signers: Sequence[str], printed_on: dt.date, printed_by: str, notice: str, st: Styles
) -> list[Flowable]:
    """The signature lines and the printed note, kept together on the last page."""
    lines: list[Flowable] = [Spacer(1, 10 * mm)]
    for n, who in enumerate(signers):
        lines += [Spacer(1, 6 * mm)] if n else []
        lines.append(sign_line(who, st))
    lines += [Spacer(1, 4 * mm), printed_note(printed_on, printed_by, notice, st)]
    return [CondPageBreak(50 * mm), KeepTogether(lines)]


def table(
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    st: Styles,
    *,
    header: bool = True,
    label_columns: Sequence[int] = (),
) -> Table:
    """A grid whose cells wrap; `widths` are fractions of the frame width.

    With `header` the first row is shaded and repeated on every page the table spans.
    """
    total = sum(widths)
    col_widths = [FRAME_WIDTH * w / total for w in widths]
    body = [
        [
            text(cell, st.label if (header and r == 0) or c in label_columns else st.cell)
            for c, cell in enumerate(row)
        ]
        for r, row in enumerate(rows)
    ]
    commands: list[tuple[Any, ...]] = [
        # Cells are paragraphs, but a table still selects its own font (Helvetica by default).
        ("FONT", (0, 0), (-1, -1), register_cjk_font()),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), SHADE))
    for c in label_columns:
        commands.append(("BACKGROUND", (c, 0), (c, -1), SHADE))
    return Table(
        body,
        colWidths=col_widths,
        repeatRows=1 if header else 0,
        splitInRow=1,
        style=TableStyle(commands),
        hAlign="LEFT",
    )


def fields_table(pairs: Sequence[tuple[str, str]], st: Styles, *, per_row: int = 2) -> Table:
    """Short label/value pairs, `per_row` pairs to a line, labels shaded."""
    rows: list[list[str]] = []
    for i in range(0, len(pairs), per_row):
        row: list[str] = []
        for label, value in pairs[i : i + per_row]:
            row += [label, value]
        row += [""] * (2 * per_row - len(row))
        rows.append(row)
    widths = [1.0, 2.2] * per_row
    return table(rows, widths, st, header=False, label_columns=range(0, 2 * per_row, 2))


class _NumberedCanvas(canvas.Canvas):
    """Holds every page until the end so that each can say how many pages there are."""

    station_name = ""
    font = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, page in enumerate(self._pages, 1):
            self.__dict__.update(page)
            self._decorate(number, total)
            super().showPage()
        super().save()

    def _decorate(self, number: int, total: int) -> None:
        self.saveState()
        self.setFont(self.font, 9)
        self.setFillColor(colors.HexColor("#52606d"))
        top = PAGE_HEIGHT - MARGIN + 6 * mm
        self.drawString(MARGIN, top, self.station_name)
        self.setStrokeColor(GRID)
        self.setLineWidth(0.5)
        self.line(MARGIN, top - 2 * mm, PAGE_WIDTH - MARGIN, top - 2 * mm)
        self.drawCentredString(PAGE_WIDTH / 2, MARGIN - 10 * mm, f"第 {number} 页 / 共 {total} 页")
        self.restoreState()


def write_pdf(
    path: Path, story: list[Flowable], *, station_name: str, title: str, author: str = ""
) -> Path:
    """Lay out `story` on A4 pages with the station's header and numbered footers."""
    font = register_cjk_font()
    page_canvas = type(
        "PageCanvas", (_NumberedCanvas,), {"station_name": station_name, "font": font}
    )
    doc = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + 4 * mm,
        bottomMargin=MARGIN,
        title=title,
        author=author,
        creator="社工站工作台",
        # Otherwise every page starts in Helvetica, which is not embedded.
        initialFontName=font,
    )
    doc.build(story, canvasmaker=page_canvas)
    return path
