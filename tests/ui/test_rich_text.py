"""The window's own HTML escaping does what the standard library's does."""

from __future__ import annotations

import html

import pytest

from app.ui.widgets.rich_text import escape


@pytest.mark.parametrize(
    "text",
    ["", "张桂兰", "a < b && c > d", "\"引号\" 'single'", "<b>粗</b>\n第二行", "&amp; already"],
)
def test_escape_matches_the_standard_library(text: str) -> None:
    assert escape(text) == html.escape(text)
