"""A monthly report as JSON and back, exactly: what a month close (月结) stores.

Every value comes back as the type it went in: Decimals keep their digits ("3.25", not
3.25 as a float), dates and times stay dates and times, and sequences come back as
tuples. JSON has none of these, so they go in tagged: `{"$d": "3.25"}`, `{"$date":
"2026-10-31"}`, `{"$dt": "…"}`, and each record as `{"$t": "FigureRow", …}`. Only the
report model's own dataclasses may be named, so a stored text cannot make anything else.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal
from typing import Any

from app.exports import report_model

FORMAT = 1

_TYPES: dict[str, type[Any]] = {
    name: value
    for name, value in vars(report_model).items()
    if isinstance(value, type)
    and dataclasses.is_dataclass(value)
    and value.__module__ == report_model.__name__
}


def dumps(report: report_model.MonthlyReport) -> str:
    return json.dumps(
        {"format": FORMAT, "report": _encode(report)}, ensure_ascii=False, sort_keys=True
    )


def loads(text: str) -> report_model.MonthlyReport:
    data = json.loads(text)
    if data.get("format") != FORMAT:
        raise ValueError(f"stored report of unknown format {data.get('format')!r}")
    report = _decode(data["report"])
    if not isinstance(report, report_model.MonthlyReport):
        raise ValueError("stored text is not a monthly report")
    return report


def figures(text: str) -> dict[str, Any]:
    """Only the figures of a stored report (key → value): the county overview reads thirty
    closed months at once, and their detail lists are most of the text."""
    data = json.loads(text)
    if data.get("format") != FORMAT:
        raise ValueError(f"stored report of unknown format {data.get('format')!r}")
    rows = (_decode(row) for row in data["report"]["figures"])
    return {row.key: row.value for row in rows if isinstance(row, report_model.FigureRow)}


def _encode(value: Any) -> Any:
    # bool before int (a bool is an int), datetime before date (a datetime is a date).
    if value is None or isinstance(value, bool | int | str | float):
        return value
    if isinstance(value, Decimal):
        return {"$d": str(value)}
    if isinstance(value, dt.datetime):
        return {"$dt": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        name = type(value).__name__
        if _TYPES.get(name) is not type(value):
            raise TypeError(f"{name} is not part of the report model")
        fields = {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return {"$t": name, **fields}
    raise TypeError(f"cannot store {type(value).__name__} in a report")


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_decode(v) for v in value)
    if not isinstance(value, dict):
        return value
    if "$d" in value:
        return Decimal(value["$d"])
    if "$dt" in value:
        return dt.datetime.fromisoformat(value["$dt"])
    if "$date" in value:
        return dt.date.fromisoformat(value["$date"])
    kind = _TYPES.get(value.get("$t", ""))
    if kind is None:
        raise ValueError(f"unknown record {value.get('$t')!r} in a stored report")
    names = {f.name for f in dataclasses.fields(kind)}
    # A field added to the model later takes its default in a report stored before it.
    return kind(**{k: _decode(v) for k, v in value.items() if k in names})
