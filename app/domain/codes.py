"""Fixed enumerations and the seeded code lists (docs/data-model.md).

Enumerations here drive logic (sex, risk, record status). Code lists are data: they are
seeded into the `code_items` table and the administrator may rename, add or retire
items, so nothing in the logic depends on their labels.
"""

from __future__ import annotations

import enum


class Sex(enum.StrEnum):
    """GB/T 2261.1."""

    UNKNOWN = "0"
    MALE = "1"
    FEMALE = "2"
    UNSTATED = "9"

    @property
    def label(self) -> str:
        return {"0": "未知", "1": "男", "2": "女", "9": "未说明"}[self.value]


class RiskLevel(enum.StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def label(self) -> str:
        return {"high": "高", "medium": "中", "low": "低"}[self.value]


class ClientStatus(enum.StrEnum):
    ACTIVE = "active"
    ARCHIVED = "archived"

    @property
    def label(self) -> str:
        return {"active": "在册", "archived": "已归档"}[self.value]


# The kinds of a station's villages, stored as these words (they are their own labels).
VILLAGE, COMMUNITY = "村", "社区"


def village_kind(name: str) -> str:
    """Guess the kind from the name, as the wizard and the demo do: 社区/居委会 are communities."""
    return COMMUNITY if name.endswith(("社区", "居委会")) else VILLAGE


class CodeList(enum.StrEnum):
    """Names of the editable code lists."""

    CLIENT_CATEGORY = "client_category"
    DISABILITY_TYPE = "disability_type"
    DISABILITY_GRADE = "disability_grade"
    ETHNICITY = "ethnicity"
    MARITAL_STATUS = "marital_status"
    RELATIONSHIP = "relationship"
    SELF_CARE = "self_care"
    LIVING_ARRANGEMENT = "living_arrangement"
    SERVICE_MODE = "service_mode"
    CLOSURE_REASON = "closure_reason"
    CASE_SOURCE = "case_source"
    GROUP_TYPE = "group_type"
    ACTIVITY_TYPE = "activity_type"
    VISIT_TYPE = "visit_type"
    WORKLOG_KIND = "worklog_kind"
    SUPERVISION_FORM = "supervision_form"
    RESOURCE_KIND = "resource_kind"
    WORKER_TITLE = "worker_title"

    @property
    def label(self) -> str:
        return CODE_LIST_LABELS[self]


CODE_LIST_LABELS: dict[CodeList, str] = {
    CodeList.CLIENT_CATEGORY: "服务对象类别",
    CodeList.DISABILITY_TYPE: "残疾类别",
    CodeList.DISABILITY_GRADE: "残疾等级",
    CodeList.ETHNICITY: "民族",
    CodeList.MARITAL_STATUS: "婚姻状况",
    CodeList.RELATIONSHIP: "与户主关系",
    CodeList.SELF_CARE: "自理能力",
    CodeList.LIVING_ARRANGEMENT: "居住状况",
    CodeList.SERVICE_MODE: "服务方式",
    CodeList.CLOSURE_REASON: "结案原因",
    CodeList.CASE_SOURCE: "个案来源",
    CodeList.GROUP_TYPE: "小组类型",
    CodeList.ACTIVITY_TYPE: "社区活动类型",
    CodeList.VISIT_TYPE: "走访类型",
    CodeList.WORKLOG_KIND: "工作日志类型",
    CodeList.SUPERVISION_FORM: "督导形式",
    CodeList.RESOURCE_KIND: "资源类型",
    CodeList.WORKER_TITLE: "职业资格",
}

_ETHNIC_GROUPS = [
    "汉族",
    "蒙古族",
    "回族",
    "藏族",
    "维吾尔族",
    "苗族",
    "彝族",
    "壮族",
    "布依族",
    "朝鲜族",
    "满族",
    "侗族",
    "瑶族",
    "白族",
    "土家族",
    "哈尼族",
    "哈萨克族",
    "傣族",
    "黎族",
    "傈僳族",
    "佤族",
    "畲族",
    "高山族",
    "拉祜族",
    "水族",
    "东乡族",
    "纳西族",
    "景颇族",
    "柯尔克孜族",
    "土族",
    "达斡尔族",
    "仫佬族",
    "羌族",
    "布朗族",
    "撒拉族",
    "毛南族",
    "仡佬族",
    "锡伯族",
    "阿昌族",
    "普米族",
    "塔吉克族",
    "怒族",
    "乌孜别克族",
    "俄罗斯族",
    "鄂温克族",
    "德昂族",
    "保安族",
    "裕固族",
    "京族",
    "塔塔尔族",
    "独龙族",
    "鄂伦春族",
    "赫哲族",
    "门巴族",
    "珞巴族",
    "基诺族",
]

# (code, label) pairs; codes are stable identifiers used by imports and the command line.
SEED: dict[CodeList, list[tuple[str, str]]] = {
    CodeList.CLIENT_CATEGORY: [
        ("tekun_scattered", "特困人员·分散供养"),
        ("tekun_central", "特困人员·集中供养"),
        ("dibao_urban", "低保对象·城市"),
        ("dibao_rural", "低保对象·农村"),
        ("dibao_edge", "低保边缘家庭"),
        ("rigid_expense", "刚性支出困难家庭"),
        ("temp_relief", "临时救助对象"),
        ("orphan", "孤儿"),
        ("de_facto_orphan", "事实无人抚养儿童"),
        ("child_in_difficulty", "困境儿童"),
        ("left_behind_child", "农村留守儿童"),
        ("left_behind_elder", "留守老人"),
        ("empty_nest_elder", "空巢老人"),
        ("living_alone_elder", "独居老人"),
        ("oldest_old", "高龄老人"),
        ("disabled_elder", "失能老人"),
        ("semi_disabled_elder", "半失能老人"),
        ("disabled", "残疾人"),
        ("entitled_group", "优抚对象"),
        ("migrant", "流动人口"),
        ("other", "其他"),
    ],
    CodeList.DISABILITY_TYPE: [
        ("1", "视力残疾"),
        ("2", "听力残疾"),
        ("3", "言语残疾"),
        ("4", "肢体残疾"),
        ("5", "智力残疾"),
        ("6", "精神残疾"),
        ("7", "多重残疾"),
    ],
    CodeList.DISABILITY_GRADE: [("1", "一级"), ("2", "二级"), ("3", "三级"), ("4", "四级")],
    CodeList.ETHNICITY: [(f"{i:02d}", name) for i, name in enumerate(_ETHNIC_GROUPS, 1)]
    + [("97", "其他"), ("98", "外国血统中国籍人士")],
    CodeList.MARITAL_STATUS: [
        ("10", "未婚"),
        ("20", "已婚"),
        ("30", "丧偶"),
        ("40", "离婚"),
        ("90", "未说明"),
    ],
    CodeList.RELATIONSHIP: [
        ("02", "户主"),
        ("10", "配偶"),
        ("20", "子"),
        ("28", "女婿"),
        ("30", "女"),
        ("38", "儿媳"),
        ("40", "孙子女或外孙子女"),
        ("50", "父母"),
        ("60", "祖父母或外祖父母"),
        ("70", "兄弟姐妹"),
        ("99", "其他"),
    ],
    CodeList.SELF_CARE: [("full", "完全自理"), ("partial", "部分自理"), ("none", "不能自理")],
    CodeList.LIVING_ARRANGEMENT: [
        ("alone", "独居"),
        ("spouse", "与配偶同住"),
        ("children", "与子女同住"),
        ("relatives", "与其他亲属同住"),
        ("institution", "机构集中供养"),
        ("other", "其他"),
    ],
    CodeList.SERVICE_MODE: [
        ("interview", "面谈"),
        ("phone", "电话"),
        ("home_visit", "入户探访"),
        ("escort", "陪同"),
        ("online", "线上"),
        ("resource_link", "资源链接"),
        ("referral", "转介"),
    ],
    CodeList.CLOSURE_REASON: [
        ("goals_met", "目标达成"),
        ("self_reliant", "服务对象已能独立应对"),
        ("client_request", "服务对象要求结束"),
        ("referred", "转介"),
        ("moved_away", "迁出"),
        ("deceased", "死亡"),
        ("other", "其他"),
    ],
    CodeList.CASE_SOURCE: [
        ("self", "主动求助"),
        ("outreach", "外展发现·走访"),
        ("ref_village", "转介·村居"),
        ("ref_civil_affairs", "转介·民政办"),
        ("ref_school", "转介·学校"),
        ("ref_hospital", "转介·医院"),
        ("ref_other", "转介·其他"),
    ],
    CodeList.GROUP_TYPE: [
        ("education", "教育"),
        ("growth", "成长"),
        ("support", "支持"),
        ("therapy", "治疗"),
        ("interest", "兴趣"),
        ("other", "其他"),
    ],
    CodeList.ACTIVITY_TYPE: [
        ("policy", "政策宣传"),
        ("festival", "节日活动"),
        ("deliberation", "议事协商"),
        ("volunteer", "志愿服务"),
        ("health", "健康义诊"),
        ("education", "教育培训"),
        ("culture_sports", "文体活动"),
        ("other", "其他"),
    ],
    CodeList.VISIT_TYPE: [
        ("routine", "常规走访"),
        ("verification", "入户核查"),
        ("festival", "节日慰问"),
        ("risk_screening", "风险排查"),
        ("revisit", "回访"),
    ],
    CodeList.WORKLOG_KIND: [
        ("case", "个案"),
        ("group", "小组"),
        ("community", "社区"),
        ("visit", "走访"),
        ("admin_support", "行政协助"),
        ("meeting", "会议"),
        ("training", "培训"),
        ("supervision", "督导"),
        ("other", "其他"),
    ],
    CodeList.SUPERVISION_FORM: [
        ("individual", "个别"),
        ("group", "小组"),
        ("onsite", "现场"),
        ("online", "线上"),
    ],
    CodeList.RESOURCE_KIND: [("cash", "现金"), ("goods", "物资"), ("service", "服务")],
    CodeList.WORKER_TITLE: [
        ("none", "无"),
        ("assistant", "助理社会工作师"),
        ("social_worker", "社会工作师"),
        ("senior", "高级社会工作师"),
    ],
}
