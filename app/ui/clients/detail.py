"""The detail panel beside the client list: every field, household members, reveal."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.codes import ClientStatus, CodeList, RiskLevel, Sex
from app.domain.errors import AppError, NotFound
from app.services.access.consents import ConsentService
from app.services.clients.service import ClientService
from app.services.clients.story import ClientStoryService
from app.services.clients.story_types import Opens
from app.services.clients.types import ClientDetail, HouseholdMember, Revealed
from app.ui.clients.choices import ClientChoices, enum_label
from app.ui.clients.consent_section import ConsentSection
from app.ui.clients.story import ClientStoryTab
from app.ui.tasks import TaskRunner

_FIELDS = (
    "id_number", "phone", "sex", "birth", "ethnicity", "marital_status", "village", "address",
    "household", "categories", "disability", "self_care", "living_arrangement", "guardian",
    "worker", "risk", "status", "notes", "recorded",
)  # fmt: skip


class ClientDetailPanel(QWidget):
    """Shows one client; emits `open_client` when a household member is double-clicked and
    `open_record` when an entry of the story (服务经历) names a record on another page."""

    loaded = Signal(object)  # ClientDetail, or None when nothing is shown
    open_client = Signal(int)
    open_record = Signal(str, int)  # an Opens value and the record's id

    def __init__(
        self,
        *,
        clients: ClientService,
        tasks: TaskRunner,
        consents: ConsentService | None = None,
        stories: ClientStoryService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._clients = clients
        self._tasks = tasks
        self._choices = ClientChoices()
        self._generation = 0
        self.detail: ClientDetail | None = None

        self._stack = QStackedWidget(self)
        self._empty = QLabel(self.tr("Choose a client in the list to see the details."), self)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)
        self._stack.addWidget(self._empty)

        page = QWidget(self)
        self.title = QLabel(page)
        self.title.setObjectName("clientTitle")
        font = self.title.font()
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.title.setFont(font)
        self.reveal_button = QPushButton(self.tr("Show full numbers"), page)
        self.reveal_button.setToolTip(self.tr("Each view of a full number is recorded."))
        self.reveal_button.clicked.connect(self.reveal)
        self.values: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, caption in zip(_FIELDS, self._captions(), strict=True):
            value = QLabel(page)
            value.setObjectName(f"detail_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            form.addRow(caption, value)
        self.members = QListWidget(page)
        self.members.setObjectName("householdMembers")
        self.members.setToolTip(self.tr("Double-click or press Enter to open a member."))
        self.members.setMaximumHeight(140)
        self.members.itemActivated.connect(self._member_activated)
        self.members_caption = QLabel(self.tr("Household members"), page)

        inner = QVBoxLayout(page)
        inner.addWidget(self.title)
        inner.addLayout(form)
        inner.addWidget(self.reveal_button, 0, Qt.AlignmentFlag.AlignLeft)
        inner.addWidget(self.members_caption)
        inner.addWidget(self.members)
        self.consents: ConsentSection | None = None
        if consents is not None:
            self.consents = ConsentSection(consents=consents, tasks=tasks, parent=page)
            inner.addWidget(self.consents)
        inner.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        self.tabs: QTabWidget | None = None
        self.story: ClientStoryTab | None = None
        if stories is None:
            self._stack.addWidget(scroll)
        else:
            self.story = ClientStoryTab(stories=stories, tasks=tasks, parent=self)
            self.story.open_record.connect(self._story_opens)
            self.tabs = QTabWidget(self)
            self.tabs.setObjectName("clientDetailTabs")
            self.tabs.addTab(scroll, self.tr("Details"))
            self.tabs.addTab(self.story, self.tr("Service history"))
            self._stack.addWidget(self.tabs)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)

    def _captions(self) -> tuple[str, ...]:
        return (
            self.tr("ID number"),
            self.tr("Phone"),
            self.tr("Sex"),
            self.tr("Birth date / age"),
            self.tr("Ethnicity"),
            self.tr("Marital status"),
            self.tr("Village/community"),
            self.tr("Address"),
            self.tr("Household"),
            self.tr("Categories"),
            self.tr("Disability"),
            self.tr("Self-care ability"),
            self.tr("Living arrangement"),
            self.tr("Guardian or contact"),
            self.tr("Responsible worker"),
            self.tr("Risk level"),
            self.tr("Status"),
            self.tr("Notes"),
            self.tr("Registered"),
        )

    def set_choices(self, choices: ClientChoices) -> None:
        self._choices = choices
        if self.detail is not None:
            self._show(self.detail)

    # ---- loading ------------------------------------------------------------------------

    def show_client(self, client_id: int | None) -> None:
        """Load and show a client, or show nothing."""
        self._generation += 1
        generation = self._generation
        if self.consents is not None:
            self.consents.show_client(client_id)
        if client_id is None:
            self._clear()
            return
        clients = self._clients
        self._tasks.run(
            self,
            lambda: clients.get(client_id),
            on_done=lambda detail: self._loaded(generation, detail),
            on_error=lambda exc: self._failed(generation, exc),
        )

    def reload(self) -> None:
        self.show_client(self.detail.id if self.detail else None)

    def _loaded(self, generation: int, detail: ClientDetail) -> None:
        if generation == self._generation:
            self._show(detail)

    def _failed(self, generation: int, exc: AppError) -> bool:
        if generation != self._generation:
            return True
        if isinstance(exc, NotFound):
            self._clear()
            return True
        return False

    def _clear(self) -> None:
        self.detail = None
        if self.story is not None:
            self.story.show_client(None)
        self._stack.setCurrentIndex(0)
        self.loaded.emit(None)

    def _show(self, d: ClientDetail) -> None:
        self.detail = d
        c = self._choices
        self.title.setText(d.name)
        v = self.values
        v["id_number"].setText(d.id_number_masked or self.tr("(none)"))
        v["phone"].setText(d.phone_masked)
        v["sex"].setText(enum_label(Sex, d.sex))
        if d.birth_date is not None:
            v["birth"].setText(
                self.tr("{date} (age {age})").format(date=d.birth_date.isoformat(), age=d.age)
            )
        elif d.age is not None:
            # Only who may see the full ID number sees the date it is built from.
            v["birth"].setText(self.tr("{age} (birth date not shown)").format(age=d.age))
        else:
            v["birth"].setText("")
        v["ethnicity"].setText(c.label(CodeList.ETHNICITY, d.ethnicity))
        v["marital_status"].setText(c.label(CodeList.MARITAL_STATUS, d.marital_status))
        v["village"].setText(d.village)
        v["address"].setText(d.address)
        v["household"].setText(self._household_text(d))
        v["categories"].setText(
            "、".join(c.label(CodeList.CLIENT_CATEGORY, code) for code in d.categories)
        )
        disability = c.label(CodeList.DISABILITY_TYPE, d.disability_type)
        if disability and d.disability_grade:
            disability += " " + c.label(CodeList.DISABILITY_GRADE, d.disability_grade)
        v["disability"].setText(disability)
        v["self_care"].setText(c.label(CodeList.SELF_CARE, d.self_care))
        v["living_arrangement"].setText(c.label(CodeList.LIVING_ARRANGEMENT, d.living_arrangement))
        v["guardian"].setText(
            " ".join(
                part
                for part in (d.guardian_name, d.guardian_relation, d.guardian_phone_masked)
                if part
            )
        )
        v["worker"].setText(d.worker)
        v["risk"].setText(enum_label(RiskLevel, d.risk_level))
        status = enum_label(ClientStatus, d.status)
        if d.status == ClientStatus.ARCHIVED.value and d.archive_reason:
            status += self.tr(" (reason: {reason})").format(reason=d.archive_reason)
        v["status"].setText(status)
        v["notes"].setText(d.notes)
        v["recorded"].setText(
            self.tr("{created}, last changed {updated}").format(
                created=d.created_at.astimezone().strftime("%Y-%m-%d"),
                updated=d.updated_at.astimezone().strftime("%Y-%m-%d %H:%M"),
            )
        )
        self.members.clear()
        for member in d.household_members:
            item = QListWidgetItem(self._member_text(member), self.members)
            item.setData(Qt.ItemDataRole.UserRole, member.id)
        has_members = bool(d.household_members)
        self.members.setVisible(has_members)
        self.members_caption.setVisible(has_members)
        masked = d.has_id_number or d.phone_masked or d.guardian_phone_masked
        self.reveal_button.setVisible(bool(d.can_reveal and masked))
        if self.story is not None:
            self.story.show_client(d.id, can_reveal=d.can_reveal)
        self._stack.setCurrentIndex(1)
        self.loaded.emit(d)

    def _household_text(self, d: ClientDetail) -> str:
        if d.household_id is None:
            return ""
        if d.head_client_id == d.id:
            return self.tr("Head of the household")
        relation = self._choices.label(CodeList.RELATIONSHIP, d.relation_to_head)
        return self.tr("Head: {head}; relation: {relation}").format(
            head=d.head_name, relation=relation or self.tr("not given")
        )

    def _member_text(self, m: HouseholdMember) -> str:
        # Relations are recorded to the head (GB/T 4761), so they are said that way: 户主的母亲.
        related = self._choices.label(CodeList.RELATIONSHIP, m.relation)
        relation = (
            self.tr("head")
            if m.is_head
            else self.tr("the head's {relation}").format(relation=related)
            if related
            else self.tr("member")
        )
        age = "" if m.age is None else self.tr(", {age}").format(age=m.age)
        return f"{m.name}（{relation}{age}）"

    def _member_activated(self, item: QListWidgetItem) -> None:
        self.open_client.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def _story_opens(self, page: str, record_id: int) -> None:
        # Consent, categories and risk are this client's own: their place is the details tab.
        if page == Opens.CLIENT.value and self.tabs is not None:
            self.tabs.setCurrentIndex(0)
        else:
            self.open_record.emit(page, record_id)

    # ---- reveal -------------------------------------------------------------------------

    def mask_again(self) -> None:
        """Show the masked numbers again (the window locked); a reveal in flight is dropped."""
        self._generation += 1
        if self.detail is not None:
            self._show(self.detail)

    def reveal(self) -> None:
        """Show the full ID number and phones (the service checks the role and logs it)."""
        if self.detail is None:
            return
        client_id, clients, generation = self.detail.id, self._clients, self._generation

        def show(revealed: Revealed) -> None:
            if generation != self._generation or self.detail is None:
                return
            d = self.detail
            self.values["id_number"].setText(revealed.id_number or self.tr("(none)"))
            self.values["phone"].setText(revealed.phone)
            self.values["guardian"].setText(
                " ".join(
                    p for p in (d.guardian_name, d.guardian_relation, revealed.guardian_phone) if p
                )
            )
            self.reveal_button.hide()

        self._tasks.run(self, lambda: clients.reveal(client_id), on_done=show)
