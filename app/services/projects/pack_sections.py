"""The evidence pack's sections, in the order of evaluators' 台账 lists.

A section is one function from the build's context to the files it adds (`PackItem`s,
each written on its own). A later part of the pack — satisfaction summaries, 整改 items,
staff qualifications, partners — is one more function here and one line in `SECTIONS`
at the place of its 台账 category; the build, the contents, the zip, the progress bar
and the masking need nothing else.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import shutil
from pathlib import Path

from sqlalchemy import or_, select

from app.domain import project_documents as kinds
from app.exports.pack_contents import PackDocument, write_pack_document
from app.services.cases.printing import CasePrintService
from app.services.cases.service import CaseService
from app.services.community.photos import default_photo_folder
from app.services.community.printing import ActivityPrintService
from app.services.community.service import ActivityService
from app.services.groups.printing import GroupPrintService
from app.services.groups.service import GroupService
from app.services.reports.service import ReportService, add_months, month_start
from app.store.models import Activity, ActivityPhoto, Group, GroupSession

from . import pack_records, pack_sample
from .documents import ProjectDocumentService
from .pack_items import PackContext, PackItem, PackSection, file_name
from .pack_quality import quality
from .service import ProjectService
from .types import StationRef


def staff(ctx: PackContext) -> list[PackItem]:
    from app.exports.pack_xlsx import write_records_xlsx

    def write(path: Path) -> None:
        detail = ctx.masker.apply(pack_records.staff(ctx))
        write_records_xlsx(ctx.project.info.name, _info(ctx), [detail], path)

    return [PackItem("人员名单.xlsx", "各站点人员名单（姓名、角色、职业资格）", write)]


def documents(category: str, ctx: PackContext) -> list[PackItem]:
    """The project's own documents of the types filed under `category`, as attached."""
    service = ProjectDocumentService(ctx.db, ctx.actor, folder=ctx.document_folder)
    items = []
    for d in service.list(ctx.project.id):
        if kinds.BY_KEY.get(d.doc_type, kinds.BY_KEY["other"]).folder != category:
            continue
        source = service.path_of(d)
        shown = ctx.masker.text(d.title)  # a title may name someone (会议纪要：走访林秀英)
        suffix = Path(d.original_name).suffix.lower()
        name = file_name(d.dated.isoformat(), d.type_label, shown, suffix=suffix)
        title = f"{d.type_label}：{shown}（{d.dated.isoformat()}）"
        if not source.is_file():
            items.append(PackItem(name, title, None, note="文件缺失，未收入"))
            continue
        items.append(PackItem(name, title, functools.partial(_copy, source)))
    return items


def indicators(ctx: PackContext) -> list[PackItem]:
    from app.exports.pack_xlsx import write_indicator_xlsx
    from app.exports.project_pdf import write_progress_pdf

    month = month_start(ctx.last)
    progress = ProjectService(ctx.db, ctx.actor, today=ctx.today).progress(ctx.project.id, month)

    def table(path: Path) -> None:
        found = pack_records.period_details(ctx, ctx.project.info.starts_on, progress.as_of)
        records = ctx.masker.apply(pack_records.indicator_records(ctx, found))
        note = "各指标的记录清单按当前记录列出；已月结月份的数字取月结时保存的数字。"
        write_indicator_xlsx(ctx.masker.apply(progress), records, path, note=note)

    return [
        PackItem(
            "项目指标完成情况.xlsx",
            f"指标完成情况（截至 {progress.as_of}：实际与目标、各指标的记录清单）",
            table,
        ),
        PackItem(
            "项目进度.pdf",
            "项目进度报告",
            lambda path: write_progress_pdf(ctx.masker.apply(progress), path),
        ),
    ]


def case_sample(ctx: PackContext) -> list[PackItem]:
    """The evaluator's sample of case files (pack_sample.py says how it is drawn)."""
    with ctx.db.read() as session:
        found = pack_sample.population(session, [s.id for s in ctx.stations], ctx.first, ctx.last)
    ctx.sampled[:] = pack_sample.draw(found, seed=ctx.seed, size=ctx.sample_size)
    stations = {s.id: s for s in ctx.stations}
    items = []
    for case_no in ctx.sampled:
        case_id, station_id = found[case_no]
        write = functools.partial(_case_file, ctx, stations[station_id], case_id)
        name = file_name("个案档案", case_no, suffix=".pdf")
        items.append(PackItem(name, f"抽查个案 {case_no}", write))
    return items


