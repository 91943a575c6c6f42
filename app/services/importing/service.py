"""RosterImportService: file → sheet → mapping → preview → one all-or-nothing commit."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.codes import CodeList
from app.domain.errors import AppError, InvalidInput
from app.domain.masking import mask_id
from app.domain.roles import Permission
from app.exports.roster_errors import ErrorLine, write_error_report
from app.services.access import audit
from app.services.access.refusals import logs_refusals
from app.services.context import Actor
from app.services.importing import classify, header, readers, template
from app.services.importing.classify import Labels
from app.services.importing.results import (
    EXIT,
    ImportLogRow,
    ImportResult,
    MappingProposal,
    Preview,
    PreviewRow,
    Verdict,
)
from app.services.importing.rows import Lookups, RowError, clean, id_of, shown, text
from app.services.importing.writer import RosterWriter
from app.services.settings.stations import SettingsService
from app.store.engine import Database
from app.store.models import CodeItem, ImportBatch, Setting, User, Village

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]
MAPPINGS_KEY = "import.roster_mappings"
ENTITY = "import"
SAMPLE_ROWS = 5
STEP = 500  # rows between progress reports and cancel checks


class ImportCancelled(AppError):
    """The user cancelled; nothing was written."""

    def __init__(self) -> None:
        super().__init__("导入已取消，数据库没有任何改动。")


_ID_LIKE = re.compile(r"^\d{15}(\d{2}[\dXx])?$")


_BIG_IMPORT = 1_000


def _masked(value: str) -> str:
    return mask_id(value.upper()) if _ID_LIKE.match(value) else value


def _never() -> bool:
    return False


def _quiet(_done: int, _total: int) -> None:
    return None


@logs_refusals("import")
class RosterImportService:
    """Imports a government roster into the client registry (permission: edit clients)."""

    def __init__(self, db: Database, actor: Actor, *, today: dt.date | None = None) -> None:
        self._db = db
        self._actor = actor
        self._today = today
        self._cached: tuple[tuple[str, int, int, str], list[readers.Row]] | None = None

    @property
    def today(self) -> dt.date:
        return self._today or self._db.clock.today()

    # ---- file, sheet, mapping -------------------------------------------------------

    def sheets(self, path: Path) -> list[str]:
        self._actor.require(Permission.EDIT_CLIENTS)
        return readers.sheet_names(Path(path))

    def _rows(self, path: Path, sheet: str) -> list[readers.Row]:
        """The sheet's rows; the last sheet read is kept, as each step reads it again."""
        stat = path.stat()
        key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns, sheet)
        if self._cached is None or self._cached[0] != key:
            self._cached = None  # let the old rows go before reading new ones
            self._cached = (key, readers.read_rows(path, sheet))
        return self._cached[1]

    def propose_mapping(self, path: Path, sheet: str, *, saved_name: str = "") -> MappingProposal:
        """The header row and a mapping by header names (or by a saved mapping)."""
        self._actor.require(Permission.EDIT_CLIENTS)
        rows = self._rows(Path(path), sheet)
        found = header.find_header(rows)
        if saved_name:
            saved = self.mappings().get(saved_name)
            if saved is None:
                raise InvalidInput(f"没有名为“{saved_name}”的已存对应关系。")
            columns = header.from_saved(found.names, saved)
        else:
            columns = header.propose(found.names)
        # ID numbers are masked on screen, here too.
        sample = tuple(
            tuple(_masked(text(c)) for c in r)
            for r in rows[found.row + 1 : found.row + 1 + SAMPLE_ROWS]
        )
        return MappingProposal(sheet, found.row, found.names, columns, sample)

    def mappings(self) -> dict[str, dict[str, str]]:
        """Saved mappings by name: header name → field."""
        self._actor.require(Permission.EDIT_CLIENTS)
        value = SettingsService(self._db, self._actor).get(
            MAPPINGS_KEY, {}, station_id=self._actor.station_id
        )
        return value if isinstance(value, dict) else {}

    def save_mapping(self, name: str, headers: tuple[str, ...], columns: dict[int, str]) -> None:
        """Keep a mapping under a name for next month's roster.

        Written here rather than through `SettingsService.set`, which needs the settings
        permission: whoever may import may keep their column mapping.
        """
        self._actor.require(Permission.EDIT_CLIENTS)
        name = name.strip()
        if not name:
            raise InvalidInput("请为对应关系起个名字，例如“农村低保名单”。", field="name")
        mapping = {headers[i]: key for i, key in columns.items() if i < len(headers) and headers[i]}
        station_id = self._actor.station_id
        with self._db.write() as session:
            row = session.scalar(
                select(Setting).where(Setting.key == MAPPINGS_KEY, Setting.station_id == station_id)
            )
            saved = json.loads(row.value) if row is not None else {}
            saved[name] = mapping
            text_value = json.dumps(saved, ensure_ascii=False)
            if row is None:
                session.add(
                    Setting(
                        key=MAPPINGS_KEY, value=text_value, station_id=station_id,
                        created_by_id=self._actor.user_id, updated_by_id=self._actor.user_id,
                    )
                )  # fmt: skip
            else:
                row.value = text_value
                row.updated_by_id = self._actor.user_id
            audit.record(
                session, self._actor, "setting", entity="setting", key=MAPPINGS_KEY, name=name
            )

    def categories(self) -> list[tuple[str, str]]:
        """(code, label) of the client categories a roster may grant."""
        with self._db.read() as session:
            return [
                (c, label)
                for c, label in session.execute(
                    select(CodeItem.code, CodeItem.label)
                    .where(
                        CodeItem.list_name == CodeList.CLIENT_CATEGORY.value,
                        CodeItem.active.is_(True),
                    )
                    .order_by(CodeItem.sort, CodeItem.id)
                )
            ]

    def save_template(self, path: Path) -> None:
        """An .xlsx roster template with this station's villages and code labels."""
        self._actor.require(Permission.EDIT_CLIENTS)
        with self._db.read() as session:
            _lookups, labels = self._lookups(session, "")
            villages = session.scalars(
                select(Village.name)
                .where(Village.station_id == self._actor.station_id, Village.active.is_(True))
                .order_by(Village.sort, Village.id)
            ).all()
        choices = template.Choices(
            villages=villages, relations=labels.relations,
            disability_types=labels.disability_types,
            disability_grades=labels.disability_grades, categories=dict(self.categories()),
        )  # fmt: skip
        try:
            template.save(Path(path), choices)
        except OSError as exc:
            raise InvalidInput(
                f"无法保存模板（{exc.strerror}），请换个位置或关闭已打开的同名文件。"
            ) from None

    # ---- preview ---------------------------------------------------------------------

    def preview(
        self,
        path: Path,
        *,
        sheet: str,
        header_row: int,
        columns: dict[int, str],
        category: str,
        import_date: dt.date | None = None,
        progress: Progress = _quiet,
        is_cancelled: IsCancelled = _never,
    ) -> Preview:
        """Every data row with its verdict; nothing is written."""
        self._actor.require(Permission.EDIT_CLIENTS)
        path = Path(path)
        day = import_date or self.today
        missing = [header.FIELD_LABELS[k] for k in header.REQUIRED if k not in columns.values()]
        if missing:
            raise InvalidInput(f"请指定“{'”和“'.join(missing)}”所在的列。")
        with self._db.read() as session:
            category_label = self._category_label(session, category)
            previous = self._previous_import(session, category)
            lookups, labels = self._lookups(session, category_label)
        if day > self.today:
            raise InvalidInput("导入日期不能晚于今天。", field="import_date")
        if previous is not None and day < previous:
            raise InvalidInput(
                f"导入日期早于上次同类名单的导入日期（{previous.isoformat()}），请核对。",
                field="import_date",
            )
        sha256 = readers.file_hash(path)
        rows = self._rows(path, sheet)
        data = rows[header_row + 1 :]
        total = len(data)
        cleaned: list[PreviewRow] = []
        first_seen: dict[str, int] = {}
        on_roster: set[str] = set()
        for offset, raw in enumerate(data):
            if offset % STEP == 0:
                if is_cancelled():
                    raise ImportCancelled()
                progress(offset, total)
            if not any(c is not None and c != "" for c in raw):
                continue
            number = header_row + offset + 2
            cleaned.append(self._clean(raw, number, columns, lookups, first_seen, on_roster))
        progress(total, total)
        with self._db.read() as session:
            judged = classify.judge(session, self._actor.station_id, category, cleaned, labels)
            exits = (
                classify.exits(session, self._actor.station_id, category, on_roster)
                if previous is not None
                else []
            )
        return Preview(
            path=path, file_name=path.name, sha256=sha256, sheet=sheet,
            headers=tuple(text(h) for h in rows[header_row]),
            columns=dict(columns), category=category, category_label=category_label,
            import_date=day, rows=tuple(judged), exits=tuple(exits), previous_import=previous,
        )  # fmt: skip

    def _clean(
        self,
        raw: readers.Row,
        number: int,
        columns: dict[int, str],
        lookups: Lookups,
        first_seen: dict[str, int],
        on_roster: set[str],
    ) -> PreviewRow:
        try:
            values = clean(raw, columns, lookups)
        except RowError as exc:
            found = id_of(raw, columns, lookups.today)
            if found:
                on_roster.add(found)
            name = next(
                (text(raw[i]) for i, k in columns.items() if k == "name" and i < len(raw)), ""
            )
            return PreviewRow(
                number, Verdict.ERROR, name, mask_id(found), reason=str(exc),
                original=tuple(shown(c) for c in raw),
            )  # fmt: skip
        on_roster.add(values.id_number)
        masked = mask_id(values.id_number)
        original = tuple(shown(c) for c in raw)
        if values.id_number in first_seen:
            return PreviewRow(
                number, Verdict.DUPLICATE, values.name, masked,
                reason=f"与第 {first_seen[values.id_number]} 行的身份证号相同。",
                original=original,
            )  # fmt: skip
        first_seen[values.id_number] = number
        # The original is kept for every row: the registry may still refuse it at commit.
        return PreviewRow(
            number, Verdict.NEW, values.name, masked, values=values, original=original
        )

    # ---- commit ----------------------------------------------------------------------

    def commit(
        self,
        preview: Preview,
        *,
        progress: Progress = _quiet,
        is_cancelled: IsCancelled = _never,
    ) -> ImportResult:
        """Write every importable row in one transaction: all of it, or nothing at all."""
        self._actor.require(Permission.EDIT_CLIENTS)
        actor = self._actor
        with self._db.write() as session:
            category_label = self._category_label(session, preview.category)
            _lookups, labels = self._lookups(session, category_label)
            # The registry may have changed since the preview: judge again, inside the lock.
            rows = classify.judge(session, actor.station_id, preview.category, preview.rows, labels)
            new = [r for r in rows if r.verdict is Verdict.NEW]
            updates = [r for r in rows if r.verdict is Verdict.UPDATE]
            if not new and not updates and not any(r.verdict is Verdict.SAME for r in rows):
                raise InvalidInput("名单中没有可以导入的行，请查看每行的错误原因。")
            exits = [e.client_id for e in preview.exits]
            batch = ImportBatch(
                station_id=actor.station_id, file_name=preview.file_name[:255],
                sha256=preview.sha256, roster_type=preview.category,
                import_date=preview.import_date, counts="{}",
                created_by_id=actor.user_id, updated_by_id=actor.user_id,
            )  # fmt: skip
            session.add(batch)
            session.flush()
            writer = RosterWriter(
                session, actor, batch_id=batch.id, category=preview.category,
                import_date=preview.import_date, villages=dict(labels.villages),
            )  # fmt: skip
            total = len(new) + len(updates)
            done = 0

            def tick(count: int) -> None:
                nonlocal done
                if is_cancelled():
                    raise ImportCancelled()
                done += count
                progress(done, total)

            tick(0)
            writer.add_new(new, tick)
            writer.apply_updates(updates, tick)
            ended = writer.end_exits(exits)
            writer.flush_categories()
            counts = {v.value: sum(1 for r in rows if r.verdict is v) for v in Verdict}
            counts[EXIT] = ended
            batch.counts = json.dumps(counts, ensure_ascii=False)
            audit.record(
                session, actor, "import", entity=ENTITY, entity_id=batch.id,
                file=preview.file_name, sha256=preview.sha256, category=preview.category,
                import_date=preview.import_date.isoformat(), counts=counts,
            )  # fmt: skip
            if is_cancelled():
                raise ImportCancelled()
        if len(new) >= _BIG_IMPORT:
            # Thousands of new clients shift what the planner should prefer (a first
            # roster fills an empty station): statistics now, not at the next close.
            self._db.analyze("clients", "client_categories", "households")
        return ImportResult(batch.id, counts)

    def save_errors(self, preview: Preview, path: Path) -> int:
        """The rows not imported, as they were plus the reason, in an xlsx file; logged."""
        self._actor.require(Permission.EDIT_CLIENTS)
        lines = [
            ErrorLine(r.row_number, r.original, r.verdict.value, r.reason)
            for r in preview.rows
            if r.verdict in (Verdict.ERROR, Verdict.DUPLICATE)
        ]
        try:
            written = write_error_report(Path(path), headers=preview.headers, lines=lines)
        except OSError as exc:
            raise InvalidInput(
                f"无法保存错误报告（{exc.strerror}），请换个位置或关闭已打开的同名文件。"
            ) from None
        with self._db.write() as session:
            audit.record(
                session, self._actor, "export", entity=ENTITY, file=preview.file_name,
                report=Path(path).name, rows=written,
            )  # fmt: skip
        return written

    # ---- the import log ---------------------------------------------------------------

    def imports(self, *, limit: int = 200) -> list[ImportLogRow]:
        """The station's roster imports, newest first."""
        self._actor.require(Permission.EDIT_CLIENTS)
        with self._db.read() as session:
            labels = dict(
                session.execute(
                    select(CodeItem.code, CodeItem.label).where(
                        CodeItem.list_name == CodeList.CLIENT_CATEGORY.value
                    )
                ).all()
            )
            stmt = (
                select(ImportBatch, User.display_name)
                .outerjoin(User, User.id == ImportBatch.created_by_id)
                .where(ImportBatch.station_id == self._actor.station_id)
                .order_by(ImportBatch.id.desc())
                .limit(limit)
            )
            return [
                ImportLogRow(
                    id=b.id,
                    at=b.created_at,
                    user=user or "",
                    file_name=b.file_name,
                    sha256=b.sha256,
                    category_label=labels.get(b.roster_type, b.roster_type),
                    import_date=b.import_date,
                    counts=json.loads(b.counts or "{}"),
                )
                for b, user in session.execute(stmt)
            ]

    # ---- helpers -----------------------------------------------------------------------

    def _category_label(self, session: Session, category: str) -> str:
        """The label of an active client category given by code or by label."""
        for code, label in session.execute(
            select(CodeItem.code, CodeItem.label).where(
                CodeItem.list_name == CodeList.CLIENT_CATEGORY.value, CodeItem.active.is_(True)
            )
        ):
            if category in (code, label):
                if category != code:
                    raise InvalidInput(f"请用类别代码 {code} 指定“{label}”。", field="category")
                return str(label)
        raise InvalidInput(f"未知的服务对象类别：{category or '（未选择）'}。", field="category")

    def _previous_import(self, session: Session, category: str) -> dt.date | None:
        return session.scalar(
            select(ImportBatch.import_date)
            .where(
                ImportBatch.station_id == self._actor.station_id,
                ImportBatch.roster_type == category,
            )
            .order_by(ImportBatch.import_date.desc(), ImportBatch.id.desc())
            .limit(1)
        )

    def _lookups(self, session: Session, category_label: str) -> tuple[Lookups, Labels]:
        villages = {
            vid: name
            for vid, name in session.execute(
                select(Village.id, Village.name).where(Village.station_id == self._actor.station_id)
            )
        }
        codes: dict[str, dict[str, str]] = {}
        for list_name, code, label in session.execute(
            select(CodeItem.list_name, CodeItem.code, CodeItem.label).where(
                CodeItem.list_name.in_(
                    [
                        CodeList.RELATIONSHIP.value,
                        CodeList.DISABILITY_TYPE.value,
                        CodeList.DISABILITY_GRADE.value,
                    ]
                )
            )
        ):
            codes.setdefault(list_name, {})[code] = label
        relations = codes.get(CodeList.RELATIONSHIP.value, {})
        types = codes.get(CodeList.DISABILITY_TYPE.value, {})
        lookups = Lookups(
            villages={name: vid for vid, name in villages.items()},
            relations={label: code for code, label in relations.items()},
            disability_types={label: code for code, label in types.items()},
            today=self.today,
        )
        labels = Labels(
            villages=villages,
            relations=relations,
            disability_types=types,
            disability_grades=codes.get(CodeList.DISABILITY_GRADE.value, {}),
            category=category_label,
        )
        return lookups, labels
