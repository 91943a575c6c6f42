"""Reading roster files: .xlsx, old .xls and text (.csv, .txt), refusing unsafe ones.

python-calamine reads both Excel formats (openpyxl cannot read .xls and, measured on a
50,000-row roster, needs 25 s where calamine needs 1.6 s). It never runs formulas: a
formula cell gives the value Excel saved with it. Before calamine sees an .xlsx, every
zip member is decompressed once under a size cap (a lying header fails its CRC) and
checked for a DOCTYPE, so a zip bomb or an entity bomb is refused within a memory bound.
calamine itself runs in a child process (isolation.py): a damaged file that makes it ask
for gigabytes or abort costs the child, and the user gets the damaged-file message.
"""

from __future__ import annotations

import hashlib
import zipfile
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.errors import InvalidInput
from app.services.importing import text_files
from app.services.importing.cells import Cell, Row
from app.services.importing.isolation import DAMAGED_MESSAGE, run_isolated

if TYPE_CHECKING:
    import python_calamine

# python_calamine is imported in the reading child's functions only (isolation.py): the
# window that shows the import dialog never reads a sheet itself.

__all__ = ["Cell", "Row", "file_hash", "read_rows", "sheet_names"]

MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 100  # an ordinary sheet packs 5-20 times; zip bombs pack thousands of times
RATIO_FLOOR = 1024 * 1024  # tiny members may pack well without harm
MAX_MEMBERS = 5_000
MAX_ROWS = 200_000
CHUNK = 1024 * 1024

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_TEXT_SUFFIXES = {".csv", ".txt"}
_ENCRYPTED_MARKS = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))

PASSWORD_MESSAGE = "这个工作簿设置了打开密码，无法读取。请在 Excel 中取消密码、另存后再导入。"
BOMB_MESSAGE = "文件解压后过大或压缩比异常，可能是恶意文件，已拒绝读取。"


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


def sheet_names(path: Path) -> list[str]:
    """The visible worksheets of an Excel file; a CSV file has one, named after the file."""
    kind = _kind(path)
    if kind == "csv":
        # Decoded now, so a file that is not text is refused when it is chosen.
        text_files.decode(path.read_bytes(), path.name)
        return [path.stem]
    names = run_isolated(_excel_sheet_names, str(path))
    if not names:
        raise InvalidInput("文件中没有可见的工作表。")
    return names


def _excel_sheet_names(path: str) -> list[str]:
    import python_calamine

    book = _open_book(path)
    try:
        return [
            m.name
            for m in book.sheets_metadata
            if m.typ == python_calamine.SheetTypeEnum.WorkSheet
            and m.visible == python_calamine.SheetVisibleEnum.Visible
        ]
    finally:
        book.close()


def read_rows(path: Path, sheet: str) -> list[Row]:
    """Every row of the sheet from row 1, cells as Excel stored them (text files: text)."""
    csv_file = _kind(path) == "csv"
    rows = (
        text_files.read(path, path.read_bytes())
        if csv_file
        else run_isolated(_excel_rows, str(path), sheet)
    )
    if len(rows) > MAX_ROWS:
        raise InvalidInput(f"名单超过 {MAX_ROWS} 行，请拆分成几个文件分别导入。")
    if not any(any(_filled(c) for c in row) for row in rows):
        raise InvalidInput(f"工作表“{sheet}”是空的，没有可导入的内容。")
    return rows


def _excel_rows(path: str, sheet: str) -> list[Row]:
    import python_calamine

    book = _open_book(path)
    try:
        return [tuple(r) for r in book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)]
    except python_calamine.WorksheetNotFound:
        raise InvalidInput(f"文件中没有名为“{sheet}”的工作表。") from None
    except python_calamine.PasswordError:
        raise InvalidInput(PASSWORD_MESSAGE) from None
    except python_calamine.CalamineError as exc:
        raise InvalidInput(DAMAGED_MESSAGE, detail=str(exc)) from None
    finally:
        book.close()


def _filled(cell: Cell) -> bool:
    return cell is not None and cell != ""


