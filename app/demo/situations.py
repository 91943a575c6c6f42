"""Who a demo client is, in the words their records use.

A case's theme follows the client's age, categories and household (an eight-year-old
gets a child's problems, a 独居老人 an elder's), and its templates are filled with the
household's own relations: the 祖父 or 祖母 who raises a child, the 丈夫 or 妻子 of a
wife or a husband, how many children a parent looks after.
"""

from __future__ import annotations

import random

from app.demo import data
from app.demo.bulk import DemoClient
from app.demo.case_texts import ELDER_THEMES, PLACE_BY_MODE, PLACE_CUES, Theme
from app.demo.case_texts_young import YOUNG_THEMES
from app.demo.households import DAUGHTER, GRANDCHILD, HEAD, SON, SPOUSE
from app.demo.people import MALE

DISABILITY_NAMES = {
    "1": "视力残疾", "2": "听力残疾", "3": "言语残疾", "4": "肢体残疾", "5": "智力残疾",
    "6": "精神残疾", "7": "多重残疾",
}  # fmt: skip
_NEEDS = {
    "1": "视力障碍", "2": "听力障碍", "3": "言语障碍", "4": "肢体障碍", "5": "智力障碍",
    "6": "精神障碍", "7": "多重障碍",
}  # fmt: skip
_GRADES = {"1": "一级", "2": "二级", "3": "三级", "4": "四级"}
_LIMITS = {
    "1": "视物困难", "2": "听力差，交流不便", "3": "说话不清，交流不便",
    "7": "多种功能受限，行动不便",
}  # fmt: skip
_COUNTS = {1: "孩子", 2: "两个孩子", 3: "三个孩子"}
# What a child's guardian is called, when the guardian is named by relation.
_CARERS = frozenset({"祖父", "祖母", "外祖父", "外祖母", "父亲", "母亲", "叔叔", "伯父", "姑姑"})


def spouse_of(client: DemoClient, members: list[DemoClient]) -> DemoClient | None:
    other = {HEAD: SPOUSE, SPOUSE: HEAD}.get(client.relation)
    return next((m for m in members if m.relation == other), None)


def minors_in_care(client: DemoClient, members: list[DemoClient]) -> list[DemoClient]:
    """The children a head of household (or their spouse) looks after."""
    if client.relation not in (HEAD, SPOUSE) or client.child:
        return []
    return [m for m in members if m.child and m is not client]


def needs_care(client: DemoClient) -> bool:
    """Someone a family member has to look after: frail, or severely or mentally disabled."""
    return (
        client.self_care in ("none", "partial")
        or client.disability_grade in ("1", "2")
        or client.disability_type in ("5", "6")
    )


def _disabled_child(client: DemoClient, members: list[DemoClient]) -> DemoClient | None:
    if client.relation not in (HEAD, SPOUSE):
        return None
    grown = (m for m in members if m.relation in (SON, DAUGHTER) and not m.child)
    return next((m for m in grown if m.disabled), None)


THEMES: dict[str, Theme] = {**ELDER_THEMES, **YOUNG_THEMES}
Contact = tuple[str, str, str]
"""A service contact a theme offers: mode, place and what was done."""


def story(
    client: DemoClient, members: list[DemoClient], rng: random.Random
) -> tuple[Theme, list[Contact]]:
    """A case theme that fits the client, told in their household's words, and its contacts."""
    theme = THEMES[rng.choice(theme_keys(client, members))].filled(words(client, members, rng))
    contacts = [(mode, _place(mode, text), text) for mode, text in theme.contents]
    if client.living == "institution":
        contacts = [(m, "敬老院" if p == "服务对象家中" else p, t) for m, p, t in contacts]
    return theme, contacts


def _place(mode: str, text: str) -> str:
    """Where a contact was made: what its record names, else where such contacts happen."""
    if mode in ("phone", "online"):
        return ""
    cue = next((place for word, place in PLACE_CUES if word in text), None)
    return cue or PLACE_BY_MODE.get(mode, "社工站")


