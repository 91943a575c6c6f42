"""Every key the services write into the audit log has a Chinese name, and the copied
label tables agree with their sources.

The keys are read from the source: the keyword arguments of every `audit.record`,
`record`, `record_refusal` and `_finish` call under app/, and the keys of the dicts
passed to them with `**`.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import inspect

from app.domain.audit_names import (
    FIELD_LABELS,
    LIST_LABELS,
    SETTING_LABELS,
    VISIT_RESULT_LABELS,
)
from app.domain.audit_text import field_label, unnamed_keys

APP = Path(__file__).resolve().parents[3] / "app"
_PARAMETERS = frozenset({"entity", "entity_id", "login", "station_id", "follow_up"})
"""Arguments of record() and _finish() that are not details."""
_BOOKKEEPING = frozenset(
    {"id", "uuid", "station_id", "created_at", "updated_at", "version", "created_by_id",
     "updated_by_id", "name_sort"}
)  # fmt: skip
# name_sort follows the name (app/store/name_sort.py): an edit lists the name, never it.


def _is_audit_call(node: ast.Call) -> bool:
    f = node.func
    if isinstance(f, ast.Name):
        return f.id in ("record", "record_refusal")
    if isinstance(f, ast.Attribute):
        owner = f.value.id if isinstance(f.value, ast.Name) else ""
        return f.attr == "_finish" or (owner == "audit" and f.attr in ("record", "record_refusal"))
    return False


def _spread_keys(function: ast.AST, name: str) -> set[str] | None:
    """The constant keys a dict named `name` gets in `function`; None when none are found."""
    keys: set[str] = set()
    for node in ast.walk(function):
        value = None
        if isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id == name for t in targets):
                value = node.value
        if value is not None:
            for part in ast.walk(value):
                if isinstance(part, ast.Dict):
                    keys |= {str(k.value) for k in part.keys if isinstance(k, ast.Constant)}
        if (
            isinstance(node, ast.Subscript)
            and isinstance(node.ctx, ast.Store)
            and isinstance(node.value, ast.Name)
            and node.value.id == name
            and isinstance(node.slice, ast.Constant)
        ):
            keys.add(str(node.slice.value))
    return keys or None


def _functions(tree: ast.AST) -> Iterator[ast.FunctionDef]:
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            yield node


def written_keys() -> dict[str, str]:
    """Every detail key the app writes, with one place that writes it."""
    found: dict[str, str] = {}
    unresolved: list[str] = []
    for path in sorted(APP.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in _functions(tree):
            forwarded = function.args.kwarg.arg if function.args.kwarg else None
            for node in ast.walk(function):
                if not (isinstance(node, ast.Call) and _is_audit_call(node)):
                    continue
                where = f"{path.relative_to(APP.parent)}:{node.lineno}"
                for keyword in node.keywords:
                    if keyword.arg is not None:
                        if keyword.arg not in _PARAMETERS:
                            found.setdefault(keyword.arg, where)
                        continue
                    spread = ast.unparse(keyword.value)
                    if spread == forwarded:
                        continue  # the callers' keywords, found at their calls
                    keys = _spread_keys(function, spread)
                    if keys is None:
                        unresolved.append(f"{where} **{spread}")
                    else:
                        found.update({k: where for k in keys if k not in found})
    assert not unresolved, f"cannot tell which keys these write: {unresolved}"
    return found


def test_the_scan_finds_the_keys_it_should() -> None:
    keys = written_keys()
    # Direct keywords, keys added to a forwarded dict, and keys of a dict built in place.
    assert {"fields", "case_no", "on", "late_reason", "failures", "locked", "full_ids"} <= set(keys)
    assert {"risk_level", "stage", "role"} <= set(keys)
    assert not _PARAMETERS & set(keys)


def test_every_key_the_services_write_has_a_chinese_name() -> None:
    keys = written_keys()
    missing = {k: keys[k] for k in unnamed_keys(sorted(keys))}
    assert missing == {}, f"give these audit detail keys a name in audit_names: {missing}"


def test_every_field_an_edit_can_list_has_a_name() -> None:
    from app.services.community.service import _FIELDS as ACTIVITY_FIELDS
    from app.services.groups.service import _PLAN_FIELDS as GROUP_FIELDS
    from app.services.visits import views as visit_views
    from app.store import models

    lists: dict[str, set[str]] = {
        "activity": set(ACTIVITY_FIELDS),
        "group": set(GROUP_FIELDS),
        "visit": {*visit_views._FIELDS, "clients"},
        "client": {"categories", "household"},
        "work_log": {"kind", "minutes", "description"},
    }
    edited = {
        "client": models.Client,
        "training": models.Training,
        "supervision": models.Supervision,
        "volunteer": models.Volunteer,
        "volunteer_service": models.VolunteerService,
        "resource": models.Resource,
    }
    for entity, model in edited.items():
        columns = {c.key for c in inspect(model).columns} - _BOOKKEEPING
        lists.setdefault(entity, set()).update(columns)
    unnamed = sorted(
        f"{entity}.{field}"
        for entity, fields in lists.items()
        for field in fields
        if field_label(field, entity) == field
    )
    assert unnamed == []
    assert "household" in FIELD_LABELS


def test_the_copied_label_tables_agree_with_their_sources() -> None:
    from app.services.lists.registry import EXPORTERS
    from app.services.visits.types import RESULT_LABELS

    assert {key: exporter.title for key, exporter in EXPORTERS.items()} == LIST_LABELS
    assert {r.value: label for r, label in RESULT_LABELS.items()} == VISIT_RESULT_LABELS


def test_every_setting_key_has_a_name() -> None:
    """The settings keys are the `*_KEY` string constants of the app, and the reminders'."""
    keys: set[str] = set()
    for path in APP.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Assign)
                and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)
                and node.targets[0].id.endswith("_KEY")
                and isinstance(node.value, ast.Constant)
                and isinstance(node.value.value, str)
            ):
                keys.add(node.value.value)
    assert {"consent.text_version", "report_targets"} <= keys
    assert sorted(keys - set(SETTING_LABELS)) == []
