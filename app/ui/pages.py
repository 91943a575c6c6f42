"""The eleven pages of the main window (and the county administrator's 县级总览), each
built with only the services it needs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from app.services.context import Actor
from app.store.engine import Database
from app.ui.tasks import TaskRunner
from app.ui.widgets.column_widths import remember_columns
from app.ui.window_geometry import ColumnStore

if TYPE_CHECKING:
    from app.services.importing.service import RosterImportService

PAGES = (
    "dashboard",
    "clients",
    "cases",
    "groups",
    "community",
    "visits",
    "staff",
    "volunteers",
    "reports",
    "evaluation",
    "settings",
)
COUNTY = "county"
"""县级总览: after the ten, only for the administrator of a county database."""


def build_page(key: str, *, db: Database, actor: Actor, tasks: TaskRunner) -> QWidget:
    """The page `key` of PAGES (or COUNTY) for the signed-in `actor`, its lists with the
    actor's widths."""
    page = _build(key, db=db, actor=actor, tasks=tasks)
    remember_columns(page, ColumnStore(actor))
    return page


def _build(key: str, *, db: Database, actor: Actor, tasks: TaskRunner) -> QWidget:
    # A page's modules (and its services') load when it is first built: the window opens
    # after loading the dashboard's alone, and a page never opened costs no memory.
    if key == "dashboard":
        from app.services.cases.reminders import ReminderService
        from app.services.dashboard.service import DashboardService
        from app.services.evaluation.rectifications import RectificationService
        from app.services.reports.service import ReportService
        from app.ui.dashboard.page import DashboardPage

        return DashboardPage(
            dashboard=DashboardService(db, actor),
            reminders=ReminderService(db, actor),
            tasks=tasks,
            key_figures=ReportService(db, actor).key_figures,
            rectifications=RectificationService(db, actor).open_items,
        )
    if key == "clients":
        from app.services.access.consents import ConsentService
        from app.services.clients.service import ClientService
        from app.services.clients.story import ClientStoryService
        from app.services.lists.service import ListExportService
        from app.services.settings.codes import CodeService
        from app.services.settings.stations import SettingsService
        from app.ui.clients.page import ClientsPage

        return ClientsPage(
            settings=SettingsService(db, actor),
            clients=ClientService(db, actor),
            codes=CodeService(db, actor),
            tasks=tasks,
            importer=lambda: _roster_import(db, actor),
            exports=ListExportService(db, actor),
            consents=ConsentService(db, actor),
            stories=ClientStoryService(db, actor),
        )
    if key == "cases":
        from app.services.access.consents import ConsentService
        from app.services.cases.printing import CasePrintService
        from app.services.cases.reminders import ReminderService
        from app.services.cases.service import CaseService
        from app.services.clients.service import ClientService
        from app.services.lists.service import ListExportService
        from app.services.partners.service import PartnerService
        from app.services.rooms.service import RoomService
        from app.services.satisfaction.surveys import SurveyService
        from app.services.settings.codes import CodeService
        from app.services.settings.stations import SettingsService
        from app.ui.cases.page import CasesPage

        return CasesPage(
            settings=SettingsService(db, actor),
            cases=CaseService(db, actor),
            reminders=ReminderService(db, actor),
            printing=CasePrintService(db, actor),
            clients=ClientService(db, actor),
            codes=CodeService(db, actor),
            tasks=tasks,
            exports=ListExportService(db, actor),
            consents=ConsentService(db, actor),
            rooms=RoomService(db, actor),
            surveys=SurveyService(db, actor),
            partners=PartnerService(db, actor),
        )
    if key == "groups":
        from app.services.clients.service import ClientService
        from app.services.groups.printing import GroupPrintService
        from app.services.groups.service import GroupService
        from app.services.lists.service import ListExportService
        from app.services.satisfaction.surveys import SurveyService
        from app.services.settings.codes import CodeService
        from app.ui.groups.page import GroupsPage

        return GroupsPage(
            groups=GroupService(db, actor),
            printing=GroupPrintService(db, actor),
            clients=ClientService(db, actor),
            codes=CodeService(db, actor),
            tasks=tasks,
            own_id=actor.user_id,
            exports=ListExportService(db, actor),
            surveys=SurveyService(db, actor),
        )
    if key == "community":
        from app.services.clients.service import ClientService
        from app.services.community.photos import ActivityPhotoService
        from app.services.community.printing import ActivityPrintService
        from app.services.community.service import ActivityService
        from app.services.lists.service import ListExportService
        from app.services.partners.service import PartnerService
        from app.services.rooms.service import RoomService
        from app.services.satisfaction.surveys import SurveyService
        from app.services.settings.codes import CodeService
        from app.ui.community.page import CommunityPage

        return CommunityPage(
            activities=ActivityService(db, actor),
            photos=ActivityPhotoService(db, actor),
            exports=ListExportService(db, actor),
            printing=ActivityPrintService(db, actor),
            clients=ClientService(db, actor),
            codes=CodeService(db, actor),
            tasks=tasks,
            rooms=RoomService(db, actor),
            surveys=SurveyService(db, actor),
            partners=PartnerService(db, actor),
        )
    if key == "visits":
        from app.services.access.consents import ConsentService
        from app.services.cases.service import CaseService
        from app.services.clients.service import ClientService
        from app.services.lists.service import ListExportService
        from app.services.settings.codes import CodeService
        from app.services.settings.stations import SettingsService
        from app.services.visits.service import VisitService
        from app.services.visits.worklogs import WorkLogService
        from app.ui.visits.page import VisitsPage

        return VisitsPage(
            settings=SettingsService(db, actor),
            visits=VisitService(db, actor),
            worklogs=WorkLogService(db, actor),
            exports=ListExportService(db, actor),
            cases=CaseService(db, actor),
            clients=ClientService(db, actor),
            codes=CodeService(db, actor),
            tasks=tasks,
            consents=ConsentService(db, actor),
        )
    if key == "staff":
        from app.services.assessment.service import AssessmentService
        from app.services.settings.codes import CodeService
        from app.services.staff.qualifications import QualificationService
        from app.services.staff.supervision import SupervisionService
        from app.services.staff.training import TrainingService
        from app.services.staff.training_hours import TrainingHoursService
        from app.ui.staff.page import StaffPage

        return StaffPage(
            supervision=SupervisionService(db, actor),
            training=TrainingService(db, actor),
            hours=TrainingHoursService(db, actor),
            codes=CodeService(db, actor),
            tasks=tasks,
            qualifications=QualificationService(db, actor),
            assessments=AssessmentService(db, actor),
        )
    if key == "volunteers":
        from app.services.lists.service import ListExportService
        from app.services.settings.codes import CodeService
        from app.services.volunteers.links import LinkFinder
        from app.services.volunteers.resources import ResourceLinkService
        from app.services.volunteers.service import VolunteerRegistry
        from app.ui.volunteers.page import VolunteersPage

        return VolunteersPage(
            volunteers=VolunteerRegistry(db, actor),
            resources=ResourceLinkService(db, actor),
            links=LinkFinder(db, actor),
            exports=ListExportService(db, actor),
            codes=CodeService(db, actor),
            tasks=tasks,
        )
    if key == "reports":
        from app.services.projects.documents import ProjectDocumentService
        from app.services.projects.pack import EvidencePackService
        from app.services.projects.service import ProjectService
        from app.services.reports.closing import MonthCloseService
        from app.services.reports.service import ReportService
        from app.services.satisfaction.interviews import InterviewService
        from app.services.satisfaction.surveys import SurveyService
        from app.ui.reports.page import ReportsPage

        return ReportsPage(
            reports=ReportService(db, actor),
            months=MonthCloseService(db, actor),
            projects=ProjectService(db, actor),
            documents=ProjectDocumentService(db, actor),
            packs=EvidencePackService(db, actor),
            tasks=tasks,
            satisfaction=(SurveyService(db, actor), InterviewService(db, actor)),
        )
    if key == COUNTY:
        from app.services.county.service import CountyService
        from app.ui.county.page import CountyPage

        return CountyPage(county=CountyService(db, actor), tasks=tasks)
    if key == "evaluation":
        from app.services.evaluation.indicators import IndicatorService
        from app.services.evaluation.rectifications import RectificationService
        from app.services.evaluation.rounds import EvaluationService
        from app.ui.evaluation.page import EvaluationPage

        return EvaluationPage(
            indicators=IndicatorService(db, actor),
            evaluations=EvaluationService(db, actor),
            rectifications=RectificationService(db, actor),
            tasks=tasks,
        )
    assert key == "settings"
    from app.ui.settings.page import SettingsPage

    return SettingsPage(db=db, actor=actor, tasks=tasks)


def _roster_import(db: Database, actor: Actor) -> RosterImportService:
    """The roster import, loaded when the clients page first opens it."""
    from app.services.importing.service import RosterImportService

    return RosterImportService(db, actor)
