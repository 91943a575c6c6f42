"""Inputs and outputs of the consent service (知情同意)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.domain.consent import ITEM_LABELS, ITEMS, PHOTO, SENSITIVE, SERVICE, SHARING
from app.services.context import Changes

__all__ = [
    "DEFAULT_TEXT_VERSION",
    "GUARDIAN_AGE",
    "ITEMS",
    "ITEM_LABELS",
    "PHOTO",
    "SELF",
    "SENSITIVE",
    "SERVICE",
    "SHARING",
    "TEXT_VERSION_KEY",
    "ConsentInput",
    "ConsentRow",
    "ConsentSaved",
    "SignerRule",
]

SELF = "本人"
GUARDIAN_AGE = 14  # PIPL art. 31: under 14 a guardian consents
TEXT_VERSION_KEY = "consent.text_version"
DEFAULT_TEXT_VERSION = "2026-1"


@dataclass(frozen=True)
class ConsentInput:
    """One signing of the consent form, covering one or more items."""

    client_id: int
    items: tuple[str, ...]
    signed_on: dt.date
    signer_name: str
    signer_relation: str = SELF
    text_version: str = ""  # empty: the station's current version
    granted: bool = True


@dataclass(frozen=True)
class ConsentRow:
    id: int
    item: str
    granted: bool
    signed_on: dt.date
    signer_name: str
    signer_relation: str
    text_version: str
    withdrawn_on: dt.date | None
    valid: bool
    version: int

    @property
    def item_label(self) -> str:
        return ITEM_LABELS.get(self.item, self.item)


@dataclass(frozen=True)
class SignerRule:
    """Who must sign for a client on a day: the client, or a guardian under 14."""

    client_name: str
    age: int | None
    needs_guardian: bool
    guardian_name: str
    guardian_relation: str


@dataclass(frozen=True)
class ConsentSaved:
    client_id: int
    ids: tuple[int, ...]

    @property
    def changes(self) -> Changes:
        return Changes.of("consent", "client", ids=(self.client_id,))
