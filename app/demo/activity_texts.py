"""Made-up but plausible words for demo community activities, and the festivals they follow."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class ActivityKind:
    activity_type: str
    titles: tuple[str, ...]
    target_group: str
    mix: dict[str, int]
    """Shares of elderly, children, disabled and other participants."""
    size: tuple[int, int]
    partners: tuple[str, ...]
    content: tuple[str, ...]
    outcome: tuple[str, ...]
    resources: tuple[str, ...] = ("",)


KINDS: dict[str, ActivityKind] = {
    "policy": ActivityKind(
        "policy",
        ("社会救助政策宣传进村组", "防范电信诈骗宣传", "残疾人两项补贴政策宣讲",
         "医保参保政策宣传", "反家暴法宣传", "未成年人保护法宣传"),
        "村民、困难群众", {"elderly": 50, "children": 5, "disabled": 10, "other": 35}, (20, 70),
        ("村委会", "镇民政办", "镇派出所", "镇司法所"),
        ("发放宣传折页，讲解申请条件与流程，现场解答村民疑问。",
         "以案说法讲解常见诈骗手法，指导老人安装国家反诈中心APP。"),
        ("村民对政策知晓度提高，现场登记咨询需求若干。", "收集到需求线索，已交由驻村社工跟进。"),
        ("宣传折页200份", "宣传展板4块"),
    ),
    "festival": ActivityKind(
        "festival",
        ("{festival}暖心慰问活动", "“情暖{festival}”邻里联欢会", "{festival}包饺子送温暖"),
        "困难老人、留守儿童", {"elderly": 55, "children": 25, "disabled": 5, "other": 15},
        (30, 90), ("村委会", "镇妇联", "爱心企业", "县慈善总会"),
        ("组织志愿者与老人共度佳节，表演节目、分发节日礼品。",
         "入户慰问困难群众，送上米油等节日物资。"),
        ("老人和儿童感受到节日温暖，邻里关系更加融洽。", "共慰问困难群众数十户，反响良好。"),
        ("大米、食用油", "月饼、水果", "春联、福字"),
    ),
    "deliberation": ActivityKind(
        "deliberation",
        ("村民议事会：村内道路照明", "幸福院运营议事协商会", "“屋场会”听民声",
         "村规民约修订议事会"),
        "村民代表、老人代表", {"elderly": 40, "children": 0, "disabled": 5, "other": 55},
        (10, 30), ("村委会", "村监委会"),
        ("社工主持议事，村民代表轮流发言，形成议事结果并公示。",),
        ("达成共识，形成书面议事结果，由村委会落实。", "收集意见十余条，下次会议继续协商。"),
    ),
    "volunteer": ActivityKind(
        "volunteer",
        ("学雷锋志愿服务日", "“银发互助”志愿探访", "志愿者义务理发进村", "环境整治志愿行动"),
        "独居老人、志愿者", {"elderly": 60, "children": 10, "disabled": 10, "other": 20},
        (15, 50), ("团县委", "镇志愿服务站", "县社工协会"),
        ("志愿者分组入户为老人理发、打扫卫生、检修电器。", "组织志愿者清理村道垃圾，美化环境。"),
        ("服务老人二十余人，志愿者服务时长有记录。", "村容村貌明显改善，村民参与积极。"),
        ("理发工具", "清洁工具"),
    ),
    "health": ActivityKind(
        "health",
        ("健康义诊进村", "老年人健康体检宣传", "中医理疗义诊", "防跌倒健康讲座"),
        "老年人、慢病患者", {"elderly": 70, "children": 5, "disabled": 10, "other": 15},
        (25, 80), ("镇卫生院", "县人民医院", "村卫生室"),
        ("医生为村民量血压、测血糖，提供用药咨询。", "讲解冬季常见病预防与居家防跌倒知识。"),
        ("为数十位村民提供义诊，发现需复查者已登记转介。", "老人健康意识增强。"),
        ("血压计、血糖仪", "常用药品"),
    ),
    "education": ActivityKind(
        "education",
        ("暑期儿童安全教育课堂", "防溺水安全教育", "家庭教育讲座", "禁毒知识进校园"),
        "儿童及家长", {"elderly": 10, "children": 70, "disabled": 2, "other": 18},
        (20, 60), ("村小学", "镇派出所", "镇妇联"),
        ("通过视频和情景演练讲解防溺水、防拐骗知识。", "邀请老师讲解隔代教养的沟通技巧。"),
        ("儿童掌握基本安全知识，家长反馈良好。",),
        ("安全手册",),
    ),
    "culture_sports": ActivityKind(
        "culture_sports",
        ("广场舞展演", "老年象棋比赛", "农民趣味运动会", "“村晚”文艺汇演", "电影下乡放映"),
        "村民", {"elderly": 45, "children": 20, "disabled": 5, "other": 30},
        (30, 120), ("村委会", "镇文化站"),
        ("组织村民表演节目、开展趣味比赛。",),
        ("村民参与热情高，丰富了农村文化生活。",),
        ("音响设备", "奖品"),
    ),
    "other": ActivityKind(
        "other",
        ("社工站开放日", "需求调研座谈会"),
        "村民", {"elderly": 40, "children": 10, "disabled": 10, "other": 40},
        (10, 30), ("村委会",),
        ("介绍社工站服务内容，收集村民需求。",),
        ("收集需求若干，纳入下阶段服务计划。",),
    ),
}  # fmt: skip
# Titles meant for one kind of participant: only such clients sign in by name.
TITLE_AUDIENCE = {
    "老年象棋比赛": "elder",
    "老年人健康体检宣传": "elder",
    "防跌倒健康讲座": "elder",
    "暑期儿童安全教育课堂": "child",
    "防溺水安全教育": "child",
    "禁毒知识进校园": "child",
    "家庭教育讲座": "parent",
}
TYPE_WEIGHTS = {
    "policy": 18,
    "festival": 12,
    "deliberation": 8,
    "volunteer": 15,
    "health": 15,
    "education": 12,
    "culture_sports": 14,
    "other": 3,
}
PLACES = ("村委会广场", "村委会会议室", "社工室", "幸福院", "村小学操场", "文化礼堂")

# Festivals the demo's activities and visits follow (lunar ones as they fell).
FESTIVALS: tuple[tuple[str, dt.date], ...] = tuple(
    (name, dt.date.fromisoformat(day))
    for name, days in {
        "春节": ("2023-01-22", "2024-02-10", "2025-01-29", "2026-02-17", "2027-02-06"),
        "元宵节": ("2023-02-05", "2024-02-24", "2025-02-12", "2026-03-03", "2027-02-20"),
        "端午节": ("2023-06-22", "2024-06-10", "2025-05-31", "2026-06-19", "2027-06-09"),
        "中秋节": ("2023-09-29", "2024-09-17", "2025-10-06", "2026-09-25", "2027-09-15"),
        "重阳节": ("2023-10-23", "2024-10-11", "2025-10-29", "2026-10-18", "2027-10-08"),
    }.items()
    for day in days
)
