"""The fixed vocabularies of app/domain/codes.py."""

from __future__ import annotations

import pytest

from app.domain.codes import COMMUNITY, VILLAGE, village_kind


@pytest.mark.parametrize(
    ("name", "kind"),
    [("梅林村", VILLAGE), ("河口社区", COMMUNITY), ("城关居委会", COMMUNITY), ("东山", VILLAGE)],
)
def test_village_kind_follows_the_name(name: str, kind: str) -> None:
    assert village_kind(name) == kind