def _kind(path: Path) -> str:
    """ "xlsx", "xls" or "csv" after the safety checks, else a Chinese `InvalidInput`."""
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(8)
    except FileNotFoundError:
        raise InvalidInput(f"找不到文件：{path}") from None
    except OSError as exc:
        raise InvalidInput(f"无法打开文件（{exc.strerror}），文件可能正被其他程序占用。") from None
    if size == 0:
        raise InvalidInput("文件是空的（0 字节），没有可导入的内容。")
    if size > MAX_FILE_BYTES:
        raise InvalidInput(f"文件超过 {MAX_FILE_BYTES // 1024 // 1024} MB，请拆分后再导入。")
    if head.startswith(_ZIP_MAGIC):
        _check_zip(path)
        return "xlsx"
    if head.startswith(_OLE_MAGIC):
        data = path.read_bytes()
        if any(mark in data for mark in _ENCRYPTED_MARKS):
            raise InvalidInput(PASSWORD_MESSAGE)
        if "Workbook".encode("utf-16-le") not in data and "Book".encode("utf-16-le") not in data:
            raise InvalidInput(
                "这是 Word 或其他 Office 文档，不是 Excel 表格。请选择名单的表格文件。"
            )
        return "xls"
    if path.suffix.lower() in _TEXT_SUFFIXES:
        return "csv"
    if head.startswith(b"PK"):
        raise InvalidInput(DAMAGED_MESSAGE)
    raise InvalidInput("这不是 Excel 表格或 CSV 文件，请选择 .xlsx、.xls 或 .csv 格式的名单。")


def _check_zip(path: Path) -> None:
    """Refuse a damaged zip, a non-workbook, a zip bomb and XML with entity definitions."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            names = {m.filename for m in members}
            if "xl/workbook.xml" not in names:
                if "word/document.xml" in names:
                    raise InvalidInput(
                        "这是 Word 文档（.docx），不是 Excel 表格。请选择名单的表格文件。"
                    )
                if "EncryptedPackage" in names:
                    raise InvalidInput(PASSWORD_MESSAGE)
                raise InvalidInput("这个压缩文件不是 Excel 表格，请选择 .xlsx、.xls 或 .csv 文件。")
            if len(members) > MAX_MEMBERS:
                raise InvalidInput(BOMB_MESSAGE)
            total = 0
            for m in members:
                total += m.file_size
                packed = max(m.compress_size, 1)
                if m.file_size > RATIO_FLOOR and m.file_size / packed > MAX_RATIO:
                    raise InvalidInput(BOMB_MESSAGE)
            if total > MAX_UNPACKED_BYTES:
                raise InvalidInput(BOMB_MESSAGE)
            for m in members:
                _check_member(archive, m)
    except zipfile.BadZipFile:
        raise InvalidInput(DAMAGED_MESSAGE) from None
    except (EOFError, zlib.error, zipfile.LargeZipFile, NotImplementedError, ValueError):
        # zlib.error: a damaged deflate stream; ValueError: a damaged header field
        raise InvalidInput(DAMAGED_MESSAGE) from None


def _check_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
    # Reading to the end checks the CRC, so a header that understates the size fails.
    seen = 0
    with archive.open(member) as stream:
        first = stream.read(4096)
        if member.filename.endswith((".xml", ".rels")) and b"<!doctype" in first.lower():
            raise InvalidInput("文件中含有不安全的 XML 实体定义，已拒绝读取。")
        seen = len(first)
        while block := stream.read(CHUNK):
            seen += len(block)
            if seen > MAX_UNPACKED_BYTES:
                raise InvalidInput(BOMB_MESSAGE)


def _open_book(path: str) -> python_calamine.CalamineWorkbook:
    import python_calamine

    try:
        return python_calamine.CalamineWorkbook.from_path(path)
    except python_calamine.PasswordError:
        raise InvalidInput(PASSWORD_MESSAGE) from None
    except python_calamine.CalamineError as exc:
        text = str(exc).lower()
        if "password" in text or "encrypt" in text:
            raise InvalidInput(PASSWORD_MESSAGE) from None
        raise InvalidInput(DAMAGED_MESSAGE, detail=str(exc)) from None
