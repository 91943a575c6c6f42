"""The locator finds db/ and resources/ inside an installed package, else in the checkout."""

from __future__ import annotations

from pathlib import Path

import pytest

import app.resources as located

ROOT = Path(__file__).resolve().parents[2]


def test_the_checkout_folders_hold_every_shipped_file() -> None:
    assert located.migrations_dir() == ROOT / "db"
    assert located.resources_dir() == ROOT / "resources"
    assert (located.migrations_dir() / "env.py").is_file()
    for path in (
        located.font_file(),
        located.translation_file(),
        located.stylesheet(),
        located.icon(),
    ):
        assert path.is_file() and path.stat().st_size > 0, path


def test_an_installed_package_is_preferred(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "app"
    (package / "_db").mkdir(parents=True)
    (package / "_resources").mkdir()

    class Files:
        @staticmethod
        def files(name: str) -> Path:
            assert name == "app"
            return package

    monkeypatch.setattr(located, "resources", Files)
    assert located.migrations_dir() == package / "_db"
    assert located.translation_file() == package / "_resources/translations/stationdesk_zh_CN.qm"
    (package / "_db").rmdir()  # a package without the folder: the checkout's is used
    assert located.migrations_dir() == ROOT / "db"
