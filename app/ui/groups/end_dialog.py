"""小组评估与结束: the scale, pre/post scores and satisfaction per member, the summary."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.services.groups.service import GroupService
from app.services.groups.types import EndInput, GroupDetail, MemberScore
from app.ui.cases.fields import date_edit, pydate, qdate, text_box
from app.ui.groups.form_dialog import GroupFormDialog, SaveCall
from app.ui.tasks import TaskRunner


def _score(value: Decimal | None) -> str:
    return "" if value is None else f"{value:g}"


class ScoreTable(QTableWidget):
    """One row per member: pre-test, post-test, satisfaction (1–5)."""

    NAME, PRE, POST, SATISFACTION = range(4)

    def __init__(self, parent: QWidget, detail: GroupDetail) -> None:
        super().__init__(0, 4, parent)
        self.setObjectName("scoreTable")
        self.setHorizontalHeaderLabels(
            [self.tr("Member"), self.tr("Pre-test"), self.tr("Post-test"), self.tr("Satisfaction")]
        )
        self.verticalHeader().hide()
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self._members: list[int] = []
        for member in detail.members:
            row = self.rowCount()
            self.insertRow(row)
            self._members.append(member.id)
            item = QTableWidgetItem(member.name)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.setItem(row, self.NAME, item)
            self.setCellWidget(row, self.PRE, QLineEdit(_score(member.pre_score), self))
            self.setCellWidget(row, self.POST, QLineEdit(_score(member.post_score), self))
            combo = QComboBox(self)
            combo.addItem("", None)
            for n in range(5, 0, -1):
                combo.addItem(str(n), n)
            combo.setCurrentIndex(max(combo.findData(member.satisfaction), 0))
            self.setCellWidget(row, self.SATISFACTION, combo)
        self.setFixedHeight(self.horizontalHeader().height() + min(len(self._members), 6) * 32 + 6)

    def _number(self, row: int, column: int) -> Decimal | None:
        edit = self.cellWidget(row, column)
        assert isinstance(edit, QLineEdit)
        raw = edit.text().strip()
        if not raw:
            return None
        try:
            return Decimal(raw)
        except InvalidOperation:
            raise ValueError(raw) from None

    def scores(self) -> tuple[MemberScore, ...]:
        """The scores typed; ValueError names a score that is not a number."""
        result = []
        for row, member_id in enumerate(self._members):
            combo = self.cellWidget(row, self.SATISFACTION)
            assert isinstance(combo, QComboBox)
            result.append(
                MemberScore(
                    member_id,
                    self._number(row, self.PRE),
                    self._number(row, self.POST),
                    combo.currentData(),
                )
            )
        return tuple(result)


class EndDialog(GroupFormDialog):
    def __init__(
        self,
        *,
        groups: GroupService,
        tasks: TaskRunner,
        detail: GroupDetail,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title=self.tr("Evaluate and end the group"), tasks=tasks, parent=parent)
        self._groups = groups
        self._detail = detail
        self.ended_on = date_edit(self, groups.today)
        if detail.end_date is not None and detail.status == "ended":
            self.ended_on.setDate(qdate(detail.end_date))
        self.scale = QLineEdit(detail.scale_name, self)
        self.scale.setMaxLength(64)
        self.scale.setPlaceholderText(self.tr("e.g. Social Support Rating Scale"))
        self.scores = ScoreTable(self, detail)
        self.satisfaction = QDoubleSpinBox(self)
        self.satisfaction.setRange(0, 5)
        self.satisfaction.setDecimals(2)
        self.satisfaction.setSingleStep(0.1)
        self.satisfaction.setSpecialValueText(self.tr("Not rated"))
        self.satisfaction.setValue(float(detail.satisfaction or 0))
        self.attainment = text_box(self, 56)
        self.attainment.setPlainText(detail.goal_attainment)
        self.summary = text_box(self, 80)
        self.summary.setPlainText(detail.summary)
        self.add_row(self.tr("End date"), self.ended_on, "ended_on")
        self.add_row(self.tr("Scale used"), self.scale, "scale_name")
        self.add_row(self.tr("Scores"), self.scores, "scores")
        self.add_row(self.tr("Overall satisfaction (1–5)"), self.satisfaction, "satisfaction")
        self.add_row(self.tr("Goal attainment"), self.attainment)
        self.add_row(self.tr("Summary"), self.summary)
        self.save_button.setText(self.tr("End the group"))
        self.resize(680, 600)

    def call(self) -> SaveCall | None:
        try:
            scores = self.scores.scores()
        except ValueError as bad:
            self.error.set_error(self.tr("“{value}” is not a score.").format(value=bad.args[0]))
            return None
        overall = self.satisfaction.value()
        data = EndInput(
            ended_on=pydate(self.ended_on.date()),
            scale_name=self.scale.text(),
            scores=scores,
            satisfaction=Decimal(f"{overall:.2f}") if overall else None,
            goal_attainment=self.attainment.toPlainText(),
            summary=self.summary.toPlainText(),
        )
        groups, group_id, version = self._groups, self._detail.id, self._detail.version
        return lambda: groups.end(group_id, version=version, data=data)