def _case_file(ctx: PackContext, station: StationRef, case_id: int, path: Path) -> None:
    from app.exports.case_file import write_case_file

    actor = ctx.actor_for(station)
    cases = CaseService(ctx.db, actor, today=ctx.today)
    detail = cases.get(case_id)
    # Revealed, the full number is read through the case service, which logs each one.
    shown = detail.client_id_masked if ctx.masker.active else cases.reveal_id_number(case_id)
    data = CasePrintService(ctx.db, actor, today=ctx.today).case_file(
        detail, station=station.name, id_number=shown
    )
    if ctx.masker.active:
        # The address beside a masked name would name the person again.
        cover = tuple((k, "（已隐去）" if k == "住址" and v else v) for k, v in data.cover)
        data = ctx.masker.apply(dataclasses.replace(data, cover=cover))
    write_case_file(data, path)


def groups(ctx: PackContext) -> list[PackItem]:
    """Each group started or meeting in the period: plan, sessions with sign-in, summary."""
    items = []
    for station in ctx.stations:
        with ctx.db.read() as session:
            meeting = select(GroupSession.group_id).where(
                GroupSession.station_id == station.id,
                GroupSession.held_on.between(ctx.first, ctx.last),
            )
            rows = session.execute(
                select(Group.id, Group.name, Group.start_date)
                .where(
                    Group.station_id == station.id,
                    or_(Group.start_date.between(ctx.first, ctx.last), Group.id.in_(meeting)),
                )
                .order_by(Group.start_date, Group.id)
            ).all()
        for group_id, name, start in rows:
            write = functools.partial(_group_file, ctx, station, group_id)
            shown = ctx.masker.text(name)
            day = start.isoformat() if start else ""
            prefix = (station.code,) if ctx.many_stations else ()
            items.append(
                PackItem(
                    file_name("小组", *prefix, day, shown, suffix=".pdf"),
                    f"小组工作档案：{shown}",
                    write,
                )
            )
    return items


def _group_file(ctx: PackContext, station: StationRef, group_id: int, path: Path) -> None:
    from app.exports.group_file import write_group_file

    actor = ctx.actor_for(station)
    detail = GroupService(ctx.db, actor, today=ctx.today).get(group_id)
    data = GroupPrintService(ctx.db, actor, today=ctx.today).group_file(
        detail, station=station.name
    )
    write_group_file(ctx.masker.apply(data), path)


def activities(ctx: PackContext) -> list[PackItem]:
    """Each community activity of the period, with its photos."""
    items = []
    for station in ctx.stations:
        for activity_id, held_on, title in _activities(ctx, station):
            write = functools.partial(_activity_record, ctx, station, activity_id)
            shown = ctx.masker.text(title)
            prefix = (station.code,) if ctx.many_stations else ()
            items.append(
                PackItem(
                    file_name("活动", *prefix, held_on.isoformat(), shown, suffix=".pdf"),
                    f"社区活动记录：{shown}（{held_on.isoformat()}）",
                    write,
                )
            )
    return items


def _activities(ctx: PackContext, station: StationRef) -> list[tuple[int, dt.date, str]]:
    with ctx.db.read() as session:
        rows = session.execute(
            select(Activity.id, Activity.held_on, Activity.title)
            .where(
                Activity.station_id == station.id,
                Activity.held_on.between(ctx.first, ctx.last),
            )
            .order_by(Activity.held_on, Activity.id)
        ).all()
    return [(i, day, title) for i, day, title in rows]


def _activity_record(ctx: PackContext, station: StationRef, activity_id: int, path: Path) -> None:
    from app.exports.activity_record import write_activity_record

    actor = ctx.actor_for(station)
    folder = ctx.photo_folder or default_photo_folder()
    detail = ActivityService(ctx.db, actor, today=ctx.today, photo_folder=folder).get(activity_id)
    printing = ActivityPrintService(ctx.db, actor, today=ctx.today, photo_folder=folder)
    write_activity_record(ctx.masker.apply(printing.record(detail, station=station.name)), path)


def volunteers(ctx: PackContext) -> list[PackItem]:
    from app.exports.pack_xlsx import write_records_xlsx

    def write(path: Path) -> None:
        found = pack_records.period_details(ctx, ctx.first, ctx.last)
        lists = [found["志愿服务"], found["资源链接"]]
        write_records_xlsx(ctx.project.info.name, _info(ctx), ctx.masker.apply(lists), path)

    return [PackItem("志愿服务与资源链接.xlsx", "志愿服务记录与链接资源清单", write)]


