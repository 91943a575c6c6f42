"""The values of a client's story (服务经历): every event of every kind, newest first."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Collection, Iterable
from dataclasses import dataclass


class StoryKind(enum.StrEnum):
    """What happened; the order is the order the filter offers them in."""

    CASE = "case"
    RECORD = "record"
    VISIT = "visit"
    GROUP = "group"
    ACTIVITY = "activity"
    REFERRAL = "referral"
    CONSENT = "consent"
    CATEGORY = "category"
    RISK = "risk"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS: dict[StoryKind, str] = {
    StoryKind.CASE: "个案",
    StoryKind.RECORD: "服务记录",
    StoryKind.VISIT: "走访",
    StoryKind.GROUP: "小组",
    StoryKind.ACTIVITY: "社区活动",
    StoryKind.REFERRAL: "转介",
    StoryKind.CONSENT: "知情同意",
    StoryKind.CATEGORY: "类别",
    StoryKind.RISK: "风险等级",
}


class Opens(enum.StrEnum):
    """The page that shows the record an entry came from."""

    CLIENT = "client"
    CASE = "case"
    VISIT = "visit"
    GROUP = "group"
    ACTIVITY = "activity"


@dataclass(frozen=True)
class StoryEntry:
    """One event in the client's story.

    `on` is the 发生日期; `entered_at` when it was typed in (the order of one day's
    events). `opens` and `target_id` name the record to open: the case of a service
    record, the visit, the group, the activity, or the client's own details.
    """

    kind: StoryKind
    on: dt.date
    entered_at: dt.datetime
    title: str
    summary: str
    opens: Opens
    target_id: int

    @property
    def late(self) -> bool:
        """Typed in on a later day than it happened (补录)."""
        return self.entered_at.astimezone().date() > self.on


@dataclass(frozen=True)
class ClientStory:
    client_id: int
    client_name: str
    entries: tuple[StoryEntry, ...]


def newest_first(entries: Iterable[StoryEntry]) -> tuple[StoryEntry, ...]:
    """By 发生日期, newest first; one day's events by when they were typed in, newest first."""
    return tuple(sorted(entries, key=lambda e: (e.on, e.entered_at), reverse=True))


def matching(
    entries: Iterable[StoryEntry], *, kinds: Collection[StoryKind] = (), text: str = ""
) -> tuple[StoryEntry, ...]:
    """The entries of `kinds` (empty: every kind) whose title or summary holds every word of
    `text`; the window filters its loaded story with this as the service does."""
    words = text.casefold().split()

    def wanted(e: StoryEntry) -> bool:
        if kinds and e.kind not in kinds:
            return False
        haystack = f"{e.title} {e.summary} {e.kind.label}".casefold()
        return all(w in haystack for w in words)

    return tuple(e for e in entries if wanted(e))
