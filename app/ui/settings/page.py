"""The 设置 page: tabs for what the logged-in role may change."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from app.domain.roles import Permission
from app.services.context import Actor
from app.services.settings.stations import StationService, may_manage_stations
from app.store.engine import Database, sqlite_path
from app.ui.tasks import TaskRunner
from app.ui.widgets.lazy_tabs import LazyTabs

if TYPE_CHECKING:
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

T = TypeVar("T", bound=QWidget)


class _Tab(Generic[T]):
    """The page's tab of that name, made on first use; None if the role has no such tab.
    All fourteen built with the page were ~600 widgets and ~14 MB on the county database."""

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    @overload
    def __get__(self, page: None, owner: type) -> _Tab[T]: ...
    @overload
    def __get__(self, page: SettingsPage, owner: type) -> T | None: ...
    def __get__(self, page: SettingsPage | None, owner: type) -> Any:
        if page is None:
            return self
        return page.lazy.get(self._name)


class SettingsPage(QWidget):
    """Tabs a role may not use are left out; the services refuse them anyway."""

    restored = Signal(object)  # RestoreResult: the window must sign in again

    users: _Tab[UsersTab] = _Tab()
    stations: _Tab[StationsTab] = _Tab()
    villages: _Tab[VillagesTab] = _Tab()
    codes: _Tab[CodesTab] = _Tab()
    partners: _Tab[PartnersTab] = _Tab()
    report_targets: _Tab[ReportTargetsTab] = _Tab()
    general: _Tab[GeneralTab] = _Tab()
    retention: _Tab[RetentionTab] = _Tab()
    training_targets: _Tab[TrainingTargetsTab] = _Tab()
    rooms: _Tab[RoomsTab] = _Tab()
    backups: _Tab[BackupPanel] = _Tab()
    exchange: _Tab[DataExchangeTab] = _Tab()
    audit: _Tab[AuditTab] = _Tab()
    account: _Tab[AccountTab] = _Tab()

    def __init__(
        self,
        *,
        db: Database,
        actor: Actor,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db, self._actor, self._tasks = db, actor, tasks
        self.tabs = QTabWidget()
        self.lazy = LazyTabs(self.tabs)
        can = actor.can
        # Only the administrator reaches past the own station: a tab of all stations, and
        # the station of a new user.
        county = may_manage_stations(actor)
        if can(Permission.MANAGE_USERS):
            self._offer("users", self.tr("Users"), self._users)
        if county:
            self._offer("stations", self.tr("Stations"), self._stations)
        if can(Permission.MANAGE_SETTINGS):
            self._offer("villages", self.tr("Villages and communities"), self._villages)
        if can(Permission.MANAGE_CODES):
            self._offer("codes", self.tr("Code lists"), self._codes)
        if can(Permission.MANAGE_SETTINGS):
            self._offer("partners", self.tr("Partners"), self._partners)
            self._offer("report_targets", self.tr("Contract targets"), self._report_targets)
            self._offer("general", self.tr("General"), self._general, scroll=True)
        if can(Permission.APPROVE):
            self._offer("retention", self.tr("Data due for anonymising"), self._retention)
            self._offer("training_targets", self.tr("Training targets"), self._training)
            self._offer("rooms", self.tr("Social work rooms"), self._rooms)
        if can(Permission.BACKUP) and sqlite_path(db.url) is not None:
            self._offer("backups", self.tr("Backup and restore"), self._backups)
        if can(Permission.EXCHANGE_PACKAGES):
            self._offer("exchange", self.tr("Data exchange"), self._exchange, scroll=True)
        if can(Permission.VIEW_AUDIT):
            self._offer("audit", self.tr("Audit log"), self._audit)
        self._offer("account", self.tr("My account"), self._account)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(i) for i in range(self.tabs.count())]

    def _offer(
        self, name: str, title: str, make: Callable[[], QWidget], *, scroll: bool = False
    ) -> None:
        # Each tab is made when first shown or asked for (app/ui/widgets/lazy_tabs.py).
        self.lazy.add(name, title, make, wrap=scrolled if scroll else None)

    # ---- the tabs, each with the services it needs ---------------------------------------

    def _county_stations(self) -> StationService | None:
        return StationService(self._db, self._actor) if may_manage_stations(self._actor) else None

    def _users(self) -> QWidget:
        from app.services.staff.users import UserService
        from app.ui.settings.users_tab import UsersTab

        return UsersTab(
            users=UserService(self._db, self._actor),
            tasks=self._tasks,
            stations=self._county_stations(),
            own_station_id=self._actor.station_id,
        )

    def _stations(self) -> QWidget:
        from app.services.rooms.staffing import StaffingService
        from app.ui.settings.stations_tab import StationsTab

        return StationsTab(
            stations=StationService(self._db, self._actor),
            staffing=StaffingService(self._db, self._actor),
            tasks=self._tasks,
        )

    def _villages(self) -> QWidget:
        from app.ui.settings.villages_tab import VillagesTab

        return VillagesTab(stations=StationService(self._db, self._actor), tasks=self._tasks)

    def _codes(self) -> QWidget:
        from app.services.settings.codes import CodeService
        from app.ui.settings.codes_tab import CodesTab

        return CodesTab(codes=CodeService(self._db, self._actor), tasks=self._tasks)

    def _partners(self) -> QWidget:
        from app.services.partners.service import PartnerService
        from app.ui.partners.directory import PartnersTab

        return PartnersTab(partners=PartnerService(self._db, self._actor), tasks=self._tasks)

    def _report_targets(self) -> QWidget:
        from app.services.reports.service import ReportService
        from app.ui.settings.report_targets_tab import ReportTargetsTab

        return ReportTargetsTab(reports=ReportService(self._db, self._actor), tasks=self._tasks)

    def _general(self) -> QWidget:
        from app.services.settings.stations import SettingsService
        from app.ui.settings.general_tab import GeneralTab

        return GeneralTab(
            settings=SettingsService(self._db, self._actor),
            station_id=self._actor.station_id,
            tasks=self._tasks,
        )

    def _retention(self) -> QWidget:
        from app.services.access.retention import RetentionService
        from app.ui.settings.retention_tab import RetentionTab

        return RetentionTab(
            retention=RetentionService(self._db, self._actor),
            tasks=self._tasks,
            can_edit_policy=self._actor.can(Permission.MANAGE_SETTINGS),
        )

    def _training(self) -> QWidget:
        from app.services.settings.codes import CodeService
        from app.services.staff.training_hours import TrainingHoursService
        from app.ui.settings.training_targets_tab import TrainingTargetsTab

        return TrainingTargetsTab(
            hours=TrainingHoursService(self._db, self._actor),
            codes=CodeService(self._db, self._actor),
            tasks=self._tasks,
        )

    def _rooms(self) -> QWidget:
        from app.services.rooms.service import RoomService
        from app.services.rooms.staffing import StaffingService
        from app.ui.rooms.tab import RoomsTab

        db, actor = self._db, self._actor
        return RoomsTab(
            rooms=RoomService(db, actor), staffing=StaffingService(db, actor),
            stations=StationService(db, actor), tasks=self._tasks,
        )  # fmt: skip

    def _backups(self) -> QWidget:
        from app.services.backup.service import BackupService
        from app.ui.backup_dialogs import BackupPanel

        panel = BackupPanel(backups=BackupService(self._db, self._actor), tasks=self._tasks)
        panel.restored.connect(self.restored)
        return panel

    def _exchange(self) -> QWidget:
        from app.services.packages.service import PackageService
        from app.ui.settings.packages.tab import DataExchangeTab

        # The county's side (import, return packages, conflicts) is the administrator's.
        return DataExchangeTab(
            packages=PackageService(self._db, self._actor),
            tasks=self._tasks,
            county=may_manage_stations(self._actor),
        )

    def _audit(self) -> QWidget:
        from app.services.access.audit import AuditService
        from app.ui.settings.audit_tab import AuditTab

        return AuditTab(audit=AuditService(self._db, self._actor), tasks=self._tasks)

    def _account(self) -> QWidget:
        from app.services.access.auth import AuthService
        from app.ui.settings.account_tab import AccountTab

        return AccountTab(auth=AuthService(self._db), actor=self._actor, tasks=self._tasks)


def scrolled(tab: QWidget) -> QScrollArea:
    """A tall tab (the general settings, both sides of data exchange) scrolls, so that the
    settings page still fits a small laptop's screen."""
    area = QScrollArea()
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(tab)
    return area
