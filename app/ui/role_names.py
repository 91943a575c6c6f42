"""Role names in the interface's language (the services keep their own Chinese labels)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.domain.roles import Role


def role_name(role: Role) -> str:
    names = {
        Role.ADMIN: QCoreApplication.translate("RoleNames", "Administrator"),
        Role.HEAD: QCoreApplication.translate("RoleNames", "Station head"),
        Role.WORKER: QCoreApplication.translate("RoleNames", "Social worker"),
        Role.SUPERVISOR: QCoreApplication.translate("RoleNames", "Supervisor"),
    }
    return names[role]
