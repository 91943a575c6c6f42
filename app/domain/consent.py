"""The consent form's items (知情同意) and the reasons a case may open before consent.

PIPL asks for separate consent to each use; DESIGN.md lists the items. A case is opened
only with the service item signed, unless consent could not be taken, and then the
reason is recorded on the case: the client cannot consent (a guardian signs for them),
or an emergency (the form is signed afterwards).
"""

from __future__ import annotations

# The separately signed items, in the order the consent form lists them.
SERVICE = "service"
SENSITIVE = "sensitive"
PHOTO = "photo"
SHARING = "sharing"
ITEMS: tuple[str, ...] = (SERVICE, SENSITIVE, PHOTO, SHARING)
ITEM_LABELS: dict[str, str] = {
    SERVICE: "服务",
    SENSITIVE: "敏感个人信息",
    PHOTO: "照片/宣传",
    SHARING: "转介/信息共享",
}

INCAPACITY = "incapacity"
EMERGENCY = "emergency"
EXEMPTION_LABELS: dict[str, str] = {
    INCAPACITY: "无民事行为能力（有监护人代签）",
    EMERGENCY: "紧急情况（事后补签）",
}
"""Why a case was opened without the service item signed, by code."""


def item_label(item: str) -> str:
    return ITEM_LABELS.get(item, item)


def exemption_label(code: str) -> str:
    return EXEMPTION_LABELS.get(code, code)
