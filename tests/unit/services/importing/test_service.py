"""The roster import end to end: preview verdicts, the one-transaction commit, the log."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from app.domain.errors import InvalidInput, PermissionDenied
from app.domain.roles import Role
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput, ClientQuery
from app.services.context import Actor
from app.services.importing.results import Preview, Verdict
from app.services.importing.service import ImportCancelled, RosterImportService
from app.services.importing.writer import RosterWriter
from app.store.engine import Database
from app.store.models import AuditEntry, Client, ClientCategory, Household, ImportBatch
from tests.unit.services.importing import rosters
from tests.unit.services.importing.conftest import TODAY, PreviewOf, snapshot
from tests.unit.services.importing.rosters import HEADERS, id_ending_in_x, make_id, serial

ZHANG = make_id(dt.date(1980, 1, 1), 1)
LI = id_ending_in_x(dt.date(1982, 3, 5))
SUN = make_id(dt.date(1955, 6, 7), 12)
ZHOU = make_id(dt.date(1990, 2, 15), 21)
WU = make_id(dt.date(1990, 2, 15), 31)
ZHENG = make_id(dt.date(2001, 11, 30), 42)
FENG = make_id(dt.date(1970, 7, 8), 51)


def full_width(value: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) for c in value)


def roster_rows() -> list[Sequence[object]]:
    bad_check = ZHANG[:16] + "9" + ZHANG[17]
    return [
        HEADERS,
        [1, "张三", ZHANG, "男", dt.datetime(1980, 1, 1), "梅林村", "户主", "张三", "560",
         "13800138000"],
        [2, "李梅", LI.lower(), None, "1982年3月5日", "梅林村", "配偶", "张三", "560元", None],
        [3, "王五", 360428198001010000, "男", None, "梅林村", "户主", "王五", 560, None],
        [4, "赵六", "3.60428E+17", "男", None, "梅林村", "户主", "赵六", 560, None],
        [5, "孙七", SUN[:6] + SUN[8:17], None, serial(dt.date(1955, 6, 7)), "东山村", "户主",
         "孙七", 600, None],
        [6, "周八  ", full_width(ZHOU), None, 19900215, "东山村委会", "户主", "周八", "６００",
         "  13900139000 "],
        [7, "吴九", WU, None, "1990.2.30", "东山村", "户主", "吴九", 600, None],
        ["=ROW()-3", "郑十", ZHENG, "女", "2001-11-30", "河口社区", "户主", "郑十", 500, None],
        [9, "冯一", FENG, "男", "1970/7/8", "河口社区", "户主", "冯一", 500, None],
        [10, "张三", ZHANG, "男", None, "梅林村", "户主", "张三", "560", None],
        [11, "钱二", bad_check, None, None, "梅林村", "户主", "钱二", 560, None],
        ["合计", None, None, None, None, None, None, None, "4540", None],
    ]  # fmt: skip


@pytest.fixture
def roster(tmp_path: Path) -> Path:
    # Row 12 (冯一) hidden, as filtered rosters often arrive; it is still on the roster.
    return rosters.write_xlsx(
        tmp_path / "低保名单.xlsx",
        roster_rows(),
        title="2025年6月梅林镇农村低保花名册",
        hidden=[12],
    )


def verdicts(preview: Preview) -> dict[int, tuple[str, str, str]]:
    return {r.row_number: (r.verdict.value, r.name, r.reason) for r in preview.rows}


def test_preview_gives_every_row_a_verdict(
    roster: Path, preview_of: PreviewOf, db: Database
) -> None:
    before = snapshot(db)
    preview = preview_of(roster)
    got = verdicts(preview)
    assert [got[n][0] for n in range(4, 16)] == [
        "新增", "新增", "错误", "错误", "新增", "新增",
        "错误", "新增", "新增", "重复", "错误", "错误",
    ]  # fmt: skip
    assert "数字格式" in got[6][2]
    assert "科学计数法" in got[7][2]
    assert "出生日期" in got[10][2]
    assert "第 4 行" in got[13][2]
    assert "校验位" in got[14][2]
    assert "合计" in got[15][2]
    assert got[9][1] == "周八"
    assert preview.counts == {"新增": 6, "更新": 0, "无变化": 0, "错误": 5, "重复": 1, "退出": 0}
    assert preview.previous_import is None
    assert snapshot(db) == before  # a preview writes nothing


def test_commit_creates_clients_households_categories_and_one_audit_entry(
    roster: Path, preview_of: PreviewOf, importer: RosterImportService, db: Database, admin: Actor
) -> None:
    result = importer.commit(preview_of(roster))
    assert result.counts["新增"] == 6
    with db.read() as session:
        people = {c.name: c for c in session.scalars(select(Client))}
        assert set(people) == {"张三", "李梅", "孙七", "周八", "郑十", "冯一"}
        assert people["李梅"].id_number == LI
        assert people["孙七"].id_number == SUN  # the 15-digit number, upgraded
        assert people["周八"].phone == "13900139000"
        zhang_home = session.get(Household, people["张三"].household_id)
        assert zhang_home is not None and zhang_home.head_client_id == people["张三"].id
        assert (
            people["李梅"].household_id == zhang_home.id and people["李梅"].relation_to_head == "10"
        )
        held = session.scalars(select(ClientCategory)).all()
        assert {c.category for c in held} == {"dibao_rural"}
        assert all(c.start_date == TODAY and c.import_batch_id == result.batch_id for c in held)
        assert {c.benefit_amount for c in held} == {"560", "600", "500"}
        batch = session.get_one(ImportBatch, result.batch_id)
        assert batch.file_name == "低保名单.xlsx" and len(batch.sha256) == 64
        assert json.loads(batch.counts)["错误"] == 5
        entries = session.scalars(select(AuditEntry).where(AuditEntry.action == "import")).all()
        assert len(entries) == 1 and json.loads(entries[0].detail)["counts"]["新增"] == 6
    found = ClientService(db, admin).search_ids(ClientQuery(text="周八"))
    assert len(found) == 1  # new clients are in the search index
    assert ClientService(db, admin).search_ids(ClientQuery(text="zb")) == found  # and by pinyin
    log = importer.imports()
    assert [(r.file_name, r.category_label, r.counts["新增"]) for r in log] == [
        ("低保名单.xlsx", "低保对象·农村", 6)
    ]


def simple(tmp_path: Path, name: str, people: list[tuple[str, str, str, str]]) -> Path:
    rows: list[list[object]] = [["姓名", "身份证号", "村", "保障金额", "联系电话"]]
    rows += [[n, i, "梅林村", amount, phone] for n, i, amount, phone in people]
    return rosters.write_xlsx(tmp_path / name, rows)


A, B, C, D = (make_id(dt.date(1950 + k, 1, 1), 2 * k + 1) for k in range(4))


def test_period_difference_on_two_consecutive_rosters(
    tmp_path: Path, preview_of: PreviewOf, importer: RosterImportService, db: Database
) -> None:
    may = simple(
        tmp_path, "5月.xlsx", [("甲", A, "560", ""), ("乙", B, "560", ""), ("丙", C, "560", "")]
    )
    importer.commit(preview_of(may, day=dt.date(2025, 5, 31)))
    june = simple(
        tmp_path,
        "6月.xlsx",
        [("乙", B, "600", ""), ("丙", C, "560", "13800138000"), ("丁", D, "560", "")],
    )
    preview = preview_of(june)
    assert preview.previous_import == dt.date(2025, 5, 31)
    assert [e.name for e in preview.exits] == ["甲"]
    rows = {r.name: r for r in preview.rows}
    assert rows["丁"].verdict is Verdict.NEW
    assert [str(c) for c in rows["乙"].changes] == ["保障金额：560 → 600"]
    assert [str(c) for c in rows["丙"].changes] == ["联系电话：（空） → 13800138000"]
    result = importer.commit(preview)
    assert result.counts == {"新增": 1, "更新": 2, "无变化": 0, "错误": 0, "重复": 0, "退出": 1}
    with db.read() as session:
        ids = dict(session.execute(select(Client.name, Client.id)).all())

        def periods(name: str) -> list[tuple[dt.date | None, dt.date | None, str]]:
            return [
                (c.start_date, c.end_date, c.benefit_amount)
                for c in session.scalars(
                    select(ClientCategory)
                    .where(ClientCategory.client_id == ids[name])
                    .order_by(ClientCategory.id)
                )
            ]

        assert periods("甲") == [(dt.date(2025, 5, 31), TODAY, "560")]  # ended, kept
        assert periods("乙") == [(dt.date(2025, 5, 31), TODAY, "560"), (TODAY, None, "600")]
        assert periods("丙") == [(dt.date(2025, 5, 31), None, "560")]
        assert periods("丁") == [(TODAY, None, "560")]
        assert session.get_one(Client, ids["甲"]).status == "active"  # never deleted
    again = preview_of(june)
    assert again.counts["无变化"] == 3 and again.exits == ()


def test_import_date_cannot_go_back_before_the_last_import(
    tmp_path: Path, preview_of: PreviewOf, importer: RosterImportService
) -> None:
    path = simple(tmp_path, "a.xlsx", [("甲", A, "560", "")])
    importer.commit(preview_of(path))
    with pytest.raises(InvalidInput, match="早于上次"):
        preview_of(path, day=dt.date(2025, 1, 1))
    with pytest.raises(InvalidInput, match="晚于今天"):
        preview_of(path, category="dibao_urban", day=TODAY + dt.timedelta(days=1))


def test_registry_conflicts_are_errors(
    tmp_path: Path, preview_of: PreviewOf, db: Database, admin: Actor
) -> None:
    clients = ClientService(db, admin, today=TODAY)
    saved = clients.create(ClientInput(name="甲某", id_number=A))
    archived = clients.create(ClientInput(name="乙", id_number=B))
    clients.archive(archived.id, version=archived.version, reason="迁出")
    preview = preview_of(simple(tmp_path, "x.xlsx", [("甲", A, "", ""), ("乙", B, "", "")]))
    rows = {r.name: r for r in preview.rows}
    assert rows["甲"].verdict is Verdict.ERROR and "甲某" in rows["甲"].reason
    assert rows["乙"].verdict is Verdict.ERROR and "已归档" in rows["乙"].reason
    assert saved.id == rows["甲"].client_id


def test_an_existing_client_gains_the_category_as_an_update(
    tmp_path: Path, preview_of: PreviewOf, importer: RosterImportService, db: Database, admin: Actor
) -> None:
    saved = ClientService(db, admin, today=TODAY).create(ClientInput(name="甲", id_number=A))
    preview = preview_of(simple(tmp_path, "x.xlsx", [("甲", A, "", "")]))
    changes = [str(c) for c in preview.rows[0].changes]
    assert changes == ["村/社区：（空） → 梅林村", "类别：（空） → 低保对象·农村"]
    importer.commit(preview)
    assert ClientService(db, admin).get(saved.id).categories == ("dibao_rural",)


def test_a_failure_half_way_leaves_the_database_as_it_was(
    roster: Path, preview_of: PreviewOf, importer: RosterImportService, db: Database,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    preview = preview_of(roster)
    before = snapshot(db)

    def broken(self: RosterWriter) -> None:
        raise OSError("disk unplugged")

    monkeypatch.setattr(RosterWriter, "flush_categories", broken)
    with pytest.raises(OSError):
        importer.commit(preview)
    assert snapshot(db) == before


def test_cancel_leaves_the_database_as_it_was(
    roster: Path, preview_of: PreviewOf, importer: RosterImportService, db: Database
) -> None:
    preview = preview_of(roster)
    before = snapshot(db)
    asked = iter([False, False, True, True, True, True])
    with pytest.raises(ImportCancelled):
        importer.commit(preview, is_cancelled=lambda: next(asked, True))
    assert snapshot(db) == before
    with pytest.raises(ImportCancelled):
        preview_of(roster, is_cancelled=lambda: True)


def test_nothing_importable(
    tmp_path: Path, preview_of: PreviewOf, importer: RosterImportService
) -> None:
    preview = preview_of(simple(tmp_path, "bad.xlsx", [("甲", "123", "", "")]))
    assert preview.importable == 0
    with pytest.raises(InvalidInput, match="没有可以导入"):
        importer.commit(preview)


def test_required_columns_and_known_category(roster: Path, importer: RosterImportService) -> None:
    with pytest.raises(InvalidInput, match="身份证号"):
        importer.preview(
            roster, sheet="名单", header_row=2, columns={1: "name"}, category="dibao_rural"
        )
    with pytest.raises(InvalidInput, match="未知的服务对象类别"):
        importer.preview(
            roster, sheet="名单", header_row=2, columns={1: "name", 2: "id_number"}, category="nope"
        )


def test_xls_and_gbk_csv_rosters(tmp_path: Path, preview_of: PreviewOf) -> None:
    rows = [["姓名", "身份证号", "村"], ["甲", A, "梅林村"], ["乙", B.lower(), "东山村"]]
    xls = rosters.write_xls(tmp_path / "特困.xls", rows)
    assert preview_of(xls).counts["新增"] == 2
    gbk = rosters.write_csv(tmp_path / "残疾人.csv", rows, "gbk")
    assert preview_of(gbk, category="disabled").counts["新增"] == 2


def test_a_worker_saves_a_mapping_and_uses_it_next_month(
    tmp_path: Path,
    db: Database,
    make_actor: Callable[..., Actor],
) -> None:
    worker = RosterImportService(db, make_actor(Role.WORKER), today=TODAY)
    path = rosters.write_xlsx(tmp_path / "m.xlsx", [["名字", "证号", "住在"], ["甲", A, "梅林村"]])
    proposal = worker.propose_mapping(path, "名单")
    assert proposal.columns == {0: "name"}
    worker.save_mapping("低保", proposal.headers, {0: "name", 1: "id_number", 2: "village"})
    assert worker.mappings() == {"低保": {"名字": "name", "证号": "id_number", "住在": "village"}}
    moved = rosters.write_xlsx(tmp_path / "n.xlsx", [["住在", "证号", "名字"], ["梅林村", A, "甲"]])
    assert worker.propose_mapping(moved, "名单", saved_name="低保").columns == {
        0: "village",
        1: "id_number",
        2: "name",
    }


def test_supervisors_cannot_import(
    roster: Path, db: Database, make_actor: Callable[..., Actor]
) -> None:
    supervisor = RosterImportService(db, make_actor(Role.SUPERVISOR))
    with pytest.raises(PermissionDenied):
        supervisor.sheets(roster)


def test_error_report_keeps_the_original_row_and_the_reason(
    roster: Path, preview_of: PreviewOf, importer: RosterImportService, tmp_path: Path
) -> None:
    preview = preview_of(roster)
    out = tmp_path / "errors.xlsx"
    assert importer.save_errors(preview, out) == 6
    sheet = openpyxl.load_workbook(out).active
    lines = list(sheet.values)
    assert lines[0][:4] == ("原行号", "结果", "原因", "序号")
    by_row = {line[0]: line for line in lines[1:]}
    assert by_row[6][1] == "错误" and "数字格式" in by_row[6][2] and by_row[6][4] == "王五"
    assert by_row[14][5] == make_id(dt.date(1980, 1, 1), 1)[:16] + "9" + ZHANG[17]
    assert isinstance(by_row[14][5], str)  # the ID stays text
    assert by_row[13][1] == "重复"
