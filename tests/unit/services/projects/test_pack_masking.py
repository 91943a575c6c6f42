"""The evidence pack's masking: names anywhere in a text, ID numbers, phones, and the walk
over the writers' dataclasses."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from app.services.projects.pack_masking import Masker

ID = "360426195203150021"


@dataclass(frozen=True)
class Inner:
    names: tuple[str, ...]
    path: Path


@dataclass(frozen=True)
class Outer:
    title: str
    day: dt.date
    rows: tuple[tuple[str, int], ...]
    inner: Inner
    extra: dict[str, list[str]]


def test_names_ids_and_phones_in_free_text_are_masked() -> None:
    masker = Masker(["林秀英", "王芳", "王芳芳", "李"])
    text = f"林秀英（{ID}，电话13812345678）与王芳芳、王芳一起来；李先生陪同。"
    assert masker.text(text) == (
        "林**（36****************，电话138****5678）与王**、王*一起来；李先生陪同。"
    )


def test_digits_that_are_no_id_number_stay() -> None:
    masker = Masker([])
    assert masker.text("服务 2026 次，编号 12345678901234567890") == (
        "服务 2026 次，编号 12345678901234567890"
    )


def test_apply_rebuilds_dataclasses_and_keeps_paths_numbers_and_dates() -> None:
    data = Outer(
        title="林秀英的档案",
        day=dt.date(2026, 5, 1),
        rows=(("林秀英", 3),),
        inner=Inner(("王芳",), Path("/photos/林秀英.jpg")),
        extra={"k": ["王芳说"]},
    )
    masked = Masker(["林秀英", "王芳"]).apply(data)
    assert masked == Outer(
        title="林**的档案",
        day=dt.date(2026, 5, 1),
        rows=(("林**", 3),),
        inner=Inner(("王*",), Path("/photos/林秀英.jpg")),
        extra={"k": ["王*说"]},
    )


def test_a_reveal_masks_nothing() -> None:
    data = Inner(("林秀英", ID), Path("x"))
    assert Masker.none().apply(data) is data
    assert Masker.none().text(ID) == ID
