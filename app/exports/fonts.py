"""The embedded CJK font for PDFs (WenQuanYi Micro Hei, see resources/fonts/LICENSE-*).

reportlab's built-in CID font STSong-Light is not embedded, so a viewer without the
Chinese language pack shows blank pages; a TrueType-outlined font embeds as a subset.
"""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.resources import font_file

FONT_NAME = "WQYMicroHei"


def register_cjk_font() -> str:
    """Register the font once and return its reportlab name."""
    if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
        # The .ttc holds two faces; index 0 is the proportional Micro Hei.
        pdfmetrics.registerFont(TTFont(FONT_NAME, str(font_file()), subfontIndex=0))
    return FONT_NAME
