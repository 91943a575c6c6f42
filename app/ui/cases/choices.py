"""What the case dialogs' combo boxes offer: code lists and workers, loaded once."""

from __future__ import annotations

from app.domain.codes import CodeList
from app.services.clients.service import ClientService
from app.services.settings.codes import CodeService
from app.ui.clients.choices import ClientChoices

USED_LISTS = (CodeList.CASE_SOURCE, CodeList.SERVICE_MODE, CodeList.CLOSURE_REASON)


def load_case_choices(clients: ClientService, codes: CodeService) -> ClientChoices:
    """Read the case code lists and the station's workers; runs on the worker thread."""
    return ClientChoices(
        entries={c: codes.entries(c, include_retired=True) for c in USED_LISTS},
        workers=clients.workers(),
    )
