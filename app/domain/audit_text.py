"""An audit row's details as a worker reads them: Chinese names, labels for codes, old → new.

The log keeps its details as JSON with English keys and codes; this turns one row's
details into a line such as "修改的字段：风险等级、联系电话；风险等级：中 → 高". The
viewer (设置 → 审计日志) and the Excel export of the log both show it. A key or a code
without a name yet is shown as stored rather than dropped: the log must not hide anything.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from app.domain import audit_names as names
from app.domain.audit_labels import action_label, entity_label
from app.domain.case_rules import STAGE_LABELS, Decision, ReferralStatus
from app.domain.codes import SEED, CodeList, RiskLevel
from app.domain.consent import EXEMPTION_LABELS, ITEM_LABELS
from app.domain.roles import ROLE_LABELS

SEPARATOR = "；"
ARROW = " → "
_STAMP = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)?$")

Context = Mapping[str, Any]
"""The row: its record type ("entity"), action and the other details."""


def _seed(code_list: CodeList) -> dict[str, str]:
    return dict(SEED.get(code_list, ()))


def _code_item(value: str, row: Context) -> str:
    """A code of a code list names its seeded label when the row says which list."""
    try:
        code_list = CodeList(str(row.get("list", "")))
    except ValueError:
        return value
    return _seed(code_list).get(value, value)


def _code_list(value: str, row: Context) -> str:
    if row["entity"] == "code_item":
        try:
            return CodeList(value).label
        except ValueError:
            return value
    return names.LIST_LABELS.get(value, value)


def _kind(value: str, row: Context) -> str:
    if row["entity"] == "report":
        return names.REPORT_KIND_LABELS.get(value, value)
    if row["entity"] == "work_log":
        return _seed(CodeList.WORKLOG_KIND).get(value, value)
    if row["entity"] == "resource":
        return _seed(CodeList.RESOURCE_KIND).get(value, value)
    return value


def _operation(value: str, _row: Context) -> str:
    """A refused service call, "CaseService.open_case", by the action's name when known."""
    method = value.rsplit(".", 1)[-1]
    label = action_label(method)
    return label if label != method else value


def _reason(value: str, row: Context) -> str:
    if row["action"] == "login_failed":
        return names.LOGIN_FAILURE_LABELS.get(value, value)
    return value


def _table(table: Mapping[str, str]) -> Callable[[str, Context], str]:
    return lambda value, _row: table.get(value, value)


_CODES: dict[str, Callable[[str, Context], str]] = {
    "stage": _table({s.value: label for s, label in STAGE_LABELS.items()}),
    "decision": _table({d.value: d.label for d in Decision}),
    "risk_level": _table({r.value: r.label for r in RiskLevel}),
    "role": _table({r.value: label for r, label in ROLE_LABELS.items()}),
    "result": _table(names.VISIT_RESULT_LABELS),
    "item": _table(ITEM_LABELS),
    "items": _table(ITEM_LABELS),
    "consent_exemption": _table(EXEMPTION_LABELS),
    "what": _table(names.EXPORT_WHAT_LABELS),
    "key": _table(names.SETTING_LABELS),
    "category": _table(_seed(CodeList.CLIENT_CATEGORY)),
    "scale": _table(names.DEMO_SCALE_LABELS),
    "record_type": lambda value, _row: entity_label(value),
    "done": lambda value, _row: action_label(value),
    "list": _code_list,
    "code": lambda value, row: _code_item(value, row) if row["entity"] == "code_item" else value,
    "kind": _kind,
    "operation": _operation,
    "reason": _reason,
    "status": lambda value, row: (
        ReferralStatus(value).label
        if row["entity"] == "case" and value in {s.value for s in ReferralStatus}
        else value
    ),
}
"""Keys whose values are codes, with how to name a code (some depend on the record type)."""


def key_label(key: str, entity: str = "") -> str:
    """The Chinese name of a detail key; an unnamed one as stored."""
    narrower = names.ENTITY_KEY_LABELS.get(entity, {})
    return narrower.get(key) or names.KEY_LABELS.get(key) or names.TABLE_LABELS.get(key, key)


def field_label(field: str, entity: str = "") -> str:
    """The name of a record's field as its form shows it; an unnamed one as stored."""
    narrower = names.ENTITY_FIELD_LABELS.get(entity, {})
    return narrower.get(field) or names.FIELD_LABELS.get(field, field)


def describe(entity: str, action: str, details: Mapping[str, Any]) -> str:
    """One row's details as Chinese text, in the order they were written."""
    row: dict[str, Any] = {**details, "entity": entity, "action": action}
    parts: list[str] = []
    paired = "before" in details and "after" in details
    if paired:
        parts.extend(_pair_parts(entity, action, details["before"], details["after"], row))
    changes = {k for k, v in details.items() if _is_change(v)}
    for key, value in details.items():
        if (paired and key in ("before", "after")) or _blank(value):
            continue
        if key == "fields" and isinstance(value, list):
            shown = [field_label(str(f), entity) for f in value if f not in changes]
            text = "、".join(shown)
        elif _is_change(value):
            text = _value(key, value["before"], row) + ARROW + _value(key, value["after"], row)
        else:
            text = _value(key, value, row)
        if text:
            parts.append(f"{key_label(key, entity)}：{text}")
    return SEPARATOR.join(parts)


def unnamed_keys(keys: Sequence[str]) -> list[str]:
    """The detail keys that `describe` would show as stored, for a test to list."""
    return [k for k in keys if k not in names.KEY_LABELS]


def _pair_parts(entity: str, action: str, before: Any, after: Any, row: Context) -> list[str]:
    subjects = names.PAIR_SUBJECTS.get((entity, action), ("内容",))
    if len(subjects) == 1 or not (_is_list(before) and _is_list(after)):
        pairs = [(subjects[0], before, after)]
    else:
        pairs = list(zip(subjects, before, after, strict=False))
    return [
        f"{subject}：{_value('', old, row)}{ARROW}{_value('', new, row)}"
        for subject, old, new in pairs
    ]


def _value(key: str, value: Any, row: Context) -> str:
    if value is None:
        return "（无）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if _is_list(value):
        return "、".join(_value(key, v, row) for v in value)
    if isinstance(value, Mapping):
        return "，".join(f"{key_label(str(k))} {_value(str(k), v, row)}" for k, v in value.items())
    text = str(value)
    code = _CODES.get(key)
    if code is not None:
        return code(text, row)
    stamp = _STAMP.match(text)
    return f"{stamp.group(1)} {stamp.group(2)}" if stamp else text


def _is_list(value: Any) -> bool:
    return isinstance(value, list | tuple)


def _is_change(value: Any) -> bool:
    return isinstance(value, Mapping) and set(value) == {"before", "after"}


def _blank(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}
