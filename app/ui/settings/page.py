"""The 设置 page: tabs for what the logged-in role may change."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from app.domain.roles import Permission
from app.services.access.audit import AuditService
from app.services.access.auth import AuthService
from app.services.access.retention import RetentionService
from app.services.backup.service import BackupService
from app.services.context import Actor
from app.services.packages.service import PackageService
from app.services.partners.service import PartnerService
from app.services.reports.service import ReportService
from app.services.rooms.service import RoomService
from app.services.rooms.staffing import StaffingService
from app.services.settings.codes import CodeService
from app.services.settings.stations import (
    SettingsService,
    StationService,
    may_manage_stations,
)
from app.services.staff.training_hours import TrainingHoursService
from app.services.staff.users import UserService
from app.store.engine import Database, sqlite_path
from app.ui.backup_dialogs import BackupPanel
from app.ui.partners.directory import PartnersTab
from app.ui.rooms.tab import RoomsTab
from app.ui.settings.account_tab import AccountTab
from app.ui.settings.audit_tab import AuditTab
from app.ui.settings.codes_tab import CodesTab
from app.ui.settings.general_tab import GeneralTab
from app.ui.settings.packages.tab import DataExchangeTab
from app.ui.settings.report_targets_tab import ReportTargetsTab
from app.ui.settings.retention_tab import RetentionTab
from app.ui.settings.stations_tab import StationsTab
from app.ui.settings.training_targets_tab import TrainingTargetsTab
from app.ui.settings.users_tab import UsersTab
from app.ui.settings.villages_tab import VillagesTab
from app.ui.tasks import TaskRunner


class SettingsPage(QWidget):
    """Tabs a role may not use are left out; the services refuse them anyway."""

    restored = Signal(object)  # RestoreResult: the window must sign in again

    def __init__(
        self,
        *,
        db: Database,
        actor: Actor,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget()
        self.account = AccountTab(auth=AuthService(db), actor=actor, tasks=tasks)
        self.users: UsersTab | None = None
        self.villages: VillagesTab | None = None
        self.codes: CodesTab | None = None
        self.partners: PartnersTab | None = None
        self.general: GeneralTab | None = None
        self.retention: RetentionTab | None = None
        self.backups: BackupPanel | None = None
        self.audit: AuditTab | None = None
        self.training_targets: TrainingTargetsTab | None = None
        self.report_targets: ReportTargetsTab | None = None
        self.stations: StationsTab | None = None
        self.rooms: RoomsTab | None = None
        self.exchange: DataExchangeTab | None = None
        # Only the administrator reaches past the own station: a tab of all stations, and
        # the station of a new user.
        stations = StationService(db, actor) if may_manage_stations(actor) else None
        if actor.can(Permission.MANAGE_USERS):
            self.users = UsersTab(
                users=UserService(db, actor),
                tasks=tasks,
                stations=stations,
                own_station_id=actor.station_id,
            )
            self.tabs.addTab(self.users, self.tr("Users"))
        if stations is not None:
            self.stations = StationsTab(
                stations=stations, staffing=StaffingService(db, actor), tasks=tasks
            )
            self.tabs.addTab(self.stations, self.tr("Stations"))
        if actor.can(Permission.MANAGE_SETTINGS):
            self.villages = VillagesTab(stations=StationService(db, actor), tasks=tasks)
            self.tabs.addTab(self.villages, self.tr("Villages and communities"))
        if actor.can(Permission.MANAGE_CODES):
            self.codes = CodesTab(codes=CodeService(db, actor), tasks=tasks)
            self.tabs.addTab(self.codes, self.tr("Code lists"))
        if actor.can(Permission.MANAGE_SETTINGS):
            self.partners = PartnersTab(partners=PartnerService(db, actor), tasks=tasks)
            self.tabs.addTab(self.partners, self.tr("Partners"))
        if actor.can(Permission.MANAGE_SETTINGS):
            self.report_targets = ReportTargetsTab(reports=ReportService(db, actor), tasks=tasks)
            self.tabs.addTab(self.report_targets, self.tr("Contract targets"))
            self.general = GeneralTab(
                settings=SettingsService(db, actor), station_id=actor.station_id, tasks=tasks
            )
            self.tabs.addTab(scrolled(self.general), self.tr("General"))
        if actor.can(Permission.APPROVE):
            self.retention = RetentionTab(
                retention=RetentionService(db, actor),
                tasks=tasks,
                can_edit_policy=actor.can(Permission.MANAGE_SETTINGS),
            )
            self.tabs.addTab(self.retention, self.tr("Data due for anonymising"))
        if actor.can(Permission.APPROVE):
            self.training_targets = TrainingTargetsTab(
                hours=TrainingHoursService(db, actor), codes=CodeService(db, actor), tasks=tasks
            )
            self.tabs.addTab(self.training_targets, self.tr("Training targets"))
        if actor.can(Permission.APPROVE):
            self.rooms = RoomsTab(
                rooms=RoomService(db, actor), staffing=StaffingService(db, actor),
                stations=StationService(db, actor), tasks=tasks,
            )  # fmt: skip
            self.tabs.addTab(self.rooms, self.tr("Social work rooms"))
        if actor.can(Permission.BACKUP) and sqlite_path(db.url) is not None:
            self.backups = BackupPanel(backups=BackupService(db, actor), tasks=tasks)
            self.backups.restored.connect(self.restored)
            self.tabs.addTab(self.backups, self.tr("Backup and restore"))
        if actor.can(Permission.EXCHANGE_PACKAGES):
            # The county's side (import, return packages, conflicts) is the administrator's.
            self.exchange = DataExchangeTab(
                packages=PackageService(db, actor), tasks=tasks, county=stations is not None
            )
            self.tabs.addTab(scrolled(self.exchange), self.tr("Data exchange"))
        if actor.can(Permission.VIEW_AUDIT):
            self.audit = AuditTab(audit=AuditService(db, actor), tasks=tasks)
            self.tabs.addTab(self.audit, self.tr("Audit log"))
        self.tabs.addTab(self.account, self.tr("My account"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(i) for i in range(self.tabs.count())]


def scrolled(tab: QWidget) -> QScrollArea:
    """A tall tab (the general settings, both sides of data exchange) scrolls, so that the
    settings page still fits a small laptop's screen."""
    area = QScrollArea()
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(tab)
    return area
