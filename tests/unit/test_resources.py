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


def test_the_user_guide_is_found_and_every_page_has_a_title_and_text() -> None:
    from app.ui.help.guide import load_pages

    folder = located.help_dir()
    assert folder == ROOT / "resources" / "help"
    pages = load_pages()
    assert [page.file_name for page in pages] == sorted(p.name for p in folder.glob("*.md"))
    assert [page.title for page in pages] == [
        "第一次启动", "登记服务对象", "开个案和结案", "小组工作", "社区活动与走访",
        "月报与月结", "补录（发生日期）", "备份与恢复", "导入名单", "常见问题",
        "数据包（离线站点与县里交换数据）", "第三方评估与整改",
    ]  # fmt: skip
    for page in pages:
        body = page.text.split("\n", 1)[1]
        assert len(body.strip()) > 500, page.file_name


def test_the_wheel_and_the_desktop_build_carry_the_guide() -> None:
    setup = (ROOT / "setup.py").read_text(encoding="utf-8")
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    spec = (ROOT / "build_spec" / "stationdesk.spec").read_text(encoding="utf-8")
    assert '"help")' in setup
    assert '"app._resources.help" = ["*.md"]' in pyproject
    assert '("help", "*.md")' in spec


def test_the_guide_for_support_staff_links_every_page() -> None:
    guide = (ROOT / "docs" / "user-guide.md").read_text(encoding="utf-8")
    for path in sorted(located.help_dir().glob("*.md")):
        assert f"(../resources/help/{path.name})" in guide, path.name
