"""The call list of an interview round (回访名单) as a PDF (reportlab), loaded only when
one is printed; the list itself is app/exports/interview_model.py."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from app.exports.interview_model import CallList
from app.exports.pdf_common import Styles, fields_table, styles, table, text, write_pdf


def write_call_list(data: CallList, path: Path) -> Path:
    st = styles()
    story: list[Flowable] = [
        text(data.title, st.title),
        fields_table(list(data.fields), st),
        Spacer(1, 2 * mm),
        text("知晓度题目（知道的打“√”；5项中知道3项及以上为知晓）："
             + "；".join(f"{i}. {label}" for i, label in enumerate(data.awareness_items, 1)),
             st.small),
        text("满意度题目（" + data.scale + "）：" + "；".join(data.satisfaction_items), st.small),
        Spacer(1, 2 * mm),
    ]  # fmt: skip
    if data.rows:
        story.append(_rows(data, st))
    else:
        story.append(text("本轮回访没有抽到对象。", st.body))
    story += [
        Spacer(1, 6 * mm),
        text("回访人：__________________　　日期：______年____月____日", st.body),
    ]
    return write_pdf(path, story, station_name=data.station_name, title=data.title,
                     author=data.prepared_by)  # fmt: skip


def _rows(data: CallList, st: Styles) -> Flowable:
    header = [
        "序号",
        "方式",
        "姓名",
        "电话",
        "村/社区",
        "分层",
        "结果",
        "知晓(1-5)",
        "满意(各项分)",
    ]
    body: list[Sequence[str]] = [
        [str(r.position), r.mode, r.name, r.phone, r.village, r.stratum, r.outcome, "", ""]
        for r in data.rows
    ]
    return table([header, *body], (0.6, 1.1, 0.8, 2.0, 1.2, 1.9, 1.0, 1.2, 1.5), st)
