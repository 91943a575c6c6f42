"""The shared PDF pieces: what a paragraph shows is what the record holds."""

from __future__ import annotations

from pathlib import Path

from app.exports.pdf_common import styles, text, write_pdf
from tests import pdf_reading


def test_a_bidi_override_in_a_name_never_reaches_the_page(tmp_path: Path) -> None:
    st = styles()
    path = write_pdf(
        tmp_path / "page.pdf",
        [text("服务对象：王\u202e五六\x00七", st.body)],
        station_name="梅林镇社工站",
        title="测试",
    )
    shown = pdf_reading.text(path)
    assert "王五六七" in shown
    assert "\u202e" not in shown and "\x00" not in shown


def test_a_paragraph_wrapped_again_keeps_the_lines_of_that_width() -> None:
    """A table wraps each cell twice (row height, then drawing): the second wrap at the
    same width reuses the lines; another width breaks them afresh."""
    st = styles()
    words = "梅林镇社工站本月个案服务记录较上月增加，入户探访与电话跟进并重" * 3
    cell = text(words, st.cell)
    wide, narrow = cell.wrap(400, 1000), cell.wrap(120, 1000)
    assert narrow[1] > wide[1]
    assert cell.wrap(400, 1000) == wide == text(words, st.cell).wrap(400, 1000)
    lines = len(cell.blPara.lines)
    assert cell.wrap(120, 50) == narrow and len(cell.blPara.lines) > lines


def test_a_paragraph_whose_split_dropped_its_lines_breaks_them_again() -> None:
    """A cell with no room left on a page loses its lines (reportlab's split) and is
    wrapped again on the next page at the same width."""
    st = styles()
    cell = text("个案服务记录" * 20, st.cell)
    size = cell.wrap(200, 1000)
    assert cell.split(200, 5) == [] and not hasattr(cell, "blPara")
    assert cell.wrap(200, 1000) == size and cell.blPara.lines
