"""五社联动 in the monthly report, against records written row by row; the expected figures
are worked out by hand from the comments."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.services.context import Actor
from app.services.reports.closing import MonthCloseService
from app.services.reports.service import ReportService
from app.store.engine import Database
from app.store.models import (
    Activity,
    ActivityPartner,
    Client,
    DatedValue,
    MonthClose,
    Partner,
    Referral,
    Resource,
    Station,
)
from tests import pdf_reading

D = dt.date
MONTH = D(2026, 10, 1)


def _add(s: Session, admin: Actor, model: type[Any], **values: Any) -> Any:
    values.setdefault("station_id", admin.station_id)
    row = model(created_by_id=admin.user_id, **values)
    s.add(row)
    s.flush()
    return row


def _build(db: Database, admin: Actor) -> None:
    with db.write() as s:
        add = lambda model, **v: _add(s, admin, model, **v)  # noqa: E731
        other = Station(code="JX0427", name="东岗镇社工站")
        s.add(other)
        s.flush()
        # 县残联 and 县民政局 are departments; 阳光社工 changed party on 10-15:
        # 社会组织 before, 社会慈善资源 from then on (dated history).
        disabled = add(Partner, station_id=None, name="县残联", partner_type="government",
                       department="disabled_federation")  # fmt: skip
        civil = add(Partner, name="县民政局", partner_type="government", department="civil_affairs")
        sunshine = add(Partner, name="阳光社工", partner_type="social_org", party="charity")
        village = add(Partner, name="梅林村委会", partner_type="village_committee",
                      party="community")  # fmt: skip
        for value, start, end in (("social_org", D(2026, 1, 1), D(2026, 10, 15)),
                                  ("charity", D(2026, 10, 15), None)):  # fmt: skip
            add(DatedValue, subject="partner", subject_id=sunshine.id, field="party",
                value=value, valid_from=start, valid_to=end)  # fmt: skip
        client = add(Client, name="甲", id_number="")

        def referral(
            sent: dt.date,
            partner: Partner | None,
            status: str = "sent",
            status_on: dt.date | None = None,
            agency: str = "",
            **v: Any,
        ) -> None:
            add(Referral, client_id=client.id, agency=agency or (partner.name if partner else "?"),
                partner_id=partner.id if partner else None, sent_on=sent,
                status=status, status_on=status_on or sent, **v)  # fmt: skip

        # 县残联: three in October. One answered after 4 days, one after 9 (mean 6.5);
        # one answered on 11-02, after the month: still 待反馈 at the month's end.
        referral(D(2026, 10, 2), disabled, "feedback", D(2026, 10, 6))
        referral(D(2026, 10, 12), disabled, "feedback", D(2026, 10, 21))
        referral(D(2026, 10, 28), disabled, "feedback", D(2026, 11, 2))
        # 县民政局: one refused (未接收), one only received (待反馈).
        referral(D(2026, 10, 5), civil, "rejected", D(2026, 10, 9))
        referral(D(2026, 10, 6), civil, "received", D(2026, 10, 8))
        # 阳光社工 on 10-10: 社会组织 then; typed text nobody matched: 未关联.
        referral(D(2026, 10, 10), sunshine)
        referral(D(2026, 10, 11), None, agency="镇卫生院")
        # Not counted: September, and another station's.
        referral(D(2026, 9, 30), disabled)
        referral(D(2026, 10, 3), disabled, station_id=other.id)

        def activity(held: dt.date, *partners: Partner | str) -> None:
            a = add(Activity, title="活动", activity_type="festival", held_on=held)
            for p in partners:
                name = p if isinstance(p, str) else p.name
                pid = None if isinstance(p, str) else p.id
                add(ActivityPartner, activity_id=a.id, name=name, partner_id=pid)

        # Two activities with 梅林村委会, one of them also with 阳光社工 on 10-20 (慈善 by then);
        # one with 阳光社工 on 10-14 (社会组织) and with unmatched text; one with no partner.
        activity(D(2026, 10, 8), village)
        activity(D(2026, 10, 20), village, sunshine)
        activity(D(2026, 10, 14), sunshine, "县义工协会", "老年协会")
        activity(D(2026, 10, 16))
        activity(D(2026, 11, 1), village)

        def resource(day: dt.date, partner: Partner | None, yuan: str) -> None:
            add(Resource, received_on=day, source=partner.name if partner else "爱心人士",
                partner_id=partner.id if partner else None, kind="cash",
                value_yuan=Decimal(yuan))  # fmt: skip

        resource(D(2026, 10, 9), sunshine, "500")  # 社会组织 then
        resource(D(2026, 10, 25), sunshine, "1200.50")  # 社会慈善资源
        resource(D(2026, 10, 26), None, "300")
        resource(D(2026, 10, 27), civil, "0")  # a department: outside the five


def test_the_month_by_party_and_by_department(db: Database, admin: Actor) -> None:
    _build(db, admin)
    report = ReportService(db, admin).monthly(MONTH)
    p = report.partnership
    assert p is not None
    assert [(x.party, x.activities, x.referrals, x.resources, x.resource_yuan)
            for x in p.parties] == [
        ("社区", 2, 0, 0, Decimal("0.00")),
        ("社会组织", 1, 1, 1, Decimal("500.00")),
        ("社会工作者", 0, 0, 0, Decimal("0.00")),
        ("社区志愿者", 0, 0, 0, Decimal("0.00")),
        ("社会慈善资源", 1, 0, 1, Decimal("1200.50")),
        ("不属五社（政府部门等）", 0, 5, 1, Decimal("0.00")),
        ("未关联合作方", 1, 1, 1, Decimal("300.00")),
    ]  # fmt: skip
    assert [(d.department, d.referrals, d.feedback, d.rejected, d.waiting, d.average_days)
            for d in p.departments] == [
        ("民政", 2, 0, 1, 1, None),
        ("残联", 3, 2, 0, 1, Decimal("6.5")),
        ("非政府部门合作方", 1, 0, 0, 1, None),
        ("未关联合作方", 1, 0, 0, 1, None),
    ]  # fmt: skip
    # The referrals add up to the report's own figure.
    assert sum(d.referrals for d in p.departments) == report.value("referrals") == 7


def test_a_month_closed_before_the_section_shows_it_not_counted(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    _build(db, admin)
    MonthCloseService(db, admin, today=D(2026, 11, 20)).close(MONTH)
    assert ReportService(db, admin).monthly(MONTH).partnership is not None
    # A closing stored before the field existed has no "partnership" key at all.
    with db.write() as session:
        closing = session.scalars(select(MonthClose)).one()
        data = json.loads(closing.figures)
        del data["report"]["partnership"]
        closing.figures = json.dumps(data, ensure_ascii=False)
    reports = ReportService(db, admin)
    assert reports.monthly(MONTH).partnership is None  # never recomputed
    reports.write_monthly(MONTH, xlsx=tmp_path / "m.xlsx", pdf=tmp_path / "m.pdf")
    assert "未统计" in re.sub(r"\s+", "", pdf_reading.text(tmp_path / "m.pdf"))
    cells = [c for row in load_workbook(tmp_path / "m.xlsx")["汇总"].values for c in row]
    assert "未统计" in cells and "社会组织" not in cells


def test_the_section_in_the_files(db: Database, admin: Actor, tmp_path: Path) -> None:
    _build(db, admin)
    ReportService(db, admin).write_monthly(MONTH, xlsx=tmp_path / "m.xlsx", pdf=tmp_path / "m.pdf")
    rows = [row for row in load_workbook(tmp_path / "m.xlsx")["汇总"].values]
    assert ("社会慈善资源", 1, 0, 1, 1200.5) in [r[:5] for r in rows]
    assert ("残联", 3, 2, 0, 1, 6.5) in [r[:6] for r in rows]
    assert ("民政", 2, 0, 1, 1, "—") in [r[:6] for r in rows]
    text = re.sub(r"\s+", "", pdf_reading.text(tmp_path / "m.pdf"))
    assert "五社联动" in text and "社会慈善资源1011,200.50" in text
    assert "残联32016.50" in text
