"""Loading the Chinese translation: Chinese is the only interface language.

Source strings are English inside tr(); the zh_CN translation is always installed. An old
database may still hold a `ui_language` setting from when English was a choice: nothing
reads it any more.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.resources import TRANSLATION, translations_dir

log = logging.getLogger(__name__)

CHINESE = "zh_CN"
TRANSLATIONS_DIR = translations_dir()

_installed: list[QTranslator] = []
_locale_before: list[QLocale] = []


def install_translations(app: QCoreApplication) -> bool:
    """Install the Chinese translators; True when the app's own translation was loaded."""
    remove_translations(app)
    _locale_before.append(QLocale())
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    # Qt's own strings (OK, Cancel, Next, the date pickers) come from qtbase's file.
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    _load(app, f"qtbase_{CHINESE}", qt_dir)
    loaded = _load(app, TRANSLATION, str(TRANSLATIONS_DIR))
    if not loaded:
        log.warning("no compiled translation in %s (run `make translations`)", TRANSLATIONS_DIR)
    return loaded


def remove_translations(app: QCoreApplication) -> None:
    """Undo install_translations, so tests that run the whole app leave the source strings."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if _locale_before:
        QLocale.setDefault(_locale_before.pop())


def _load(app: QCoreApplication, name: str, directory: str) -> bool:
    translator = QTranslator(app)
    if not translator.load(name, directory):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True
