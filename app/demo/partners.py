"""The demo's partner directory (合作方): sixteen partners of all five parties and several
departments, named as the demo's referrals, activities and donors name them, so the
records point to them and 五社联动 in the monthly report is filled in. A few names the
records use are left out on purpose (县医院老年科, 县精神卫生中心…): 设置 → 合作方 then
has names for a person to match, as a real station would.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from app.domain.partners import Department, PartnerType, Party
from app.services.context import Actor
from app.store import partner_links
from app.store.models import Partner

G, S, V, E, C, T = (
    PartnerType.GOVERNMENT, PartnerType.SOCIAL_ORG, PartnerType.VILLAGE_COMMITTEE,
    PartnerType.ENTERPRISE, PartnerType.CHARITY, PartnerType.VOLUNTEER_TEAM,
)  # fmt: skip
# name, type, department, party, county-wide, contact person, phone
PARTNERS: tuple[tuple[str, PartnerType, Department | None, Party | None, bool, str, str], ...] = (
    ("村委会", V, None, Party.COMMUNITY, False, "", ""),
    ("村监委会", V, None, Party.COMMUNITY, False, "", ""),
    ("县社工协会", S, None, Party.SOCIAL_ORG, True, "周秘书长", "0792-7221345"),
    ("镇社工站四点半课堂", S, None, Party.SOCIAL_WORKER, False, "李社工", ""),
    ("镇志愿服务站", T, None, Party.VOLUNTEER, False, "陈站长", "13970211234"),
    ("县慈善总会", C, None, Party.CHARITY, True, "刘会长", "0792-7223456"),
    ("县红十字会", C, None, Party.CHARITY, True, "", "0792-7225678"),
    ("修水县宁红茶业有限公司", E, None, Party.CHARITY, True, "黄经理", "13807921111"),
    ("县残疾人联合会", G, Department.DISABLED_FEDERATION, None, True, "吴科长", "0792-7226789"),
    ("县民政局社会救助股", G, Department.CIVIL_AFFAIRS, None, True, "胡股长", "0792-7227890"),
    ("镇民政办", G, Department.CIVIL_AFFAIRS, None, False, "张主任", "0792-7812345"),
    ("镇卫生院", G, Department.HEALTH, None, False, "赵院长", "0792-7813456"),
    ("镇人力资源和社会保障所", G, Department.HUMAN_RESOURCES, None, False, "", "0792-7814567"),
    ("镇教育办", G, Department.EDUCATION, None, False, "", "0792-7815678"),
    ("镇妇联", G, Department.WOMEN_FEDERATION, None, False, "孙主席", ""),
    ("团县委", G, Department.YOUTH_LEAGUE, None, True, "", "0792-7229012"),
)


def add_partners(session: Session, actor: Actor, now: dt.datetime) -> int:
    """The directory, then every record matched to it by its exact name; the rows matched."""
    for name, kind, department, party, county_wide, person, phone in PARTNERS:
        session.add(
            Partner(
                station_id=None if county_wide else actor.station_id, name=name,
                partner_type=kind.value, department=department.value if department else "",
                party=party.value if party else "", contact_person=person, phone=phone,
                created_by_id=actor.user_id, updated_by_id=actor.user_id,
            )
        )  # fmt: skip
    session.flush()
    partner_links.fill_activity_partners(session, now)
    return sum(partner_links.match_exact(session).values())
