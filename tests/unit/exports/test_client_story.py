"""The story PDF writer: long stories run over pages with the header on each, empty says so."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.exports.client_story import StoryFile, write_client_story
from tests import pdf_reading

LONG = "入户探访时服务对象情绪稳定，谈到子女在外地务工，希望社工帮助联系村委会安排邻里互助。" * 4


def story(rows: int) -> StoryFile:
    day = dt.date(2025, 6, 30)
    return StoryFile(
        station_name="梅林镇社工站",
        client_name="李秀英",
        cover=(("服务对象", "李秀英"), ("身份证号", "36****************")),
        rows=tuple(
            ((day - dt.timedelta(days=i)).isoformat(), "服务记录", f"入户探访（{i}）", LONG)
            for i in range(rows)
        ),
        printed_on=day,
        printed_by="王站长",
        scope="只含服务记录",
    )


def test_a_long_story_repeats_its_header_on_every_page(tmp_path: Path) -> None:
    path = write_client_story(story(120), tmp_path / "long.pdf")
    pages = pdf_reading.text(path).split("\f")
    assert len(pages) == pdf_reading.page_count(path) > 3
    header = "发生日期类型事项内容"
    assert all(header in "".join(page.split()) and "梅林镇社工站" in page for page in pages)
    flat = "".join("".join(pages).split())
    assert "入户探访（119）" in flat and "只含服务记录" in flat
    assert all(font.embedded for font in pdf_reading.fonts(path))


def test_an_empty_story_says_there_is_nothing(tmp_path: Path) -> None:
    path = write_client_story(story(0), tmp_path / "empty.pdf")
    flat = "".join(pdf_reading.text(path).split())
    assert "（无记录）" in flat and "发生日期类型" not in flat
