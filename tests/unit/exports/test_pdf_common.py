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
