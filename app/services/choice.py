"""An id and a label: what a form's combo box offers (villages, workers, clients, records)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Choice:
    """An id and a label, for the form's combo boxes (villages, workers, clients)."""

    id: int
    label: str
