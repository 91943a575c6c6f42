"""Made-up but plausible words for demo cases: one theme per kind of situation.

A theme's words are templates: `{carer}`, `{spouse}`, `{kids}`… are filled in from the
client's own household (see demo_situations.words), so a grandson raised by his
grandfather is not said to live with his grandmother, and a wife's 丈夫 is not her 妻子.
Each service content says how the contact was made (its mode), so a 电话回访 is not
recorded as a home visit. The elders' themes are here, the others in case_texts_young.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields, replace
from typing import Any


@dataclass(frozen=True)
class Theme:
    problem: str
    domains: dict[str, str]
    strengths: str
    needs: tuple[str, ...]
    overall_goal: str
    goals: tuple[tuple[str, str, str, str], ...]
    """Goal, measures, actions, who."""
    contents: tuple[tuple[str, str], ...]
    """Service mode and what was done."""
    analyses: tuple[str, ...]
    change: str
    referral: tuple[str, str]
    """Agency and reason."""

    def filled(self, words: dict[str, str]) -> Theme:
        """The theme told of one client: every template filled with their household's words."""
        return replace(self, **{f.name: _fill(getattr(self, f.name), words) for f in fields(self)})

    def domains_json(self) -> str:
        return json.dumps(self.domains, ensure_ascii=False)


def _fill(value: Any, words: dict[str, str]) -> Any:
    if isinstance(value, str):
        return value.format_map(words)
    if isinstance(value, tuple):
        return tuple(_fill(v, words) for v in value)
    if isinstance(value, dict):
        return {k: _fill(v, words) for k, v in value.items()}
    return value


