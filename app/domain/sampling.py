"""Drawing an interview round's sample (回访抽样) from the registry: seeded, stratified.

The same candidates and the same seed always give the same sample (the evaluator may
check it): candidates are put in a fixed order (stratum, then id) before a
`random.Random(seed)` draws, so neither the database's row order nor the Python version's
hash seed plays a part. Each mode's sample is spread over the strata (service area ×
client category) in proportion to their size, by largest remainders, then drawn at
random inside each stratum. The phone sample is drawn among those with a phone number,
the on-site sample among everyone not drawn already.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.errors import InvalidInput
from app.domain.satisfaction import Mode


@dataclass(frozen=True)
class Candidate:
    id: int
    stratum: str
    """Service area and client category, e.g. "东村·低保对象"."""
    has_phone: bool


@dataclass(frozen=True)
class Drawn:
    candidate: Candidate
    mode: Mode


def draw(candidates: Sequence[Candidate], *, phone: int, onsite: int, seed: int) -> list[Drawn]:
    """The sample: `phone` people to call, then `onsite` to visit, each in stratum order."""
    if phone < 0 or onsite < 0:
        raise InvalidInput("样本量不能是负数。", field="size")
    if phone + onsite == 0:
        raise InvalidInput("请至少填写一种回访方式的样本量。", field="size")
    ordered = sorted(candidates, key=lambda c: (c.stratum, c.id))
    rng = random.Random(seed)
    callable_ = [c for c in ordered if c.has_phone]
    if phone > len(callable_):
        raise InvalidInput(
            f"登记了电话的服务对象只有 {len(callable_)} 人，少于电话回访样本量 {phone}。",
            field="phone_size",
        )
    by_phone = stratified(callable_, phone, rng)
    taken = {c.id for c in by_phone}
    rest = [c for c in ordered if c.id not in taken]
    if onsite > len(rest):
        raise InvalidInput(
            f"除电话回访对象外只剩 {len(rest)} 名服务对象，少于实地回访样本量 {onsite}。",
            field="onsite_size",
        )
    on_site = stratified(rest, onsite, rng)
    return [Drawn(c, Mode.PHONE) for c in by_phone] + [Drawn(c, Mode.ONSITE) for c in on_site]


def stratified(pool: Sequence[Candidate], size: int, rng: random.Random) -> list[Candidate]:
    """`size` of `pool` (in stratum order), each stratum's share proportional to its size."""
    strata: dict[str, list[Candidate]] = {}
    for c in pool:
        strata.setdefault(c.stratum, []).append(c)
    shares = allocate({k: len(v) for k, v in strata.items()}, size)
    chosen: list[Candidate] = []
    for key in sorted(strata):
        picked = rng.sample(strata[key], shares[key])
        chosen += sorted(picked, key=lambda c: c.id)
    return chosen


def allocate(sizes: dict[str, int], total: int) -> dict[str, int]:
    """Largest-remainder shares of `total` over strata of `sizes` (ties: stratum order)."""
    whole = sum(sizes.values())
    if whole == 0 or total == 0:
        return dict.fromkeys(sizes, 0)
    # Integer arithmetic: the remainders compare exactly, on every platform.
    shares = {k: total * n // whole for k, n in sizes.items()}
    remainders = {k: total * n % whole for k, n in sizes.items()}
    left = total - sum(shares.values())
    order = sorted(sizes, key=lambda k: (-remainders[k], k))
    for key in order[:left]:
        shares[key] += 1
    return shares
