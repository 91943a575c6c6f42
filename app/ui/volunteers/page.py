"""The 志愿者 page: the volunteer register, their service hours and resources linked."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QLabel, QTabWidget, QVBoxLayout, QWidget

from app.domain.codes import CodeList
from app.domain.numbers import decimal_text
from app.services.choice import Choice
from app.services.context import Changes
from app.services.lists.service import ListExportService
from app.services.settings.codes import CodeEntry, CodeService
from app.services.volunteers.links import LinkFinder
from app.services.volunteers.resource_types import ResourceQuery, ResourceRow
from app.services.volunteers.resources import ResourceLinkService
from app.services.volunteers.service import VolunteerRegistry
from app.services.volunteers.types import ServiceQuery, ServiceRow, VolunteerQuery, VolunteerRow
from app.ui.dialogs import keep_open
from app.ui.staff.record_table import RecordTable
from app.ui.tasks import TaskRunner
from app.ui.volunteers.totals import resource_summary, service_summary


class VolunteersPage(QWidget):
    def __init__(
        self,
        *,
        volunteers: VolunteerRegistry,
        resources: ResourceLinkService,
        links: LinkFinder,
        codes: CodeService,
        tasks: TaskRunner,
        exports: ListExportService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._volunteers = volunteers
        self._resources = resources
        self._links = links
        self._codes = codes
        self._tasks = tasks
        self.today = volunteers.today
        self.dialog: QDialog | None = None
        self.register = RecordTable(
            tasks=tasks,
            entity="volunteer",
            refresh_on=("village",),
            make_query=lambda f: VolunteerQuery(text=f.text, village_id=f.choice),
            find=volunteers.search_ids,
            fetch=volunteers.rows,
            headers=(
                self.tr("Name"),
                self.tr("Phone"),
                self.tr("Skills"),
                self.tr("Village"),
                self.tr("ID number"),
                self.tr("Service hours this year"),
                self.tr("Status"),
            ),
            display=self._volunteer_cell,
            new_text=self.tr("New volunteer"),
            can_create=volunteers.can_create,
            today=self.today,
            year_filter=False,
            choice_blank=self.tr("All villages"),
            exports=exports,
            export_key="volunteers",
            parent=self,
        )
        self.services = RecordTable(
            tasks=tasks,
            entity="volunteer_service",
            refresh_on=("volunteer", "case", "client", "group", "activity"),  # what it names
            make_query=lambda f: ServiceQuery(text=f.text, year=f.year, volunteer_id=f.choice),
            find=volunteers.service_ids,
            fetch=volunteers.service_rows,
            headers=(
                self.tr("Date"),
                self.tr("Volunteer"),
                self.tr("Hours"),
                self.tr("Linked to"),
                self.tr("What they did"),
            ),
            display=_service_cell,
            new_text=self.tr("New service record"),
            can_create=volunteers.can_create,
            today=self.today,
            choice_blank=self.tr("All volunteers"),
            parent=self,
        )
        self.resources = RecordTable(
            tasks=tasks,
            entity="resource",
            refresh_on=("client", "codes"),
            make_query=lambda f: ResourceQuery(text=f.text, year=f.year, kind=f.choice or ""),
            find=resources.search_ids,
            fetch=resources.rows,
            headers=(
                self.tr("Date"),
                self.tr("Source"),
                self.tr("Kind"),
                self.tr("Value (yuan)"),
                self.tr("Recipient"),
                self.tr("Description"),
                self.tr("Receipt"),
            ),
            display=_resource_cell,
            new_text=self.tr("New resource"),
            can_create=resources.can_create,
            today=self.today,
            choice_blank=self.tr("All kinds"),
            exports=exports,
            export_key="resources",
            parent=self,
        )
        self.service_totals = _summary_label(self)
        self.resource_totals = _summary_label(self)
        self.services.add_footer(self.service_totals)
        self.resources.add_footer(self.resource_totals)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.register, self.tr("Volunteers"))
        self.tabs.addTab(self.services, self.tr("Service records"))
        self.tabs.addTab(self.resources, self.tr("Resources linked"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

        self.register.new_requested.connect(lambda: self.open_volunteer(None))
        self.register.opened.connect(self.open_volunteer)
        self.services.new_requested.connect(lambda: self.open_service(None))
        self.services.opened.connect(self.open_service)
        self.resources.new_requested.connect(lambda: self.open_resource(None))
        self.resources.opened.connect(self.open_resource)
        self.services.year.currentIndexChanged.connect(self.reload_totals)
        self.resources.year.currentIndexChanged.connect(self.reload_totals)
        tasks.bus.changed.connect(self._changed)
        self.reload_totals()
        self._load_choices()

    def _load_choices(self) -> None:
        volunteers, codes = self._volunteers, self._codes

        def load() -> tuple[list[Choice], list[Choice], list[CodeEntry]]:
            return (
                volunteers.villages(),
                volunteers.choices(active_only=False),
                codes.entries(CodeList.RESOURCE_KIND),
            )

        def show(loaded: tuple[list[Choice], list[Choice], list[CodeEntry]]) -> None:
            villages, people, kinds = loaded
            self.register.set_choices([(v.label, v.id) for v in villages])
            self.services.set_choices([(p.label, p.id) for p in people])
            self.resources.set_choices([(k.label, k.code) for k in kinds])

        self._tasks.run(self, load, on_done=show)

    # ---- totals -------------------------------------------------------------------------

    def reload_totals(self) -> None:
        """Totals are read in the background and worded here, on the GUI thread."""
        volunteers, resources = self._volunteers, self._resources
        service_year = self.services.year.currentData() or self.today.year
        resource_year = self.resources.year.currentData() or self.today.year
        self._tasks.run(
            self,
            lambda: (
                volunteers.month_totals(service_year),
                volunteers.volunteer_totals(service_year),
            ),
            on_done=lambda found: self.service_totals.setText(
                service_summary(service_year, *found)
            ),
        )
        self._tasks.run(
            self,
            lambda: resources.totals(resource_year),
            on_done=lambda found: self.resource_totals.setText(
                resource_summary(resource_year, found)
            ),
        )

    def _changed(self, changes: Changes) -> None:
        if changes.touches("volunteer_service") or changes.touches("resource"):
            self.reload_totals()
        if any(changes.touches(e) for e in ("volunteer", "village", "codes")):
            self._load_choices()

    # ---- dialogs ------------------------------------------------------------------------

    def open_volunteer(self, volunteer_id: int | None) -> None:
        registry = self._volunteers

        def load() -> tuple[Any, ...]:
            detail = registry.detail(volunteer_id) if volunteer_id is not None else None
            return detail, registry.villages()

        def show(loaded: tuple[Any, ...]) -> None:
            from app.ui.volunteers.dialogs import VolunteerDialog

            detail, villages = loaded
            self._show(
                VolunteerDialog(
                    registry=registry, tasks=self._tasks, villages=villages, detail=detail,
                    parent=self,
                )
            )  # fmt: skip

        self._tasks.run(self, load, on_done=show)

    def open_service(self, service_id: int | None) -> None:
        registry = self._volunteers

        def load() -> tuple[Any, ...]:
            detail = registry.service_detail(service_id) if service_id is not None else None
            return detail, registry.choices(active_only=detail is None)

        def show(loaded: tuple[Any, ...]) -> None:
            from app.ui.volunteers.dialogs import ServiceDialog

            detail, volunteers = loaded
            self._show(
                ServiceDialog(
                    registry=registry, links=self._links, tasks=self._tasks,
                    volunteers=volunteers, detail=detail, parent=self,
                )
            )  # fmt: skip

        self._tasks.run(self, load, on_done=show)

    def open_resource(self, resource_id: int | None) -> None:
        resources, codes = self._resources, self._codes

        def load() -> tuple[Any, ...]:
            detail = resources.detail(resource_id) if resource_id is not None else None
            return detail, codes.entries(CodeList.RESOURCE_KIND)

        def show(loaded: tuple[Any, ...]) -> None:
            from app.ui.volunteers.dialogs import ResourceDialog

            detail, kinds = loaded
            self._show(
                ResourceDialog(
                    resources=resources, links=self._links, tasks=self._tasks, kinds=kinds,
                    today=self.today, detail=detail, parent=self,
                )
            )  # fmt: skip

        self._tasks.run(self, load, on_done=show)

    def _show(self, dialog: QDialog) -> None:
        self.dialog = dialog
        keep_open(dialog)
        dialog.open()

    def _volunteer_cell(self, row: VolunteerRow, column: int) -> str:
        cells = (
            row.name,
            row.phone_masked,
            row.skills,
            row.village,
            row.id_number_masked,
            decimal_text(row.year_hours) if row.year_hours else "",
            self.tr("Active") if row.active else self.tr("Inactive"),
        )
        return cells[column]


def _summary_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setObjectName("totals")
    return label


def _service_cell(row: ServiceRow, column: int) -> str:
    cells = (
        row.served_on.isoformat(),
        row.volunteer,
        decimal_text(row.hours),
        row.linked_to,
        row.description,
    )
    return cells[column]


def _resource_cell(row: ResourceRow, column: int) -> str:
    cells = (
        row.received_on.isoformat(),
        row.source,
        row.kind,
        f"{row.value_yuan:,.2f}",
        row.recipient,
        row.description,
        row.receipt_ref,
    )
    return cells[column]
