"""A station's project, its documents, an evaluation round with scores and a 整改 item
with its evidence travel in its package; the county sees them, once, and the county's
own indicator system is the same row on both sides."""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal as D
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.domain.evaluation import RoundKind, Scorer
from app.services.evaluation.indicators import IndicatorService
from app.services.evaluation.rectifications import RectificationService
from app.services.evaluation.rounds import EvaluationService
from app.services.evaluation.types import RoundInput, ScoreInput
from app.services.packages.moving import StationMover
from app.services.packages.types import Outcome, PackageRefused
from app.services.projects.documents import ProjectDocumentService
from app.services.projects.service import ProjectService
from app.services.projects.types import ProjectInput, TargetInput
from app.services.reports import annual_targets
from app.store.engine import Database
from app.store.models import (
    EvaluationIndicator,
    EvaluationRound,
    EvaluationSystem,
    Project,
    ProjectStation,
    ProjectTarget,
    Station,
)
from tests.unit.services.evaluation import sheets
from tests.unit.services.packages.conftest import PASSWORD, Side, counts

CONTRACT = b"%PDF-1.4 contract of the station's project"
EVIDENCE = b"\xff\xd8 the rules on the wall"


def _project(side: Side) -> int:
    with side.db.read() as session:
        station_id = session.scalar(select(Station.id))
    assert station_id is not None
    ProjectService(side.db, side.actor).add(
        ProjectInput(
            code="DG-2026", name="东港镇社工站2026年度服务项目", starts_on=dt.date(2026, 1, 1),
            ends_on=dt.date(2026, 12, 31), buyer="某县民政局", amount_yuan=D(300000),
            station_ids=(station_id,),
            targets=(TargetInput("cases_new", D(12), D(60)),
                     TargetInput("activities", D(8), D(40))),
        )
    )  # fmt: skip
    with side.db.read() as session:
        found = session.scalar(select(Project.id).where(Project.code == "DG-2026"))
    assert found is not None
    return found


def _station_work(station: Side, tmp_path: Path, system_id: int) -> int:
    """A project with a document, a round under `system_id` with scores and a 整改 item
    with a file; returns the project's id."""
    project_id = _project(station)
    contract = tmp_path / "服务合同.pdf"
    contract.write_bytes(CONTRACT)
    ProjectDocumentService(station.db, station.actor, folder=station.folders.documents).add(
        project_id, contract, doc_type="contract", dated=dt.date(2026, 1, 5)
    )
    codes = {
        i.code: i.id for i in IndicatorService(station.db, station.actor).get(system_id).indicators
    }
    evaluations = EvaluationService(station.db, station.actor)
    evaluations.add_round(
        RoundInput(system_id=system_id, kind=RoundKind.MIDTERM, held_on=dt.date(2026, 9, 10),
                   agency="阳光评估中心", project_id=project_id)
    )  # fmt: skip
    round_id = evaluations.rounds()[-1].id
    evaluations.record_scores(
        round_id,
        [ScoreInput(codes["1.1"], Scorer.THIRD_PARTY, D(20), "档案不全"),
         ScoreInput(codes["1.2"], Scorer.THIRD_PARTY, D(22))],
    )  # fmt: skip
    items = RectificationService(station.db, station.actor, folder=station.folders.evidence)
    items.add(round_id, what="制度上墙", owner="王站长", due_on=dt.date(2026, 10, 20))
    wall = tmp_path / "上墙照片.jpg"
    wall.write_bytes(EVIDENCE)
    items.attach(items.open_items()[0].id, wall)
    return project_id


def _system(side: Side, tmp_path: Path) -> int:
    tmp_path.mkdir(parents=True, exist_ok=True)
    return (
        IndicatorService(side.db, side.actor)
        .import_file(sheets.small(tmp_path / "s.xlsx"))
        .system_id
    )


def _send(station: Side, county: Side, path: Path) -> Outcome:
    station.packages().export_package(out=path, password=PASSWORD)
    return county.packages().import_package(source=path, password=PASSWORD).outcome


def _county_project(county: Side) -> int:
    with county.db.read() as session:
        found = session.scalar(select(Project.id).where(Project.code == "DG-2026"))
    assert found is not None
    return found


