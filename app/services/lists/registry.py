"""Every list that can be exported, by the name the command line and the pages use.

A list plugs in with a `ListExporter` subclass (see clients/export.py: about 100
lines) and one line here: ids from the list's service's `search_ids`, rows with ID
numbers and phones masked unless `reveal`.
"""

from __future__ import annotations

from app.services.cases.export import CaseExporter
from app.services.clients.export import ClientExporter
from app.services.community.export import ActivityExporter
from app.services.groups.export import GroupExporter
from app.services.listing import ListExporter
from app.services.visits.export import VisitExporter
from app.services.volunteers.export import ResourceExporter, VolunteerExporter

EXPORTERS: dict[str, type[ListExporter]] = {
    ClientExporter.key: ClientExporter,
    CaseExporter.key: CaseExporter,
    GroupExporter.key: GroupExporter,
    ActivityExporter.key: ActivityExporter,
    VisitExporter.key: VisitExporter,
    VolunteerExporter.key: VolunteerExporter,
    ResourceExporter.key: ResourceExporter,
}
