"""The report sheets' rows written straight as worksheet XML.

openpyxl makes, checks and serialises a cell object for every value (about 12 µs each
without lxml), and a busy month's detail lists hold some 30,000 values: most of the time
of the whole report went there. The rows are written here as the very XML openpyxl
writes for such values (inline strings, numbers, dates in their format, the same named
styles and style indexes, made in the same order), and put into the sheet's file once
openpyxl has written its frame: column widths and frozen panes above the rows, filter and
print setup below. The file is openpyxl's own (`WriteOnlyWorksheet._writer.out`), the one
private name used. A list export (list_xlsx.py) puts its rows in the same way, spooled to
a temporary file as they come. tests/unit/exports/test_report_sheet_xml.py writes the same values
both ways and compares the files byte for byte.
"""

from __future__ import annotations

import datetime as dt
import math
import tempfile
import weakref
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
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
Styled = tuple[object, Look | None]
"""A value and its look; None: as openpyxl writes a bare value."""


class SheetRows:
    """The rows of a write-only sheet, kept as XML until `close` puts them in.

    openpyxl writes the sheet's top (widths, frozen panes) and tail (filter, print setup)
    around them when the sheet is closed: give it those before the first row.
    """

    def __init__(self, ws: WriteOnlyWorksheet, styles: CellStyles) -> None:
        self._ws = ws
        self._cells = _Cells(ws, styles)
        self._rows: list[str] = []
        self._letters: list[str] = []
        _OPEN.setdefault(ws.parent, []).append(self)

    def blank(self) -> None:
        self._rows.append(f'<row r="{len(self._rows) + 1}"></row>')

    def add(self, values: Sequence[Styled]) -> None:
        """A row of values, each in its look (a named style) or bare."""
        row = str(len(self._rows) + 1)
        letters = self._columns(len(values))
        styled = self._cells.styled
        self._rows.append(
            f'<row r="{row}">'
            + "".join([styled(letters[n] + row, v, look) for n, (v, look) in enumerate(values)])
            + "</row>"
        )

    def list_rows(self, formatted: Sequence[bool], rows: Iterable[Sequence[object]]) -> None:
        """A detail list's rows: a `formatted` column (a date or decimal column) gives each
        value its number format as a named style; the others hold text as escaped text
        (empty text as no value) and numbers bare."""
        cells = self._cells
        writers: list[Writer] = [cells.formatted if f else cells.plain for f in formatted]
        columns = list(zip(self._columns(len(formatted)), writers, strict=False))
        append = self._rows.append
        for values in rows:
            row = str(len(self._rows) + 1)
            append(
                f'<row r="{row}">'
                + "".join([w(c + row, v) for (c, w), v in zip(columns, values, strict=True)])
                + "</row>"
            )

    def close(self) -> None:
        """Close the sheet and put the rows in, where openpyxl wrote its empty sheetData."""
        self._ws.close()
        _splice(self._ws, (_encoded(row) for row in self._rows))
        self._rows = []

    def _columns(self, count: int) -> list[str]:
        return _letters(self._letters, count)


class SpooledRows:
    """A list sheet's rows below the ones openpyxl wrote (its title and header), each
    written as XML to a temporary file as it comes: a list may hold 100,000 rows, which
    are not kept in memory. Text is escaped (empty text as no value), anything else as
    openpyxl writes it; `close` puts them into the sheet."""

    def __init__(self, ws: WriteOnlyWorksheet, first_row: int) -> None:
        self._ws = ws
        self._plain = _Cells(ws, CellStyles(ws.parent)).plain
        self._row = first_row
        self._letters: list[str] = []
        self._spool = tempfile.TemporaryFile()  # noqa: SIM115  (closed by close or discard)

    def add(self, values: Sequence[object]) -> None:
        row = str(self._row)
        self._row += 1
        plain = self._plain
        letters = _letters(self._letters, len(values))
        cells = "".join([plain(c + row, v) for c, v in zip(letters, values, strict=False)])
        self._spool.write(_encoded(f'<row r="{row}">{cells}</row>'))

    def close(self) -> None:
        self._ws.close()
        spool = self._spool
        spool.seek(0)
        try:
            _splice(self._ws, iter(lambda: spool.read(1 << 20), b""))
        finally:
            spool.close()

    def discard(self) -> None:
        """Finish the sheet without the rows (cancelled or failed): openpyxl's stream
        would fail later on a closed file when collected."""
        self._ws.close()
        self._spool.close()


