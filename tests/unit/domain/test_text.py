"""Hidden controls: refused in names, removed from notes."""

from __future__ import annotations

import pytest

from app.domain.errors import InvalidInput
from app.domain.text import has_hidden, plain, without_hidden


@pytest.mark.parametrize(
    "name",
    ["张\x00三", "李\u202e四", "王\u2066五\u2069", "赵\x07六", "钱\ud800", "孙\ufeff七", "周\x85"],
)
def test_names_with_hidden_controls_are_refused(name: str) -> None:
    assert has_hidden(name)
    with pytest.raises(InvalidInput, match="控制字符") as caught:
        plain(name, label="姓名", field="name")
    assert caught.value.field == "name"


@pytest.mark.parametrize("name", ["张三", "欧阳秀英", "Mary Li", "阿依古丽·买买提", "李 四"])
def test_ordinary_names_pass(name: str) -> None:
    assert plain(name, label="姓名") == name


def test_notes_keep_lines_and_tabs_and_lose_controls() -> None:
    assert without_hidden("第一行\n第二行\t完\u202e\x00") == ("第一行\n第二行\t完", 2)
    assert without_hidden("无异常") == ("无异常", 0)
