"""Reading the app's PDFs back in tests with pip libraries (no poppler-utils needed).

pypdfium2 (PDFium, as in Chrome) gives the text a line at a line, the images in the order
they are drawn and a page rendered to PNG; pypdf reads the font dictionaries.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
from pypdf import PdfReader
from pypdf.generic import DictionaryObject


def text(path: Path) -> str:
    """Every page's text, lines in reading order, pages separated by a form feed."""
    document = pdfium.PdfDocument(path)
    try:
        pages = (page.get_textpage().get_text_bounded() for page in document)
        return "\f".join(page.replace("\r\n", "\n") for page in pages)
    finally:
        document.close()


def page_count(path: Path) -> int:
    return len(PdfReader(path).pages)


def image_sizes(path: Path) -> list[tuple[int, int]]:
    """Pixel size of every image drawn, page by page in drawing order."""
    document = pdfium.PdfDocument(path)
    try:
        return [
            tuple(image.get_px_size())
            for page in document
            for image in page.get_objects(filter=[pdfium_raw.FPDF_PAGEOBJ_IMAGE], max_depth=5)
        ]
    finally:
        document.close()


def render_first_page(path: Path, png: Path, dpi: int = 50) -> Path:
    document = pdfium.PdfDocument(path)
    try:
        document[0].render(scale=dpi / 72).to_pil().save(png)
    finally:
        document.close()
    return png


@dataclass(frozen=True)
class Font:
    name: str  # the base font name without a subset prefix ("AAAAAA+")
    embedded: bool


def fonts(path: Path) -> list[Font]:
    """Every font the pages use, once each: its name and whether its outlines are in the file."""
    found: dict[int | str, Font] = {}
    for page in PdfReader(path).pages:
        _collect(page.get("/Resources"), found)
    return list(found.values())


def _collect(resources: object, found: dict[int | str, Font]) -> None:
    resources = _resolve(resources)
    if not isinstance(resources, DictionaryObject):
        return
    for ref in _resolve(resources.get("/Font", DictionaryObject())).values():
        font = _resolve(ref)
        key = getattr(ref, "idnum", None) or str(font.get("/BaseFont"))
        found.setdefault(key, _describe(font))
    for ref in _resolve(resources.get("/XObject", DictionaryObject())).values():
        xobject = _resolve(ref)
        if xobject.get("/Subtype") == "/Form":  # forms carry resources of their own
            _collect(xobject.get("/Resources"), found)


def _describe(font: DictionaryObject) -> Font:
    name = str(font.get("/BaseFont", "")).lstrip("/")
    described = font
    if font.get("/Subtype") == "/Type0":
        descendants: Any = font["/DescendantFonts"]
        described = _resolve(descendants[0])
    descriptor = _resolve(described.get("/FontDescriptor")) or DictionaryObject()
    embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    return Font(name.split("+", 1)[-1], embedded)


def _resolve(value: object) -> DictionaryObject:
    resolved = value.get_object() if hasattr(value, "get_object") else value
    return cast(DictionaryObject, resolved)
