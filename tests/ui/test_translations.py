"""Every visible string has its Chinese translation in the committed .ts file.

lupdate collects the strings of app/ui into a copy of the committed file: a string that
is new (missing from the committed file) or still unfinished there fails the test.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "resources" / "translations" / "stationdesk_zh_CN.ts"


def lupdate() -> str:
    beside = Path(sys.executable).with_name("pyside6-lupdate")
    found = str(beside) if beside.exists() else shutil.which("pyside6-lupdate")
    assert found, "pyside6-lupdate is missing (it comes with PySide6)"
    return found


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    found: dict[tuple[str, str], ET.Element] = {}
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            found[(name, message.findtext("source", ""))] = message
    return found


def translated_text(message: ET.Element) -> str:
    """The translation, or for a plural message (numerus) all its forms joined."""
    translation = message.find("translation")
    if translation is None:
        return ""
    forms = [form.text or "" for form in translation.iter("numerusform")]
    return ("".join(forms) if forms else translation.text or "").strip()


def collect(tmp_path: Path) -> Path:
    merged = tmp_path / "collected.ts"
    shutil.copyfile(COMMITTED, merged)
    sources = sorted(str(p) for p in (ROOT / "app" / "ui").rglob("*.py"))
    subprocess.run(
        [lupdate(), "-no-obsolete", "-locations", "none", *sources, "-ts", str(merged)],
        check=True,
        capture_output=True,
    )
    return merged


def test_every_ui_string_is_in_the_committed_file(tmp_path: Path) -> None:
    committed = messages(COMMITTED)
    missing = [key for key in messages(collect(tmp_path)) if key not in committed]
    assert not missing, f"run `make lupdate` and translate: {missing}"


def test_every_ui_string_has_a_chinese_translation(tmp_path: Path) -> None:
    untranslated = [
        key
        for key, message in messages(collect(tmp_path)).items()
        if (translation := message.find("translation")) is not None
        and translation.get("type") not in ("obsolete", "vanished")
        and (translation.get("type") == "unfinished" or not translated_text(message))
    ]
    assert not untranslated, f"translate these in {COMMITTED.name}: {untranslated}"


def test_placeholders_survive_translation() -> None:
    """A translation that drops `{name}` would make `.format()` lose the value."""
    broken = []
    for (context, source), message in messages(COMMITTED).items():
        text = translated_text(message)
        for part in source.split("{")[1:]:
            field = "{" + part.split("}")[0] + "}"
            if text and field not in text:
                broken.append((context, source))
    assert not broken
