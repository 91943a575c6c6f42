"""What the client page's combo boxes offer: code lists, villages and workers, loaded once."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtWidgets import QComboBox

from app.domain.codes import CodeList
from app.services.choice import Choice
from app.services.clients.service import ClientService
from app.services.history import LATE_REASON_DAYS
from app.services.rooms.service import RoomService
from app.services.rooms.types import StaffRoom
from app.services.settings.codes import CodeEntry, CodeService
from app.services.settings.stations import SettingsService

USED_LISTS = (
    CodeList.CLIENT_CATEGORY,
    CodeList.DISABILITY_TYPE,
    CodeList.DISABILITY_GRADE,
    CodeList.ETHNICITY,
    CodeList.MARITAL_STATUS,
    CodeList.RELATIONSHIP,
    CodeList.SELF_CARE,
    CodeList.LIVING_ARRANGEMENT,
)


@dataclass(frozen=True)
class ClientChoices:
    """Code lists (retired items included, for old records), villages and workers."""

    entries: dict[CodeList, list[CodeEntry]] = field(default_factory=dict)
    villages: list[Choice] = field(default_factory=list)
    workers: list[Choice] = field(default_factory=list)
    # Only the head assigns clients; anyone else may leave a client unassigned or take it.
    assignable: list[Choice] | None = None
    late_reason_days: int = LATE_REASON_DAYS
    """An entry dated more than this many days back asks for a 补录 reason."""
    rooms: list[Choice] = field(default_factory=list)
    """The station's 社工室 in use, for the records that happen in one."""
    staff_rooms: dict[int, StaffRoom] = field(default_factory=dict)
    """Each worker's room history, to preset a record's room on its day."""
    partners: list[Choice] = field(default_factory=list)
    """The directory's active partners (合作方), for the referral and activity forms."""

    def active(self, code_list: CodeList) -> list[CodeEntry]:
        return [e for e in self.entries.get(code_list, []) if e.active]

    def label(self, code_list: CodeList, code: str) -> str:
        """The code's label; an unknown code is shown as itself rather than hidden."""
        if not code:
            return ""
        for entry in self.entries.get(code_list, []):
            if entry.code == code:
                return entry.label
        return code


def load_choices(
    clients: ClientService, codes: CodeService, settings: SettingsService | None = None
) -> ClientChoices:
    """Read everything the combo boxes need; runs on the worker thread."""
    return ClientChoices(
        entries={c: codes.entries(c, include_retired=True) for c in USED_LISTS},
        villages=clients.villages(),
        workers=clients.workers(),
        assignable=None
        if clients.can_assign
        else [w for w in clients.workers() if w.id == clients.user_id],
        late_reason_days=late_days(settings),
    )


def room_choices(rooms: RoomService | None) -> dict[str, Any]:
    """The rooms and each worker's room history (none when the page was given no service)."""
    if rooms is None:
        return {}
    return {"rooms": rooms.choices(), "staff_rooms": {s.user_id: s for s in rooms.staff()}}


def late_days(settings: SettingsService | None) -> int:
    """The 补录 threshold (the default when the page was given no settings service)."""
    return settings.late_reason_days() if settings is not None else LATE_REASON_DAYS


def fill_combo(combo: QComboBox, items: list[tuple[str, object]], *, blank: str = "") -> None:
    """Replace the items, keeping the current choice when it is still offered."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(blank, None)
    for label, data in items:
        combo.addItem(label, data)
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)


def select_data(combo: QComboBox, value: object) -> None:
    """Choose the item holding `value`, or the blank first item."""
    index = combo.findData(value) if value not in (None, "") else 0
    combo.setCurrentIndex(max(index, 0))


def code_items(
    choices: ClientChoices, code_list: CodeList, keep: str = ""
) -> list[tuple[str, object]]:
    """Active items of a list, plus `keep` when a record still holds a retired code."""
    items: list[tuple[str, object]] = [(e.label, e.code) for e in choices.active(code_list)]
    if keep and all(code != keep for _, code in items):
        items.append((choices.label(code_list, keep), keep))
    return items


def enum_label(enum_type: Any, value: str) -> str:
    """The Chinese label of an enum value (Sex, RiskLevel…); an unknown value shows as it is."""
    try:
        return str(enum_type(value).label)
    except ValueError:
        return value
