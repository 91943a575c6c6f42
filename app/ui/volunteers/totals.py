"""One-line totals under the service and resource lists, for the year chosen above them."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from app.domain.numbers import decimal_text
from app.services.volunteers.resource_types import ResourceTotal
from app.services.volunteers.types import MonthHours, VolunteerHours

TOP_VOLUNTEERS = 5


def service_summary(year: int, months: list[MonthHours], people: list[VolunteerHours]) -> str:
    if not months:
        return QCoreApplication.translate(
            "VolunteerTotals", "{year}: no volunteer service recorded."
        ).format(year=year)
    total = sum((m.hours for m in months), start=Decimal(0))
    by_month = "；".join(
        QCoreApplication.translate("VolunteerTotals", "{month}: {hours} h").format(
            month=m.month, hours=decimal_text(m.hours)
        )
        for m in months
    )
    top = "、".join(f"{p.name} {decimal_text(p.hours)}" for p in people[:TOP_VOLUNTEERS])
    return QCoreApplication.translate(
        "VolunteerTotals", "{year}: {total} h in all. By month: {months}. Most hours: {top}"
    ).format(year=year, total=decimal_text(total), months=by_month, top=top)


def resource_summary(year: int, totals: list[ResourceTotal]) -> str:
    if not totals:
        return QCoreApplication.translate("VolunteerTotals", "{year}: no resources linked.").format(
            year=year
        )
    by_kind: dict[str, list[ResourceTotal]] = {}
    for t in totals:
        by_kind.setdefault(t.kind_label, []).append(t)
    kinds = "，".join(
        QCoreApplication.translate("VolunteerTotals", "{kind} {count} item(s), {yuan} yuan").format(
            kind=kind,
            count=sum(t.count for t in items),
            yuan=sum((t.value_yuan for t in items), start=Decimal("0.00")),
        )
        for kind, items in by_kind.items()
    )
    months = "；".join(
        QCoreApplication.translate("VolunteerTotals", "{month}: {kind} {yuan} yuan").format(
            month=t.month, kind=t.kind_label, yuan=t.value_yuan
        )
        for t in totals
    )
    return QCoreApplication.translate(
        "VolunteerTotals", "{year}: {kinds}. By month: {months}"
    ).format(year=year, kinds=kinds, months=months)
