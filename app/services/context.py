"""Who is acting, and what a mutation changed."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.domain.errors import PermissionDenied
from app.domain.roles import Permission, Role, allows


@dataclass(frozen=True)
class Actor:
    """The logged-in user, as the services see them."""

    user_id: int
    login: str
    display_name: str
    role: Role
    station_id: int
    station_name: str = ""
    must_change_password: bool = False

    def can(self, permission: Permission) -> bool:
        return allows(self.role, permission)

    def require(self, permission: Permission) -> None:
        if not self.can(permission):
            raise PermissionDenied(
                f"当前身份（{self.role.label}）无权进行此操作，请联系站长或管理员。"
            )


@dataclass(frozen=True)
class Changes:
    """What a mutation touched, so each view can decide whether to refresh."""

    entities: frozenset[str] = field(default_factory=frozenset)
    ids: frozenset[int] = field(default_factory=frozenset)

    @classmethod
    def of(cls, *entities: str, ids: tuple[int, ...] = ()) -> Changes:
        return cls(frozenset(entities), frozenset(ids))

    def touches(self, entity: str) -> bool:
        return entity in self.entities
