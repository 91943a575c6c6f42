"""The embedded CJK font for PDFs (WenQuanYi Micro Hei, see resources/fonts/LICENSE-*).

reportlab's built-in CID font STSong-Light is not embedded, so a viewer without the
Chinese language pack shows blank pages; a TrueType-outlined font embeds as a subset.
"""

from __future__ import annotations

import sys
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_NAME = "WQYMicroHei"
FONT_FILE = "wqy-microhei.ttc"


def fonts_dir() -> Path:
    """resources/fonts in the source tree, or inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) if bundle else Path(__file__).resolve().parents[2]
    return root / "resources" / "fonts"


def register_cjk_font() -> str:
    """Register the font once and return its reportlab name."""
    if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
        # The .ttc holds two faces; index 0 is the proportional Micro Hei.
        pdfmetrics.registerFont(TTFont(FONT_NAME, str(fonts_dir() / FONT_FILE), subfontIndex=0))
    return FONT_NAME
