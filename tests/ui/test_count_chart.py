"""The dashboard's bar chart: its scale, where its bars are, and what mouse and keys open."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from app.ui.dashboard.charts import BAR_COLOUR, CountChart, scale

MONTHS = [f"{m}月" for m in range(1, 13)]
COUNTS = [15, 11, 10, 30, 36, 42, 42, 57, 47, 38, 35, 11]


@pytest.mark.parametrize(
    ("top", "axis"),
    [(0, (4, 1)), (3, (4, 1)), (15, (20, 5)), (57, (80, 20)), (155, (200, 50)), (999, (1500, 500))],
)
def test_the_value_axis_ends_above_the_tallest_bar_in_round_steps(
    top: int, axis: tuple[int, int]
) -> None:
    end, step = scale(top)
    assert (end, step) == axis
    assert end > top and end % step == 0 and end // step <= 5


def shown(qtbot: QtBot, chart: CountChart, width: int = 600, height: int = 300) -> CountChart:
    qtbot.addWidget(chart)
    chart.resize(width, height)
    chart.show()
    qtbot.waitExposed(chart)
    return chart


def test_vertical_bars_run_left_to_right_with_heights_in_proportion(qtbot: QtBot) -> None:
    chart = shown(qtbot, CountChart("近12个月服务记录"))
    chart.set_counts(MONTHS, COUNTS, [f"2026-{m:02}" for m in range(1, 13)])
    bars = [chart.bar_rect(i) for i in range(12)]
    assert all(a.right() < b.left() for a, b in itertools.pairwise(bars))
    assert bars[1].bottom() == pytest.approx(bars[0].bottom())
    tallest = bars[COUNTS.index(57)]
    assert tallest.height() == pytest.approx(bars[0].height() * 57 / 15, rel=0.01)
    assert all(chart.rect().contains(b.toRect()) for b in bars)


def test_horizontal_bars_are_drawn_top_down_in_the_order_given(qtbot: QtBot) -> None:
    chart = shown(qtbot, CountChart("在册服务对象", horizontal=True), 400, 260)
    chart.set_counts(["低保对象·农村", "高龄老人", "残疾人"], [155, 56, 26], ["a", "b", "c"])
    first, second, third = (chart.bar_rect(i) for i in range(3))
    assert first.top() < second.top() < third.top()
    assert first.width() > second.width() > third.width()
    assert first.left() == pytest.approx(third.left())


def test_a_click_on_a_bar_or_above_a_short_one_opens_its_key(qtbot: QtBot) -> None:
    chart = shown(qtbot, CountChart("在办个案"))
    chart.set_counts(["高", "中", "低"], [8, 0, 3], ["high", "medium", "low"])
    with qtbot.waitSignal(chart.picked) as picked:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.bar_rect(0).center().toPoint())
    assert picked.args == ["high"]
    # A zero is a one-pixel bar; the slot above it counts.
    above_zero = QPointF(chart.bar_rect(1).center().x(), chart.bar_rect(0).center().y())
    with qtbot.waitSignal(chart.picked) as picked:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=above_zero.toPoint())
    assert picked.args == ["medium"]
    with qtbot.assertNotEmitted(chart.picked):
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(3, 3))


def test_the_keyboard_moves_between_bars_and_opens_one(qtbot: QtBot) -> None:
    chart = shown(qtbot, CountChart("在册服务对象", horizontal=True), 400, 260)
    chart.set_counts(["甲", "乙", "丙"], [3, 2, 1], ["a", "b", "c"])
    chart.setFocus()
    qtbot.waitUntil(chart.hasFocus)
    assert chart.current == 0
    qtbot.keyClick(chart, Qt.Key.Key_Down)
    qtbot.keyClick(chart, Qt.Key.Key_Down)
    qtbot.keyClick(chart, Qt.Key.Key_Down)  # stays on the last
    with qtbot.waitSignal(chart.picked) as picked:
        qtbot.keyClick(chart, Qt.Key.Key_Return)
    assert picked.args == ["c"]
    qtbot.keyClick(chart, Qt.Key.Key_Home)
    with qtbot.waitSignal(chart.picked) as picked:
        qtbot.keyClick(chart, Qt.Key.Key_Space)
    assert picked.args == ["a"]


def test_bars_are_painted_in_their_colours(qtbot: QtBot) -> None:
    chart = shown(qtbot, CountChart("在办个案"))
    red = QColor("#c62828")
    chart.set_counts(["高（2）", "低（1）"], [2, 1], ["high", "low"], colours=[red, BAR_COLOUR])
    image = chart.grab().toImage()
    ratio = image.devicePixelRatio()
    assert image.pixelColor((chart.bar_rect(0).center() * ratio).toPoint()) == red
    assert image.pixelColor((chart.bar_rect(1).center() * ratio).toPoint()) == BAR_COLOUR
    assert chart.accessibleName() == "在办个案"
    assert chart.accessibleDescription() == "高（2）：2；低（1）：1"


def test_counts_without_a_label_or_key_each_are_refused(qtbot: QtBot) -> None:
    chart = shown(qtbot, CountChart("在办个案"))
    with pytest.raises(ValueError, match="a label, a value and a key"):
        chart.set_counts(["高"], [1, 2], ["high"])


def test_an_empty_chart_says_so(qtbot: QtBot) -> None:
    chart = shown(qtbot, CountChart("在办个案"))
    chart.set_counts([], [], [])
    image = chart.grab().toImage()
    assert not image.isNull()
    assert chart.bar_at(QPointF(chart.width() / 2, chart.height() / 2)) == -1
