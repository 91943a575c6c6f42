"""The kinds of file attached to a service project (项目文件) and where each goes in the
evaluation's evidence pack (评估材料包), whose folders follow the order evaluators' 台账
lists use: staff, rules, project, needs, services, volunteers and resources, supervision
and training, plans and reports, photos.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.errors import InvalidInput


@dataclass(frozen=True)
class DocumentType:
    key: str
    label: str
    folder: str
    """The pack's folder (app/services/projects/pack_sections.py `FOLDERS`)."""


STAFF, RULES, PROJECT, NEEDS, SERVICES = "staff", "rules", "project", "needs", "services"
VOLUNTEERS, SUPERVISION, PLANS, PHOTOS = "volunteers", "supervision", "plans", "photos"

DOCUMENT_TYPES: tuple[DocumentType, ...] = (
    DocumentType("contract", "合同", PROJECT),
    DocumentType("plan", "项目计划", PLANS),
    DocumentType("rules", "制度", RULES),
    DocumentType("needs", "需求评估", NEEDS),
    DocumentType("finance", "财务报表", PLANS),
    DocumentType("minutes", "会议纪要", PLANS),
    DocumentType("other", "其他", PLANS),
)

BY_KEY: dict[str, DocumentType] = {t.key: t for t in DOCUMENT_TYPES}


def document_type(key: str) -> DocumentType:
    try:
        return BY_KEY[key]
    except KeyError:
        known = "、".join(f"{t.key}（{t.label}）" for t in DOCUMENT_TYPES)
        raise InvalidInput(
            f"没有“{key}”这种项目文件类型。可选：{known}。", field="doc_type"
        ) from None
