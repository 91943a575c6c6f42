"""Inputs and outputs of linked resources (资源链接)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class ResourceInput:
    """A resource; the recipient is at most one of a client, a household or an activity."""

    received_on: dt.date
    source: str
    kind: str
    value_yuan: Decimal | str
    description: str = ""
    client_id: int | None = None
    household_id: int | None = None
    activity_id: int | None = None
    receipt_ref: str = ""


@dataclass(frozen=True)
class ResourceQuery:
    text: str = ""
    """Matches the source, the description or the receipt reference."""
    kind: str = ""
    year: int | None = None
    sort: str = "date"
    descending: bool = True


@dataclass(frozen=True)
class ResourceRow:
    id: int
    received_on: dt.date
    source: str
    kind: str
    value_yuan: Decimal
    recipient: str
    description: str
    receipt_ref: str


@dataclass(frozen=True)
class ResourceDetail:
    id: int
    version: int
    received_on: dt.date
    source: str
    kind: str
    value_yuan: Decimal
    description: str
    client_id: int | None
    household_id: int | None
    activity_id: int | None
    recipient: str
    receipt_ref: str
    can_edit: bool


@dataclass(frozen=True)
class ResourceTotal:
    month: int
    kind: str
    kind_label: str
    count: int
    value_yuan: Decimal
