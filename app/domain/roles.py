"""Roles and what each may do (docs/architecture.md, "Roles and permissions").

The services check these; the UI only uses them to hide what would be refused anyway.
"""

from __future__ import annotations

import enum


class Role(enum.StrEnum):
    ADMIN = "admin"
    HEAD = "head"
    WORKER = "worker"
    SUPERVISOR = "supervisor"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS: dict[Role, str] = {
    Role.ADMIN: "管理员",
    Role.HEAD: "站长",
    Role.WORKER: "社工",
    Role.SUPERVISOR: "督导",
}


class Permission(enum.Enum):
    MANAGE_USERS = "manage_users"
    MANAGE_SETTINGS = "manage_settings"
    MANAGE_CODES = "manage_codes"
    RESTORE = "restore"
    BACKUP = "backup"
    VIEW_CLIENTS = "view_clients"
    EDIT_CLIENTS = "edit_clients"
    REVEAL_ANY = "reveal_any"
    """See any full ID number or phone; workers may see those of their own clients."""
    EDIT_ANY_CASE = "edit_any_case"
    EDIT_OWN_CASE = "edit_own_case"
    APPROVE = "approve"
    ASSIGN = "assign"
    """Make a client or a case someone's: the head decides (a worker may ask)."""
    WRITE_SUPERVISION = "write_supervision"
    REPORTS = "reports"
    VIEW_AUDIT = "view_audit"
    CLOSE_MONTH = "close_month"
    """Close a month (月结) and correct a closed month: the station head signs the report."""
    MANAGE_PROJECTS = "manage_projects"
    """Add and change purchased-service projects (服务项目) and their targets."""
    EVALUATE = "evaluate"
    """Import indicator systems, record evaluation rounds and scores, close 整改 items."""
    EXCHANGE_PACKAGES = "exchange_packages"
    """Export a station's data package (数据包), import one at the county, decide conflicts."""
    ASSESS_STAFF = "assess_staff"
    """Score and comment a worker's assessment (考核), confirm it, and see every worker's."""


_HEAD = frozenset(
    {
        Permission.BACKUP,
        Permission.VIEW_CLIENTS,
        Permission.EDIT_CLIENTS,
        Permission.REVEAL_ANY,
        Permission.EDIT_ANY_CASE,
        Permission.EDIT_OWN_CASE,
        Permission.APPROVE,
        Permission.ASSIGN,
        Permission.WRITE_SUPERVISION,
        Permission.REPORTS,
        Permission.VIEW_AUDIT,
        Permission.CLOSE_MONTH,
        Permission.MANAGE_PROJECTS,
        Permission.EVALUATE,
        Permission.EXCHANGE_PACKAGES,
        Permission.ASSESS_STAFF,
    }
)

GRANTS: dict[Role, frozenset[Permission]] = {
    # In a small station the head administers the PC: admin holds every head right.
    Role.ADMIN: _HEAD
    | {
        Permission.MANAGE_USERS,
        Permission.MANAGE_SETTINGS,
        Permission.MANAGE_CODES,
        Permission.RESTORE,
    },
    Role.HEAD: _HEAD,
    Role.WORKER: frozenset(
        {
            Permission.VIEW_CLIENTS,
            Permission.EDIT_CLIENTS,
            Permission.EDIT_OWN_CASE,
            Permission.REPORTS,
        }
    ),
    Role.SUPERVISOR: frozenset(
        {Permission.VIEW_CLIENTS, Permission.WRITE_SUPERVISION, Permission.REPORTS}
    ),
}


def allows(role: Role, permission: Permission) -> bool:
    return permission in GRANTS[role]
