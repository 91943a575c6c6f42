"""The detail lists' rows written straight as worksheet XML.

openpyxl makes, checks and serialises a cell object for every value (about 12 µs each
without lxml), and a busy month's detail lists hold some 30,000 values: most of the time
of the whole report went there. Their rows are written here as the very XML openpyxl
writes for such values (inline strings, numbers, dates in their format, the same style
indexes), after openpyxl has written the sheet's title and header rows and closed the
sheet with its filter and print setup. tests/unit/exports/test_report_sheet_xml.py holds
the two ways to the same cells.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from app.exports.list_xlsx import cell_text, plain
from app.exports.xlsx_styles import CellStyles, Look, number_format

_MAX_TEXT = 32767
"""openpyxl cuts longer text to this (Excel's limit)."""
_END = b"</sheetData>"
_G = "%.16g"
"""openpyxl's number text: `%` turns a Decimal into a float first (12.50 → 12.5), where a
format specifier would keep its digits."""

Writer = Callable[[str, object], str]


def write_rows(
    ws: WriteOnlyWorksheet,
    styles: CellStyles,
    formatted: Sequence[bool],
    rows: Iterable[Sequence[object]],
    start: int,
) -> None:
    """Append `rows` from row `start` on, below the rows `ws` holds, then close it:
    nothing more can go in.

    A `formatted` column (a date or decimal list column) gives each value its number
    format as a named style; the others hold text as escaped text and numbers bare.
    """
    cells = _Cells(ws, styles)
    writers: list[Writer] = [cells.formatted if f else cells.plain for f in formatted]
    letters = [get_column_letter(n) for n in range(1, len(formatted) + 1)]
    ws.close()
    path = Path(ws._writer.out)
    written = path.read_bytes()
    end = written.rindex(_END)
    with path.open("wb") as out:
        out.write(written[:end])
        out.writelines(_encoded(_rows_xml(rows, start, letters, writers)))
        out.write(written[end:])


def _encoded(parts: Iterator[str]) -> Iterator[bytes]:
    # As openpyxl's stream writes (a lone surrogate as a character reference).
    for part in parts:
        yield part.encode("utf-8", "xmlcharrefreplace")


def _rows_xml(
    rows: Iterable[Sequence[object]], start: int, letters: list[str], writers: list[Writer]
) -> Iterator[str]:
    columns = list(zip(letters, writers, strict=True))
    for n, values in enumerate(rows, start):
        row = str(n)
        yield (
            f'<row r="{row}">'
            + "".join([w(letter + row, v) for (letter, w), v in zip(columns, values, strict=True)])
            + "</row>"
        )


class _Cells:
    """A value's `<c>` element as openpyxl writes it, its style indexes made once each."""

    def __init__(self, ws: WriteOnlyWorksheet, styles: CellStyles) -> None:
        book = ws.parent
        if book.iso_dates:
            raise ValueError("ISO dates are not written here")
        self._ws = ws
        self._styles = styles
        self._epoch = book.epoch
        self._serials: dict[dt.date, str] = {}
        self._looks: dict[str, int] = {}
        self._auto: dict[type, int] = {}

    def plain(self, ref: str, value: object) -> str:
        """A list value: text escaped (empty text as no value), anything else as it is."""
        if value is None:
            return ""
        if type(value) is str:
            shown = plain(value)
            return "" if shown is None else _text(ref, "", shown)
        return self._value(ref, value)

    def formatted(self, ref: str, value: object) -> str:
        """A date or decimal column's value: a date in the date format openpyxl gives it,
        anything else in a named style of its number format (text escaped)."""
        if value is None or type(value) is dt.date:
            return self.plain(ref, value)
        if isinstance(value, str):
            value = cell_text(value) or None
        style = self._looks.get(number_format(value))
        if style is None:
            look = Look(number_format(value))
            # Made with the value, as openpyxl's cell is: a time registers its own
            # format first, and the workbook's formats keep openpyxl's order.
            style = self._styles.cell(self._ws, value, look).style_id
            self._looks[look.number_format] = style
        shown = f' s="{style}"'
        if value is None:
            return f'<c r="{ref}"{shown} t="n" />'
        if isinstance(value, str):
            return _text(ref, shown, value)
        if isinstance(value, dt.date):
            return self._serial(ref, shown, value)
        return _number(ref, shown, value)

    def _value(self, ref: str, value: object) -> str:
        if isinstance(value, dt.date):
            return self._date(ref, value)
        return _number(ref, "", value)

    def _date(self, ref: str, value: dt.date) -> str:
        """A date or time in the format openpyxl picks for it."""
        kind = type(value)
        style = self._auto.get(kind)
        if style is None:
            style = self._auto[kind] = WriteOnlyCell(self._ws, value=value).style_id
        return self._serial(ref, f' s="{style}"', value)

    def _serial(self, ref: str, style: str, value: dt.date) -> str:
        """A date or time as Excel's serial number."""
        serial = self._serials.get(value)
        if serial is None:
            serial = self._serials[value] = _G % to_excel(value, self._epoch)
        return f'<c r="{ref}"{style} t="n"><v>{serial}</v></c>'


def _number(ref: str, style: str, value: object) -> str:
    if isinstance(value, bool):
        return f'<c r="{ref}"{style} t="b"><v>{value:d}</v></c>'
    if not isinstance(value, int | float | Decimal):
        raise ValueError(f"Cannot convert {value!r} to Excel")
    if not isinstance(value, int) and not math.isfinite(value):
        return f'<c r="{ref}"{style} t="n"><v /></c>'
    return f'<c r="{ref}"{style} t="n"><v>{_G % value}</v></c>'


def _text(ref: str, style: str, value: str) -> str:
    value = value[:_MAX_TEXT]
    if value in ERROR_CODES:
        return f'<c r="{ref}"{style} t="e"><v>{value}</v></c>'
    stripped = value.strip()
    space = ' xml:space="preserve"' if stripped and stripped != value else ""
    if "&" in value or "<" in value or ">" in value:
        value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'<c r="{ref}"{style} t="inlineStr"><is><t{space}>{value}</t></is></c>'
