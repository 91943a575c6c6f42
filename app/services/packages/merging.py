"""Three-way merge of one record, field by field, against the row last exchanged.

The base (`package_bases.base_row`) is the station's row as the county last took it,
with its references by uuid, as a package carries them. Against it, a field only the
station changed is taken, a field only the county changed is kept, a field both changed
to the same value needs nothing, and only a field both changed to different values waits
for a person. Bookkeeping columns (version, times, who) never conflict. A base kept
before the values were (revision 0017) has none: such a record compares as before.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from app.services.packages.exporting import encoded
from app.services.packages.refs import Uuids
from app.services.packages.tables import Spec, spec_named

STATION, COUNTY = "station", "county"
_ABSENT = object()


@dataclass(frozen=True)
class Merge:
    taken: tuple[str, ...]
    """Fields only the station changed: its values go in."""
    kept: tuple[str, ...]
    """Fields only the county changed: its values stay."""
    conflicts: tuple[tuple[str, Any, Any], ...]
    """(field, county value, station value) of the fields both changed, differently."""

    def merged(self) -> list[tuple[str, str]]:
        """(field, side) of what merges without a person, for the conflict list."""
        return [(f, STATION) for f in self.taken] + [(f, COUNTY) for f in self.kept]


_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def base_row(spec: Spec, row: Mapping[str, Any]) -> str:
    """The base to keep for a station row: its data columns as compact JSON."""
    return _COMPACT.encode({f: row.get(f) for f in _data_columns(spec.name)})


@cache
def _data_columns(name: str) -> tuple[str, ...]:
    return spec_named(name).data_columns()


def three_way(
    spec: Spec, base: Mapping[str, Any], county: Mapping[str, Any], station: Mapping[str, Any]
) -> Merge:
    """Merge the station's row into the county's (both as a package carries them)."""
    taken: list[str] = []
    kept: list[str] = []
    conflicts: list[tuple[str, Any, Any]] = []
    for name in spec.data_columns():
        ours, theirs = county.get(name), station.get(name)
        old = base.get(name, _ABSENT)
        if old is _ABSENT:
            # A column the base predates: both sides had it from the same upgrade.
            old = ours if ours == theirs else _ABSENT
        ours_moved, theirs_moved = ours != old, theirs != old
        if ours == theirs or not theirs_moved:
            if ours_moved and ours != theirs:
                kept.append(name)
            continue
        if not ours_moved:
            taken.append(name)
        else:
            conflicts.append((name, ours, theirs))
    return Merge(tuple(taken), tuple(kept), tuple(conflicts))


def two_way(
    spec: Spec, county: Mapping[str, Any], station: Mapping[str, Any]
) -> list[tuple[str, Any, Any]]:
    """(field, county value, station value) of each data column that differs: no base."""
    return [
        (name, county.get(name), station.get(name))
        for name in spec.data_columns()
        if county.get(name) != station.get(name)
    ]


class CountyRows:
    """The county's rows of one table as a package would carry them (references by uuid),
    the uuids looked up once for all the rows rather than row by row."""

    def __init__(self, session: Any, spec: Spec, rows: Iterable[Mapping[str, Any]]) -> None:
        self._spec = spec
        self._uuids = Uuids(session)
        wanted: dict[str, set[int]] = defaultdict(set)
        for row in rows:
            for column, target in spec.refs.items():
                if row[column] is not None:
                    wanted[target].add(row[column])
            for poly in spec.indirect():
                named, row_id = poly.target(row[poly.kind]), poly.local_id(row)
                if named is not None and row_id is not None:
                    wanted[named].add(row_id)
        for target, ids in wanted.items():
            self._uuids.load(target, ids)

    def encoded(self, row: Mapping[str, Any]) -> dict[str, Any]:
        return encoded(self._spec, row, self._uuids)