def _letters(known: list[str], count: int) -> list[str]:
    while len(known) < count:
        known.append(get_column_letter(len(known) + 1))
    return known


def _encoded(row: str) -> bytes:
    # As openpyxl's stream writes: a lone surrogate as a character reference.
    return row.encode("utf-8", "xmlcharrefreplace")


def _splice(ws: WriteOnlyWorksheet, rows: Iterable[bytes]) -> None:
    """Put `rows` at the end of the closed sheet's sheetData."""
    with Path(ws._writer.out).open("r+b") as out:
        written = out.read()
        end = written.rindex(_END)
        out.seek(end)
        out.writelines(rows)
        out.write(written[end:])


_OPEN: weakref.WeakKeyDictionary[Workbook, list[SheetRows]] = weakref.WeakKeyDictionary()


def close_sheets(book: Workbook) -> None:
    """Put every sheet's rows in: before the workbook is saved."""
    for sheet in _OPEN.pop(book, []):
        sheet.close()


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
        self._tails: dict[object, str] = {}
        """Text, dates and whole numbers (never True: its hash is 1's) of a list."""
        self._looks: dict[Look, str] = {}
        self._auto: dict[type, int] = {}

    def plain(self, ref: str, value: object) -> str:
        """A list value: text escaped (empty text as no value), anything else as it is.
        A list repeats its names, places and dates: each one's XML is made once."""
        kind = type(value)
        if kind is str or kind is dt.date or kind is int:
            tail = self._tails.get(value)
            if tail is None:
                tail = self._tails[value] = self._tail(value)
            return f'<c r="{ref}"{tail}' if tail else ""
        if value is None:
            return ""
        return self._value(ref, value)

    def _tail(self, value: object) -> str:
        """The cell's XML after its reference ("" for none)."""
        if type(value) is str:
            shown = plain(value)
            return "" if shown is None else _text_tail("", shown)
        return self._value("", value).removeprefix('<c r=""')

    def formatted(self, ref: str, value: object) -> str:
        """A date or decimal column's value: a date in the date format openpyxl gives it,
        anything else in a named style of its number format (text escaped)."""
        if value is None or type(value) is dt.date:
            return self.plain(ref, value)
        if isinstance(value, str):
            value = cell_text(value) or None
        return self.styled(ref, value, Look(number_format(value)))

    def styled(self, ref: str, value: object, look: Look | None) -> str:
        """A value in `look` (its named style), or bare as openpyxl writes it."""
        if look is None:
            if value is None:
                return ""
            if type(value) is str:
                return _text(ref, "", value)
            return self._value(ref, value)
        style = self._style(look, value)
        if value is None:
            return f'<c r="{ref}"{style} t="n" />'
        if isinstance(value, str):
            return _text(ref, style, value)
        if isinstance(value, dt.date):
            return self._serial(ref, style, value)
        return _number(ref, style, value)

    def _style(self, look: Look, value: object) -> str:
        """The look's style index, as its first cell's attribute. Made with the value, as
        openpyxl's cell is: a date or time registers its own format first, and the
        workbook's formats keep openpyxl's order."""
        style = self._looks.get(look)
        if style is None:
            index = self._styles.cell(self._ws, value, look).style_id
            style = self._looks[look] = f' s="{index}"'
        return style

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
    return f'<c r="{ref}"{_text_tail(style, value)}'


def _text_tail(style: str, value: str) -> str:
    if not value:
        return f'{style} t="inlineStr" />'
    value = value[:_MAX_TEXT]
    if value in ERROR_CODES:
        return f'{style} t="e"><v>{value}</v></c>'
    stripped = value.strip()
    space = ' xml:space="preserve"' if stripped and stripped != value else ""
    if "&" in value or "<" in value or ">" in value:
        value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'{style} t="inlineStr"><is><t{space}>{value}</t></is></c>'
