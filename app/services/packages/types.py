"""What the package services take and give back."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

from app.domain.errors import AppError
from app.services.context import Changes

ENTITY = "package"
STATION_KIND = "station"
RETURN_KIND = "return"


class PackageRefused(AppError):
    """A package that cannot be taken: damaged, for another station, replayed…"""


class Outcome(enum.StrEnum):
    APPLIED = "applied"
    HELD = "held"
    """Arrived before its predecessor: kept, applied once the gap is filled."""
    ALREADY = "already"
    """The same package again: nothing changed."""
    DRY_RUN = "dry_run"

    @property
    def label(self) -> str:
        return _OUTCOME_LABELS[self]


_OUTCOME_LABELS = {
    Outcome.APPLIED: "已导入",
    Outcome.HELD: "已暂存（缺少前面的数据包，收到后自动导入）",
    Outcome.ALREADY: "这个数据包以前已导入，没有做任何更改",
    Outcome.DRY_RUN: "试导入（没有写入任何内容）",
}


def describe_months(months: tuple[tuple[dt.date, int], ...]) -> str:
    """ "2026年10月 3 条、2026年11月 1 条": rows per closed month."""
    return "、".join(f"{m.year}年{m.month}月 {n} 条" for m, n in months)


@dataclass(frozen=True)
class Counts:
    new: int = 0
    changed: int = 0
    merged: int = 0
    """Changed on both sides, in different fields: merged without a person."""
    conflicts: int = 0
    deleted: int = 0
    unchanged: int = 0
    files: int = 0

    def text(self) -> str:
        return (
            f"新增 {self.new} 条，修改 {self.changed} 条，自动合并 {self.merged} 条，"
            f"冲突 {self.conflicts} 条，"
            f"删除 {self.deleted} 条，未变 {self.unchanged} 条"
        )


@dataclass(frozen=True)
class ExportResult:
    package_id: str
    sequence: int
    since: dt.datetime | None
    rows: int
    deleted: int
    files: int
    size: int
    per_table: dict[str, int] = field(default_factory=dict)
    fingerprint: str = ""
    """The county key the package was sealed for ("": the package password)."""


@dataclass(frozen=True)
class ImportResult:
    outcome: Outcome
    station_code: str
    station_name: str
    sequence: int
    counts: Counts
    per_table: dict[str, Counts] = field(default_factory=dict)
    applied_after: tuple[int, ...] = ()
    """Held packages that this one let through, by number."""
    changes: Changes = field(default_factory=Changes)
    closed_months: tuple[tuple[dt.date, int], ...] = ()
    """(closed month, rows of the package that touch it): corrections, with a reason."""
    signing_key: str = ""
    """The fingerprint of the station's signing key this package registered ("": none)."""

    def closed_text(self) -> str:
        """What the package changes in months the county holds as closed (月结)."""
        if not self.closed_months:
            return ""
        months = describe_months(self.closed_months)
        if self.outcome is Outcome.APPLIED:
            return f"已作为更正记入已月结的月份：{months}"
        return f"其中落在已月结月份的记录：{months}。导入时需要站长或管理员填写更正原因。"

    def text(self) -> str:
        head = f"{self.station_name}（{self.station_code}）第 {self.sequence} 号数据包："
        lines = [head + self.outcome.label]
        if self.outcome in (Outcome.APPLIED, Outcome.DRY_RUN):
            lines.append(self.counts.text())
        if self.closed_months:
            lines.append(self.closed_text())
        if self.applied_after:
            later = "、".join(str(n) for n in self.applied_after)
            lines.append(f"随后导入了暂存的第 {later} 号数据包")
        if self.signing_key:
            lines.append(f"已登记站点的签名公钥，指纹 {self.signing_key}")
        return "\n".join(lines)


@dataclass(frozen=True)
class ReturnExport:
    package_id: str
    station_code: str
    acknowledged: int
    """The last station package applied (0: none yet)."""
    users: int
    size: int
    decisions: int = 0
    """The county's decisions on the station's conflicts it carries."""


@dataclass(frozen=True)
class ReturnImport:
    acknowledged: int
    code_items: int
    settings: int
    users: int
    already: bool = False
    changes: Changes = field(default_factory=Changes)
    county_key: str = ""
    """The fingerprint of a county public key this return package brought (new or changed)."""
    decisions: int = 0
    """The county's decisions on this station's conflicts, new in this return package."""
    applied: int = 0
    """Of those, the records updated to the county's result."""

    def text(self) -> str:
        if self.already:
            return "这个回执包以前已导入，没有做任何更改。"
        text = (
            f"县里已收到第 {self.acknowledged} 号及之前的数据包；"
            f"更新代码 {self.code_items} 项、设置 {self.settings} 项、用户 {self.users} 名。"
        )
        if self.county_key:
            text += (
                f"\n回执包带来了县里的公钥，今后的数据包用它加密。公钥指纹：{self.county_key}"
                "（请打电话与县里核对）"
            )
        if self.decisions:
            text += (
                f"\n县级裁决 {self.decisions} 条，其中 {self.applied} 条记录已按县里的结果更新"
                "（见 数据交换 → 县级裁决）。"
            )
        return text


@dataclass(frozen=True)
class FieldDiff:
    field: str
    label: str
    """The field's name as its form shows it."""
    county: str
    station: str


@dataclass(frozen=True)
class MergedField:
    """A field of a conflicting record that merges without a person."""

    field: str
    label: str
    side: str
    """"station": only the station changed it, taken with the decision; "county": kept."""

    @property
    def text(self) -> str:
        return f"{self.label}（{'取站点的修改' if self.side == 'station' else '保留县里的修改'}）"


@dataclass(frozen=True)
class ConflictRow:
    id: int
    station_code: str
    entity: str
    entity_label: str
    record_uuid: str
    created_at: dt.datetime
    fields: tuple[FieldDiff, ...]
    merged: tuple[MergedField, ...] = ()


@dataclass(frozen=True)
class DecidedField:
    label: str
    county: str
    station: str
    side: str
    """"county" or "station": whose value the county kept."""

    @property
    def text(self) -> str:
        value, whose = (self.county, "县里") if self.side == "county" else (self.station, "站点")
        return f"{self.label}：取{whose}的值 {value}"


@dataclass(frozen=True)
class DecisionRow:
    """One of the county's decisions on this station's conflicts, as the station took it."""

    entity: str
    entity_label: str
    record_uuid: str
    fields: tuple[DecidedField, ...]
    decided_by: str
    decided_at: dt.datetime
    outcome: str
    outcome_label: str


@dataclass(frozen=True)
class PackageLogRow:
    direction: str
    station_code: str
    sequence: int
    status: str
    created_at: dt.datetime
    logged_at: dt.datetime
    counts: str
