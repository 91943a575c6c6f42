"""The 1–5 score pickers shared by the survey and the interview answer dialogs."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QComboBox, QFormLayout, QWidget

from app.domain.satisfaction import SCALE, SURVEY_ITEMS


class ScoreFields:
    """One combo per satisfaction item, empty until chosen; labels come from the domain."""

    def __init__(self, form: QFormLayout, parent: QWidget) -> None:
        self.combos: dict[str, QComboBox] = {}
        for item in SURVEY_ITEMS:
            combo = QComboBox(parent)
            combo.setObjectName(f"score_{item.key}")
            combo.addItem("", None)
            for score, label in SCALE:
                combo.addItem(f"{score} {label}", score)
            self.combos[item.key] = combo
            form.addRow(item.label, combo)

    def values(self) -> dict[str, int]:
        chosen = {key: combo.currentData() for key, combo in self.combos.items()}
        return {key: int(value) for key, value in chosen.items() if value is not None}

    def set_values(self, scores: Mapping[str, int]) -> None:
        for key, combo in self.combos.items():
            combo.setCurrentIndex(max(combo.findData(scores.get(key)), 0))

    def set_enabled(self, enabled: bool) -> None:
        for combo in self.combos.values():
            combo.setEnabled(enabled)


def scores_text(scores: Mapping[str, int]) -> str:
    """ "服务态度5 服务安排4 …" for a table cell."""
    return " ".join(f"{i.label}{scores[i.key]}" for i in SURVEY_ITEMS if i.key in scores)