ELDER_THEMES: dict[str, Theme] = {
    "elder_alone_falls": Theme(
        problem="独居{elder}，腿脚不便，近三个月在家跌倒两次，{offspring}在外地务工。",
        domains={
            "physical": "行走需扶拐杖，高血压",
            "housing": "厕所无扶手，地面湿滑",
            "social_support": "邻居偶尔照看，{offspring}每月电话一次",
        },
        strengths="性格开朗，愿意配合，与邻居关系好",
        needs=("居家防跌倒改造", "定期探访", "紧急呼叫设备"),
        overall_goal="降低跌倒风险，建立稳定的邻里支持网络",
        goals=(
            ("完成居家适老化改造", "扶手、防滑垫安装到位", "链接残联、民政资源", "社工"),
            ("每周至少一次探访", "探访记录", "组织邻里志愿者结对", "志愿者"),
            ("学会使用紧急呼叫设备", "能独立演示", "上门教学", "社工"),
        ),
        contents=(
            ("home_visit", "入户探访，查看居住环境，确认扶手安装位置。"),
            ("phone", "电话回访，老人近一周未再跌倒，情绪稳定。"),
            ("escort", "陪同老人到卫生院复查血压，协助取药。"),
            ("home_visit", "与结对志愿者一同探访，介绍双方认识。"),
            ("home_visit", "上门教老人使用紧急呼叫器，老人能独立操作。"),
            ("online", "与老人的{offspring}视频通话，沟通照顾安排。"),
        ),
        analyses=(
            "老人安全意识有所提高。",
            "邻里支持初步建立，需持续巩固。",
            "情绪良好，配合度高。",
        ),
        change="改造完成后未再发生跌倒，每周有志愿者探访。",
        referral=("县残疾人联合会", "申请辅具适配"),
    ),
    "elder_alone_lonely": Theme(
        problem="独居{elder}，近来很少出门，与人来往少，情绪低落，常忘记按时服药。",
        domains={
            "emotional": "孤独感强，常说活着没意思",
            "physical": "患高血压，服药不规律",
            "social_support": "{offspring}在外地，逢年过节回家",
        },
        strengths="年轻时是村里的文艺骨干，喜欢唱采茶戏",
        needs=("情绪陪伴", "用药提醒", "社区参与"),
        overall_goal="缓解孤独情绪，规律服药，重新参与村里的活动",
        goals=(
            ("每周参加一次幸福院活动", "签到记录", "邀请并陪同参加", "社工"),
            ("按时服药", "药盒记录连续四周无漏服", "配置分格药盒，志愿者电话提醒", "志愿者"),
        ),
        contents=(
            ("home_visit", "入户陪老人聊天，回顾年轻时唱戏的经历，老人笑容增多。"),
            ("home_visit", "为老人配置分格药盒，讲解服药时间。"),
            ("phone", "电话提醒老人服药，老人表示已按时服用。"),
            ("escort", "陪同老人到幸福院参加戏曲活动。"),
            ("online", "协助老人与{offspring}视频通话。"),
        ),
        analyses=("老人情绪明显好转。", "服药依从性提高，需继续提醒。", "社区参与意愿增强。"),
        change="老人每周到幸福院两次，连续一个月按时服药，情绪稳定。",
        referral=("镇卫生院", "慢病随访与心理评估"),
    ),
    "elder_cognition": Theme(
        problem="{elder}疑似认知障碍，记性越来越差，走失过一次，{partner}照顾吃力。",
        domains={
            "physical": "记忆力明显下降",
            "care": "{partner}照顾负担重",
            "housing": "独门独院，出门无人看护",
        },
        strengths="{partner}耐心细致，{offspring}愿意分担费用",
        needs=("就医评估", "防走失措施", "照顾者喘息"),
        overall_goal="保障老人安全，减轻照顾者负担",
        goals=(
            ("完成认知评估", "取得评估结果", "陪同就医", "社工、家属"),
            ("配备防走失手环", "手环到位", "链接慈善资源", "社工"),
        ),
        contents=(
            ("home_visit", "入户探访，与{partner}了解老人日常表现。"),
            ("escort", "陪同老人到县医院做认知评估。"),
            ("resource_link", "为老人佩戴防走失手环，登记信息。"),
            ("phone", "电话回访{partner}，介绍照顾技巧。"),
            ("interview", "到村委会沟通，请网格员留意老人外出。"),
        ),
        analyses=("安全风险下降。", "照顾者情绪需关注。"),
        change="已配备手环，网格员协助看护，未再走失。",
        referral=("县医院老年科", "认知障碍诊断"),
    ),
    "elder_chronic": Theme(
        problem="{elder}患高血压、糖尿病多年，行动不便，到镇上就医取药困难。",
        domains={
            "physical": "血糖控制不佳，双腿浮肿",
            "care": "日常起居由{partner}照料",
            "economic": "医药费支出占收入大半",
        },
        strengths="老人自我照顾意愿强，家人关系和睦",
        needs=("慢病管理", "送药上门", "医疗救助"),
        overall_goal="稳定血压血糖，减轻就医负担",
        goals=(
            ("签约家庭医生", "签约完成并每月随访", "联系村卫生室", "社工、村医"),
            ("申请医疗救助", "申请获批", "协助准备材料", "社工"),
        ),
        contents=(
            ("home_visit", "入户为老人测血压，了解服药情况。"),
            ("resource_link", "联系村医为老人签约家庭医生服务。"),
            ("escort", "陪同老人到镇卫生院复查血糖。"),
            ("phone", "电话提醒老人按时复诊。"),
            ("home_visit", "协助整理医疗票据，准备医疗救助申请。"),
        ),
        analyses=("血压较前平稳。", "就医不便问题基本解决。"),
        change="村医每月上门随访，医疗救助已获批，血压血糖控制平稳。",
        referral=("镇卫生院", "慢病管理"),
    ),
    "elder_grandchildren": Theme(
        problem="{self}在家照看{grandkids}，{offspring}在外务工，本人身体渐差，照看吃力。",
        domains={
            "care": "白天务农，晚上辅导不了孙辈功课",
            "physical": "腰椎不好，干重活吃力",
            "family": "与在外的{offspring}联系少",
        },
        strengths="疼爱孙辈，家务安排有条理",
        needs=("隔代照料支持", "孙辈课后看护", "亲子联系"),
        overall_goal="减轻照看负担，让孙辈得到更好的照顾",
        goals=(
            ("孙辈参加课后托管", "每周三次", "链接四点半课堂", "社工"),
            ("每周与{offspring}视频一次", "通话记录", "协调固定通话时间", "社工、家属"),
        ),
        contents=(
            ("home_visit", "入户了解服务对象照看孙辈的日常安排。"),
            ("resource_link", "为孙辈报名村里的四点半课堂。"),
            ("online", "协助服务对象与在外务工的{offspring}视频通话，商量孩子的照料。"),
            ("phone", "电话回访，孙辈按时参加课后托管。"),
        ),
        analyses=("照看压力有所减轻。", "家庭联系增多。"),
        change="孙辈课后有人看护，服务对象每周与{offspring}视频，照看压力减轻。",
        referral=("镇社工站四点半课堂", "孙辈课后托管"),
    ),
    "elder_carer": Theme(
        problem="{self}照顾有{kin_need}的{kin_child}多年，担心自己身后{kin_child}无人照顾。",
        domains={
            "care": "独力照顾{kin_child}多年",
            "emotional": "忧虑{kin_child}今后的生活",
            "economic": "收入依靠补贴和少量种植",
        },
        strengths="坚韧能干，亲属愿意帮忙",
        needs=("照顾者喘息", "长期照护安排", "补贴政策"),
        overall_goal="减轻照顾压力，为{kin_child}的长期照护作安排",
        goals=(
            ("申请护理补贴", "申请获批", "协助准备材料", "社工"),
            ("落实托养或日间照料", "有书面安排", "联系县残联托养机构", "社工"),
        ),
        contents=(
            ("home_visit", "入户了解服务对象照顾{kin_child}的日常。"),
            ("resource_link", "协助申请护理补贴，整理残疾证复印件。"),
            ("phone", "电话告知补贴审批进展。"),
            ("escort", "陪同服务对象和{kin_child}到县残联了解日间照料服务。"),
        ),
        analyses=("对今后的安排有了方向。", "照顾压力仍大，需持续支持。"),
        change="护理补贴已获批，{kin_child}每周三天参加日间照料，服务对象得以休息。",
        referral=("县残疾人联合会", "日间照料与托养"),
    ),
    "institution": Theme(
        problem="集中供养特困人员，入住敬老院后适应困难，少与人交流，情绪低落。",
        domains={
            "emotional": "思念老屋，情绪低落",
            "social_support": "院内无熟人",
            "physical": "患关节炎，活动受限",
        },
        strengths="生活能够自理，愿意与社工交谈",
        needs=("院内适应", "人际交往", "情绪支持"),
        overall_goal="适应院内生活，建立院内人际关系",
        goals=(
            ("参加院内集体活动", "每周两次", "邀请并陪同参加", "社工"),
            ("结识两位院友", "能说出院友姓名并常往来", "安排结对", "社工、院方"),
        ),
        contents=(
            ("home_visit", "到敬老院探访，了解入住以来的生活。"),
            ("home_visit", "陪同参加院内的手工活动，介绍院友认识。"),
            ("phone", "电话联系院方，了解近况。"),
            ("interview", "与院长沟通，安排与同乡院友同住一层。"),
        ),
        analyses=("适应情况逐步改善。", "已与同乡院友常来往。"),
        change="能主动参加院内活动，与两位院友结为好友，情绪稳定。",
        referral=("县民政局社会救助股", "供养待遇核查"),
    ),
}

