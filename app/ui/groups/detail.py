"""The group beside the list: its plan, members, sessions with attendance, evaluation."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import AppError, NotFound
from app.services.groups.service import GroupService
from app.services.groups.types import GroupDetail, GroupStatus, MemberView, SessionView
from app.ui.tasks import TaskRunner
from app.ui.widgets.rich_text import escape

BUTTON_KEYS = (
    "edit", "start", "add_member", "remove_member", "add_session", "edit_session", "end", "print",
    "survey",
)  # fmt: skip


def _table(parent: QWidget, headers: list[str], name: str, stretch: int) -> QTableWidget:
    """A read-only list whose `stretch` column takes the room left (names, topics)."""
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: list[tuple[int, list[str]]]) -> None:
    table.setRowCount(0)
    for record_id, cells in rows:
        row = table.rowCount()
        table.insertRow(row)
        for column, value in enumerate(cells):
            item = QTableWidgetItem(value)
            item.setData(Qt.ItemDataRole.UserRole, record_id)
            table.setItem(row, column, item)


def _selected_id(table: QTableWidget) -> int | None:
    item = table.item(table.currentRow(), 0) if table.currentRow() >= 0 else None
    return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None


class GroupDetailPanel(QWidget):
    """Shows one group; `requested` carries the key of the button the user pressed."""

    loaded = Signal(object)  # GroupDetail, or None when nothing is shown
    requested = Signal(str)

    def __init__(
        self, *, groups: GroupService, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._groups = groups
        self._tasks = tasks
        self._generation = 0
        self.detail: GroupDetail | None = None
        self.surveys_shown = False
        """Set by the page when it has the survey service (满意度调查)."""

        self.title = QLabel(self)
        self.title.setObjectName("groupTitle")
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.title.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("groupSummary")
        self.summary.setWordWrap(True)
        self.read_only = QLabel(self)
        self.read_only.setStyleSheet("color: #555555;")
        self.read_only.setWordWrap(True)
        labels = self._button_labels()
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        for i, key in enumerate(BUTTON_KEYS):
            button = QPushButton(labels[key], self)
            button.setObjectName(f"group_{key}")
            button.clicked.connect(lambda _c=False, k=key: self.requested.emit(k))
            self.buttons[key] = button
            grid.addWidget(button, i // 4, i % 4)

        self.plan = QTextBrowser(self)
        self.plan.setObjectName("groupPlan")
        self.members = _table(
            self,
            [
                self.tr("Member"),
                self.tr("Village"),
                self.tr("Joined"),
                self.tr("Left"),
                self.tr("Sessions present"),
            ],
            "memberTable",
            stretch=0,
        )
        self.sessions = _table(
            self,
            [
                self.tr("No."),
                self.tr("Date"),
                self.tr("Topic"),
                self.tr("Present"),
                self.tr("Absent"),
                self.tr("Left early"),
                self.tr("Walk-ins"),
                self.tr("Person-times"),
            ],
            "sessionTable",
            stretch=2,
        )
        self.evaluation = QTextBrowser(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.plan, self.tr("Plan"))
        self.tabs.addTab(self.members, self.tr("Members"))
        self.tabs.addTab(self.sessions, self.tr("Sessions"))
        self.tabs.addTab(self.evaluation, self.tr("Evaluation"))
        self.members.itemSelectionChanged.connect(self._update_buttons)
        self.sessions.itemSelectionChanged.connect(self._update_buttons)
        self.sessions.itemDoubleClicked.connect(lambda _item: self._request("edit_session"))

        page = QWidget(self)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.title)
        column.addWidget(self.summary)
        column.addWidget(self.read_only)
        column.addLayout(grid)
        column.addWidget(self.tabs, 1)
        empty = QLabel(self.tr("Choose a group in the list, or plan a new one."), self)
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._stack = QStackedWidget(self)
        self._stack.addWidget(empty)
        self._stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)

    def _button_labels(self) -> dict[str, str]:
        return {
            "edit": self.tr("Edit plan"),
            "start": self.tr("Start group"),
            "add_member": self.tr("Add member…"),
            "remove_member": self.tr("Member leaves…"),
            "add_session": self.tr("Record session…"),
            "edit_session": self.tr("Edit session…"),
            "end": self.tr("Evaluate and end…"),
            "print": self.tr("Print…"),
            "survey": self.tr("Satisfaction survey…"),
        }

    # ---- loading ----------------------------------------------------------------------

    def show_group(self, group_id: int | None) -> None:
        self._generation += 1
        generation = self._generation
        if group_id is None:
            self._show(None)
            return
        groups = self._groups
        self._tasks.run(
            self,
            lambda: groups.get(group_id),
            on_done=lambda detail: self._arrived(generation, detail),
            on_error=lambda exc: self._failed(generation, exc),
        )

    def reload(self) -> None:
        if self.detail is not None:
            self.show_group(self.detail.id)

    def _arrived(self, generation: int, detail: GroupDetail) -> None:
        if generation == self._generation:
            self._show(detail)

    def _failed(self, generation: int, exc: AppError) -> bool:
        if generation == self._generation and isinstance(exc, NotFound):
            self._show(None)
            return True
        return False

    # ---- what is shown ----------------------------------------------------------------

    def selected_member(self) -> MemberView | None:
        member_id = _selected_id(self.members)
        members = self.detail.members if self.detail else ()
        return next((m for m in members if m.id == member_id), None)

    def selected_session(self) -> SessionView | None:
        session_id = _selected_id(self.sessions)
        sessions = self.detail.sessions if self.detail else ()
        return next((s for s in sessions if s.id == session_id), None)

    def _request(self, key: str) -> None:
        if self.buttons[key].isEnabled():
            self.requested.emit(key)

    def _show(self, detail: GroupDetail | None) -> None:
        self.detail = detail
        if detail is None:
            self._stack.setCurrentIndex(0)
            self.loaded.emit(None)
            return
        self.title.setText(f"{detail.name}　［{detail.status_label}］")
        c = detail.counts
        self.summary.setText(
            self.tr(
                "{type} · sessions {held}/{planned} · {members} members · "
                "{times} person-times (present {present}, walk-ins {walk_ins}; "
                "absent {absent}, left early {left})"
            ).format(
                type=detail.type_label,
                held=len(detail.sessions),
                planned=detail.planned_sessions,
                members=sum(m.active for m in detail.members),
                times=c.person_times,
                present=c.present,
                walk_ins=c.walk_ins,
                absent=c.absent,
                left=c.left,
            )
        )
        self.read_only.setText(
            "" if detail.can_edit else self.tr("You can read this group but not change it.")
        )
        self.read_only.setVisible(not detail.can_edit)
        self.plan.setHtml(self._plan_html(detail))
        _fill(
            self.members,
            [
                (
                    m.id,
                    [
                        m.name,
                        m.village,
                        m.joined_on.isoformat() if m.joined_on else "",
                        m.left_on.isoformat() if m.left_on else "",
                        str(m.sessions_present),
                    ],
                )
                for m in detail.members
            ],
        )
        _fill(
            self.sessions,
            [
                (
                    s.id,
                    [
                        str(s.number),
                        s.held_on.isoformat(),
                        s.topic,
                        str(s.counts.present),
                        str(s.counts.absent),
                        str(s.counts.left),
                        str(s.counts.walk_ins),
                        str(s.counts.person_times),
                    ],
                )
                for s in detail.sessions
            ],
        )
        self.evaluation.setHtml(self._evaluation_html(detail))
        self._update_buttons()
        self._stack.setCurrentIndex(1)
        self.loaded.emit(detail)

    def _update_buttons(self) -> None:
        d = self.detail
        if d is None:
            return
        editable = d.can_edit
        open_group = editable and d.status != GroupStatus.ENDED.value
        member = self.selected_member()
        self.buttons["edit"].setEnabled(editable)
        self.buttons["start"].setEnabled(editable and d.status == GroupStatus.PLANNING.value)
        self.buttons["add_member"].setEnabled(open_group)
        self.buttons["remove_member"].setEnabled(
            open_group and member is not None and member.active
        )
        self.buttons["add_session"].setEnabled(open_group)
        self.buttons["edit_session"].setEnabled(editable and self.selected_session() is not None)
        self.buttons["end"].setEnabled(editable and d.status != GroupStatus.PLANNING.value)
        self.buttons["print"].setEnabled(True)
        # Asked at the last session: once the group has ended.
        self.buttons["survey"].setEnabled(
            self.surveys_shown and d.status == GroupStatus.ENDED.value
        )

    def _plan_html(self, d: GroupDetail) -> str:
        budget = f"{d.budget:,.2f}" if d.budget is not None else ""
        dates = " — ".join(x.isoformat() if x else "?" for x in (d.start_date, d.end_date))
        rows = [
            (self.tr("Type"), d.type_label),
            (self.tr("Facilitators"), "、".join(p.name for p in d.facilitators)),
            (self.tr("Co-facilitators"), "、".join(p.name for p in d.co_facilitators)),
            (self.tr("Target people"), d.target_people),
            (self.tr("Dates"), dates),
            (self.tr("Place"), d.place),
            (self.tr("Budget"), budget),
            (self.tr("Goals"), d.goals),
            (self.tr("Theory basis"), d.theory_basis),
            (self.tr("Recruitment criteria"), d.recruitment_criteria),
            (self.tr("Evaluation method"), d.evaluation_method),
        ]
        return _html(rows)

    def _evaluation_html(self, d: GroupDetail) -> str:
        if d.status != GroupStatus.ENDED.value:
            return escape(self.tr("The group has not ended yet."))
        rows = [
            (self.tr("End date"), d.end_date.isoformat() if d.end_date else ""),
            (self.tr("Scale used"), d.scale_name),
            (self.tr("Overall satisfaction"), f"{d.satisfaction:g}" if d.satisfaction else ""),
            (self.tr("Goal attainment"), d.goal_attainment),
            (self.tr("Summary"), d.summary),
        ]
        return _html(rows)


def _html(rows: list[tuple[str, str]]) -> str:
    """Label/value rows as HTML; values are escaped and keep their line breaks."""
    cells = "".join(
        f"<tr><td style='color:#555;padding-right:10px' valign='top'>{escape(label)}</td>"
        f"<td>{escape(value).replace(chr(10), '<br/>')}</td></tr>"
        for label, value in rows
    )
    return f"<table>{cells}</table>"
