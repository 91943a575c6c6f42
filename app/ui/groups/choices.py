"""What the group page's combo boxes offer: group types, workers and years, loaded once."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.domain.codes import CodeList
from app.services.choice import Choice
from app.services.clients.service import ClientService
from app.services.groups.service import GroupService
from app.services.settings.codes import CodeEntry, CodeService


@dataclass(frozen=True)
class GroupChoices:
    types: list[CodeEntry] = field(default_factory=list)
    """Group types, retired ones included for old groups."""
    workers: list[Choice] = field(default_factory=list)
    years: list[int] = field(default_factory=list)

    def type_items(self, keep: str = "") -> list[tuple[str, object]]:
        """Active types, plus `keep` when a group still holds a retired one."""
        items: list[tuple[str, object]] = [(e.label, e.code) for e in self.types if e.active]
        if keep and all(code != keep for _, code in items):
            label = next((e.label for e in self.types if e.code == keep), keep)
            items.append((label, keep))
        return items


def load_group_choices(
    groups: GroupService, clients: ClientService, codes: CodeService
) -> GroupChoices:
    """Read everything the combo boxes need; runs on the worker thread."""
    return GroupChoices(
        types=codes.entries(CodeList.GROUP_TYPE, include_retired=True),
        workers=clients.workers(),
        years=groups.years(),
    )
