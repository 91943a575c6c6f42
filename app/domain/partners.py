"""The partner directory's fixed lists (合作方): kinds of partner, government departments and
Hunan's five parties of 五社联动.

They drive the monthly report's 五社联动 section (counts by party, referrals by
department), so they are enumerations rather than editable code lists: a renamed party
would change what a figure means.
"""

from __future__ import annotations

import enum
import re


class Party(enum.StrEnum):
    """湖南“五社联动”的五方."""

    COMMUNITY = "community"
    SOCIAL_ORG = "social_org"
    SOCIAL_WORKER = "social_worker"
    VOLUNTEER = "volunteer"
    CHARITY = "charity"

    @property
    def label(self) -> str:
        return _PARTY_LABELS[self]


_PARTY_LABELS = {
    Party.COMMUNITY: "社区",
    Party.SOCIAL_ORG: "社会组织",
    Party.SOCIAL_WORKER: "社会工作者",
    Party.VOLUNTEER: "社区志愿者",
    Party.CHARITY: "社会慈善资源",
}

NO_PARTY_LABEL = "不属五社（政府部门等）"
"""A partner outside the five parties: a government department is the usual one."""


class PartnerType(enum.StrEnum):
    GOVERNMENT = "government"
    SOCIAL_ORG = "social_org"
    VILLAGE_COMMITTEE = "village_committee"
    ENTERPRISE = "enterprise"
    CHARITY = "charity"
    VOLUNTEER_TEAM = "volunteer_team"

    @property
    def label(self) -> str:
        return _TYPE_LABELS[self]

    @property
    def default_party(self) -> Party | None:
        """The party a new partner of this kind usually belongs to (the form's suggestion)."""
        return _DEFAULT_PARTY[self]


_TYPE_LABELS = {
    PartnerType.GOVERNMENT: "政府部门",
    PartnerType.SOCIAL_ORG: "社会组织",
    PartnerType.VILLAGE_COMMITTEE: "村（居）委会",
    PartnerType.ENTERPRISE: "企业",
    PartnerType.CHARITY: "慈善组织",
    PartnerType.VOLUNTEER_TEAM: "志愿服务队",
}
_DEFAULT_PARTY: dict[PartnerType, Party | None] = {
    PartnerType.GOVERNMENT: None,
    PartnerType.SOCIAL_ORG: Party.SOCIAL_ORG,
    PartnerType.VILLAGE_COMMITTEE: Party.COMMUNITY,
    PartnerType.ENTERPRISE: Party.CHARITY,
    PartnerType.CHARITY: Party.CHARITY,
    PartnerType.VOLUNTEER_TEAM: Party.VOLUNTEER,
}


class Department(enum.StrEnum):
    """The government department a partner is (Taicang's 1+2+N departments)."""

    CIVIL_AFFAIRS = "civil_affairs"
    HUMAN_RESOURCES = "human_resources"
    MEDICAL_INSURANCE = "medical_insurance"
    DISABLED_FEDERATION = "disabled_federation"
    EDUCATION = "education"
    HEALTH = "health"
    WOMEN_FEDERATION = "women_federation"
    YOUTH_LEAGUE = "youth_league"
    JUSTICE = "justice"
    PUBLIC_SECURITY = "public_security"
    HOUSING = "housing"
    VETERANS = "veterans"
    RURAL_REVITALISATION = "rural_revitalisation"
    TRADE_UNION = "trade_union"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _DEPARTMENT_LABELS[self]


_DEPARTMENT_LABELS = {
    Department.CIVIL_AFFAIRS: "民政",
    Department.HUMAN_RESOURCES: "人社",
    Department.MEDICAL_INSURANCE: "医保",
    Department.DISABLED_FEDERATION: "残联",
    Department.EDUCATION: "教育",
    Department.HEALTH: "卫健",
    Department.WOMEN_FEDERATION: "妇联",
    Department.YOUTH_LEAGUE: "团委",
    Department.JUSTICE: "司法",
    Department.PUBLIC_SECURITY: "公安",
    Department.HOUSING: "住建",
    Department.VETERANS: "退役军人事务",
    Department.RURAL_REVITALISATION: "乡村振兴",
    Department.TRADE_UNION: "工会",
    Department.OTHER: "其他部门",
}

NOT_GOVERNMENT_LABEL = "非政府部门合作方"
UNLINKED_LABEL = "未关联合作方"
"""Free text that no one has matched to the directory yet."""


def party_label(code: str) -> str:
    """A stored party code's label; empty means outside the five."""
    return Party(code).label if code in Party._value2member_map_ else NO_PARTY_LABEL


def department_label(code: str) -> str:
    return Department(code).label if code in Department._value2member_map_ else ""


PARTNER_SEPARATOR = "、"
_SPLIT = re.compile(r"[、,，;；\n]+")


def split_names(text: str) -> tuple[str, ...]:
    """An activity's partners are typed as one line; each name once, in the order given."""
    return tuple(dict.fromkeys(p.strip() for p in _SPLIT.split(text) if p.strip()))
