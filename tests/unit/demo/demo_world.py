"""The demo's clients and households read back as plain facts, for the coherence checks.

Written apart from the demo's own code on purpose: the checks must not reuse the rules
the generator follows, or they would check the demo against itself.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select

from app.domain import idnumber
from app.store.engine import Database
from app.store.models import Client, ClientCategory

HEAD, SPOUSE, SON, DAUGHTER, GRANDCHILD, PARENT = "02", "10", "20", "30", "40", "50"
MALE, FEMALE = "1", "2"
CHILD_CATEGORIES = frozenset(
    {"left_behind_child", "child_in_difficulty", "orphan", "de_facto_orphan"}
)
ELDER_CATEGORIES = frozenset(
    {"left_behind_elder", "empty_nest_elder", "living_alone_elder", "oldest_old",
     "disabled_elder", "semi_disabled_elder"}
)  # fmt: skip


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    sex: str
    age: int
    categories: frozenset[str]
    disability_type: str
    disability_grade: str
    self_care: str
    living: str
    relation: str
    household_id: int | None
    marital: str
    guardian_name: str
    guardian_relation: str

    def __str__(self) -> str:
        return f"{self.name}({self.id}, {self.age}岁, {'男' if self.sex == MALE else '女'})"


@dataclass
class World:
    today: dt.date
    people: dict[int, Person]
    households: dict[int, list[Person]] = field(default_factory=dict)

    def members(self, person: Person) -> list[Person]:
        if person.household_id is None:
            return [person]
        return self.households[person.household_id]

    def spouse(self, person: Person) -> Person | None:
        other = {HEAD: SPOUSE, SPOUSE: HEAD}.get(person.relation)
        return next((m for m in self.members(person) if m.relation == other), None)

    def in_care(self, person: Person) -> list[Person]:
        """The minors a head, spouse or guardian looks after in the household."""
        if person.relation not in (HEAD, SPOUSE) or person.age < 18:
            return []
        return [m for m in self.members(person) if m.age < 18 and m is not person]

    def grandparents(self, person: Person) -> list[Person]:
        """The grandparents a grandchild lives with (the head and their spouse)."""
        if person.relation != GRANDCHILD:
            return []
        return [m for m in self.members(person) if m.relation in (HEAD, SPOUSE)]

    def carer_sexes(self, person: Person) -> set[str]:
        """Sexes of the grandparents who raise a child, as the records and the guardian say."""
        sexes = {m.sex for m in self.grandparents(person)}
        if person.guardian_relation in ("祖母", "外祖母"):
            sexes.add(FEMALE)
        if person.guardian_relation in ("祖父", "外祖父"):
            sexes.add(MALE)
        return sexes


def load_world(db: Database) -> World:
    today = db.clock.today()
    categories: dict[int, set[str]] = defaultdict(set)
    with db.read() as session:
        for client_id, code in session.execute(
            select(ClientCategory.client_id, ClientCategory.category)
        ):
            categories[client_id].add(code)
        clients = list(session.scalars(select(Client).order_by(Client.id)))
    people = {}
    for c in clients:
        assert c.birth_date is not None
        people[c.id] = Person(
            c.id, c.name, c.sex, idnumber.age_on(c.birth_date, today),
            frozenset(categories[c.id]), c.disability_type, c.disability_grade, c.self_care,
            c.living_arrangement, c.relation_to_head, c.household_id, c.marital_status,
            c.guardian_name, c.guardian_relation,
        )  # fmt: skip
    world = World(today, people)
    for person in people.values():
        if person.household_id is not None:
            world.households.setdefault(person.household_id, []).append(person)
    return world


# ---- what words in a text say about the person the text is about ---------------------

Check = Callable[[Person, World, re.Match[str]], bool]
DISABILITY_TYPES = {
    "视力": "1",
    "听力": "2",
    "言语": "3",
    "肢体": "4",
    "智力": "5",
    "精神": "6",
    "多重": "7",
}
_GRADES = {"一": "1", "二": "2", "三": "3", "四": "4"}
SCHOOL_WORDS = r"班主任|逃课|厌学|学业|在校|课业|作业|上学|学校|成绩"


def _has(*codes: str) -> Check:
    return lambda p, w, m: bool(p.categories & set(codes))


TEXT_RULES: tuple[tuple[str, Check], ...] = (
    (r"老人|老伴|老年|高龄|独居|空巢|养老|晚年", lambda p, w, m: p.age >= 60),
    (r"高龄", lambda p, w, m: p.age >= 80),
    (r"独居", lambda p, w, m: "living_alone_elder" in p.categories and p.living == "alone"),
    (r"老伴|夫妻|夫妇", lambda p, w, m: w.spouse(p) is not None),
    (r"儿童|幼儿|监护人", lambda p, w, m: p.age < 18),
    (SCHOOL_WORDS, lambda p, w, m: 6 <= p.age < 18),
    (r"孩子|孙辈|子女上学", lambda p, w, m: p.age < 18 or bool(w.in_care(p))),
    (r"留守儿童|父母在外务工|父母外出务工", _has("left_behind_child")),
    (r"困境儿童", _has("child_in_difficulty")),
    (r"孤儿", _has("orphan")),
    (r"事实无人抚养", _has("de_facto_orphan")),
    (r"留守老人", _has("left_behind_elder")),
    (r"空巢", _has("empty_nest_elder")),
    (r"低保", _has("dibao_rural", "dibao_urban")),
    (r"特困|供养", _has("tekun_scattered", "tekun_central")),
    (r"敬老院", _has("tekun_central")),
    (r"流动人口|随迁", _has("migrant")),
    (r"残疾人(?!联合会|就业|联)|持证", lambda p, w, m: "disabled" in p.categories),
    (
        r"(视力|听力|言语|肢体|智力|精神|多重)残疾",
        lambda p, w, m: p.disability_type == DISABILITY_TYPES[m[1]],
    ),
    (r"残疾([一二三四])级", lambda p, w, m: p.disability_grade == _GRADES[m[1]]),
    (r"轮椅", lambda p, w, m: p.disability_type in ("4", "7") or p.self_care == "none"),
    (r"丈夫", lambda p, w, m: p.sex == FEMALE and w.spouse(p) is not None),
    (r"妻子", lambda p, w, m: p.sex == MALE and w.spouse(p) is not None),
    (r"她", lambda p, w, m: p.sex == FEMALE),
    (r"(?<!其)他(?![人们])", lambda p, w, m: p.sex == MALE),
    (r"(?<!外)祖母|奶奶|外婆|外祖母", lambda p, w, m: FEMALE in w.carer_sexes(p)),
    (r"(?<!外)祖父(?!母)|爷爷|外公|外祖父(?!母)", lambda p, w, m: MALE in w.carer_sexes(p)),
    (
        r"儿子",
        lambda p, w, m: p.sex == MALE or (p.age >= 40 and p.relation not in (SON, DAUGHTER)),
    ),
    (
        r"女儿",
        lambda p, w, m: p.sex == FEMALE or (p.age >= 40 and p.relation not in (SON, DAUGHTER)),
    ),
    (r"(?:服务对象|本人)外出务工|就业|失业", lambda p, w, m: 16 <= p.age < 65),
    (r"接孩子", lambda p, w, m: 18 <= p.age < 60 and bool(w.in_care(p))),
)
_COMPILED = tuple((re.compile(pattern), check) for pattern, check in TEXT_RULES)


def text_misfits(text: str, person: Person, world: World) -> list[str]:
    """The words of `text` that do not fit `person` (who the text is about)."""
    wrong = []
    for pattern, check in _COMPILED:
        for match in pattern.finditer(text):
            if not check(person, world, match):
                wrong.append(match[0])
                break
    return wrong


# ---- who may be in a group, what a visit may say, what a household may be given -------

GROUP_RULES: tuple[tuple[str, str, Callable[[Person, World], bool]], ...] = (
    ("独居老人", "独居或空巢老人", lambda p, w: bool(p.categories & {"living_alone_elder",
                                                             "empty_nest_elder"})),
    ("老年|夕阳|银龄", "60岁以上", lambda p, w: p.age >= 60),
    ("留守儿童", "6至14岁留守儿童", lambda p, w: "left_behind_child" in p.categories
                                         and 6 <= p.age <= 14),
    ("四点半|书香童年", "小学生", lambda p, w: 6 <= p.age <= 12),
    ("残疾人", "持证残疾人", lambda p, w: "disabled" in p.categories),
    ("照顾者", "家中有需要照顾的人", lambda p, w: p.age >= 18 and not p.disability_type
     and p.self_care in ("", "full") and any(
         m is not p and (m.self_care in ("none", "partial") or m.disability_grade in ("1", "2")
                         or m.disability_type in ("5", "6")) for m in w.members(p))),
)  # fmt: skip


VISIT_RULES: tuple[tuple[str, Callable[[list[Person], re.Match[str]], bool]], ...] = (
    (r"独居", lambda ms, m: len(ms) == 1 and ms[0].living == "alone"),
    (r"老人|老伴", lambda ms, m: any(p.age >= 60 for p in ms)),
    (r"老伴|夫妇|夫妻", lambda ms, m: {p.relation for p in ms} >= {HEAD, SPOUSE}),
    (r"孙辈|祖孙", lambda ms, m: any(p.relation == GRANDCHILD for p in ms)),
    (r"一家([二三四五六])口", lambda ms, m: len(ms) == "二三四五六".index(m[1]) + 2),
    (r"孩子|儿童|监护人|放学", lambda ms, m: any(p.age < 18 for p in ms)),
    (r"上小学|成绩|课业|学习用品", lambda ms, m: any(6 <= p.age <= 15 for p in ms)),
    (r"高龄", lambda ms, m: any(p.age >= 80 for p in ms)),
    (r"留守|父母在外务工", lambda ms, m: any("left_behind_child" in p.categories for p in ms)),
    (r"(视力|听力|言语|肢体|智力|精神|多重)残疾",
     lambda ms, m: any(p.disability_type == DISABILITY_TYPES[m[1]] for p in ms)),
    (r"轮椅", lambda ms, m: any(p.disability_type in ("4", "7") or p.self_care == "none"
                               for p in ms)),
    (r"(?<!外)祖母|奶奶|外婆", lambda ms, m: FEMALE in _carers(ms)),
    (r"(?<!外)祖父(?!母)|爷爷|外公", lambda ms, m: MALE in _carers(ms)),
)  # fmt: skip


def _carers(members: list[Person]) -> set[str]:
    """Sexes of the grandparents (heads and their spouses, or guardians) raising a child."""
    sexes = set()
    if any(p.relation == GRANDCHILD for p in members):
        sexes |= {p.sex for p in members if p.relation in (HEAD, SPOUSE)}
    for p in members:
        sexes |= {FEMALE} if p.guardian_relation in ("祖母", "外祖母") else set()
        sexes |= {MALE} if p.guardian_relation in ("祖父", "外祖父") else set()
    return sexes


RESOURCE_RULES: tuple[tuple[str, Callable[[Person], bool]], ...] = (
    ("学习用品|助学", lambda p: 6 <= p.age < 18),
    ("老花镜", lambda p: p.age >= 40),
    ("助行器|轮椅", lambda p: p.age >= 60 or p.disability_type in ("4", "7")),
)
