"""Every list that can be exported, by the name the command line and the pages use.

A list plugs in with a `ListExporter` subclass (see list_export_clients.py: about 100
lines) and one line here: ids from the list's service's `search_ids`, rows with ID
numbers and phones masked unless `reveal`.
"""

from __future__ import annotations

from app.services.cases.export import CaseExporter
from app.services.clients.export import ClientExporter
from app.services.lists.records import (
    ActivityExporter,
    GroupExporter,
    ResourceExporter,
    VisitExporter,
    VolunteerExporter,
)
from app.services.lists.types import ListExporter

EXPORTERS: dict[str, type[ListExporter]] = {
    ClientExporter.key: ClientExporter,
    CaseExporter.key: CaseExporter,
    GroupExporter.key: GroupExporter,
    ActivityExporter.key: ActivityExporter,
    VisitExporter.key: VisitExporter,
    VolunteerExporter.key: VolunteerExporter,
    ResourceExporter.key: ResourceExporter,
}