def theme_keys(client: DemoClient, members: list[DemoClient]) -> tuple[str, ...]:
    """The case themes that fit the client (keys of case_texts and case_texts_young)."""
    minors = minors_in_care(client, members)
    if data.TEKUN_CENTRAL in client.categories or client.living == "institution":
        return ("institution",)
    if client.child:
        if client.age < 6:
            return ("child_young",)
        if data.LEFT_BEHIND_CHILD in client.categories:
            return ("child_left_behind",)
        return ("child_support",)
    if any(m.relation == GRANDCHILD for m in minors):
        return ("elder_grandchildren",)
    if _disabled_child(client, members):
        return ("elder_carer",)
    if client.elderly:
        if data.LIVING_ALONE_ELDER in client.categories:
            return ("elder_alone_falls", "elder_alone_lonely")
        if client.living == "alone":
            return ("elder_chronic",)
        return ("elder_cognition", "elder_chronic")
    if client.disabled:
        return ("disabled_mind",) if client.disability_type in ("5", "6") else ("disabled_body",)
    if minors:
        if data.MIGRANT in client.categories:
            return ("migrant_kids",)
        return ("family_spouse_ill",) if spouse_of(client, members) else ("single_parent",)
    return ("adult_ill",)


def _carer(client: DemoClient, members: list[DemoClient]) -> str:
    """Who looks after the client, as their records call them."""
    if client.guardian_relation in _CARERS:
        return client.guardian_relation
    head = next((m for m in members if m.relation == HEAD), None)
    if head is not None and client.relation in (SON, DAUGHTER):
        return "父亲" if head.sex == MALE else "母亲"
    return "家人"


def _child_status(client: DemoClient) -> str:
    held = client.categories
    if data.ORPHAN in held:
        return "孤儿，父母双亡"
    if data.DE_FACTO_ORPHAN in held:
        return "事实无人抚养儿童，父母无法履行抚养责任"
    if data.LEFT_BEHIND_CHILD in held:
        return "留守儿童，父母在外务工"
    if data.CHILD_IN_DIFFICULTY in held:
        return "困境儿童，家庭经济困难"
    return "家庭经济困难"


def words(client: DemoClient, members: list[DemoClient], rng: random.Random) -> dict[str, str]:
    """Every word a theme template may ask for, told of this client."""
    male = client.sex == MALE
    spouse = spouse_of(client, members)
    minors = minors_in_care(client, members)
    grandchildren = [m for m in minors if m.relation == GRANDCHILD]
    kin = _disabled_child(client, members)
    self_word = "高龄老人" if client.age >= 80 else "老人" if client.elderly else "本人"
    if len(grandchildren) == 1:
        grandkids = "孙子" if grandchildren[0].sex == MALE else "孙女"
    else:
        grandkids = "两个孙辈" if len(grandchildren) == 2 else "几个孙辈"
    if spouse is not None:
        partner = "老伴" if client.elderly else ("丈夫" if not male else "妻子")
    else:
        partner = "邻居" if client.living == "alone" else "家人"
    kind, grade = client.disability_type, client.disability_grade
    limits = _LIMITS.get(kind, "")
    if kind == "4":
        limits = "行动需借助轮椅" if grade in ("1", "2") else "行走不便"
    return {
        "ta": "他" if male else "她",
        "spouse": "妻子" if male else "丈夫",
        "partner": partner,
        "self": self_word,
        "elder": self_word,
        "offspring": rng.choice(("儿子", "女儿")),
        "kids": _COUNTS.get(len(minors), "几个孩子"),
        "grandkids": grandkids,
        "carer": _carer(client, members),
        "child_status": _child_status(client),
        "disability": DISABILITY_NAMES.get(kind, "") + _GRADES.get(grade, ""),
        "limits": limits,
        "kin_child": "" if kin is None else ("儿子" if kin.sex == MALE else "女儿"),
        "kin_need": "" if kin is None else _NEEDS.get(kin.disability_type, "残障"),
    }


def people_present(client: DemoClient, rng: random.Random) -> str:
    if client.child:
        return "服务对象及监护人" if rng.random() < 0.6 else "服务对象"
    return "服务对象" if rng.random() < 0.7 else "服务对象及家属"


def pause_reason(client: DemoClient) -> str:
    """Why a case rests for a while, as fits the client's age."""
    if client.child:
        return "随家人外出探亲，暂时无法联系"
    if client.elderly:
        return "到外地子女家小住，暂时无法联系"
    return "服务对象外出务工，暂时无法联系"


def fits(who: str, client: DemoClient) -> bool:
    """Whether a record meant for `who` (as staff_texts names them) may be about `client`."""
    if who == "elder":
        return client.elderly
    if who == "alone":
        return data.LIVING_ALONE_ELDER in client.categories
    if who == "left_behind":
        return data.LEFT_BEHIND_CHILD in client.categories
    if who == "pupil":
        return 6 <= client.age < 18
    if who == "mental":
        return client.disability_type in ("5", "6")
    if who == "frail":
        return client.elderly or client.disabled
    if who == "mobility":
        return client.elderly or client.disability_type in ("4", "7")
    if who == "adult":
        return not client.child
    if who == "child":
        return client.child
    return True
