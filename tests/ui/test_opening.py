"""The opening's thread: the database, the window's code, then the first page's statements."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.services.context import Actor
from app.store.engine import Database
from app.ui.opening import Opening


def test_while_nobody_signs_in_the_first_page_s_statements_are_prepared(
    db: Database, db_path: Path, admin: Actor, caplog: pytest.LogCaptureFixture
) -> None:
    db.dispose()
    with caplog.at_level("DEBUG", logger="app.start"):
        opening = Opening(str(db_path), db_path)
        opening.wait()
        assert opening.database.result() is not None and opening.window_ready.done()
        opening._thread.join(timeout=60)
    steps = [r.step for r in caplog.records if r.name == "app.start"]  # type: ignore[attr-defined]
    assert steps == ["database open", "window code loaded", "first page's statements prepared"]
    opening.database.result().dispose()
