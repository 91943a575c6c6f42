"""The evidence pack on both engines: it opens, it hides every client's name and ID number
unless revealed with a reason, its sample is reproducible, and a cancel leaves nothing."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app.domain.errors import InvalidInput, PermissionDenied, ReasonRequired
from app.domain.roles import Role
from app.services.context import Actor
from app.services.listing import ExportCancelled
from app.services.projects.pack import EvidencePackService, PackRequest
from app.services.projects.service import ProjectService
from app.services.projects.types import ProjectInput, TargetInput
from app.services.reports.closing import MonthCloseService
from app.store.engine import Database
from app.store.models import AuditEntry, Station
from tests import pdf_reading
from tests.unit.services.projects.pack_records import ID_NUMBER, NAME, PHONE, TODAY, build_pack

D = dt.date
MARCH, MAY = D(2026, 3, 1), D(2026, 5, 1)


def service(db: Database, actor: Actor, folder: Path) -> EvidencePackService:
    return EvidencePackService(
        db, actor, today=TODAY, photo_folder=folder / "photos", document_folder=folder / "documents"
    )


def request(project_id: int, **changes: object) -> PackRequest:
    values: dict[str, object] = dict(
        project_id=project_id, first_month=MARCH, last_month=MAY, seed=2026, sample=3
    )
    return PackRequest(**{**values, **changes})  # type: ignore[arg-type]


def rendered(pdf: Path) -> int:
    """Pages drawn: by pdftoppm where poppler is installed, by PDFium otherwise."""
    if shutil.which("pdftoppm"):
        done = subprocess.run(
            ["pdftoppm", "-r", "12", "-png", str(pdf), str(pdf.with_suffix(""))],
            capture_output=True, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        pages = list(pdf.parent.glob(f"{pdf.stem}-*.png"))
        for page in pages:
            page.unlink()
        return len(pages)
    document = pdfium.PdfDocument(pdf)
    try:
        return sum(1 for page in document if page.render(scale=0.2).to_pil().size[0] > 0)
    finally:
        document.close()


ATTACHED = "2026-03-10_合同_服务合同.pdf"
"""The contract document: copied as attached (pack_records.py), not a PDF the app made."""


def every_text(folder: Path) -> dict[str, str]:
    """Each file's text (a PDF's pages, a workbook's every cell), by path inside the pack."""
    texts = {}
    for path in sorted(folder.rglob("*")):
        if path.suffix == ".pdf" and path.name != ATTACHED:
            texts[str(path.relative_to(folder))] = pdf_reading.text(path)
        elif path.suffix == ".txt":
            texts[str(path.relative_to(folder))] = path.read_text(encoding="utf-8")
        elif path.suffix == ".xlsx":
            book = load_workbook(path, read_only=True)
            cells = [
                str(value)
                for sheet in book.worksheets
                for row in sheet.iter_rows(values_only=True)
                for value in row
                if value is not None
            ]
            book.close()
            texts[str(path.relative_to(folder))] = "\n".join(cells)
    return texts


def test_the_pack_opens_and_masks_every_client(db: Database, admin: Actor, tmp_path: Path) -> None:
    pack = build_pack(db, admin, tmp_path)
    MonthCloseService(db, admin, today=TODAY).close(MARCH)
    out = tmp_path / "材料包"
    result = service(db, admin, tmp_path).build(request(pack.project_id), out)
    assert result.folder == out and result.zip_path == tmp_path / "材料包.zip"
    files = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert result.files == len(files)
    assert files[0] == "00_目录.pdf"
    # The 台账 order: staff, project, services, volunteers, supervision, plans, photos.
    assert [f.split("/")[0] for f in files] == sorted(f.split("/")[0] for f in files)
    for expected in (
        "01_人员/人员名单.xlsx",
        "03_项目/2026-03-10_合同_服务合同.pdf",
        "03_项目/项目指标完成情况.xlsx",
        "03_项目/项目进度.pdf",
        "05_服务/小组/小组_2026-03-01_长者小组.pdf",
        "05_服务/社区活动/活动_2026-04-20_端午包粽子.pdf",
        "06_志愿者与资源/志愿服务与资源链接.xlsx",
        "07_督导与培训/督导与培训记录.pdf",
        "08_计划与报告/2026-04-01_会议纪要_会议纪要.txt",
        "08_计划与报告/月报/月报_2026-03.pdf",
        "08_计划与报告/月报/月报_2026-05.pdf",
        "09_照片/2026-04-20_端午包粽子_001.jpg",
    ):
        assert expected in files
    assert len([f for f in files if f.startswith("05_服务/个案抽查/")]) == 3
    with zipfile.ZipFile(result.zip_path) as archive:
        assert sorted(archive.namelist()) == sorted(f"材料包/{f}" for f in files)
        assert archive.testzip() is None

    for pdf in out.rglob("*.pdf"):
        if pdf.name != ATTACHED:
            assert rendered(pdf) >= 1, pdf
    workbook = load_workbook(out / "03_项目/项目指标完成情况.xlsx")
    assert workbook.sheetnames[:3] == ["进度", "按月", "说明"]
    assert "新接个案（个）" in workbook.sheetnames
    workbook.close()

    texts = every_text(out)
    assert len(texts) >= 10
    everything = "\n".join(texts.values())
    assert "林**" in everything  # the client is there, masked
    for path, text in texts.items():
        assert ID_NUMBER not in text, path
        assert NAME not in text, path
        assert PHONE not in text, path
        assert "梅林村3组" not in text, path
    # A closed month's report is the one stored at 月结.
    assert "已月结" in texts["08_计划与报告/月报/月报_2026-03.pdf"]
    assert "已月结" not in texts["08_计划与报告/月报/月报_2026-05.pdf"]
    contents = texts["00_目录.pdf"]
    assert "SHA-256" in contents and "种子" in contents


