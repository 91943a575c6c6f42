"""Rosters saved as text: finding the encoding and the separator of a .csv or .txt file.

Excel writes text in several ways: "CSV" in the system code page (GBK on a Chinese
Windows), "CSV UTF-8" with a byte-order mark, and "Unicode 文本" as tab-separated UTF-16
with a mark. Other programs write UTF-8 or GB18030 without one. A mark is believed
first; without one charset-normalizer judges among the encodings a mainland roster
uses. Left free to choose, it reads a two-line GBK roster as Korean (cp949).
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Sequence
from pathlib import Path

from app.domain.errors import InvalidInput
from app.services.importing.cells import Row
from app.services.importing.header import SCAN_ROWS, field_for

# UTF-32 before UTF-16: FF FE 00 00 also starts with the UTF-16 LE mark.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# GB18030 is a superset of GBK and GB2312, so one candidate reads all three.
CANDIDATES = ["utf_8", "gb18030", "utf_16_le", "utf_16_be"]
DELIMITERS = (",", "\t", ";")
_SNIFF_CHARS = 16_384


def undecodable(name: str) -> str:
    return (
        f"无法读取“{name}”：看不出它的文字编码，它可能不是文本文件。"
        "名单文本文件应为 UTF-8、GBK（GB18030）或 UTF-16 编码；"
        "也可以在 Excel 中打开名单，另存为 .xlsx 后再导入。"
    )


def decode(data: bytes, name: str) -> str:
    """The text of a roster file; `InvalidInput` naming the file when it is not text."""
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    if encoding is None:
        # Here, not at the top: ~2 MB the window would carry from the clients page on.
        import charset_normalizer

        best = charset_normalizer.from_bytes(data, cp_isolation=CANDIDATES).best()
        if best is None:
            raise InvalidInput(undecodable(name), detail="no candidate encoding fits")
        encoding = best.encoding
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        # The detector reads samples; a bad byte further on shows only when decoding it all.
        raise InvalidInput(undecodable(name), detail=f"{encoding}: {exc}") from None
    if "\x00" in text:  # NUL decodes in every candidate but no roster holds one
        raise InvalidInput(undecodable(name), detail=f"{encoding}: NUL in text")
    return text


def split(text: str) -> list[Row]:
    """The rows of a roster's text, split on the separator its header uses."""
    delimiter = _delimiter(text[:_SNIFF_CHARS])
    try:
        return [tuple(r) for r in csv.reader(io.StringIO(text), delimiter=delimiter)]
    except csv.Error as exc:
        raise InvalidInput(f"CSV 文件格式有误：{exc}") from None


def _delimiter(sample: str) -> str:
    """The separator under which the header names the most fields; else csv.Sniffer's guess.

    A comma inside an unquoted address of a tab-separated file can fool the sniffer; the
    header's names cannot.
    """
    lines = sample.splitlines()[:SCAN_ROWS]
    scores = {d: _recognised(lines, d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: scores[d])  # ties: the first, a comma
    if scores[best] > 1:
        return best
    try:
        return csv.Sniffer().sniff(sample, delimiters="".join(DELIMITERS)).delimiter
    except csv.Error:
        return max(DELIMITERS, key=lambda d: max((line.count(d) for line in lines), default=0))


def _recognised(lines: Sequence[str], delimiter: str) -> int:
    """The most fields one line names when split on `delimiter`."""
    best = 0
    try:
        for cells in csv.reader(lines, delimiter=delimiter):
            best = max(best, len({field_for(c) for c in cells} - {None}))
    except csv.Error:
        return 0
    return best


def read(path: Path, data: bytes) -> list[Row]:
    """Every row of a text roster."""
    return split(decode(data, path.name))
