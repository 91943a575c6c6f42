"""Damaged roster files: every one ends in the importer's Chinese message, never a traceback.

Good rosters (.xlsx, .xls, .csv in GBK and UTF-8) are damaged the ways files are damaged in
the field (flipped bytes, cut short, bytes inserted, a zip member garbled) and names carry
characters that cannot be stored (lone surrogates, NUL, bidi overrides). Each case goes
through the whole preview: sheets, the proposed mapping, the preview itself. Seeded, so a
failing case can be replayed; `make soak` runs 10,000 (STATIONDESK_FUZZ_CASES), `make test`
a 500-case slice.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import traceback
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from app.domain.errors import AppError
from app.services.importing.service import RosterImportService
from tests.unit.services.importing.rosters import HEADERS, make_id, write_csv, write_xls, write_xlsx

CASES = int(os.environ.get("STATIONDESK_FUZZ_CASES", "500"))
SEED = int(os.environ.get("STATIONDESK_FUZZ_SEED", "20261203"))
TODAY = dt.date(2025, 6, 30)
ODD_TEXT = ["张\ud800三", "李\x00四", "王\u202e五", "赵\x07六", "\udfff", "钱\u2066七\u2069"]


def _rows(rng: random.Random, names: list[str]) -> list[list[object]]:
    rows: list[list[object]] = [list(HEADERS)]
    for n, name in enumerate(names, start=1):
        birth = dt.date(1940 + rng.randrange(60), 1 + rng.randrange(12), 1 + rng.randrange(28))
        rows.append(
            [
                n,
                name,
                make_id(birth, n),
                "女" if n % 2 else "男",
                birth.isoformat(),
                "梅林村",
                "户主",
                name,
                560,
                f"1380013{n:04d}",
            ]
        )
    return rows


def _good_files(folder: Path, rng: random.Random) -> list[Path]:
    names = [f"张秀{chr(0x4E00 + rng.randrange(2000))}" for _ in range(20)]
    rows = _rows(rng, names)
    return [
        write_xlsx(folder / "good.xlsx", rows, title="2025年农村低保名单"),
        write_xls(folder / "good.xls", rows),
        write_csv(folder / "good-gbk.csv", rows, encoding="gbk"),
        write_csv(folder / "good-utf8.csv", rows, encoding="utf-8-sig"),
    ]


def _flip(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def _cut(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(1, len(data))]


def _insert(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data))
    return data[:at] + rng.randbytes(rng.randint(1, 64)) + data[at:]


def _garble_member(path: Path, rng: random.Random, target: Path) -> None:
    """Rewrite one zip member of an .xlsx with damaged bytes, the zip itself intact."""
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        items = src.infolist()
        victim = rng.choice(items).filename
        for item in items:
            data = src.read(item)
            out.writestr(item.filename, _flip(data, rng) if item.filename == victim else data)


def _odd_names(folder: Path, rng: random.Random, n: int) -> Path:
    """A roster whose names carry characters a database cannot or must not store."""
    names = [rng.choice(ODD_TEXT) if i % 3 == 0 else f"孙{i}" for i in range(12)]
    rows = _rows(rng, names)
    kind = n % 3
    if kind == 0:
        path = folder / f"odd{n}.csv"
        text = "\n".join(",".join(str(c) for c in row) for row in rows)
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        return path
    # xlwt cannot write lone surrogates; the other odd characters go in
    plain = [[str(c).replace("\ud800", "").replace("\udfff", "") for c in row] for row in rows]
    if kind == 1:
        return write_xls(folder / f"odd{n}.xls", plain)
    return write_csv(folder / f"odd{n}.csv", plain, encoding="gb18030")


def _case(n: int, rng: random.Random, good: list[Path], folder: Path) -> Path:
    source = rng.choice(good)
    target = folder / f"case{n}{source.suffix}"
    way = rng.randrange(5)
    if way == 4:
        return _odd_names(folder, rng, n)
    if way == 3 and source.suffix == ".xlsx":
        _garble_member(source, rng, target)
        return target
    damage: Callable[[bytes, random.Random], bytes] = [_flip, _cut, _insert, _flip][way]
    target.write_bytes(damage(source.read_bytes(), rng))
    return target


def _preview(importer: RosterImportService, path: Path) -> None:
    sheet = importer.sheets(path)[0]
    proposal = importer.propose_mapping(path, sheet)
    importer.preview(
        path, sheet=sheet, header_row=proposal.header_row, columns=proposal.columns,
        category="dibao_rural", import_date=TODAY,
    )  # fmt: skip


@pytest.mark.slow
def test_damaged_rosters_end_in_a_chinese_message(
    importer: RosterImportService, tmp_path: Path
) -> None:
    rng = random.Random(SEED)
    good = _good_files(tmp_path, rng)
    for path in good:
        _preview(importer, path)  # the undamaged files import
    tracebacks: list[str] = []
    refused = 0
    for n in range(CASES):
        path = _case(n, rng, good, tmp_path)
        try:
            _preview(importer, path)
        except AppError as exc:
            refused += 1
            assert exc.message and not exc.message.isascii(), exc.message
        except Exception:
            tracebacks.append(f"case {n} ({path.name}):\n{traceback.format_exc()}")
        path.unlink(missing_ok=True)
    assert tracebacks == [], f"{len(tracebacks)} of {CASES} cases ended in a traceback"
    assert refused > CASES // 10  # the damage is real: many files are refused
