"""The 报表 page's month close (月结) line: "已月结：日期 姓名", the corrections since, and
for the station head 月结… / 重新月结… and 查看差异….
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.services.context import Changes
from app.services.reports.closing import MonthCloseService
from app.services.reports.closing_types import MonthDiff, MonthStatus
from app.ui.dialogs import confirm, keep_open
from app.ui.tasks import TaskRunner


class MonthCloseBar(QWidget):
    """Shows the close status of one station's month; empty when none is shown."""

    def __init__(
        self, *, months: MonthCloseService, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._months = months
        self._tasks = tasks
        self._shown: tuple[dt.date, int] | None = None
        self.status: MonthStatus | None = None
        self.banner = QLabel(self)
        self.banner.setObjectName("closedBanner")
        self.banner.setStyleSheet("font-weight: bold; color: #1f6f43")
        self.corrected = QLabel(self)
        self.corrected.setStyleSheet("color: #a15c00")
        self.diff_button = QPushButton(self.tr("View differences…"), self)
        self.close_button = QPushButton(self.tr("Close month…"), self)
        self.close_button.setToolTip(
            self.tr("Store the month's figures as they are now (月结); they stay as signed.")
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.banner, self.corrected, self.diff_button, self.close_button):
            widget.setVisible(False)
            layout.addWidget(widget)
        layout.addStretch(1)
        self.close_button.clicked.connect(self.close_month)
        self.diff_button.clicked.connect(self.show_diff)
        tasks.bus.changed.connect(self._changed)

    def show_month(self, month: dt.date | None, station_id: int | None) -> None:
        """Show `month` of the station (None: no single station's month is shown)."""
        self._shown = (month, station_id) if month is not None and station_id is not None else None
        self._show(None)
        shown, months = self._shown, self._months
        if shown is not None:
            self._tasks.run(self, lambda: months.status(*shown), on_done=self._show)

    def _changed(self, changes: Changes) -> None:
        # A correction may come from any page; the status costs a few small queries.
        if self._shown is not None and not changes.touches("month_close"):
            shown, months = self._shown, self._months
            self._tasks.run(self, lambda: months.status(*shown), on_done=self._show)

    def _show(self, status: MonthStatus | None) -> None:
        if status is not None and self._shown != (status.month, status.station_id):
            return  # the answer for a month no longer shown
        self.status = status
        closed = status.closed if status is not None else None
        self.banner.setVisible(closed is not None)
        if closed is not None:
            self.banner.setText(
                self.tr("Closed: %1 %2")
                .replace("%1", f"{closed.closed_at:%Y-%m-%d}")
                .replace("%2", closed.closed_by)
            )
        count = status.corrections if status is not None else 0
        self.corrected.setVisible(count > 0)
        self.corrected.setText(self.tr("Corrected since closing (%1)").replace("%1", str(count)))
        self.diff_button.setVisible(count > 0 and self._months.may_close)
        self.close_button.setVisible(status is not None and status.closable)
        self.close_button.setText(
            self.tr("Close again…") if closed is not None else self.tr("Close month…")
        )

    def close_month(self) -> None:
        if self._shown is None:
            return
        (month, station), months = self._shown, self._months
        again = self.status is not None and self.status.is_closed
        question = (
            self.tr(
                "Close %1 again? Its figures are stored anew as they are now; "
                "the earlier closing is kept."
            )
            if again
            else self.tr(
                "Close %1? Its figures are stored as they are now and its report keeps "
                "them; later changes to records of this month will need a reason."
            )
        ).replace("%1", f"{month:%Y-%m}")

        def close() -> None:
            self._tasks.run(
                self, lambda: months.close(month, station_id=station), on_done=self._show
            )

        confirm(self, question, close)

    def show_diff(self) -> None:
        if self._shown is not None:
            shown, months = self._shown, self._months
            self._tasks.run(self, lambda: months.diff(*shown), on_done=self._open_diff)

    def _open_diff(self, diff: MonthDiff) -> None:
        from app.ui.reports.month_diff_dialog import MonthDiffDialog

        reclose = self.close_month if self._months.may_close else None
        dialog = MonthDiffDialog(diff, on_reclose=reclose, parent=self)
        keep_open(dialog)
        dialog.open()
