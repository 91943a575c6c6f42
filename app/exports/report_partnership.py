"""The monthly report's 五社联动 tables as the Excel and PDF writers lay them out."""

from __future__ import annotations

from app.exports.report_model import Cell, Partnership

PARTY_TITLE = "五社联动（按合作方所属）"
PARTY_HEADER = ("合作方所属", "社区活动（次）", "转介（次）", "资源链接（次）", "资源价值（元）")
DEPARTMENT_TITLE = "转介（按部门，截至月末的结果）"
DEPARTMENT_HEADER = ("转介至", "转介（次）", "已反馈", "未接收", "待反馈", "平均反馈天数")
NOT_COUNTED = "未统计"
"""A month closed before the section existed: its stored report has no such figures."""
NOT_COUNTED_NOTE = "本月在统计五社联动之前已月结，月结数字不重新计算。"


def party_rows(p: Partnership) -> list[tuple[Cell, ...]]:
    return [
        (line.party, line.activities, line.referrals, line.resources, line.resource_yuan)
        for line in p.parties
    ]


def department_rows(p: Partnership) -> list[tuple[Cell, ...]]:
    return [
        (
            line.department, line.referrals, line.feedback, line.rejected, line.waiting,
            line.average_days if line.average_days is not None else "—",
        )
        for line in p.departments
    ]  # fmt: skip
