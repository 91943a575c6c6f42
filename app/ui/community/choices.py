"""What the activity page's combo boxes offer: activity types, villages, workers."""

from __future__ import annotations

from app.domain.codes import CodeList
from app.services.clients.service import ClientService
from app.services.partners.service import PartnerService
from app.services.rooms.service import RoomService
from app.services.settings.codes import CodeService
from app.ui.clients.choices import ClientChoices, room_choices
from app.ui.partners.choices import partner_choices

# Partners a township station works with most; the user may type any other.
COMMON_PARTNERS = ("村（居）委会", "社会组织", "企业", "学校", "卫生院", "志愿服务队", "派出所")


def load_activity_choices(
    clients: ClientService,
    codes: CodeService,
    rooms: RoomService | None = None,
    partners: PartnerService | None = None,
) -> ClientChoices:
    """Read the activity types, villages, workers, rooms and partners; runs on the worker
    thread."""
    return ClientChoices(
        entries={
            CodeList.ACTIVITY_TYPE: codes.entries(CodeList.ACTIVITY_TYPE, include_retired=True)
        },
        villages=clients.villages(),
        workers=clients.workers(),
        **room_choices(rooms),
        partners=partner_choices(partners),
    )
