"""Made-up people for the demo: names, ID numbers, birth dates and phones that look real.

Everything comes from one `random.Random`, so a seed gives the same people every time
(on the same day: ages are counted back from today, so a 留守儿童 stays a child).
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from stdnum.cn import ric

from app.demo import data

K = TypeVar("K")

MALE = "1"
FEMALE = "2"


class Weights(Generic[K]):
    """A mapping's weights added up once, for one drawn from many times (see `pick`)."""

    def __init__(self, weights: Mapping[K, float]) -> None:
        self.keys = list(weights)
        self.cumulative = list(itertools.accumulate(weights.values()))
        self.total = self.cumulative[-1] + 0.0
        self.last = len(self.keys) - 1

    def draw(self, rng: random.Random) -> K:
        # What rng.choices(keys, cum_weights=cumulative)[0] draws, without its checks.
        at = bisect.bisect(self.cumulative, rng.random() * self.total, 0, self.last)
        return self.keys[at]


def pick(rng: random.Random, weights: Mapping[K, float] | Weights[K]) -> K:
    """A key drawn by its weight, as rng.choices(keys, weights) draws it."""
    if not isinstance(weights, Weights):
        weights = Weights(weights)
    return weights.draw(rng)


def chance(rng: random.Random, p: float) -> bool:
    return rng.random() < p


def _same_day(day: dt.date, year: int) -> dt.date:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=year, day=28)


@dataclass
class Person:
    """One client to be: the columns of a client row plus their categories."""

    name: str
    sex: str
    birth_date: dt.date
    id_number: str | None
    phone: str = ""
    relation: str = ""
    categories: list[str] = field(default_factory=list)
    marital_status: str = ""
    ethnicity: str = data.ETHNICITY_HAN
    disability_type: str = ""
    disability_grade: str = ""
    self_care: str = ""
    living_arrangement: str = ""
    guardian_name: str = ""
    guardian_relation: str = ""
    guardian_phone: str = ""
    risk_level: str = "low"

    def add(self, *codes: str) -> None:
        for code in codes:
            if code not in self.categories:
                self.categories.append(code)

    def disable(self, kind: str, grade: str) -> None:
        self.disability_type, self.disability_grade = kind, grade
        self.add(data.DISABLED)


class People:
    """Names, ages, ID numbers and phones; ID numbers are unique across `used_ids`."""

    def __init__(self, rng: random.Random, today: dt.date, used_ids: set[str]) -> None:
        self.rng = rng
        self.today = today
        self._used = used_ids
        self._surnames = list(data.SURNAMES)
        self._surname_weights = list(data.SURNAMES.values())

    def surname(self, clans: Sequence[str] = ()) -> str:
        # Many villages are dominated by one or two clans (刘家村 is mostly 刘).
        if clans and chance(self.rng, 0.45):
            return self.rng.choice(clans)
        return self.rng.choices(self._surnames, weights=self._surname_weights)[0]

    def name(
        self, sex: str, birth_year: int, *, surname: str = "", clans: Sequence[str] = ()
    ) -> str:
        return (surname or self.surname(clans)) + self.given(sex, birth_year)

    def given(self, sex: str, birth_year: int) -> str:
        era = self.era(birth_year)
        if chance(self.rng, 0.6):
            return self.rng.choice(data.GIVEN_NAMES[era, sex])
        chars = data.GIVEN_CHARS[era, sex]
        if chance(self.rng, data.SINGLE_GIVEN_SHARE[era]):
            return self.rng.choice(chars)
        return self.rng.choice(chars) + self.rng.choice(chars)

    def era(self, birth_year: int) -> str:
        age = self.today.year - birth_year
        if age >= 62:
            return "old"
        if age >= 38:
            return "middle"
        return "young" if age >= 18 else "child"

    def birth(self, age: int) -> dt.date:
        """A birth date on which the person is exactly `age` years old today."""
        latest = _same_day(self.today, self.today.year - age)
        earliest = _same_day(self.today, self.today.year - age - 1) + dt.timedelta(days=1)
        return earliest + dt.timedelta(days=self.rng.randrange((latest - earliest).days + 1))

    def person(
        self,
        sex: str,
        ages: tuple[int, int],
        *,
        surname: str = "",
        clans: Sequence[str] = (),
        relation: str = "",
    ) -> Person:
        age = self.rng.randint(*ages)
        birth = self.birth(age)
        name = self.name(sex, birth.year, surname=surname, clans=clans)
        adult = age >= 18
        has_phone = adult and chance(self.rng, 0.85 if age < 70 else 0.4)
        person = Person(
            name=name,
            sex=sex,
            birth_date=birth,
            id_number=self.id_number(birth, sex),
            phone=self.phone() if has_phone else "",
            relation=relation,
        )
        if chance(self.rng, 0.01):
            person.ethnicity = pick(self.rng, data.ETHNICITY_OTHER)
        if adult:
            person.marital_status = "20" if age >= 25 else "10"
        return person

    def id_number(self, birth: dt.date, sex: str) -> str | None:
        """A valid GB 11643 number, or None for the few without one (often small children)."""
        age = self.today.year - birth.year
        if chance(self.rng, 0.25 if age < 6 else 0.02):
            return None
        codes = data.HOME_CODES
        if chance(self.rng, 0.06):
            codes = self.rng.choice(data.NEIGHBOUR_CODES)
        code = codes[0] if birth.year < data.CODE_CHANGE_YEAR else codes[1]
        while True:
            order = self.rng.randrange(500) * 2 + (1 if sex == MALE else 0)
            body = f"{code}{birth:%Y%m%d}{order:03d}"
            number = body + ric.calc_check_digit(body + "0")
            if number not in self._used:
                self._used.add(number)
                return number

    def phone(self) -> str:
        return self.rng.choice(data.MOBILE_PREFIXES) + f"{self.rng.randrange(10**8):08d}"

    def place(self, clans: Sequence[str] = ()) -> str:
        first = self.rng.choice(data.PLACE_FIRST)
        second = self.rng.choice(data.PLACE_SECOND)
        template = pick(self.rng, dict(data.VILLAGE_TEMPLATES))
        clan = clans[0] if clans else self.surname()
        return template.format(place=first + second, clan=clan, second=second)

    def township(self) -> str:
        kind = pick(self.rng, dict(data.TOWNSHIP_KINDS))
        return self.rng.choice(data.PLACE_FIRST) + self.rng.choice(data.PLACE_SECOND) + kind
