"""`Desk`: one object that opens a station database as a user and hands out the services.

Scripts, the command line and tests start here, as Anki's scripts start from its
`Collection`. The services are the GUI's own, so the same rules, permissions and audit
log apply; each is made on first use and shares the desk's database, user and clock:

    from app.desk import ClientInput, Desk

    with Desk.open("station.sqlite3", user="wang", password=secret) as desk:
        saved = desk.clients.add(ClientInput(name="李秀英"))
        report = desk.reports.monthly(desk.clock.today())
        for row in report.figures:
            print(row.label, row.value, row.unit)

`clock=FixedClock(...)` runs everything at a chosen moment (tests, 补录 of past work):
"today" in the services and every created/updated/audit timestamp follow it.

The names here are kept stable for scripts: new services may be added, none renamed.
Known failures raise `AppError` subclasses with a Chinese `message`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cached_property
from pathlib import Path
from types import TracebackType

from app.domain.clock import Clock, FixedClock, SystemClock
from app.domain.errors import InvalidInput, NotFound, PermissionDenied
from app.services.access.audit import AuditService, record_refusal
from app.services.access.auth import AuthService
from app.services.access.consent_types import ConsentInput
from app.services.access.consents import ConsentService
from app.services.access.retention import RetentionService
from app.services.assessment.service import AssessmentService
from app.services.backup.service import BackupService
from app.services.cases.printing import CasePrintService
from app.services.cases.reminders import ReminderService
from app.services.cases.service import CaseService
from app.services.cases.types import OpenCaseInput
from app.services.clients.service import ClientService
from app.services.clients.story import ClientStoryService
from app.services.clients.types import ClientInput
from app.services.community.photos import ActivityPhotoService
from app.services.community.printing import ActivityPrintService
from app.services.community.service import ActivityService
from app.services.context import Actor
from app.services.dashboard.service import DashboardService
from app.services.evaluation.indicators import IndicatorService
from app.services.evaluation.rectifications import RectificationService
from app.services.evaluation.rounds import EvaluationService
from app.services.groups.printing import GroupPrintService
from app.services.groups.service import GroupService
from app.services.importing.service import RosterImportService
from app.services.lists.service import ListExportService
from app.services.packages.service import PackageService
from app.services.partners.service import PartnerService
from app.services.projects.documents import ProjectDocumentService
from app.services.projects.pack import EvidencePackService
from app.services.projects.service import ProjectService
from app.services.reports.closing import MonthCloseService
from app.services.reports.service import ReportService, parse_month
from app.services.rooms.service import RoomService
from app.services.rooms.staffing import StaffingService
from app.services.satisfaction.interviews import InterviewService
from app.services.satisfaction.surveys import SurveyService
from app.services.settings.codes import CodeService
from app.services.settings.setup import SchemaState, SetupService
from app.services.settings.stations import SettingsService, StationService
from app.services.staff.supervision import SupervisionService
from app.services.staff.training import TrainingService
from app.services.staff.training_hours import TrainingHoursService
from app.services.staff.users import UserService
from app.services.visits.service import VisitService
from app.services.visits.worklogs import WorkLogService
from app.services.volunteers.resources import ResourceLinkService
from app.services.volunteers.service import VolunteerRegistry
from app.store.engine import Database, database_url, sqlite_path

__all__ = [
    "ClientInput",
    "Clock",
    "ConsentInput",
    "Desk",
    "FixedClock",
    "OnUpgrade",
    "OpenCaseInput",
    "SchemaState",
    "SystemClock",
    "open_database",
    "parse_month",
]


OnUpgrade = Callable[[SchemaState], None]


def open_database(
    location: str | Path,
    *,
    clock: Clock | None = None,
    create: bool = False,
    on_upgrade: OnUpgrade | None = None,
) -> tuple[Database, SchemaState]:
    """The database at the newest schema (an older file is copied first, then upgraded).

    A missing file is refused unless `create`. `on_upgrade` hears of an upgrade (the
    state says where the copy from before it is) as soon as it has run.
    """
    path = sqlite_path(database_url(location))
    if path is not None and not path.exists():
        if not create:
            raise NotFound(
                f"数据库文件不存在：{path}。请先运行 stationdesk init 或 stationdesk demo。"
            )
        path.parent.mkdir(parents=True, exist_ok=True)
    db = Database.open(location, clock=clock)
    try:
        state = SetupService(db).prepare()
    except BaseException:
        db.dispose()
        raise
    if on_upgrade is not None and state.backup_path:
        on_upgrade(state)
    return db, state


class Desk:
    """A station database opened as one user; the services hang off it.

    `close()` (or leaving a `with` block) releases the database's connections.
    """

    def __init__(self, db: Database, actor: Actor, *, schema: SchemaState | None = None) -> None:
        self.db = db
        self.actor = actor
        # How opening changed the schema; None when the desk was made on an open database.
        self.schema = schema

    # ---- opening ---------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        location: str | Path,
        *,
        user: str,
        password: str,
        clock: Clock | None = None,
        on_upgrade: OnUpgrade | None = None,
    ) -> Desk:
        """Open (upgrading if needed) the database at `location` and log in.

        `location` is a file path or a database URL. A wrong password is refused with
        AuthenticationFailed and counts towards the account's lockout, as in the window.
        """
        db, state = open_database(location, clock=clock, on_upgrade=on_upgrade)
        try:
            if not SetupService(db).is_initialised():
                raise InvalidInput("数据库还没有初始化，请先运行 stationdesk init。")
            return cls.login(db, user=user, password=password, schema=state)
        except BaseException:
            db.dispose()
            raise

    @classmethod
    def login(
        cls,
        db: Database,
        *,
        user: str,
        password: str,
        schema: SchemaState | None = None,
        temporary_password_ok: bool = False,
    ) -> Desk:
        """Log in on a database that is already open.

        A temporary password (a new or reset account) opens nothing until it is changed,
        as in the window; only `temporary_password_ok` (changing it) lets it through.
        """
        actor = AuthService(db).login(login=user, password=password)
        if actor.must_change_password and not temporary_password_ok:
            refused = PermissionDenied(
                f"{user} 的密码是管理员给的临时密码，请先修改："
                f"stationdesk user passwd --user {user}（或在工作台窗口登录后修改）。"
            )
            record_refusal(db, actor, refused.message, operation="Desk.login")
            raise refused
        return cls(db, actor, schema=schema)

    @classmethod
    def create(
        cls,
        location: str | Path,
        *,
        station: str,
        station_code: str,
        admin: str,
        password: str,
        display_name: str = "",
        county: str = "",
        villages: Sequence[str] = (),
        clock: Clock | None = None,
        on_upgrade: OnUpgrade | None = None,
    ) -> Desk:
        """Set up a new station database (the first-run wizard's job) as its administrator.

        Refused when the database already has users.
        """
        db, state = open_database(location, clock=clock, create=True, on_upgrade=on_upgrade)
        try:
            actor = SetupService(db).initialise(
                station_name=station,
                station_code=station_code,
                county=county,
                villages=list(villages),
                admin_login=admin,
                admin_display_name=display_name,
                password=password,
            )
        except BaseException:
            db.dispose()
            raise
        return cls(db, actor, schema=state)

    def close(self) -> None:
        self.db.dispose()

    def __enter__(self) -> Desk:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def clock(self) -> Clock:
        return self.db.clock

    # ---- people and case work --------------------------------------------------------

    @cached_property
    def clients(self) -> ClientService:
        """The client registry (服务对象): `add`, `search_ids`, `get`, `archive`…"""
        return ClientService(self.db, self.actor)

    @cached_property
    def client_stories(self) -> ClientStoryService:
        """A client's whole story (服务经历): `story`, `story_pdf`."""
        return ClientStoryService(self.db, self.actor)

    @cached_property
    def consents(self) -> ConsentService:
        return ConsentService(self.db, self.actor)

    @cached_property
    def cases(self) -> CaseService:
        """Case work (个案): `open_case`, `find`, `add_service_record`, `submit_closure`…"""
        return CaseService(self.db, self.actor)

    @cached_property
    def case_files(self) -> CasePrintService:
        """The case file PDF (打印个案档案)."""
        return CasePrintService(self.db, self.actor)

    @cached_property
    def reminders(self) -> ReminderService:
        return ReminderService(self.db, self.actor)

    @cached_property
    def groups(self) -> GroupService:
        return GroupService(self.db, self.actor)

    @cached_property
    def group_files(self) -> GroupPrintService:
        return GroupPrintService(self.db, self.actor)

    @cached_property
    def activities(self) -> ActivityService:
        """Community activities (社区活动)."""
        return ActivityService(self.db, self.actor)

    @cached_property
    def activity_photos(self) -> ActivityPhotoService:
        return ActivityPhotoService(self.db, self.actor)

    @cached_property
    def activity_records(self) -> ActivityPrintService:
        return ActivityPrintService(self.db, self.actor)

    @cached_property
    def surveys(self) -> SurveyService:
        """Satisfaction surveys (满意度调查): `record`, `state`, `import_sheet`…"""
        return SurveyService(self.db, self.actor)

    @cached_property
    def interviews(self) -> InterviewService:
        """Interview rounds (回访): `create`, `detail`, `answer`, `write_call_list`…"""
        return InterviewService(self.db, self.actor)

    @cached_property
    def visits(self) -> VisitService:
        return VisitService(self.db, self.actor)

    @cached_property
    def worklogs(self) -> WorkLogService:
        return WorkLogService(self.db, self.actor)

    # ---- staff, volunteers, resources ------------------------------------------------

    @cached_property
    def supervision(self) -> SupervisionService:
        return SupervisionService(self.db, self.actor)

    @cached_property
    def training(self) -> TrainingService:
        return TrainingService(self.db, self.actor)

    @cached_property
    def training_hours(self) -> TrainingHoursService:
        return TrainingHoursService(self.db, self.actor)

    @cached_property
    def volunteers(self) -> VolunteerRegistry:
        return VolunteerRegistry(self.db, self.actor)

    @cached_property
    def resources(self) -> ResourceLinkService:
        return ResourceLinkService(self.db, self.actor)

    # ---- figures and files -----------------------------------------------------------

    @cached_property
    def reports(self) -> ReportService:
        """月报/年报: `monthly(month)`, `annual(year)`, `write_monthly(…)`, `key_figures`…"""
        return ReportService(self.db, self.actor)

    @cached_property
    def months(self) -> MonthCloseService:
        """月结: `status(month)`, `close(month)`, `diff(month)`, `correcting(reason)`…"""
        return MonthCloseService(self.db, self.actor)

    @cached_property
    def projects(self) -> ProjectService:
        """服务项目: `list()`, `by_code(code)`, `add(…)`, `progress(id, month)`…"""
        return ProjectService(self.db, self.actor)

    @cached_property
    def project_documents(self) -> ProjectDocumentService:
        """项目文件: `list(project_id)`, `add(project_id, file, doc_type=…, dated=…)`, `remove`."""
        return ProjectDocumentService(self.db, self.actor)

    @cached_property
    def evidence_packs(self) -> EvidencePackService:
        """评估材料包: `build(PackRequest(…), folder)` writes the folder and its .zip."""
        return EvidencePackService(self.db, self.actor)

    @cached_property
    def indicators(self) -> IndicatorService:
        """评估指标体系: `import_file(path)`, `list()`, `get(id)`, `write_template(path)`."""
        return IndicatorService(self.db, self.actor)

    @cached_property
    def evaluations(self) -> EvaluationService:
        """评估: `rounds()`, `get(id)`, `add_round(…)`, `record_scores(…)`, `finish(id)`…"""
        return EvaluationService(self.db, self.actor)

    @cached_property
    def rectifications(self) -> RectificationService:
        """整改: `open_items()`, `add(…)`, `close(…)`, `attach(…)`."""
        return RectificationService(self.db, self.actor)

    @cached_property
    def assessments(self) -> AssessmentService:
        """社工考核: `rows(period)`, `view(worker, period)`, `save(…)`, `confirm(…)`…"""
        return AssessmentService(self.db, self.actor)

    @cached_property
    def dashboard(self) -> DashboardService:
        return DashboardService(self.db, self.actor)

    @cached_property
    def exports(self) -> ListExportService:
        """Lists to Excel: `export(name, path)`; `ListExportService.lists()` names them."""
        return ListExportService(self.db, self.actor)

    @cached_property
    def importing(self) -> RosterImportService:
        """Government rosters into the registry: `preview(…)` then `commit(preview)`."""
        return RosterImportService(self.db, self.actor)

    # ---- administration ------------------------------------------------------------

    @cached_property
    def users(self) -> UserService:
        return UserService(self.db, self.actor)

    @cached_property
    def auth(self) -> AuthService:
        """Logins and password changes."""
        return AuthService(self.db)

    @cached_property
    def station(self) -> StationService:
        """The actor's station and its villages."""
        return StationService(self.db, self.actor)

    @cached_property
    def rooms(self) -> RoomService:
        """The station's 社工室, the villages each serves and who works in which."""
        return RoomService(self.db, self.actor)

    @cached_property
    def staffing(self) -> StaffingService:
        """Stations against the county's staffing rules."""
        return StaffingService(self.db, self.actor)

    @cached_property
    def settings(self) -> SettingsService:
        return SettingsService(self.db, self.actor)

    @cached_property
    def codes(self) -> CodeService:
        return CodeService(self.db, self.actor)

    @cached_property
    def partners(self) -> PartnerService:
        return PartnerService(self.db, self.actor)

    @cached_property
    def audit(self) -> AuditService:
        return AuditService(self.db, self.actor)

    @cached_property
    def retention(self) -> RetentionService:
        """到期数据: records past their retention period, and anonymising them."""
        return RetentionService(self.db, self.actor)

    @cached_property
    def backups(self) -> BackupService:
        """Backups of a local database file (InvalidInput for a server database)."""
        return BackupService(self.db, self.actor)

    @cached_property
    def packages(self) -> PackageService:
        """Data packages (数据包): a station's export, the county's import and return package."""
        return PackageService(self.db, self.actor)