def _systems(db: Database) -> tuple[int, int]:
    with db.read() as session:
        return (
            session.scalar(select(func.count()).select_from(EvaluationSystem)) or 0,
            session.scalar(select(func.count()).select_from(EvaluationIndicator)) or 0,
        )


def test_the_station_s_project_and_evaluation_reach_the_county_once(
    county: Side, station: Side, tmp_path: Path
) -> None:
    system_id = _system(station, tmp_path / "station")
    _station_work(station, tmp_path, system_id)
    package = tmp_path / "1.sdpkg"

    assert _send(station, county, package) is Outcome.APPLIED

    project_id = _county_project(county)
    detail = ProjectService(county.db, county.actor).get(project_id)
    assert [s.code for s in detail.station_refs] == ["JX0427"]
    assert [(t.rule, t.target) for t in detail.targets] == [("cases_new", 12), ("activities", 8)]
    documents = ProjectDocumentService(county.db, county.actor, folder=county.folders.documents)
    [document] = documents.list(project_id)
    assert (document.original_name, documents.path_of(document).read_bytes()) == (
        "服务合同.pdf", CONTRACT,
    )  # fmt: skip
    evaluations = EvaluationService(county.db, county.actor)
    with county.db.read() as session:
        station_id = session.scalar(select(Station.id).where(Station.code == "JX0427"))
    [summary] = evaluations.rounds(station_id=station_id)
    detail_round = evaluations.get(summary.id)
    assert (detail_round.base, detail_round.project) == (
        42, "东港镇社工站2026年度服务项目（DG-2026）",
    )  # fmt: skip
    assert summary.station_name == "东港镇社工站"
    [item] = detail_round.rectifications
    assert (item.what, item.files) == ("制度上墙", ("上墙照片.jpg",))
    evidence = RectificationService(county.db, county.actor, folder=county.folders.evidence)
    assert evidence.file_path(item.id, "上墙照片.jpg").read_bytes() == EVIDENCE
    with county.db.read() as session:
        system = session.scalar(
            select(EvaluationSystem).where(EvaluationSystem.name == "小型测试体系")
        )
        assert system is not None and system.station_id == station_id

    before = counts(county.db)
    again = county.packages().import_package(source=package, password=PASSWORD)
    assert again.outcome is Outcome.ALREADY and counts(county.db) == before


def test_changed_yearly_targets_replace_the_county_s_set(
    county: Side, station: Side, tmp_path: Path
) -> None:
    with station.db.write() as session:
        station_id = session.scalar(select(Station.id))
        assert station_id is not None
        annual_targets.write(session, station_id, 2026, {"cases_new": 10, "activities": 6},
                             station.actor.user_id)  # fmt: skip
    assert _send(station, county, tmp_path / "1.sdpkg") is Outcome.APPLIED
    county.packages().export_return(station_code="JX0427", out=tmp_path / "r1", password=PASSWORD)
    station.packages().import_return(source=tmp_path / "r1", password=PASSWORD)
    station.clock.set(dt.datetime(2026, 10, 6, 9))
    with station.db.write() as session:
        annual_targets.write(session, station_id, 2026, {"cases_new": 14}, station.actor.user_id)

    assert _send(station, county, tmp_path / "2.sdpkg") is Outcome.APPLIED

    with county.db.read() as session:
        county_station = session.scalar(select(Station.id).where(Station.code == "JX0427"))
        assert county_station is not None
        assert annual_targets.read(session, county_station, 2026) == {"cases_new": 14}
        assert session.scalar(select(func.count()).select_from(ProjectTarget)) == 1


