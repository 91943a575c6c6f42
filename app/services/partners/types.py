"""What the partner services take and give."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.partners import Department, PartnerType, Party
from app.services.context import Changes


@dataclass(frozen=True)
class PartnerInput:
    name: str
    partner_type: PartnerType
    department: Department | None = None
    """Only for a government department."""
    party: Party | None = None
    """None: outside the five parties (a government department)."""
    contact_person: str = ""
    phone: str = ""
    note: str = ""
    county_wide: bool = False
    """For every station of the database, not only the actor's."""


@dataclass(frozen=True)
class PartnerRow:
    id: int
    name: str
    partner_type: PartnerType
    department: Department | None
    party: Party | None
    contact_person: str
    phone: str
    note: str
    county_wide: bool
    active: bool
    version: int
    uses: int = 0
    """Referrals, activities and resources of the actor's station that point to it."""

    @property
    def type_label(self) -> str:
        if self.department is not None:
            return f"{self.partner_type.label}·{self.department.label}"
        return self.partner_type.label

    @property
    def party_label(self) -> str:
        return self.party.label if self.party is not None else "—"


@dataclass(frozen=True)
class PartnerSaved:
    partner_id: int
    matched: int
    """Rows whose text equals the new name and now point to the partner."""
    changes: Changes


@dataclass(frozen=True)
class UnmatchedText:
    """A name typed on records that points to no partner yet."""

    text: str
    referrals: int
    activities: int
    resources: int

    @property
    def total(self) -> int:
        return self.referrals + self.activities + self.resources


@dataclass(frozen=True)
class Matched:
    count: int
    changes: Changes