def test_the_same_seed_gives_the_same_sample_and_another_seed_another(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    pack = build_pack(db, admin, tmp_path)
    packs = service(db, admin, tmp_path)
    first = packs.build(request(pack.project_id, sample=2), tmp_path / "a")
    again = packs.build(request(pack.project_id, sample=2), tmp_path / "b")
    other = packs.build(request(pack.project_id, sample=2, seed=1), tmp_path / "c")
    # K1, K2, K3 and K9 were opened or served in March to May: never K0, K4 or KB.
    assert set(first.sampled) <= {"K1", "K2", "K3", "K9"} and len(first.sampled) == 2
    assert again.sampled == first.sampled
    assert other.sampled != first.sampled
    listed = sorted(p.name for p in (tmp_path / "a/05_服务/个案抽查").iterdir())
    assert listed == [f"个案档案_{no}.pdf" for no in first.sampled]


def test_a_revealed_pack_needs_a_permitted_user_and_a_reason_which_is_logged(
    db: Database, admin: Actor, tmp_path: Path, make_actor: object
) -> None:
    pack = build_pack(db, admin, tmp_path)
    packs = service(db, admin, tmp_path)
    with pytest.raises(ReasonRequired):
        packs.build(request(pack.project_id, reveal=True, reason="看"), tmp_path / "x")
    assert not (tmp_path / "x").exists()
    reason = "评估机构现场核对原始档案"
    result = packs.build(request(pack.project_id, reveal=True, reason=reason), tmp_path / "full")
    assert not result.masked
    everything = "\n".join(every_text(result.folder).values())
    assert NAME in everything  # what the masked test looks for can be found
    with db.read() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "project", AuditEntry.action == "export")
        ).all()[-1]
    assert "evidence_pack" in entry.detail and '"revealed": true' in entry.detail
    assert reason in (entry.personal or "")
    supervisor = make_actor(Role.SUPERVISOR)  # type: ignore[operator]
    with pytest.raises(PermissionDenied):
        service(db, supervisor, tmp_path).build(request(pack.project_id), tmp_path / "s")


def test_a_cancel_leaves_nothing_behind(db: Database, admin: Actor, tmp_path: Path) -> None:
    pack = build_pack(db, admin, tmp_path)
    out = tmp_path / "packs" / "材料包"
    out.parent.mkdir()
    calls: list[int] = []

    def progress(done: int, total: int) -> None:
        calls.append(done)

    with pytest.raises(ExportCancelled):
        service(db, admin, tmp_path).build(
            request(pack.project_id), out, progress=progress, is_cancelled=lambda: len(calls) >= 4
        )
    assert calls and list(out.parent.iterdir()) == []


def test_a_period_outside_the_project_or_a_used_folder_is_refused(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    pack = build_pack(db, admin, tmp_path)
    packs = service(db, admin, tmp_path)
    early = request(pack.project_id, first_month=D(2025, 1, 1), last_month=D(2025, 12, 1))
    with pytest.raises(InvalidInput, match="没有重叠"):
        packs.build(early, tmp_path / "e")
    used = tmp_path / "used"
    used.mkdir()
    (used / "old.txt").write_text("x", encoding="utf-8")
    with pytest.raises(InvalidInput, match="不是空文件夹"):
        packs.build(request(pack.project_id), used)
    assert [p.name for p in used.iterdir()] == ["old.txt"]


def test_a_county_project_gathers_every_covered_station(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    build_pack(db, admin, tmp_path)
    with db.read() as session:
        other = session.scalars(select(Station.id).where(Station.code == "JX0427")).one()
    (county,) = ProjectService(db, admin, today=TODAY).add(
        ProjectInput(
            code="XM-县", name="全县项目", starts_on=D(2026, 3, 1), ends_on=D(2026, 12, 31),
            station_ids=(admin.station_id, other),
            targets=(TargetInput("cases_new", Decimal(10)),),
        )
    ).ids  # fmt: skip
    out = tmp_path / "county"
    result = service(db, admin, tmp_path).build(
        request(county, sample=10, first_month=D(2026, 4, 1), last_month=D(2026, 4, 1)), out
    )
    assert "KB" in result.sampled  # the other station's case, opened in April
    months = sorted(p.name for p in (out / "08_计划与报告/月报").iterdir())
    assert months == ["月报_JX0426_2026-04.pdf", "月报_JX0427_2026-04.pdf"]
    assert (out / "05_服务/小组/小组_JX0427_2026-04-01_外站小组.pdf").is_file()
    book = load_workbook(out / "03_项目/项目指标完成情况.xlsx", read_only=True)
    rows = list(book["新接个案（个）"].iter_rows(values_only=True))
    book.close()
    assert rows[2][0] == "站点" and {r[0] for r in rows[3:]} == {"梅林镇社工站", "东岗镇社工站"}
    assert NAME not in "\n".join(every_text(out).values())
