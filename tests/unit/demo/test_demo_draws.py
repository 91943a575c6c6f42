"""The demo's weighted draws: added up once, they draw what rng.choices draws."""

from __future__ import annotations

import random

from app.demo.people import Weights, pick


def test_prepared_weights_draw_what_choices_draws_from_the_same_stream() -> None:
    weights = {"elderly": 40, "children": 0, "disabled": 7.5, "other": 1}
    prepared = Weights(weights)
    ours, theirs = random.Random(7), random.Random(7)
    for _ in range(5_000):
        expected = theirs.choices(list(weights), weights=list(weights.values()))[0]
        assert pick(ours, prepared) == expected
    assert ours.random() == theirs.random()  # one number drawn per pick, as choices does


def test_a_mapping_given_to_pick_is_drawn_from_as_prepared_weights_are() -> None:
    weights = {5: 55, 4: 35, 3: 10}
    first, second = random.Random(3), random.Random(3)
    drawn = [pick(first, weights) for _ in range(1_000)]
    assert drawn == [pick(second, Weights(weights)) for _ in range(1_000)]
    assert set(drawn) == {5, 4, 3}
