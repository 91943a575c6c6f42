"""Informed consent (知情同意) per client and item: record, withdraw, and ask what is missing.

Each item (service, sensitive data, photos, sharing) is signed separately. For one item the
latest signing on or before a day decides; a withdrawal ends it from the withdrawal date on.
A client under 14 on the signing day cannot sign for themselves (PIPL art. 31): a guardian
must, so the age is computed from the birth date on that day, not today.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.domain import idnumber
from app.domain.errors import InvalidInput, NotFound
from app.domain.roles import Permission
from app.services.access import audit
from app.services.access.consent_types import (
    DEFAULT_TEXT_VERSION,
    GUARDIAN_AGE,
    ITEM_LABELS,
    ITEMS,
    SELF,
    TEXT_VERSION_KEY,
    ConsentInput,
    ConsentRow,
    ConsentSaved,
    SignerRule,
)
from app.services.access.refusals import logs_refusals
from app.services.concurrency import check_version
from app.services.context import Actor
from app.store import settings as settings_rows
from app.store.engine import Database
from app.store.models import Client, Consent

ENTITY = "consent"


def is_valid(consent: Consent, on: dt.date) -> bool:
    """Whether this signing, taken alone, grants its item on `on`."""
    if not consent.granted or consent.signed_on > on:
        return False
    return consent.withdrawn_on is None or consent.withdrawn_on > on


def _deciding(consents: Iterable[Consent], on: dt.date) -> dict[str, Consent]:
    """Per item, the latest signing on or before `on` (a later refusal replaces a grant)."""
    latest: dict[str, Consent] = {}
    for c in consents:
        if c.signed_on > on:
            continue
        known = latest.get(c.item)
        if known is None or (c.signed_on, c.id) > (known.signed_on, known.id):
            latest[c.item] = c
    return latest


def granted_items(session: Session, client_id: int, on: dt.date) -> frozenset[str]:
    """The items the client validly consented to on `on`, inside the caller's transaction."""
    consents = session.scalars(select(Consent).where(Consent.client_id == client_id))
    deciding = _deciding(consents, on)
    return frozenset(item for item, c in deciding.items() if is_valid(c, on))


def clients_granted(
    session: Session, client_ids: Iterable[int], item: str, on: dt.date
) -> frozenset[int]:
    """Of `client_ids`, those who validly consented to `item` on `on` (one query)."""
    ids = sorted(set(client_ids))
    if not ids:
        return frozenset()
    by_client: dict[int, list[Consent]] = {}
    for c in session.scalars(
        select(Consent).where(Consent.client_id.in_(ids), Consent.item == item)
    ):
        by_client.setdefault(c.client_id, []).append(c)
    return frozenset(
        client
        for client, consents in by_client.items()
        if (deciding := _deciding(consents, on).get(item)) is not None and is_valid(deciding, on)
    )


