"""The chosen visit beside the list, as read-only text."""

from __future__ import annotations

from PySide6.QtWidgets import QTextBrowser, QWidget

from app.services.visits.types import VisitDetail
from app.ui.widgets import rich_text


class VisitDetailView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visitDetail")
        self.setOpenLinks(False)
        self.show_visit(None)

    def show_visit(self, visit: VisitDetail | None) -> None:
        if visit is None:
            hint = rich_text.escape(self.tr("Choose a visit."))
            self.setHtml(f"<p style='color:#555'>{hint}</p>")
            return
        clients = "\n".join(c.label for c in visit.clients)
        rows = (
            (self.tr("Date"), visit.visited_on.isoformat()),
            (self.tr("Visit type"), visit.visit_type_label),
            (self.tr("Household"), visit.household),
            (self.tr("Clients visited"), clients),
            (self.tr("Village"), visit.village),
            (self.tr("Worker"), visit.worker),
            (self.tr("People met"), visit.people_met),
            (self.tr("Duration"), self.tr("{minutes} min").format(minutes=visit.duration_min)),
            (self.tr("Living conditions"), visit.living_conditions),
            (self.tr("Safety"), visit.safety),
            (self.tr("Needs found"), visit.needs_found),
            (self.tr("New needs (count)"), str(visit.new_need_count)),
            (self.tr("Policies explained"), visit.policies_explained),
            (self.tr("Result"), visit.result_label),
            (self.tr("Cases opened"), "\n".join(visit.case_nos)),
        )
        body = "".join(
            "<tr><th align='left' valign='top' style='padding-right:12px;color:#444'>"
            f"{rich_text.escape(caption)}</th><td>{_text(value)}</td></tr>"
            for caption, value in rows
            if value
        )
        self.setHtml(f"<table cellspacing='4'>{body}</table>")


def _text(value: str) -> str:
    return rich_text.escape(value).replace("\n", "<br>")
