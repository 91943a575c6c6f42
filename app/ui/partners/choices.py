"""The partners the forms offer, read with the rest of a page's choices."""

from __future__ import annotations

from app.services.choice import Choice
from app.services.partners.service import PartnerService


def partner_choices(partners: PartnerService | None) -> list[Choice]:
    """The active partners as (id, name); none when the page was given no partner service.
    Runs on the worker thread."""
    if partners is None:
        return []
    return [Choice(p.id, p.name) for p in partners.choices()]