def supervision(ctx: PackContext) -> list[PackItem]:
    def write(path: Path) -> None:
        info = ctx.project.info
        document = PackDocument(
            station_name="、".join(s.name for s in ctx.stations),
            title="督导与培训记录",
            subtitle=info.name,
            cover=(("项目编号", info.code), ("期间", _period(ctx))),
            sections=pack_records.supervision_sections(ctx),
            printed_on=ctx.today,
            printed_by=ctx.actor.display_name,
        )
        write_pack_document(ctx.masker.apply(document), path)

    return [PackItem("督导与培训记录.pdf", "督导记录与培训记录（议题、意见、参加人）", write)]


def monthly_reports(ctx: PackContext) -> list[PackItem]:
    """The period's monthly reports; a closed month (月结) as stored when it was closed."""
    items = []
    month = month_start(ctx.first)
    while month <= ctx.last:
        for station in ctx.stations:
            prefix = (station.code,) if ctx.many_stations else ()
            write = functools.partial(_monthly, ctx, station, month)
            label = f"{month.year}年{month.month}月"
            items.append(
                PackItem(
                    file_name("月报", *prefix, f"{month:%Y-%m}", suffix=".pdf"),
                    f"{station.name} {label}月报",
                    write,
                )
            )
        month = add_months(month, 1)
    return items


def _monthly(ctx: PackContext, station: StationRef, month: dt.date, path: Path) -> None:
    from app.exports.report_pdf import write_monthly_pdf

    report = ReportService(ctx.db, ctx.actor_for(station), today=ctx.today).monthly(
        month, station.id
    )
    write_monthly_pdf(ctx.masker.apply(report), path)


def photos(ctx: PackContext) -> list[PackItem]:
    """The activities' photos as taken, named by day and activity."""
    folder = ctx.photo_folder or default_photo_folder()
    items = []
    with ctx.db.read() as session:
        rows = session.execute(
            select(ActivityPhoto.file_name, ActivityPhoto.caption, Activity.held_on, Activity.title)
            .join(Activity, Activity.id == ActivityPhoto.activity_id)
            .where(
                Activity.station_id.in_([s.id for s in ctx.stations]),
                Activity.held_on.between(ctx.first, ctx.last),
            )
            .order_by(Activity.held_on, Activity.id, ActivityPhoto.id)
        ).all()
    for n, (stored, caption, held_on, title) in enumerate(rows, 1):
        source = folder / Path(stored).name
        shown = ctx.masker.text(title)
        name = file_name(held_on.isoformat(), shown, f"{n:03d}", suffix=source.suffix)
        what = f"{shown}：{ctx.masker.text(caption)}" if caption else shown
        if source.is_file():
            items.append(PackItem(name, what, functools.partial(_copy, source)))
        else:
            items.append(PackItem(name, what, None, note="照片文件缺失，未收入"))
    return items


def _copy(source: Path, path: Path) -> None:
    shutil.copyfile(source, path)


def _period(ctx: PackContext) -> str:
    return f"{ctx.first.isoformat()} 至 {ctx.last.isoformat()}"


def _info(ctx: PackContext) -> str:
    return (
        f"项目编号：{ctx.project.info.code}　期间：{_period(ctx)}　生成：{ctx.actor.display_name}"
    )


SECTIONS: tuple[PackSection, ...] = (
    PackSection(kinds.STAFF, "人员名单", staff),
    PackSection(kinds.RULES, "制度", functools.partial(documents, kinds.RULES)),
    PackSection(kinds.PROJECT, "项目合同", functools.partial(documents, kinds.PROJECT)),
    PackSection(kinds.PROJECT, "指标完成情况", indicators),
    PackSection(kinds.NEEDS, "需求评估", functools.partial(documents, kinds.NEEDS)),
    PackSection(kinds.SERVICES, "个案（抽查）", case_sample, "个案抽查"),
    PackSection(kinds.SERVICES, "小组", groups, "小组"),
    PackSection(kinds.SERVICES, "社区活动", activities, "社区活动"),
    PackSection(kinds.VOLUNTEERS, "志愿服务与资源链接", volunteers),
    PackSection(kinds.SUPERVISION, "督导与培训", supervision),
    PackSection(
        kinds.PLANS, "项目计划、财务与会议等文件", functools.partial(documents, kinds.PLANS)
    ),
    PackSection(kinds.PLANS, "满意度与整改", quality),
    PackSection(kinds.PLANS, "月报", monthly_reports, "月报"),
    PackSection(kinds.PHOTOS, "活动照片", photos),
)
"""The pack in 台账 order; a later part is one more line at its category's place."""
