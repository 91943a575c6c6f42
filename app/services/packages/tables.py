"""Which tables a data package carries, and how a row travels: by uuid, never by id.

A station's package holds every station-owned table (and the station's own settings)
in the order of their foreign keys, so the county can insert parents before children.
A reference to another row travels as that row's uuid: the integer ids of two databases
mean nothing to each other. Three columns name a row of a table given in another column
rather than by a foreign key (dated values, work-log entries, month corrections); they
travel by uuid too.

Service projects (服务项目) and evaluations (评估) travel too: the county needs them for
its project view and evidence packs (评估材料包). What a station carries of them:
- the projects it manages (`projects.station_id`: a head's own, the yearly targets) with
  the station's `project_stations` row, and their targets inside each project's row
  (targets.py): a target has no station of its own and the yearly targets are rewritten
  as a whole, so the set travels with its project and replaces the county's. A project
  the county already keeps for the station under the same code (yearly targets typed at
  the county) is taken over, as a village is;
- the documents attached to them and the evidence files of its 整改 items, whose files
  travel as photos do (attachments.py);
- its evaluation rounds, scores and rectifications;
- the indicator systems they use. A system may be the county's (no station): the station
  carries those too, and the county takes a uuid it already holds as the same row,
  references it, and never duplicates or overwrites it (shared.py). The county's own
  systems go to the stations in the return package (county_systems.py).
Projects the county buys for several stations are the county's and do not travel back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import Column, ColumnElement, Date, Numeric, Table, Time, or_

from app.store.base import Base, UTCDateTime
from app.store.models import Station  # noqa: F401  (registers every table)

# Not carried, each with its reason (tests/unit/services/packages/test_tables.py fails on
# a new table that is neither carried nor named here).
LEFT_OUT: dict[str, str] = {
    "stations": "the manifest names the station; the county keeps its own row",
    "audit_log": "each database keeps its own hash chain; the import writes its own entry",
    "code_items": "the county's code lists, sent back in the return package",
    "package_log": "each side's own bookkeeping of packages",
    "package_bases": "the county's bookkeeping of what it took",
    "package_conflicts": "the county's conflicts, decided there",
    "package_decisions": "the station's list of the county's decisions (return packages)",
    "deleted_rows": "travels as the package's list of deleted uuids (deleted.json)",
}
_LEFT_OUT = frozenset(LEFT_OUT)
# Carried inside the rows of another table (targets.py): a project's targets are terms of
# its contract, rewritten as a whole when the station edits them.
CARRIED_WITH = {"project_targets": "projects"}
# Tables whose rows without a station are database-wide (the county's evaluation systems
# and partners, or what a station's administrator made for the whole file). A station
# carries those too, since its own rows refer to them; the county takes one it already
# holds as the same row and never overwrites it (shared.py).
SHARED = frozenset({"evaluation_systems", "evaluation_indicators", "partners"})
# Local state of a login that means nothing in another database.
_LOCAL = {"users": frozenset({"failed_logins", "locked_until", "last_login_at"})}
# `name_sort` follows the name (app/store/name_sort.py): it travels, but is never a conflict.
BOOKKEEPING = frozenset(
    {"id", "uuid", "station_id", "version", "created_at", "updated_at", "name_sort"}
    | {"created_by_id", "updated_by_id"}
)
# A row may already exist on the county side under another uuid: the villages the county
# typed in when it added the station, the station's settings, a login it made.
_NATURAL = {"villages": ("name",), "settings": ("key",), "users": ("login",),
            "projects": ("code",)}  # fmt: skip

DATED_SUBJECTS = {"client": "clients", "case": "cases", "user": "users", "partner": "partners"}

# What a person reads for each table (previews, conflicts).
LABELS = {
    "case_counters": "个案编号", "import_batches": "名单导入", "month_closes": "月结",
    "settings": "设置", "trainings": "培训", "users": "用户", "villages": "村（社区）",
    "activities": "社区活动", "groups": "小组", "households": "家庭", "supervisions": "督导",
    "training_participants": "培训参加人", "volunteers": "志愿者", "work_logs": "工作日志",
    "activity_photos": "活动照片", "clients": "服务对象", "group_facilitators": "小组带领者",
    "group_sessions": "小组活动节次", "supervision_supervisees": "督导对象", "visits": "走访",
    "activity_participants": "活动参与者", "cases": "个案", "client_categories": "服务对象类别",
    "consents": "知情同意", "group_members": "小组组员", "resources": "资源链接",
    "visit_clients": "走访对象", "case_assessments": "个案评估", "case_closures": "结案",
    "case_comments": "个案批注", "case_evaluations": "个案评估（成效）", "case_events": "个案记录",
    "case_follow_ups": "跟进回访", "case_plans": "服务计划", "group_attendance": "小组出勤",
    "referrals": "转介", "supervision_cases": "督导个案", "volunteer_services": "志愿服务",
    "case_goals": "服务目标", "service_records": "服务记录", "dated_values": "历史值",
    "month_corrections": "月结更正", "work_log_entries": "工作日志条目", "rooms": "社工室",
    "room_villages": "社工室服务村（社区）",
    "satisfaction_surveys": "满意度调查", "interview_rounds": "回访轮次",
    "interview_samples": "回访对象",
    "worker_assessments": "社工考核",
    "partners": "合作方", "activity_partners": "活动合作方",
    "projects": "服务项目", "project_stations": "项目覆盖站点", "project_targets": "项目指标",
    "project_documents": "项目文件", "evaluation_systems": "评估指标体系",
    "evaluation_indicators": "评估指标", "evaluation_rounds": "评估轮次",
    "evaluation_scores": "评估得分", "rectifications": "整改事项",
    "rectification_files": "整改材料",
}  # fmt: skip


def label(name: str) -> str:
    return LABELS.get(name, name)


@dataclass(frozen=True)
class Polymorphic:
    """`column` names a row of the table that `kind` (another column) gives."""

    column: str
    kind: str
    tables: Mapping[str, str] | None = None
    """kind value → table name; None: the kind column holds the table name itself."""
    as_text: bool = False
    """The id is kept as text ("" for none), as a dated value keeps a village id."""

    def target(self, kind: str) -> str | None:
        if not kind:
            return None
        return self.tables.get(kind) if self.tables is not None else kind

    def local_id(self, row: Mapping[str, Any]) -> int | None:
        value = row[self.column]
        if self.as_text:
            return int(value) if value and str(value).isdigit() else None
        return int(value) if value is not None else None

    def stored(self, row_id: int | None) -> Any:
        """An id as the column keeps it."""
        if self.as_text:
            return "" if row_id is None else str(row_id)
        return row_id

    @property
    def empty(self) -> Any:
        return "" if self.as_text else None


# A dated value's `value` is an id for the fields that name a record.
DATED_REFERENCES = {
    "village_id": "villages", "household_id": "households", "worker_id": "users",
    "room_id": "rooms",
}  # fmt: skip
_POLYMORPHIC = {
    "dated_values": Polymorphic("subject_id", "subject", DATED_SUBJECTS),
    "work_log_entries": Polymorphic("source_id", "source_table"),
    "month_corrections": Polymorphic("entity_id", "entity"),
}


@dataclass(frozen=True)
class Spec:
    table: Table
    refs: Mapping[str, str]
    """column → the table its foreign key points at (the station's not included)"""
    polymorphic: Polymorphic | None = None
    text_ref: Polymorphic | None = None
    natural: tuple[str, ...] = ()
    columns: tuple[str, ...] = field(default=())
    """The columns the package carries, in table order."""

    @property
    def name(self) -> str:
        return self.table.name

    def indirect(self) -> tuple[Polymorphic, ...]:
        """The columns that name a row through a kind column."""
        return tuple(p for p in (self.polymorphic, self.text_ref) if p is not None)

    def data_columns(self) -> tuple[str, ...]:
        """What a person compares in a conflict: everything but bookkeeping."""
        return tuple(c for c in self.columns if c not in BOOKKEEPING)


_TEXT_REFS = {"dated_values": Polymorphic("value", "field", DATED_REFERENCES, as_text=True)}


@cache
def station_specs() -> tuple[Spec, ...]:
    """The tables of a station's package, parents first; those naming rows of any table
    by a kind column come last, when every table they may name is in. Users come first:
    every row names who made it, and a row taken over (a project or setting the county
    typed) is updated at once, with no second pass for a user not yet in."""
    specs = []
    for table in Base.metadata.sorted_tables:
        names = set(table.c.keys())
        if table.name in _LEFT_OUT or not {"uuid", "version", "station_id"} <= names:
            continue
        refs = {
            col.name: next(iter(col.foreign_keys)).column.table.name
            for col in table.c
            if col.foreign_keys and col.name != "station_id"
        }
        local = _LOCAL.get(table.name, frozenset())
        columns = tuple(c.name for c in table.c if c.name not in {"id", "station_id"} | local)
        specs.append(
            Spec(
                table,
                refs,
                _POLYMORPHIC.get(table.name),
                _TEXT_REFS.get(table.name),
                _NATURAL.get(table.name, ()),
                columns,
            )
        )
    return tuple(sorted(specs, key=lambda s: (s.polymorphic is not None, s.name != "users")))


def owned(spec: Spec, station_id: int) -> ColumnElement[bool]:
    """The rows of the table that a station's package carries."""
    column = spec.table.c.station_id
    if spec.name in SHARED:
        return or_(column == station_id, column.is_(None))
    return column == station_id


def spec_named(name: str) -> Spec:
    for spec in station_specs():
        if spec.name == name:
            return spec
    raise KeyError(name)


def encode(value: Any) -> Any:
    """A column value as JSON: dates, times and decimals as text."""
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def decoder(column: Column[Any]) -> Any:
    kind = column.type
    if isinstance(kind, UTCDateTime):
        return dt.datetime.fromisoformat
    if isinstance(kind, Date):
        return dt.date.fromisoformat
    if isinstance(kind, Time):
        return dt.time.fromisoformat
    if isinstance(kind, Numeric):
        return Decimal
    return None


@cache
def _decoders(name: str) -> tuple[tuple[str, Any], ...]:
    spec = spec_named(name)
    return tuple((column, decoder(spec.table.c[column])) for column in spec.columns)


def decode_row(spec: Spec, row: Mapping[str, Any], skip: Iterable[str] = ()) -> dict[str, Any]:
    """The typed values of a row's plain columns (references are left as they are)."""
    out: dict[str, Any] = {}
    skipped = set(skip)
    for name, convert in _decoders(spec.name):
        if name in skipped or name not in row:
            continue
        value = row[name]
        out[name] = convert(value) if convert is not None and value is not None else value
    return out
