"""Cell looks of a write-only workbook, each made once as a named style.

Setting a Font, Border or Fill object on a cell makes openpyxl hash the whole object (its
sides, colours…) again for that cell; a report's few thousand bordered cells spent more
time there than in writing their values. A named style is found by its name and copied
onto the cell as a small array of indexes.
"""

from __future__ import annotations

import datetime as dt
import weakref
from dataclasses import dataclass
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import (
    DEFAULT_FONT,
    Alignment,
    Border,
    Font,
    NamedStyle,
    PatternFill,
    Side,
)
from openpyxl.styles.borders import DEFAULT_BORDER
from openpyxl.styles.fills import DEFAULT_EMPTY_FILL
from openpyxl.worksheet.worksheet import Worksheet

DATE_FORMAT = "yyyy-mm-dd"
TIME_FORMAT = "yyyy-mm-dd hh:mm"
INT_FORMAT = "0"
DECIMAL_FORMAT = "0.00"
PERCENT_FORMAT = "0.0%"
GENERAL = "General"

_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_THIN = Side(style="thin", color="9AA5B1")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


@dataclass(frozen=True)
class Look:
    """How a cell looks: its number format, frame, font and alignment."""

    number_format: str = GENERAL
    border: bool = False
    bold: bool = False
    size: float | None = None
    shaded: bool = False
    wrap: str | None = None
    """Wrapped text, aligned to this vertical position ("top", "center")."""


TITLE = Look(bold=True, size=14)
SECTION = Look(bold=True, size=12)
HEADER = Look(border=True, bold=True, shaded=True, wrap="center")


def number_format(value: object) -> str:
    """Whole numbers, two decimals, shares (floats), dates and times."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return GENERAL
    if isinstance(value, dt.datetime):
        return TIME_FORMAT
    if isinstance(value, dt.date):
        return DATE_FORMAT
    if isinstance(value, int):
        return INT_FORMAT
    if isinstance(value, Decimal):
        return DECIMAL_FORMAT
    return PERCENT_FORMAT


class CellStyles:
    """The named styles of one workbook, made the first time a look is asked for."""

    def __init__(self, book: Workbook) -> None:
        self._book = book
        self._names: dict[Look, str] = {}

    def cell(self, ws: Worksheet, value: object, look: Look) -> WriteOnlyCell:
        cell = WriteOnlyCell(ws, value=value)
        cell.style = self.name(look)
        return cell

    def name(self, look: Look) -> str:
        name = self._names.get(look)
        if name is None:
            name = f"stationdesk {len(self._names) + 1}"
            self._book.add_named_style(_named(name, look))
            self._names[look] = name
        return name


def _named(name: str, look: Look) -> NamedStyle:
    # The workbook's own defaults where the look asks for nothing, so such a cell is
    # written with the same font, frame and fill as an unstyled one.
    if look.bold or look.size is not None:
        font = Font(bold=look.bold or None, size=look.size)
    else:
        font = DEFAULT_FONT
    alignment = (
        Alignment(wrap_text=True, vertical=look.wrap) if look.wrap is not None else Alignment()
    )
    return NamedStyle(
        name=name,
        font=font,
        border=_BORDER if look.border else DEFAULT_BORDER,
        fill=_HEADER_FILL if look.shaded else DEFAULT_EMPTY_FILL,
        alignment=alignment,
        number_format=look.number_format,
    )


_BOOKS: weakref.WeakKeyDictionary[Workbook, CellStyles] = weakref.WeakKeyDictionary()


def styles_of(book: Workbook) -> CellStyles:
    """The workbook's named styles, one set shared by all its sheets."""
    found = _BOOKS.get(book)
    if found is None:
        found = _BOOKS[book] = CellStyles(book)
    return found
