"""Where the files shipped beside the code are: db/ (migrations) and resources/ (font, style,
translation, icon, the user guide).

A wheel (setup.py) and the PyInstaller build (build_spec/stationdesk.spec) carry them inside
the package as app/_db and app/_resources; a checkout has them at the repository's top.
Nothing here imports Qt, so every layer may ask.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent

FONT_FILE = "wqy-microhei.ttc"
TRANSLATION = "stationdesk_zh_CN"


def _find(packaged: str, checkout: str) -> Path:
    found = resources.files("app").joinpath(packaged)
    # A real folder is needed: Qt and Alembic open these files by path.
    if isinstance(found, Path) and found.is_dir():
        return found
    return _CHECKOUT / checkout


def migrations_dir() -> Path:
    """Alembic's script location (env.py and versions/)."""
    return _find("_db", "db")


def resources_dir() -> Path:
    return _find("_resources", "resources")


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def font_file() -> Path:
    """The CJK font embedded in PDFs (WenQuanYi Micro Hei)."""
    return fonts_dir() / FONT_FILE


def translations_dir() -> Path:
    return resources_dir() / "translations"


def translation_file() -> Path:
    """The compiled Chinese translation of the window's strings."""
    return translations_dir() / f"{TRANSLATION}.qm"


def help_dir() -> Path:
    """The user guide's pages (Markdown), shown by the help window on F1."""
    return resources_dir() / "help"


def stylesheet() -> Path:
    return resources_dir() / "styles" / "stationdesk.qss"


def icon() -> Path:
    return resources_dir() / "icons" / "stationdesk.png"
