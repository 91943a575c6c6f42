"""Made-up households of the kinds a township station registers, with their categories.

Each kind is one method, so the shares in `demo_data.HOUSEHOLD_KINDS` decide how many
elders living alone, 低保 families, grandparents raising left-behind children… a village
has. Categories follow age and circumstance: 高龄老人 are 80+, 留守儿童 are children.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from app.demo import data
from app.demo.people import FEMALE, MALE, People, Person, chance, pick

HEAD, SPOUSE, SON, DAUGHTER, GRANDCHILD, PARENT, OTHER = "02", "10", "20", "30", "40", "50", "99"


@dataclass(frozen=True)
class Place:
    """A village or community as the generator sees it."""

    name: str
    is_community: bool
    clans: tuple[str, ...]


@dataclass
class HouseholdPlan:
    """The members of one household; `registered` is False for people in an institution."""

    members: list[Person]
    head_name: str
    address: str
    registered: bool = True


def surname_of(name: str) -> str:
    return name[:2] if name[:2] in data.SURNAMES else name[0]


def _kin(person: Person, male: str, female: str) -> str:
    """What a relative calls `person`, by their sex: 祖父 or 祖母, 父亲 or 母亲."""
    return male if person.sex == MALE else female


def age_of(person: Person, today: dt.date) -> int:
    born = person.birth_date
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


class Households:
    def __init__(self, people: People, *, institution: str) -> None:
        self.people = people
        self.rng = people.rng
        self.institution = institution
        self._kinds: dict[str, Callable[[Place], tuple[list[Person], str]]] = {
            "elder_alone": self._elder_alone,
            "elder_couple": self._elder_couple,
            "grandparents_children": self._grandparents_children,
            "dibao_family": self._dibao_family,
            "disabled_adult": self._disabled_adult,
            "edge_family": self._edge_family,
            "children_in_difficulty": self._children_in_difficulty,
            "migrant_family": self._migrant_family,
            "entitled_elder": self._entitled_elder,
            "tekun_central": self._tekun_central,
            "temp_relief": self._temp_relief,
        }

    def make(self, place: Place) -> HouseholdPlan:
        kind = pick(self.rng, data.HOUSEHOLD_KINDS)
        members, head_name = self._kinds[kind](place)
        if kind == "tekun_central":
            return HouseholdPlan(members, head_name, self.institution, registered=False)
        return HouseholdPlan(members, head_name, self._address(place))

    # ---- the kinds ---------------------------------------------------------------------

    def _elder_alone(self, place: Place) -> tuple[list[Person], str]:
        elder = self._person(FEMALE if chance(self.rng, 0.6) else MALE, (62, 97), place, HEAD)
        elder.marital_status = pick(self.rng, {"30": 80, "10": 10, "40": 10})
        elder.living_arrangement = "alone"
        elder.add(data.LIVING_ALONE_ELDER)
        if chance(self.rng, 0.3):
            elder.add(data.TEKUN_SCATTERED)
        elif chance(self.rng, 0.45):
            elder.add(self._dibao(place))
        self._frailty(elder)
        self._risk(elder, high=0.06, medium=0.25)
        return [elder], elder.name

    def _elder_couple(self, place: Place) -> tuple[list[Person], str]:
        husband = self._person(MALE, (62, 92), place, HEAD)
        wife = self._spouse_of(husband, place, younger_by=(0, 6))
        category = data.EMPTY_NEST_ELDER if chance(self.rng, 0.65) else data.LEFT_BEHIND_ELDER
        on_dibao = chance(self.rng, 0.3)
        for elder in (husband, wife):
            elder.living_arrangement = "spouse"
            if age_of(elder, self.people.today) >= 60:
                elder.add(category)
            if on_dibao:
                elder.add(self._dibao(place))
            self._frailty(elder)
            self._risk(elder, high=0.02, medium=0.12)
        return [husband, wife], husband.name

    def _grandparents_children(self, place: Place) -> tuple[list[Person], str]:
        head = self._person(MALE if chance(self.rng, 0.6) else FEMALE, (55, 80), place, HEAD)
        members = [head]
        if chance(self.rng, 0.5):
            members.append(self._spouse_of(head, place, younger_by=(-3, 5)))
        family = surname_of(head.name) if head.sex == MALE else self.people.surname(place.clans)
        on_dibao = chance(self.rng, 0.2)
        for elder in members:
            elder.living_arrangement = "relatives"
            if age_of(elder, self.people.today) >= 60:
                elder.add(data.LEFT_BEHIND_ELDER)
                self._frailty(elder)
        for _ in range(self.rng.choice((1, 1, 2, 2, 3))):
            child = self._child(family, (1, 15), GRANDCHILD, head, _kin(head, "祖父", "祖母"))
            child.add(data.LEFT_BEHIND_CHILD)
            if chance(self.rng, 0.06):
                child.add(data.CHILD_IN_DIFFICULTY)
            self._risk(child, high=0.03, medium=0.15)
            members.append(child)
        if on_dibao:
            for member in members:
                member.add(self._dibao(place))
        return members, head.name

    def _dibao_family(self, place: Place) -> tuple[list[Person], str]:
        head = self._person(MALE if chance(self.rng, 0.75) else FEMALE, (30, 62), place, HEAD)
        members = [head]
        if chance(self.rng, 0.7):
            members.append(self._spouse_of(head, place, younger_by=(-2, 6)))
        else:
            head.marital_status = pick(self.rng, {"30": 40, "40": 40, "10": 20})
        head_age = age_of(head, self.people.today)
        for _ in range(self.rng.choice((0, 1, 1, 2, 2))):
            oldest = min(17 if head_age < 50 else 25, head_age - 20)
            child = self._child(surname_of(head.name), (1, max(oldest, 1)), None, head)
            if chance(self.rng, 0.1) and age_of(child, self.people.today) < 18:
                child.add(data.CHILD_IN_DIFFICULTY)
            members.append(child)
        if chance(self.rng, 0.35) and head_age <= 68:
            parent = self._person(
                FEMALE if chance(self.rng, 0.6) else MALE, (head_age + 22, min(head_age + 32, 97)),
                place, PARENT, surname=surname_of(head.name) if head.sex == MALE else "",
            )  # fmt: skip
            parent.marital_status = "30"
            parent.living_arrangement = "children"
            self._frailty(parent)
            members.append(parent)
        if chance(self.rng, 0.3):
            self._disable(self.rng.choice(members))
        for member in members:
            member.add(self._dibao(place))
            self._risk(member, high=0.02, medium=0.15)
        return members, head.name

    def _disabled_adult(self, place: Place) -> tuple[list[Person], str]:
        sex = MALE if chance(self.rng, 0.58) else FEMALE
        if chance(self.rng, 0.6):
            parent = self._person(pick(self.rng, {MALE: 1, FEMALE: 1}), (48, 88), place, HEAD)
            parent.marital_status = pick(self.rng, {"20": 60, "30": 40})
            age = age_of(parent, self.people.today)
            person = self._child(surname_of(parent.name), (18, min(age - 20, 60)), None, parent)
            person.marital_status = pick(self.rng, {"10": 70, "20": 20, "40": 10})
            members = [parent, person]
            # Not 留守: the disabled son or daughter lives at home with them.
            self._frailty(parent)
        else:
            person = self._person(sex, (18, 65), place, HEAD)
            person.marital_status = pick(self.rng, {"10": 60, "20": 25, "40": 15})
            members = [person]
            if person.marital_status == "10" and chance(self.rng, 0.25):
                person.add(data.TEKUN_SCATTERED)
        self._disable(person)
        if person.disability_type in ("5", "6") and len(members) > 1:
            # Adults with an intellectual or mental disability usually have a guardian.
            person.guardian_name = members[0].name
            person.guardian_relation = _kin(members[0], "父亲", "母亲")
            person.guardian_phone = members[0].phone
        if chance(self.rng, 0.5):
            for member in members:
                member.add(self._dibao(place))
        severe = person.disability_type in ("5", "6") or person.disability_grade in ("1", "2")
        self._risk(person, high=0.08 if severe else 0.02, medium=0.3 if severe else 0.12)
        return members, members[0].name

    def _edge_family(self, place: Place) -> tuple[list[Person], str]:
        head = self._person(MALE if chance(self.rng, 0.7) else FEMALE, (35, 65), place, HEAD)
        members = [head]
        if chance(self.rng, 0.8):
            members.append(self._spouse_of(head, place, younger_by=(-2, 6)))
        if chance(self.rng, 0.5):
            members.append(self._child(surname_of(head.name), (6, 16), None, head))
        category = data.DIBAO_EDGE if chance(self.rng, 0.6) else data.RIGID_EXPENSE
        for member in members:
            member.add(category)
        if chance(self.rng, 0.3):
            head.add(data.TEMP_RELIEF)
        self._risk(head, high=0.01, medium=0.1)
        return members, head.name

    def _children_in_difficulty(self, place: Place) -> tuple[list[Person], str]:
        surname = self.people.surname(place.clans)
        by_grandparent = chance(self.rng, 0.6)
        guardian_sex = MALE if chance(self.rng, 0.5) else FEMALE
        guardian_age = (58, 78) if by_grandparent else (30, 55)
        guardian = self._person(guardian_sex, guardian_age, place, HEAD, surname=surname)
        if by_grandparent:
            relation = _kin(guardian, "祖父", "祖母")
        else:
            relation = _kin(guardian, self.rng.choice(("叔叔", "伯父")), "姑姑")
        category = pick(
            self.rng,
            {data.CHILD_IN_DIFFICULTY: 53, data.DE_FACTO_ORPHAN: 35, data.ORPHAN: 12},
        )
        members = []
        for _ in range(self.rng.choice((1, 1, 2))):
            child = self._child(
                surname, (2, 16), GRANDCHILD if by_grandparent else OTHER, guardian, relation
            )
            child.living_arrangement = "relatives"
            child.add(category)
            self._risk(child, high=0.15, medium=0.4)
            members.append(child)
        # The guardian is not a client; the household is known by their name.
        return members, guardian.name

    def _migrant_family(self, place: Place) -> tuple[list[Person], str]:
        head = self._person(MALE if chance(self.rng, 0.7) else FEMALE, (22, 48), place, HEAD)
        members = [head]
        if chance(self.rng, 0.7):
            members.append(self._spouse_of(head, place, younger_by=(-2, 5)))
        # Parents were at least 20 when their children were born.
        oldest = min(12, age_of(head, self.people.today) - 20)
        for _ in range(self.rng.choice((0, 1, 1, 2))):
            members.append(self._child(surname_of(head.name), (1, max(oldest, 1)), None, head))
        for member in members:
            member.add(data.MIGRANT)
        if chance(self.rng, 0.25):
            head.add(data.TEMP_RELIEF)
        return members, head.name

    def _entitled_elder(self, place: Place) -> tuple[list[Person], str]:
        veteran = self._person(MALE, (70, 96), place, HEAD)
        veteran.add(data.ENTITLED_GROUP, data.EMPTY_NEST_ELDER)
        veteran.living_arrangement = "alone"
        members = [veteran]
        if chance(self.rng, 0.5):
            wife = self._spouse_of(veteran, place, younger_by=(0, 6))
            wife.add(data.EMPTY_NEST_ELDER)
            veteran.living_arrangement = wife.living_arrangement = "spouse"
            members.append(wife)
        else:
            veteran.marital_status = "30"
        for elder in members:
            self._frailty(elder)
        return members, veteran.name

    def _tekun_central(self, place: Place) -> tuple[list[Person], str]:
        person = self._person(MALE if chance(self.rng, 0.7) else FEMALE, (55, 93), place, "")
        person.marital_status = pick(self.rng, {"10": 70, "30": 25, "40": 5})
        person.living_arrangement = "institution"
        person.add(data.TEKUN_CENTRAL)
        self._frailty(person)
        return [person], ""

    def _temp_relief(self, place: Place) -> tuple[list[Person], str]:
        person = self._person(MALE if chance(self.rng, 0.6) else FEMALE, (25, 60), place, HEAD)
        person.add(data.TEMP_RELIEF)
        if chance(self.rng, 0.3):
            person.add(data.RIGID_EXPENSE)
        self._risk(person, high=0.05, medium=0.25)
        return [person], person.name

    # ---- helpers -----------------------------------------------------------------------

    def _person(
        self, sex: str, ages: tuple[int, int], place: Place, relation: str, *, surname: str = ""
    ) -> Person:
        return self.people.person(sex, ages, surname=surname, clans=place.clans, relation=relation)

    def _spouse_of(self, head: Person, place: Place, *, younger_by: tuple[int, int]) -> Person:
        # Women keep their own surname, so a spouse's is drawn afresh.
        age = age_of(head, self.people.today)
        if head.sex == MALE:
            low, high = age - younger_by[1], age - younger_by[0]
        else:
            low, high = age + younger_by[0], age + younger_by[1]
        low, high = max(low, 20), min(max(high, 20), 99)
        sex = FEMALE if head.sex == MALE else MALE
        spouse = self._person(sex, (min(low, high), high), place, SPOUSE)
        head.marital_status = spouse.marital_status = "20"
        return spouse

    def _child(
        self,
        surname: str,
        ages: tuple[int, int],
        relation: str | None,
        guardian: Person,
        guardian_relation: str = "",
    ) -> Person:
        """A son or daughter of `guardian` (their 父亲/母亲 unless `guardian_relation` says)."""
        sex = MALE if chance(self.rng, 0.52) else FEMALE
        if relation is None:
            relation = SON if sex == MALE else DAUGHTER
        child = self.people.person(sex, ages, surname=surname, relation=relation)
        if age_of(child, self.people.today) < 18:
            child.marital_status = ""
            child.guardian_name = guardian.name
            child.guardian_relation = guardian_relation or _kin(guardian, "父亲", "母亲")
            child.guardian_phone = guardian.phone or self.people.phone()
        return child

    def _frailty(self, elder: Person) -> None:
        age = age_of(elder, self.people.today)
        if age < 60:  # 失能/半失能老人 are categories of people of 60 and over
            elder.self_care = "full"
            return
        if age >= 80:
            elder.add(data.OLDEST_OLD)
        roll = self.rng.random() * (1.6 if age >= 80 else 1.0)
        if roll > 1.45:
            elder.add(data.DISABLED_ELDER)
            elder.self_care = "none"
            self._risk(elder, high=0.3, medium=0.5)
        elif roll > 1.0 or roll < 0.12:
            elder.add(data.SEMI_DISABLED_ELDER)
            elder.self_care = "partial"
        else:
            elder.self_care = "full"
        if chance(self.rng, 0.1):
            self._disable(elder)

    def _disable(self, person: Person) -> None:
        person.disable(
            pick(self.rng, data.DISABILITY_TYPES), pick(self.rng, data.DISABILITY_GRADES)
        )

    def _dibao(self, place: Place) -> str:
        return data.DIBAO_URBAN if place.is_community else data.DIBAO_RURAL

    def _risk(self, person: Person, *, high: float, medium: float) -> None:
        roll = self.rng.random()
        level = "high" if roll < high else "medium" if roll < high + medium else "low"
        order = {"low": 0, "medium": 1, "high": 2}
        if order[level] > order[person.risk_level]:
            person.risk_level = level

    def _address(self, place: Place) -> str:
        if place.is_community:
            building, floor, flat = (self.rng.randint(1, n) for n in (30, 6, 4))
            return f"{place.name}{building}栋{floor}0{flat}室"
        return f"{place.name}{self.rng.randint(1, 12)}组{self.rng.randint(1, 60)}号"
