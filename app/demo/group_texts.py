"""Made-up but plausible words for demo groups: one theme per kind of group a station runs."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GroupTheme:
    name: str
    group_type: str
    members: str
    """Who may join: elder, lonely, left_behind, pupil, disabled or carer (groups._fits)."""
    target_people: str
    goals: str
    theory_basis: str
    recruitment: str
    evaluation: str
    scale_name: str
    scale: tuple[int, int, bool]
    """Lowest and highest score, and whether a lower score is better."""
    topics: tuple[str, ...]
    activities: tuple[str, ...]
    weekend: bool = False


THEMES: tuple[GroupTheme, ...] = (
    GroupTheme(
        name="“银龄相伴”独居老人互助小组",
        group_type="support",
        members="lonely",
        target_people="辖区内独居、空巢老人",
        goals="缓解独居老人孤独感，建立老人之间的互助结对关系",
        theory_basis="社会支持理论、优势视角",
        recruitment="60岁以上独居或空巢老人，能自行或在家属陪同下到场",
        evaluation="前后测（孤独感量表）、组员满意度问卷、社工观察记录",
        scale_name="UCLA孤独感量表（简版ULS-8）",
        scale=(8, 32, True),
        topics=("相识你我他", "说说我的一天", "老物件里的故事", "互助结对", "健康小常识",
                "我们的手工作品", "邻里守望", "回顾与告别", "结对回访分享", "展望新生活"),
        activities=("破冰游戏“名字接龙”，介绍小组规范", "分享生活故事，社工引导相互回应",
                    "两两结对，约定每周互相串门", "镇卫生院医生讲解慢病用药"),
    ),
    GroupTheme(
        name="“快乐成长”留守儿童成长小组",
        group_type="growth",
        members="left_behind",
        target_people="辖区内农村留守儿童",
        goals="提升留守儿童自信心与人际交往能力，学会表达情绪",
        theory_basis="社会学习理论、埃里克森心理社会发展理论",
        recruitment="6至14岁父母双方或一方外出务工的儿童，监护人同意",
        evaluation="前后测（自尊量表）、儿童画作与分享、监护人反馈",
        scale_name="Rosenberg自尊量表",
        scale=(10, 40, False),
        topics=("我们是一家人", "认识我自己", "情绪小怪兽", "我会说“不”", "给爸爸妈妈的信",
                "合作大挑战", "安全小卫士", "我的梦想", "成长分享会", "毕业典礼"),
        activities=("“大风吹”破冰，共同制定小组约定", "绘本共读，识别四种基本情绪",
                    "情景剧演练自我保护", "写信并录制视频寄给在外务工的父母"),
        weekend=True,
    ),
    GroupTheme(
        name="“心手相连”残疾人康复互助小组",
        group_type="support",
        members="disabled",
        target_people="辖区内持证残疾人",
        goals="交流康复经验，增强自我效能感，链接康复资源",
        theory_basis="增能理论、社会支持理论",
        recruitment="持第二代残疾人证、有康复需求且能参与集体活动者",
        evaluation="前后测（一般自我效能感量表）、满意度问卷",
        scale_name="一般自我效能感量表（GSES）",
        scale=(10, 40, False),
        topics=("相识与期待", "我的康复故事", "居家康复小技巧", "辅具知多少", "政策面对面",
                "技能分享", "走出家门", "总结与展望"),
        activities=("自我介绍与期待分享", "康复师示范居家训练动作", "残联工作人员讲解辅具申请流程",
                    "组员展示手工编织作品"),
    ),
    GroupTheme(
        name="“照顾者喘息”支持小组",
        group_type="support",
        members="carer",
        target_people="失能、半失能老人及重度残疾人的家庭照顾者",
        goals="减轻照顾压力，学习照护技巧，建立照顾者支持网络",
        theory_basis="压力与应对理论、社会支持理论",
        recruitment="长期承担家庭照顾责任的家属",
        evaluation="前后测（照顾者负担量表）、组员访谈",
        scale_name="Zarit照顾者负担量表（ZBI）",
        scale=(0, 88, True),
        topics=("照顾者的心声", "压力从哪里来", "翻身与防压疮", "放松训练", "政策与资源",
                "互助约定", "自我关爱", "总结分享"),
        activities=("分享照顾中的一天，社工回应与正常化", "护士示范翻身、拍背",
                    "呼吸放松与肌肉放松练习", "介绍长期护理、残疾人两项补贴政策"),
    ),
    GroupTheme(
        name="“健康行”老年慢病管理教育小组",
        group_type="education",
        members="elder",
        target_people="患有高血压、糖尿病等慢性病的老人",
        goals="掌握慢病自我管理知识，养成规律服药和监测习惯",
        theory_basis="健康信念模式、社会学习理论",
        recruitment="60岁以上患慢性病、愿意学习自我管理的老人",
        evaluation="知识问卷前后测、服药依从性记录",
        scale_name="慢病自我管理知识问卷",
        scale=(0, 20, False),
        topics=("认识慢病", "吃对一日三餐", "按时服药", "学会量血压", "动起来",
                "情绪与健康", "经验交流", "结业考核"),
        activities=("镇卫生院医生讲解高血压知识", "分组练习使用电子血压计",
                    "制作个人服药提醒卡", "八段锦教学"),
    ),
    GroupTheme(
        name="“书香童年”四点半课堂兴趣小组",
        group_type="interest",
        members="pupil",
        target_people="放学后无人看护的儿童",
        goals="培养阅读兴趣，养成按时完成作业的习惯",
        theory_basis="生态系统理论",
        recruitment="小学一至六年级学生，家长同意",
        evaluation="阅读记录、作业完成情况、家长反馈",
        scale_name="阅读兴趣自评表",
        scale=(5, 25, False),
        topics=("走进图书角", "我最喜欢的故事", "好书推荐会", "小小朗读者", "故事续写",
                "读书笔记展", "亲子共读", "阅读之星颁奖"),
        activities=("志愿者辅导作业，分组阅读", "故事接龙游戏", "朗读比赛", "制作读书书签"),
        weekend=True,
    ),
    GroupTheme(
        name="“巧手夕阳”老年手工兴趣小组",
        group_type="interest",
        members="elder",
        target_people="喜爱手工的老年人",
        goals="丰富老人精神文化生活，扩大社会交往",
        theory_basis="活动理论",
        recruitment="60岁以上、身体状况允许参与手工活动的老人",
        evaluation="作品展示、满意度问卷、出勤记录",
        scale_name="生活满意度指数（LSI-A）",
        scale=(0, 20, False),
        topics=("相识与分工", "剪纸入门", "编织杯垫", "制作香囊", "布艺小挂件",
                "作品义卖筹备", "作品展", "总结分享"),
        activities=("讲解剪纸基本手法", "老人互教互学编织", "端午前制作香囊赠送邻里",
                    "布置作品展"),
    ),
)  # fmt: skip

DYNAMICS = (
    "组员参与积极，彼此开始主动打招呼，小组氛围融洽。",
    "个别组员较拘谨，经社工邀请后能简单分享。",
    "组员之间出现小争执，社工及时澄清规范，气氛恢复。",
    "组员主动分享自身经历，互相鼓励，凝聚力增强。",
    "部分组员迟到，活动开始稍晚，整体投入度较好。",
    "讨论热烈，有组员提出下节想学的内容。",
)
REFLECTIONS = (
    "时间把控略紧，下节减少一个环节。",
    "需提前电话提醒行动不便的组员，并安排志愿者接送。",
    "游戏难度适中，下节可增加组员自主带领的部分。",
    "个别组员情绪低落，会后单独跟进。",
    "场地较小，下次调整座位为圆圈。",
    "目标基本达成，组员反馈收获较大。",
)
OBSERVATIONS = (
    "主动发言两次",
    "较安静，能完成任务",
    "帮助其他组员",
    "情绪稳定，笑容较多",
    "注意力不集中，需提醒",
    "分享了家中近况",
)
LEFT_EARLY = ("家中有事提前离开", "身体不适提前离开")
LEFT_EARLY_PARENT = "接孩子提前离开"  # only a member who looks after children
LEFT_EARLY_CHILD = "被家人提前接走"
PLACES = ("村委会活动室", "社工室", "幸福院", "农家书屋", "村小学教室", "文化活动中心")
ATTAINMENT = (
    "小组目标基本达成，组员后测得分普遍改善，结对关系保持良好。",
    "大部分目标达成，个别组员因外出未能全程参与。",
    "目标达成，组员希望继续开展后续活动。",
)
SUMMARY = (
    "本小组共开展{n}节，组员出勤稳定，满意度较高；后续转为自助小组，由骨干组员带领。",
    "本小组共开展{n}节，达到预期目标；个别有个案需求的组员已转入个案跟进。",
    "本小组共开展{n}节，组员间建立了互助关系；建议下一期扩大招募范围。",
)
