"""Made-up but plausible words for demo home visits, by the kind of household visited.

Every line carries the fact about the household it needs (a tag of demo_visits._tags;
"" for any household), so 与老伴同住 is only written of a couple and 孩子成绩下滑 only
where a pupil lives. Templates are filled with the household's own words: `{n}` its size,
`{grand}` the grandparents who raise the children, `{parents}` who earns its living.
"""

from __future__ import annotations

VISIT_TYPES = {
    "routine": 50,
    "verification": 10,
    "festival": 8,
    "risk_screening": 17,
    "revisit": 15,
}

Lines = tuple[tuple[str, str], ...]

# Per household profile: living conditions, safety, needs found, policies explained.
PROFILES: dict[str, tuple[Lines, Lines, Lines, tuple[str, ...]]] = {
    "elder": (
        (("alone_able", "老人独居砖混平房，屋内整洁，生活基本自理。"),
         ("alone_frail", "老人独居，行动不便，靠邻居帮忙买菜做饭。"),
         ("home", "房屋老旧，厨房与卧室相连，采光较差。"),
         ("couple", "与老伴同住，子女在外务工，每月寄生活费。"),
         ("institution", "在敬老院集中供养，居室整洁，三餐由院里统一安排。")),
        (("home", "使用柴火灶，已提醒注意用火安全。"), ("home", "卫生间地面湿滑，存在跌倒风险。"),
         ("home", "电线老化裸露，已告知村委会安排检修。"), ("", "未发现明显安全隐患。")),
        (("", "需要定期上门探访"), ("home", "希望安装扶手"), ("", "需要代购常用药"),
         ("oldest", "想申请高龄津贴")),
        ("高龄津贴", "特困供养政策", "城乡居民医保", "居家养老服务补贴"),
    ),
    "child": (
        (("grandchildren", "祖孙{n}人同住，{grand}务农。"),
         ("left_behind", "父母在外务工，由{grand}照看，家中收入一般。"),
         ("kin_raised", "由{guardian}抚养，家中收入微薄。"),
         ("parents", "一家{n}口，{parents}，收入不稳定。"),
         ("", "家中收入一般，孩子由家人照看。")),
        (("", "屋后有池塘，已提醒监护人注意防溺水。"),
         ("school", "孩子放学后常独自在家，已叮嘱安全事项。"), ("", "未发现明显安全隐患。")),
        (("school", "孩子成绩下滑，需要课业辅导"), ("left_behind", "孩子想念父母，情绪低落"),
         ("school", "需要学习用品"), ("", "希望了解儿童保障政策")),
        ("困境儿童保障政策", "教育资助政策", "农村留守儿童关爱服务"),
    ),
    "disabled": (
        (("wheel", "肢体残疾，行动需借助轮椅，由家人照顾。"),
         ("walk", "肢体残疾，行走不便，生活基本自理。"),
         ("mental", "精神残疾，按时服药，病情稳定。"),
         ("intellect", "智力残疾，日常生活需家人照看。"),
         ("sight", "视力残疾，在家中能摸索着自理。"),
         ("hearing", "听力言语不便，与人交流靠手势和文字。"),
         ("multiple", "多重残疾，生活需家人照料。"),
         ("dibao", "家中收入主要靠低保和残疾人补贴。"), ("", "家中整洁，家人照顾周到。")),
        (("wheel", "门口有台阶，轮椅进出不便。"), ("", "药品存放较乱，已协助整理。"),
         ("", "未发现明显安全隐患。")),
        (("", "需要适配辅具"), ("", "希望参加康复训练"), ("carer", "照顾者压力大，需要喘息服务")),
        ("残疾人两项补贴", "残疾人辅具适配", "重度残疾人护理补贴"),
    ),
    "general": (
        (("family", "一家{n}口，{parents}，收入不稳定。"),
         ("single", "独自生活，靠打零工维持生计。"), ("", "房屋为新建楼房，家中整洁。"),
         ("", "家中有慢性病人，医疗支出较大。")),
        (("", "未发现明显安全隐患。"), ("", "冬季取暖使用炭火，已提醒防一氧化碳中毒。")),
        (("", "希望了解临时救助申请"), ("", "需要就业信息")),
        ("最低生活保障", "临时救助", "医疗救助", "就业帮扶政策"),
    ),
}  # fmt: skip
# Whom the worker met, by the tag the named person needs ({carer}: who raises the child).
PEOPLE_MET: dict[str, Lines] = {
    "elder": (("", "{name}本人"), ("spouse", "{name}及其老伴"), ("grandchildren", "{name}及孙辈"),
              ("", "{name}及其子女（电话）")),
    "child": (("", "{name}及其{carer}"),),
    "disabled": (("", "{name}本人"), ("", "{name}及其照顾者"), ("family", "{name}及其家属")),
    "general": (("", "{name}本人"), ("family", "{name}及其家属"), ("spouse", "{name}夫妇")),
}  # fmt: skip
SIZES = {1: "一", 2: "二", 3: "三", 4: "四", 5: "五", 6: "六"}
