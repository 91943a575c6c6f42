"""The PDF reading helper tells an embedded font from a missing one and sees each image drawn."""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

from app.exports.fonts import register_cjk_font
from tests import pdf_reading


def test_fonts_embedded_or_not(tmp_path: Path) -> None:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "fonts.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFont("Helvetica", 12)
    canvas.drawString(72, 800, "Station Desk")
    canvas.setFont("STSong-Light", 12)
    canvas.drawString(72, 780, "宋体不嵌入")
    canvas.showPage()
    canvas.setFont(register_cjk_font(), 12)
    canvas.drawString(72, 800, "文泉驿微米黑")
    canvas.save()
    fonts = {font.name.split("-")[0]: font.embedded for font in pdf_reading.fonts(path)}
    assert fonts == {"Helvetica": False, "STSong": False, "WenQuanYiMicroHei": True}
    text = pdf_reading.text(path)
    assert text.split("\f")[1].strip() == "文泉驿微米黑"
    assert pdf_reading.page_count(path) == 2


def test_images_in_drawing_order(tmp_path: Path) -> None:
    wide, tall = tmp_path / "wide.png", tmp_path / "tall.png"
    Image.new("RGB", (40, 20), "red").save(wide)
    Image.new("RGB", (10, 30), "blue").save(tall)
    path = tmp_path / "images.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    canvas.drawImage(str(tall), 72, 600)
    canvas.drawImage(str(wide), 72, 700)
    canvas.showPage()
    canvas.drawImage(str(tall), 72, 600)
    canvas.save()
    assert pdf_reading.image_sizes(path) == [(10, 30), (40, 20), (10, 30)]
    png = pdf_reading.render_first_page(path, tmp_path / "page.png")
    with Image.open(png) as page:
        assert page.size == (math.ceil(A4[0] * 50 / 72), math.ceil(A4[1] * 50 / 72))
        assert len(page.convert("RGB").getcolors(maxcolors=1000) or ()) > 2  # white, red, blue
