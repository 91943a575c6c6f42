"""Loading the translations: Chinese unless the language setting says English."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.resources import TRANSLATION, translations_dir

log = logging.getLogger(__name__)

LANGUAGE_KEY = "ui_language"
CHINESE = "zh_CN"
ENGLISH = "en"
TRANSLATIONS_DIR = translations_dir()

_installed: list[QTranslator] = []


def install_translations(app: QCoreApplication, language: str) -> bool:
    """Replace the installed translators; True when the app's own Chinese was loaded."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == ENGLISH:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return False
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    # Qt's own strings (OK, Cancel, Next, the date pickers) come from qtbase's file.
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    _load(app, f"qtbase_{CHINESE}", qt_dir)
    loaded = _load(app, TRANSLATION, str(TRANSLATIONS_DIR))
    if not loaded:
        log.warning("no compiled translation in %s (run `make translations`)", TRANSLATIONS_DIR)
    return loaded


def _load(app: QCoreApplication, name: str, directory: str) -> bool:
    translator = QTranslator(app)
    if not translator.load(name, directory):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True
