"""The 督导/培训 page: supervision records, trainings, each worker's hours and 考核."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.domain.codes import CodeList
from app.domain.numbers import decimal_text
from app.services.assessment.service import AssessmentService
from app.services.choice import Choice
from app.services.context import Changes
from app.services.settings.codes import CodeEntry, CodeService
from app.services.staff.qualifications import QualificationService
from app.services.staff.supervision import SupervisionService
from app.services.staff.supervision_types import SupervisionQuery, SupervisionRow
from app.services.staff.training import TrainingService
from app.services.staff.training_hours import TrainingHoursService
from app.services.staff.training_types import TrainingQuery, TrainingRow
from app.ui.dialogs import keep_open
from app.ui.staff.hours_table import HoursTable
from app.ui.staff.qualifications_tab import QualificationsTab
from app.ui.staff.record_table import RecordTable
from app.ui.tasks import TaskRunner
from app.ui.widgets.lazy_tabs import LazyTabs

if TYPE_CHECKING:
    from app.ui.assessment.page import AssessmentPage
    from app.ui.staff.dialogs import SupervisionDialog, TrainingDialog


class StaffPage(QWidget):
    def __init__(
        self,
        *,
        supervision: SupervisionService,
        training: TrainingService,
        hours: TrainingHoursService,
        codes: CodeService,
        tasks: TaskRunner,
        qualifications: QualificationService | None = None,
        assessments: AssessmentService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._supervision = supervision
        self._training = training
        self._codes = codes
        self._tasks = tasks
        self.today = hours.today
        self.dialog: SupervisionDialog | TrainingDialog | None = None
        self.supervisions = RecordTable(
            tasks=tasks,
            entity="supervision",
            refresh_on=("user", "codes"),  # a row names the supervisor and supervisees
            make_query=lambda f: SupervisionQuery(text=f.text, year=f.year, form=f.choice or ""),
            find=supervision.search_ids,
            fetch=supervision.rows,
            headers=(
                self.tr("Date"),
                self.tr("Supervisor"),
                self.tr("Form"),
                self.tr("Hours"),
                self.tr("Supervisees"),
                self.tr("Cases"),
                self.tr("Topics"),
            ),
            display=_supervision_cell,
            new_text=self.tr("New supervision record"),
            can_create=supervision.can_write,
            today=self.today,
            choice_blank=self.tr("All forms"),
            parent=self,
        )
        self.trainings = RecordTable(
            tasks=tasks,
            entity="training",
            refresh_on=("user", "codes"),
            make_query=lambda f: TrainingQuery(text=f.text, year=f.year, participant_id=f.choice),
            find=training.search_ids,
            fetch=training.rows,
            headers=(
                self.tr("Date"),
                self.tr("Title"),
                self.tr("Organiser"),
                self.tr("Hours"),
                self.tr("Participants"),
                self.tr("Certificates"),
            ),
            display=_training_cell,
            new_text=self.tr("New training"),
            can_create=training.can_create,
            today=self.today,
            choice_blank=self.tr("All participants"),
            parent=self,
        )
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.supervisions, self.tr("Supervision"))
        self.tabs.addTab(self.trainings, self.tr("Training"))
        # The other tabs are made when first shown (or asked for): the assessment alone
        # is ~110 widgets.
        self.lazy = LazyTabs(self.tabs)
        self.lazy.add(
            "hours", self.tr("Hours per worker"), lambda: HoursTable(hours=hours, tasks=tasks)
        )
        if qualifications is not None:
            self.lazy.add(
                "qualifications",
                self.tr("Qualifications"),
                lambda: QualificationsTab(service=qualifications, tasks=tasks),
            )
        # 考核: the head's and each worker's own; a supervisor has no tab.
        if assessments is not None and assessments.may_view:
            self.lazy.add(
                "assessment",
                self.tr("Assessment"),
                lambda: _assessment_page(assessments=assessments, tasks=tasks),
            )
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.supervisions.new_requested.connect(lambda: self.open_supervision(None))
        self.supervisions.opened.connect(self.open_supervision)
        self.trainings.new_requested.connect(lambda: self.open_training(None))
        self.trainings.opened.connect(self.open_training)
        tasks.bus.changed.connect(self._changed)
        self._load_choices()

    @property
    def hours(self) -> HoursTable:
        return cast(HoursTable, self.lazy.get("hours"))

    @property
    def qualifications(self) -> QualificationsTab | None:
        return cast("QualificationsTab | None", self.lazy.get("qualifications"))

    @property
    def assessment(self) -> AssessmentPage | None:
        return cast("AssessmentPage | None", self.lazy.get("assessment"))

    def _load_choices(self) -> None:
        supervision, codes = self._supervision, self._codes

        def load() -> tuple[list[CodeEntry], list[Choice]]:
            return codes.entries(CodeList.SUPERVISION_FORM), supervision.workers()

        def show(loaded: tuple[list[CodeEntry], list[Choice]]) -> None:
            forms, workers = loaded
            self.supervisions.set_choices([(f.label, f.code) for f in forms])
            self.trainings.set_choices([(w.label, w.id) for w in workers])

        self._tasks.run(self, load, on_done=show)

    def _changed(self, changes: Changes) -> None:
        if changes.touches("codes") or changes.touches("user"):
            self._load_choices()

    def open_supervision(self, supervision_id: int | None) -> None:
        service, codes = self._supervision, self._codes

        def load() -> tuple[Any, ...]:
            detail = service.detail(supervision_id) if supervision_id is not None else None
            forms: list[CodeEntry] = codes.entries(CodeList.SUPERVISION_FORM, include_retired=True)
            return detail, forms, service.supervisors(), service.workers()

        def show(loaded: tuple[Any, ...]) -> None:
            from app.ui.staff.dialogs import SupervisionDialog

            detail, forms, supervisors, workers = loaded
            self._show(
                SupervisionDialog(
                    service=service, tasks=self._tasks, forms=forms, supervisors=supervisors,
                    workers=workers, today=self.today, detail=detail, parent=self,
                )
            )  # fmt: skip

        self._tasks.run(self, load, on_done=show)

    def open_training(self, training_id: int | None) -> None:
        service = self._training

        def load() -> tuple[Any, ...]:
            detail = service.detail(training_id) if training_id is not None else None
            return detail, service.workers()

        def show(loaded: tuple[Any, ...]) -> None:
            from app.ui.staff.dialogs import TrainingDialog

            detail, workers = loaded
            self._show(
                TrainingDialog(
                    service=service, tasks=self._tasks, workers=workers, today=self.today,
                    detail=detail, parent=self,
                )
            )  # fmt: skip

        self._tasks.run(self, load, on_done=show)

    def _show(self, dialog: SupervisionDialog | TrainingDialog) -> None:
        self.dialog = dialog
        keep_open(dialog)
        dialog.open()


def _assessment_page(*, assessments: AssessmentService, tasks: TaskRunner) -> QWidget:
    # Its modules (the print preview's among them) load with the tab.
    from app.ui.assessment import page

    return page.AssessmentPage(assessments=assessments, tasks=tasks)


def _supervision_cell(row: SupervisionRow, column: int) -> str:
    cells = (
        row.held_on.isoformat(),
        row.supervisor,
        row.form,
        decimal_text(row.hours),
        row.supervisees,
        str(row.cases) if row.cases else "",
        row.topics,
    )
    return cells[column]


def _training_cell(row: TrainingRow, column: int) -> str:
    cells = (
        row.held_on.isoformat(),
        row.title,
        row.organiser,
        decimal_text(row.hours),
        str(row.participants),
        str(row.certificates),
    )
    return cells[column]