def test_the_county_s_yearly_targets_for_the_station_are_taken_over(
    county: Side, station: Side, tmp_path: Path
) -> None:
    """The county typed the station's targets before its first package: one project."""
    with county.db.write() as session:
        county_station = session.scalar(select(Station.id).where(Station.code == "JX0427"))
        assert county_station is not None
        annual_targets.write(session, county_station, 2026, {"cases_new": 9}, 1)
    with station.db.write() as session:
        station_id = session.scalar(select(Station.id))
        assert station_id is not None
        annual_targets.write(session, station_id, 2026, {"cases_new": 11, "activities": 5}, 1)

    assert _send(station, county, tmp_path / "1.sdpkg") is Outcome.APPLIED

    with county.db.read() as session:
        assert annual_targets.read(session, county_station, 2026) == {
            "cases_new": 11,
            "activities": 5,
        }
        links = session.scalar(
            select(func.count())
            .select_from(ProjectStation)
            .where(ProjectStation.station_id == county_station)
        )
        assert links == 1


def test_the_county_s_system_goes_to_the_station_and_comes_back_as_the_same_row(
    county: Side, station: Side, tmp_path: Path
) -> None:
    _system(county, tmp_path / "county")  # the county's administrator: no station
    county_systems = _systems(county.db)
    county.packages().export_return(station_code="JX0427", out=tmp_path / "r1", password=PASSWORD)
    station.packages().import_return(source=tmp_path / "r1", password=PASSWORD)
    with station.db.read() as session:
        system = session.scalar(select(EvaluationSystem))
        assert system is not None and system.station_id is None
        system_id = system.id
    assert _systems(station.db) == county_systems
    _station_work(station, tmp_path, system_id)

    assert _send(station, county, tmp_path / "1.sdpkg") is Outcome.APPLIED

    assert _systems(county.db) == county_systems
    with county.db.read() as session:
        used = session.scalar(select(EvaluationRound.system_id))
        owner = session.scalar(
            select(EvaluationSystem.station_id).where(EvaluationSystem.id == used)
        )
    assert used is not None and owner is None


def test_a_station_system_named_like_another_county_system_is_refused_clearly(
    county: Side, station: Side, tmp_path: Path
) -> None:
    _system(county, tmp_path / "county")
    _station_work(station, tmp_path, _system(station, tmp_path / "station"))
    before = counts(county.db)
    with pytest.raises(
        Exception, match="评估指标体系「小型测试体系」在县数据库中已有另一个同名的体系"
    ):
        _send(station, county, tmp_path / "1.sdpkg")
    assert counts(county.db) == before


def test_a_move_carries_the_project_files_and_counts_them(
    county: Side, station: Side, tmp_path: Path
) -> None:
    _station_work(station, tmp_path, _system(station, tmp_path / "station"))
    mover = StationMover(
        station.db, county.db, source_photos=station.photos, county_photos=county.photos,
        source_folders=station.folders, county_folders=county.folders,
    )  # fmt: skip

    result = mover.move()

    moved = {t.table: t.new for t in result.tables}
    assert {name: moved[name] for name in (
        "projects", "project_stations", "project_documents", "evaluation_systems",
        "evaluation_rounds", "evaluation_scores", "rectifications", "rectification_files",
    )} == {"projects": 1, "project_stations": 1, "project_documents": 1,
           "evaluation_systems": 1, "evaluation_rounds": 1, "evaluation_scores": 2,
           "rectifications": 1, "rectification_files": 1}  # fmt: skip
    assert (result.files, result.files_copied) == (2, 2)
    assert "项目文件和整改材料 2 个，复制到县里 2 个" in result.text()
    for folder, data in ((county.folders.documents, CONTRACT), (county.folders.evidence, EVIDENCE)):
        [copied] = list(folder.iterdir())
        assert hashlib.sha256(copied.read_bytes()).digest() == hashlib.sha256(data).digest()
    project_id = _county_project(county)
    assert len(ProjectService(county.db, county.actor).get(project_id).targets) == 2
    assert mover.move().wrote is False


def test_a_document_changed_since_it_was_attached_is_refused_and_nothing_written(
    county: Side, station: Side, tmp_path: Path
) -> None:
    _station_work(station, tmp_path, _system(station, tmp_path / "station"))
    [stored] = list(station.folders.documents.iterdir())
    stored.write_bytes(b"another file under the same name")
    before = counts(county.db)
    with pytest.raises(PackageRefused, match=r"项目文件 .* 与记录中的校验值不符"):
        _send(station, county, tmp_path / "1.sdpkg")
    assert counts(county.db) == before
    assert not county.folders.documents.exists()
