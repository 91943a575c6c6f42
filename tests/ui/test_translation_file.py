"""The committed .qm is current: every translation in the .ts comes out of it.

The .qm is committed so that a wheel and a checkout without `make` show Chinese; after
editing the .ts, `make translations` rebuilds it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtCore import QTranslator

from app.resources import translation_file

TS = translation_file().with_suffix(".ts")


def test_the_compiled_translation_matches_the_ts() -> None:
    translator = QTranslator()
    assert translator.load(str(translation_file()))
    stale = []
    count = 0
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            assert translation is not None
            forms = [form.text or "" for form in translation.iter("numerusform")]
            plural = message.get("numerus") == "yes"
            expected = forms[0] if plural else translation.text or ""
            got = translator.translate(name, source, None, 2 if plural else -1)
            count += 1
            if got != expected:
                stale.append((name, source, got, expected))
    assert count > 1000
    assert not stale, f"run `make translations`: {stale[:5]}"