COMMENTS = (
    "服务记录较完整，建议在分析中多写服务对象的改变。",
    "风险评估及时，注意跟进安全计划的落实。",
    "计划目标可以再具体一些，便于评估。",
    "请关注照顾者的情绪状况。",
)
DECLINE_REASONS = ("需求属于其他部门职责，已告知求助渠道。", "服务对象拒绝接受服务。")
FOLLOW_UP_RESULTS = (
    "电话回访，情况稳定。",
    "入户回访，生活如常，无新需求。",
    "回访时服务对象表示满意。",
)
# Where a contact took place, from what its record says (first cue found), else by mode.
PLACE_CUES = (
    ("到校", "学校"), ("班主任", "学校"), ("敬老院", "敬老院"), ("县医院", "县医院"),
    ("妇幼保健院", "县妇幼保健院"), ("卫生院", "卫生院"), ("村委会", "村委会"),
    ("残联", "县残联"), ("民政办", "镇民政办"), ("人社所", "镇人社所"), ("教育办", "镇教育办"),
    ("幸福院", "幸福院"), ("合作社", "竹编合作社"), ("社区手工活动", "村文化活动中心"),
    ("社工站", "社工站"),
)  # fmt: skip
PLACE_BY_MODE = {
    "home_visit": "服务对象家中",
    "interview": "社工站",
    "escort": "卫生院",
    "resource_link": "社工站",
}
# How long a contact of each mode takes, in minutes.
MINUTES_BY_MODE = {
    "phone": (10, 15, 20),
    "online": (15, 20, 30),
    "home_visit": (30, 45, 60, 90),
    "interview": (30, 45, 60),
    "escort": (60, 90, 120, 180),
    "resource_link": (30, 45, 60),
}
