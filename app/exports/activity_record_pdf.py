"""The PDF layout of the activity record (reportlab), loaded only when one is printed."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image as PILImage
from PIL import ImageOps
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Image, Table

from app.exports.activity_record import ActivityRecord, PhotoItem
from app.exports.pdf_common import (
    FRAME_WIDTH,
    Styles,
    fields_table,
    sign_off,
    styles,
    table,
    text,
    write_pdf,
)

PHOTO_GAP = 6 * mm
PHOTO_WIDTH = (FRAME_WIDTH - PHOTO_GAP) / 2
PHOTO_HEIGHT = 70 * mm
PRINT_PIXELS = 1200  # the longer side of a photo as printed: ~300 dpi at its printed size


def write(data: ActivityRecord, path: Path) -> Path:
    st = styles()
    story: list[Flowable] = [
        text("社区活动记录表", st.title),
        text(data.title, st.h2),
        fields_table(data.fields, st),
        text("参与人数", st.h1),
        table(data.figures, [1.0] * len(data.figures[0]), st),
    ]
    for label, value in data.texts:
        story += [text(label, st.h1), text(value or "（无）", st.body)]
    if len(data.clients) > 1:
        story += [text("登记参与的服务对象", st.h1), table(data.clients, (0.6, 2.0, 2.0), st)]
    if len(data.volunteers) > 1:
        story += [text("志愿者", st.h1), table(data.volunteers, (2.0, 1.5, 1.0), st)]
    if data.photos:
        story += [CondPageBreak(PHOTO_HEIGHT + 30 * mm), text("活动照片", st.h1)]
        story += _photo_rows(data.photos, st)
    story += _signature(data, st)
    return write_pdf(
        path, story, station_name=data.station_name, title=f"社区活动记录 {data.title}",
        author=data.printed_by,
    )  # fmt: skip


def _photo(item: PhotoItem, st: Styles) -> list[Flowable]:
    """The photo scaled to fit its half of the line, keeping its proportions.

    A camera's 20 MB original would go into the PDF as it is; a copy of print size
    keeps a record with many photos small enough to send.
    """
    with PILImage.open(item.path) as original:
        picture = ImageOps.exif_transpose(original).convert("RGB")
    picture.thumbnail((PRINT_PIXELS, PRINT_PIXELS))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=85)
    buffer.seek(0)
    width, height = picture.size
    scale = min(PHOTO_WIDTH / width, PHOTO_HEIGHT / height)
    image = Image(buffer, width=width * scale, height=height * scale)
    return [image, text(item.caption, st.small)] if item.caption else [image]


def _photo_rows(photos: tuple[PhotoItem, ...], st: Styles) -> list[Flowable]:
    cells = [_photo(p, st) for p in photos]
    rows = [cells[i : i + 2] for i in range(0, len(cells), 2)]
    if len(rows[-1]) == 1:
        rows[-1].append([])
    grid = Table(
        rows,
        colWidths=[PHOTO_WIDTH + PHOTO_GAP / 2] * 2,
        style=[
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4 * mm),
        ],
        hAlign="LEFT",
    )
    return [grid]


def _signature(data: ActivityRecord, st: Styles) -> list[Flowable]:
    return sign_off(
        ("记录人", "站长"), data.printed_on, data.printed_by,
        "本记录含参与者信息与照片，请妥善保管，不得外传。", st,
    )  # fmt: skip
