"""Surveys typed into a sheet (满意度调查表): the template and an all-or-nothing import.

Every row is checked as if entered in the window (subject, dates, scores); any bad row
leaves the whole sheet unimported and is listed as 第 N 行：…, so a corrected sheet can
simply be imported again. Each row runs in a savepoint, so one refused row never leaves
a half-added survey in the session while the others are checked.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import AppError, InvalidInput
from app.domain.satisfaction import RESPONDENT_LABELS, SURVEY_ITEMS, Respondent, Subject
from app.exports.roster_template import TemplateColumn, write_roster_template
from app.services.access import audit
from app.services.context import Actor, Changes
from app.services.history import When
from app.store.engine import Database
from app.store.models import Activity, Case, Group

from .surveys import ENTITY, add
from .types import ImportResult, SurveyInput

SHEET = "满意度调查"
SCALE_NOTE = "1到5分：5 非常满意，4 满意，3 一般，2 不满意，1 非常不满意。"
TYPE, SUBJECT, HELD_ON, ON, WHO = (
    "类型",
    "个案编号/小组名称/活动名称",
    "活动日期",
    "调查日期",
    "回答人",
)
REASON, NOTE = "无法回答原因", "备注"
COLUMNS = (
    TemplateColumn(TYPE, required=True, width=10, note="个案、小组或社区活动。"),
    TemplateColumn(
        SUBJECT,
        required=True,
        text=True,
        width=24,
        note="个案填个案编号；小组填小组名称；社区活动填活动名称。",
    ),
    TemplateColumn(
        HELD_ON, date=True, width=12, note="社区活动的举办日期：同名活动有多场时必填，用来区分。"
    ),
    TemplateColumn(
        ON,
        required=True,
        date=True,
        width=12,
        note="做调查的日期（发生日期），如 2026-10-15；不早于结案、小组最后一节或活动日期。",
    ),
    TemplateColumn(
        WHO, required=True, width=14, note="服务对象本人、家属、参与者，或 无法回答（须填原因）。"
    ),
    *(TemplateColumn(i.label, width=10, note=SCALE_NOTE) for i in SURVEY_ITEMS),
    TemplateColumn(REASON, width=20, note="回答人为“无法回答”时必填，如 服务对象失智、已搬离。"),
    TemplateColumn(NOTE, width=24),
)
NOTES = (
    "满意度调查导入模板：每行一份调查，填在“满意度调查”工作表第 2 行起。",
    "整张表检查无误才会导入；有任何一行不对，整张表都不导入，并列出每个错误行，改正后重新导入即可。",
    "示例：个案 | GS-2026-0012 | （空） | 2026-10-15 | 服务对象本人 | 5 | 4 | 5 | 5",
)
_SUBJECTS = {"个案": Subject.CASE, "小组": Subject.GROUP, "社区活动": Subject.ACTIVITY,
             "活动": Subject.ACTIVITY}  # fmt: skip
_RESPONDENTS = {label: r for r, label in RESPONDENT_LABELS.items()} | {"本人": Respondent.CLIENT}


def write_template(path: Path) -> Path:
    write_roster_template(path, columns=COLUMNS, examples=(), notes=NOTES, sheet=SHEET)
    return path


class _Refused(Exception):
    """Leaves `db.write()` so that nothing of the sheet is committed."""


def import_file(db: Database, actor: Actor, path: Path) -> ImportResult:
    rows = list(_read(path))
    if not rows:
        return ImportResult(0, ("表中没有调查：请从“满意度调查”工作表第 2 行起填写。",))
    errors: list[str] = []
    added: list[int] = []
    try:
        with db.write() as session:
            for number, cells in rows:
                try:
                    with session.begin_nested():
                        data = _survey(session, actor.station_id, cells)
                        survey = add(session, actor, data, today=db.clock.today(), late_ok=True)
                        added.append(survey.id)
                except AppError as exc:
                    errors.append(f"第 {number} 行：{exc}")
            if errors:
                raise _Refused
            audit.record(
                session, actor, "import", entity=ENTITY, entity_id=None, file=path.name,
                surveys=len(added),
            )  # fmt: skip
    except _Refused:
        return ImportResult(0, tuple(errors))
    return ImportResult(len(added), (), Changes.of(ENTITY, ids=tuple(added)))


def _read(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(row number, {header: value}) for each non-empty row of the sheet."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise InvalidInput(f"找不到文件“{path.name}”。", field="file") from None
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InvalidInput(
            f"无法读取“{path.name}”：它不是有效的 Excel 工作簿（.xlsx），或已损坏。请用"
            "“下载模板”得到的表格填写后再导入。",
            field="file",
        ) from exc
    try:
        ws = book[SHEET] if SHEET in book.sheetnames else book.worksheets[0]
        lines = ws.iter_rows(values_only=True)
        header = [str(c).strip() if c is not None else "" for c in next(lines, ())]
        missing = [c.header for c in COLUMNS if c.required and c.header not in header]
        if missing:
            raise InvalidInput(
                f"表头缺少“{'、'.join(missing)}”列：请使用满意度调查导入模板。", field="file"
            )
        for number, values in enumerate(lines, start=2):
            cells = dict(zip(header, values, strict=False))
            if any(v is not None and str(v).strip() for v in cells.values()):
                yield number, cells
    finally:
        book.close()


def _survey(session: Session, station_id: int, cells: dict[str, Any]) -> SurveyInput:
    kind = _text(cells.get(TYPE))
    subject = _SUBJECTS.get(kind)
    if subject is None:
        raise InvalidInput(f"类型应为 个案、小组 或 社区活动，而不是“{kind}”。")
    name = _text(cells.get(SUBJECT))
    if not name:
        raise InvalidInput(f"请填写“{SUBJECT}”。")
    subject_id = _subject_id(session, station_id, subject, name, _date(cells.get(HELD_ON), HELD_ON))
    who_text = _text(cells.get(WHO))
    respondent = _RESPONDENTS.get(who_text)
    if respondent is None:
        known = "、".join(RESPONDENT_LABELS.values())
        raise InvalidInput(f"回答人应为 {known} 之一，而不是“{who_text}”。")
    on = _date(cells.get(ON), ON)
    if on is None:
        raise InvalidInput("请填写调查日期。")
    scores: dict[str, int] = {}
    if respondent is not Respondent.NONE:
        for item in SURVEY_ITEMS:
            value = _score(cells.get(item.label), item.label)
            if value is not None:
                scores[item.key] = value
    return SurveyInput(
        subject=subject, subject_id=subject_id, respondent=respondent, scores=scores,
        reason=_text(cells.get(REASON)), note=_text(cells.get(NOTE)), when=When(on),
    )  # fmt: skip


def _subject_id(
    session: Session, station_id: int, subject: Subject, name: str, held_on: dt.date | None
) -> int:
    ids: Sequence[int]
    if subject is Subject.CASE:
        ids = session.scalars(
            select(Case.id).where(Case.station_id == station_id, Case.case_no == name.upper())
        ).all()
        what = f"个案编号“{name}”"
    elif subject is Subject.GROUP:
        ids = session.scalars(
            select(Group.id).where(Group.station_id == station_id, Group.name == name)
        ).all()
        what = f"小组“{name}”"
    else:
        stmt = select(Activity.id).where(Activity.station_id == station_id, Activity.title == name)
        if held_on is not None:
            stmt = stmt.where(Activity.held_on == held_on)
        ids = session.scalars(stmt).all()
        what = f"社区活动“{name}”" + (f"（{held_on:%Y-%m-%d}）" if held_on else "")
    if not ids:
        raise InvalidInput(f"本站没有{what}。")
    if len(ids) > 1:
        hint = "请填写活动日期以区分。" if subject is Subject.ACTIVITY else "请改用不重名的名称。"
        raise InvalidInput(f"本站有 {len(ids)} 个{what}，{hint}")
    return ids[0]


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _date(value: Any, column: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip().replace("/", "-").replace(".", "-")
    try:
        year, month, day = (int(p) for p in text.split("-"))
        return dt.date(year, month, day)
    except ValueError:
        raise InvalidInput(f"{column}“{value}”不是日期，应写成 2026-10-15。") from None


def _score(value: Any, label: str) -> int | None:
    if value is None or value == "":
        return None
    try:
        number = float(str(value).strip())
    except ValueError:
        raise InvalidInput(f"“{label}”应为1到5分，而不是“{value}”。") from None
    if number != int(number):
        raise InvalidInput(f"“{label}”应为1到5的整数分，而不是“{value}”。")
    return int(number)
