"""What the case dialogs' combo boxes offer: code lists and workers, loaded once."""

from __future__ import annotations

from app.domain.codes import CodeList
from app.services.clients.service import ClientService
from app.services.partners.service import PartnerService
from app.services.rooms.service import RoomService
from app.services.settings.codes import CodeService
from app.services.settings.stations import SettingsService
from app.ui.clients.choices import ClientChoices, late_days, room_choices
from app.ui.partners.choices import partner_choices

USED_LISTS = (CodeList.CASE_SOURCE, CodeList.SERVICE_MODE, CodeList.CLOSURE_REASON)


def load_case_choices(
    clients: ClientService,
    codes: CodeService,
    settings: SettingsService | None = None,
    rooms: RoomService | None = None,
    partners: PartnerService | None = None,
) -> ClientChoices:
    """Read the case code lists, the station's workers, the 补录 threshold and the partners
    a referral may name (worker thread)."""
    return ClientChoices(
        entries={c: codes.entries(c, include_retired=True) for c in USED_LISTS},
        workers=clients.workers(),
        late_reason_days=late_days(settings),
        **room_choices(rooms),
        partners=partner_choices(partners),
    )
