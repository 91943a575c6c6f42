"""The demo project's own documents (项目文件): a contract, a plan, the station's rules, a
needs assessment and the minutes of the start-up meeting, as small PDFs in the data
folder, so the evidence pack (评估材料包) has them in its 台账 places."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from sqlalchemy.orm import Session

from app.exports.pack_contents import Block, PackDocument, Section, write_pack_document
from app.services.community.photos import copy_in
from app.services.context import Actor
from app.services.projects.documents import default_document_folder
from app.store.models import Project, ProjectDocument

# (type, title, days after the project starts, paragraphs)
DOCUMENTS: tuple[tuple[str, str, int, tuple[str, ...]], ...] = (
    (
        "contract",
        "政府购买社会工作服务合同",
        -10,
        (
            "甲方（购买方）委托乙方（承接机构）在本镇开展社会工作服务，服务期一年。",
            "乙方按合同约定的服务指标开展个案、小组、社区活动与走访，按月报送服务台账，接受第三方评估。",
        ),
    ),
    (
        "plan",
        "项目实施方案",
        5,
        (
            "服务对象：困难老人、困境儿童、残疾人及其家庭。",
            "服务内容：个案管理、支持性小组、社区活动、入户走访、志愿者培育与资源链接。",
            "进度安排：第一季度需求评估与建档，第二、三季度全面服务，第四季度总结评估。",
        ),
    ),
    (
        "rules",
        "社工站工作制度汇编",
        0,
        ("一、首问负责制度；二、个案档案管理制度；三、服务对象信息保密制度；四、督导与培训制度。",),
    ),
    (
        "needs",
        "辖区服务需求评估报告",
        30,
        ("通过入户走访和座谈，梳理辖区困难群体的主要需求：照料支持、康复、政策咨询与心理支持。",),
    ),
    (
        "minutes",
        "项目启动会会议纪要",
        8,
        ("参会：镇民政办、承接机构、各村委会代表。会议明确了项目目标、分工和报送要求。",),
    ),
)


def add_documents(
    session: Session, actor: Actor, project_id: int, *, folder: Path | None = None
) -> int:
    """The documents as PDFs copied into the documents folder; returns how many."""
    project = session.get_one(Project, project_id)
    folder = folder or default_document_folder()
    with tempfile.TemporaryDirectory() as scratch:
        for kind, title, days, paragraphs in DOCUMENTS:
            dated = project.starts_on + dt.timedelta(days=days)
            source = Path(scratch) / f"{title}.pdf"
            write_pack_document(
                PackDocument(
                    station_name=actor.station_name, title=title, subtitle=project.name,
                    cover=(("项目编号", project.code), ("日期", dated.isoformat())),
                    sections=(Section("正文", tuple(Block(texts=(("", p),)) for p in paragraphs)),),
                    printed_on=dated, printed_by=actor.display_name,
                ),
                source,
            )  # fmt: skip
            name, sha256 = copy_in(source, folder, ".pdf", what="文件")
            session.add(
                ProjectDocument(
                    station_id=actor.station_id, project_id=project_id, doc_type=kind,
                    dated=dated, title=title, file_name=name, original_name=source.name,
                    size_bytes=source.stat().st_size, sha256=sha256,
                    created_by_id=actor.user_id, updated_by_id=actor.user_id,
                )
            )  # fmt: skip
    session.flush()
    return len(DOCUMENTS)