@logs_refusals("consent")
class ConsentService:
    def __init__(self, db: Database, actor: Actor, *, today: dt.date | None = None) -> None:
        self._db = db
        self._actor = actor
        self._today = today

    @property
    def today(self) -> dt.date:
        return self._today or self._db.clock.today()

    @property
    def can_edit(self) -> bool:
        return self._actor.can(Permission.EDIT_CLIENTS)

    # ---- reading -------------------------------------------------------------------

    def text_version(self) -> str:
        """The version of the consent text the station uses now (a setting)."""
        with self._db.read() as session:
            found = settings_rows.read(
                session, TEXT_VERSION_KEY, None, station_id=self._actor.station_id
            )
        return str(found) if found else DEFAULT_TEXT_VERSION

    def signer_rule(self, client_id: int, on: dt.date | None = None) -> SignerRule:
        """Who must sign on `on`, with the guardian on file as a suggestion."""
        self._actor.require(Permission.VIEW_CLIENTS)
        day = on or self.today
        with self._db.read() as session:
            client = self._client(session, client_id)
            age = idnumber.age_on(client.birth_date, day) if client.birth_date else None
            return SignerRule(
                client_name=client.name,
                age=age,
                needs_guardian=age is not None and age < GUARDIAN_AGE,
                guardian_name=client.guardian_name,
                guardian_relation=client.guardian_relation,
            )

    def list_consents(self, client_id: int, *, on: dt.date | None = None) -> list[ConsentRow]:
        """Every signing of the client, newest first, each marked whether it decides today."""
        self._actor.require(Permission.VIEW_CLIENTS)
        day = on or self.today
        with self._db.read() as session:
            self._client(session, client_id)
            consents = self._consents(session, client_id)
            deciding = {c.id for c in _deciding(consents, day).values() if is_valid(c, day)}
            ordered = sorted(consents, key=lambda c: (c.signed_on, c.id), reverse=True)
            return [self._row(c, c.id in deciding) for c in ordered]

    def valid_items(self, client_id: int, *, on: dt.date | None = None) -> frozenset[str]:
        """The items the client has validly consented to on `on` (default today)."""
        self._actor.require(Permission.VIEW_CLIENTS)
        day = on or self.today
        with self._db.read() as session:
            self._client(session, client_id)
            return granted_items(session, client_id, day)

    def missing(
        self, client_id: int, items: Sequence[str], *, on: dt.date | None = None
    ) -> tuple[str, ...]:
        """The items of `items` without valid consent on `on`, e.g. `missing(id, ["photo"])`."""
        self._check_items(items)
        valid = self.valid_items(client_id, on=on)
        return tuple(item for item in items if item not in valid)

    @staticmethod
    def describe(items: Iterable[str]) -> str:
        """The items' Chinese names, for a warning: "照片/宣传、转介/信息共享"."""
        return "、".join(ITEM_LABELS.get(i, i) for i in items)

    # ---- changing ------------------------------------------------------------------

    def record(self, data: ConsentInput) -> ConsentSaved:
        """Record one signing; each item becomes its own row."""
        self._actor.require(Permission.EDIT_CLIENTS)
        items = tuple(dict.fromkeys(data.items))
        if not items:
            raise InvalidInput("请至少选择一项同意内容。", field="items")
        self._check_items(items)
        if data.signed_on > self.today:
            raise InvalidInput("签署日期不能晚于今天。", field="signed_on")
        signer = data.signer_name.strip()
        relation = data.signer_relation.strip() or SELF
        if not signer:
            raise InvalidInput("请填写签署人姓名。", field="signer_name")
        version = data.text_version.strip() or self.text_version()
        with self._db.write() as session:
            client = self._client(session, data.client_id)
            if data.signed_on < (client.birth_date or dt.date.min):
                raise InvalidInput("签署日期早于出生日期。", field="signed_on")
            self._check_signer(client, data.signed_on, signer, relation)
            rows = [
                Consent(
                    station_id=self._actor.station_id,
                    client_id=client.id,
                    item=item,
                    granted=data.granted,
                    signed_on=data.signed_on,
                    signer_name=signer,
                    signer_relation=relation,
                    text_version=version,
                    created_by_id=self._actor.user_id,
                    updated_by_id=self._actor.user_id,
                )
                for item in items
            ]
            session.add_all(rows)
            try:
                session.flush()
            except IntegrityError as exc:
                raise InvalidInput(
                    "同一天已登记过这一项同意，请勿重复登记。", field="items"
                ) from exc
            audit.record(
                session, self._actor, "consent", entity="client", entity_id=client.id,
                items=list(items), granted=data.granted, signed_on=data.signed_on,
                signer_relation=relation, text_version=version,
            )  # fmt: skip
            return ConsentSaved(client.id, tuple(r.id for r in rows))

    def withdraw(self, consent_id: int, *, version: int, on: dt.date) -> ConsentSaved:
        """Withdraw a consent from `on` on; what was done before stays lawful."""
        self._actor.require(Permission.EDIT_CLIENTS)
        if on > self.today:
            raise InvalidInput("撤回日期不能晚于今天。", field="withdrawn_on")
        with self._db.write() as session:
            consent = session.get(Consent, consent_id)
            if consent is None or consent.station_id != self._actor.station_id:
                raise NotFound("找不到这条知情同意记录。")
            check_version(consent, version, "知情同意记录", session)
            if consent.withdrawn_on is not None:
                raise InvalidInput("这项同意已经撤回。")
            if on < consent.signed_on:
                raise InvalidInput("撤回日期不能早于签署日期。", field="withdrawn_on")
            consent.withdrawn_on = on
            consent.updated_by_id = self._actor.user_id
            audit.record(
                session, self._actor, "consent_withdraw", entity="client",
                entity_id=consent.client_id, item=consent.item, withdrawn_on=on,
            )  # fmt: skip
            return ConsentSaved(consent.client_id, (consent.id,))

    # ---- helpers -------------------------------------------------------------------

    def _client(self, session: Session, client_id: int) -> Client:
        client = session.get(Client, client_id)
        if client is None or client.station_id != self._actor.station_id:
            raise NotFound("找不到该服务对象，可能已被删除或不属于本站。")
        return client

    @staticmethod
    def _row(c: Consent, valid: bool) -> ConsentRow:
        return ConsentRow(
            c.id, c.item, c.granted, c.signed_on, c.signer_name, c.signer_relation,
            c.text_version, c.withdrawn_on, valid, c.version,
        )  # fmt: skip

    @staticmethod
    def _consents(session: Session, client_id: int) -> list[Consent]:
        return list(session.scalars(select(Consent).where(Consent.client_id == client_id)))

    @staticmethod
    def _check_items(items: Iterable[str]) -> None:
        unknown = [i for i in items if i not in ITEMS]
        if unknown:
            raise InvalidInput(f"未知的同意项目：{'、'.join(unknown)}。", field="items")

    @staticmethod
    def _check_signer(client: Client, on: dt.date, signer: str, relation: str) -> None:
        if client.birth_date is None:
            return
        age = idnumber.age_on(client.birth_date, on)
        if age >= GUARDIAN_AGE:
            return
        if relation == SELF or signer == client.name:
            raise InvalidInput(
                f"签署时{client.name}未满{GUARDIAN_AGE}周岁（{age}岁），须由监护人签署，"
                "请填写监护人姓名及与服务对象的关系。",
                field="signer_name",
            )
