"""Roster files for the import tests, made on the fly: good ones and every kind of bad one."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
from stdnum.cn import ric

EXCEL_EPOCH = dt.date(1899, 12, 30)
HEADERS = ["序号", "姓名", "公民身份号码", "性别", "出生日期", "村（社区）", "与户主关系",
           "户主姓名", "保障金额", "联系电话"]  # fmt: skip


def make_id(birth: dt.date, seq: int, area: str = "360428") -> str:
    body = f"{area}{birth:%Y%m%d}{seq % 1000:03d}"
    return body + ric.calc_check_digit(body + "0")


def id_ending_in_x(birth: dt.date) -> str:
    return next(n for s in range(1000) if (n := make_id(birth, s)).endswith("X"))


def serial(day: dt.date) -> int:
    return (day - EXCEL_EPOCH).days


def write_xlsx(path: Path, rows: Sequence[Sequence[Any]], *, title: str = "", sheet: str = "名单",
               hidden: Sequence[int] = ()) -> Path:  # fmt: skip
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    if title:
        ws.append([title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
        ws.append(["填报单位：梅林镇民政办", None, None, None, None, "单位：元/月"])
        ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=5)
    for row in rows:
        ws.append(list(row))
    for number in hidden:
        ws.row_dimensions[number].hidden = True
    book.save(path)
    return path


def write_csv(
    path: Path, rows: Sequence[Sequence[Any]], encoding: str = "gbk", *, delimiter: str = ","
) -> Path:
    """Rows as text; "utf-16-le-bom" and "utf-16-be-bom" put the byte-order mark first."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    codec, bom, _ = encoding.partition("-bom")
    marks = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
    path.write_bytes((marks[codec] if bom else b"") + buffer.getvalue().encode(codec))
    return path


def write_xls(path: Path, rows: Sequence[Sequence[Any]], *, sheet: str = "名单") -> Path:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet(sheet)
    ws.write_merge(0, 0, 0, len(HEADERS) - 1, "2024年特困人员名单")
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            ws.write(r, c, value)
    book.save(str(path))
    return path


def write_docx(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return path


def write_truncated(path: Path, good: Path) -> Path:
    data = good.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def write_encrypted(path: Path) -> Path:
    """The start of an OLE compound file holding an encrypted OOXML package."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    names = "EncryptionInfo".encode("utf-16-le") + b"\x00" * 50
    names += "EncryptedPackage".encode("utf-16-le") + b"\x00" * 50
    path.write_bytes(header + names + b"\x00" * 1024)
    return path


def write_zip_bomb(path: Path, good: Path, megabytes: int = 60) -> Path:
    """A real workbook whose sheet is padded with megabytes of blanks that pack to nothing."""
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<sheetData>", b"<sheetData>" + b" " * megabytes * 2**20, 1)
            out.writestr(item.filename, data)
    return path


def write_entity_bomb(path: Path, good: Path) -> Path:
    """A workbook whose sheet XML defines nested entities (billion laughs)."""
    entities = "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    )
    doctype = f'<!DOCTYPE worksheet [<!ENTITY lol0 "lol">{entities}]>'.encode()
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = doctype + data
            out.writestr(item.filename, data)
    return path
