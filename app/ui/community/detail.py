"""The activity beside the list: every field, figures, participants, volunteers and photos."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import AppError, NotFound
from app.services.community.photos import ActivityPhotoService
from app.services.community.service import ActivityService
from app.services.community.types import ActivityDetail
from app.ui.community.photo_strip import PhotoStrip
from app.ui.tasks import TaskRunner

_FIELDS = (
    "type", "when", "village", "place", "partners", "target_group", "worker", "participants",
    "resources_used", "content", "outcome",
)  # fmt: skip
# Buttons and whether they change the activity (hidden from those who may only read).
_BUTTONS = (
    ("edit", True),
    ("delete", True),
    ("add_photos", True),
    ("caption", True),
    ("remove_photo", True),
    ("print", False),
    ("survey", False),
)


class ActivityDetailPanel(QWidget):
    """Shows one activity; `requested` carries the key of the button the user pressed."""

    loaded = Signal(object)  # ActivityDetail, or None when nothing is shown
    requested = Signal(str)

    def __init__(
        self,
        *,
        activities: ActivityService,
        photos: ActivityPhotoService,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._activities = activities
        self._tasks = tasks
        self._generation = 0
        self.detail: ActivityDetail | None = None

        self._stack = QStackedWidget(self)
        empty = QLabel(self.tr("Choose an activity in the list to see it here."), self)
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty.setWordWrap(True)
        self._stack.addWidget(empty)

        page = QWidget(self)
        self.title = QLabel(page)
        self.title.setObjectName("activityTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.title.setFont(font)
        self.values: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, caption in zip(_FIELDS, self._captions(), strict=True):
            value = QLabel(page)
            value.setObjectName(f"activity_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            form.addRow(caption, value)
        self.clients = QListWidget(page)
        self.clients.setObjectName("activityClientList")
        self.clients.setMaximumHeight(90)
        self.volunteers = QLabel(page)
        self.volunteers.setObjectName("activityVolunteers")
        self.volunteers.setWordWrap(True)
        form.addRow(self.tr("Registered clients"), self.clients)
        form.addRow(self.tr("Volunteers"), self.volunteers)
        self.photo_strip = PhotoStrip(photos=photos, tasks=tasks, parent=page)
        self.photo_note = QLabel(
            self.tr(
                "Photos show people: use them only with the consent of those shown "
                "(registered clients are listed above)."
            ),
            page,
        )
        self.photo_note.setWordWrap(True)
        self.photo_note.setStyleSheet("color: #555555;")

        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        labels = self._button_labels()
        for index, (key, _changes) in enumerate(_BUTTONS):
            button = QPushButton(labels[key], page)
            button.setObjectName(f"activity_{key}")
            button.clicked.connect(lambda _c=False, k=key: self.requested.emit(k))
            self.buttons[key] = button
            grid.addWidget(button, index // 3, index % 3)
        self.photo_strip.currentItemChanged.connect(lambda _n, _o: self._enable_photo_buttons())

        inner = QVBoxLayout(page)
        inner.addWidget(self.title)
        inner.addLayout(grid)
        inner.addLayout(form)
        inner.addWidget(QLabel(self.tr("Photos"), page))
        inner.addWidget(self.photo_strip)
        inner.addWidget(self.photo_note)
        inner.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        self._stack.addWidget(scroll)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)

    def _captions(self) -> tuple[str, ...]:
        return (
            self.tr("Type"),
            self.tr("When"),
            self.tr("Village"),
            self.tr("Place"),
            self.tr("Partners"),
            self.tr("Target group"),
            self.tr("Responsible worker"),
            self.tr("Participants"),
            self.tr("Resources used"),
            self.tr("Content"),
            self.tr("Outcome"),
        )

    def _button_labels(self) -> dict[str, str]:
        return {
            "edit": self.tr("Edit"),
            "delete": self.tr("Delete"),
            "add_photos": self.tr("Add photos…"),
            "caption": self.tr("Caption…"),
            "remove_photo": self.tr("Remove photo"),
            "print": self.tr("Print record"),
            "survey": self.tr("Satisfaction survey…"),
        }

    # ---- loading ---------------------------------------------------------------------

    def show_activity(self, activity_id: int | None) -> None:
        self._generation += 1
        generation = self._generation
        if activity_id is None:
            self._show(None)
            return
        activities = self._activities
        self._tasks.run(
            self,
            lambda: activities.get(activity_id),
            on_done=lambda detail: self._arrived(generation, detail),
            on_error=lambda exc: self._failed(generation, exc),
        )

    def reload(self) -> None:
        if self.detail is not None:
            self.show_activity(self.detail.id)

    def _arrived(self, generation: int, detail: ActivityDetail) -> None:
        if generation == self._generation:
            self._show(detail)

    def _failed(self, generation: int, exc: AppError) -> bool:
        if generation == self._generation and isinstance(exc, NotFound):
            self._show(None)
            return True
        return False

    def _show(self, d: ActivityDetail | None) -> None:
        self.detail = d
        if d is None:
            self._stack.setCurrentIndex(0)
            self.loaded.emit(None)
            return
        self.title.setText(d.title)
        times = "–".join(t.strftime("%H:%M") for t in (d.start_time, d.end_time) if t)
        c = d.participants
        figures = self.tr(
            "{total} in all: {elderly} elderly, {children} children, {disabled} disabled, "
            "{other} others"
        ).format(
            total=c.total, elderly=c.elderly, children=c.children, disabled=c.disabled,
            other=c.other,
        )  # fmt: skip
        texts = {
            "type": d.type_label,
            "when": f"{d.held_on.isoformat()} {times}".strip(),
            "village": d.village or self.tr("Whole township"),
            "place": d.place,
            "partners": "、".join(d.partners),
            "target_group": d.target_group,
            "worker": d.worker,
            "participants": figures,
            "resources_used": d.resources_used,
            "content": d.content,
            "outcome": d.outcome,
        }
        for key, text in texts.items():
            self.values[key].setText(text or "—")
        self.clients.clear()
        for client in d.clients:
            self.clients.addItem(
                f"{client.name}（{client.village}）" if client.village else client.name
            )
        self.volunteers.setText(
            "；".join(
                self.tr("{name} {hours} h").format(name=v.name, hours=f"{v.hours:g}")
                for v in d.volunteers
            )
            or self.tr("None recorded (volunteers page)")
        )
        for key, changes in _BUTTONS:
            self.buttons[key].setVisible(d.can_edit or not changes)
        self.photo_strip.show_photos(d.photos)
        self._enable_photo_buttons()
        self._stack.setCurrentIndex(1)
        self.loaded.emit(d)

    def _enable_photo_buttons(self) -> None:
        chosen = self.photo_strip.current_photo() is not None
        self.buttons["caption"].setEnabled(chosen)
        self.buttons["remove_photo"].setEnabled(chosen)
