"""What the activity panel's buttons do: edit, delete, photos and the printed record."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox, QWidget

from app.services.clients.service import ClientService
from app.services.community.photos import MAX_BYTES, ActivityPhotoService
from app.services.community.printing import ActivityPrintService
from app.services.community.service import ActivityService
from app.services.community.types import ActivityDetail, PhotosAdded, PhotoView
from app.ui.clients.choices import ClientChoices
from app.ui.clients.prompts import tell
from app.ui.dialogs import confirm, keep_open
from app.ui.print_preview import PrintPreview
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.ui.community.form import ActivityDialog

IMAGE_FILTER = "*.jpg *.jpeg *.png *.gif *.bmp *.webp"


class ActivityActions(QObject):
    """Opens the dialogs and runs the calls; the page refreshes from the change bus."""

    saved = Signal(int)  # the id of the activity saved
    reload_requested = Signal()

    def __init__(
        self,
        *,
        activities: ActivityService,
        photos: ActivityPhotoService,
        printing: ActivityPrintService,
        clients: ClientService,
        tasks: TaskRunner,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._activities = activities
        self._photos = photos
        self._printing = printing
        self._clients = clients
        self._tasks = tasks
        self._parent = parent
        self.dialog: QDialog | None = None
        """The dialog opened last (tests reach it here)."""
        self.preview = PrintPreview(
            tasks=tasks,
            parent=parent,
            saved_text=self.tr("The activity record was saved to {path}. Open it now?"),
        )

    def open(self, key: str, detail: ActivityDetail, choices: ClientChoices) -> None:
        if key == "edit":
            self.edit(detail, choices)
        elif key == "delete":
            self.ask_delete(detail)
        elif key == "add_photos":
            self.choose_photos(detail)
        elif key == "print":
            self.print_record(detail)

    def open_photo(self, key: str, detail: ActivityDetail, photo: PhotoView) -> None:
        if key == "caption":
            self.ask_caption(photo)
        elif key == "remove_photo":
            self.ask_remove(detail, photo)

    # ---- recording and editing --------------------------------------------------------

    def new(self, choices: ClientChoices) -> ActivityDialog:
        return self._show_form(None, choices)

    def edit(self, detail: ActivityDetail, choices: ClientChoices) -> ActivityDialog:
        return self._show_form(detail, choices)

    def _show_form(self, detail: ActivityDetail | None, choices: ClientChoices) -> ActivityDialog:
        from app.ui.community.form import ActivityDialog

        dialog = ActivityDialog(
            activities=self._activities, clients=self._clients, tasks=self._tasks,
            choices=choices, detail=detail, parent=self._parent,
        )  # fmt: skip
        dialog.saved.connect(lambda saved: self.saved.emit(saved.activity_id))
        dialog.reload_requested.connect(self.reload_requested)
        self.dialog = dialog
        keep_open(dialog)
        dialog.open()
        return dialog

    def ask_delete(self, detail: ActivityDetail) -> QMessageBox:
        text = self.tr(
            "Delete the activity “{title}” of {day}? Its photos and registered participants "
            "are removed with it. This cannot be undone."
        ).format(title=detail.title, day=detail.held_on.isoformat())
        return confirm(self._parent, text, lambda: self.delete(detail))

    def delete(self, detail: ActivityDetail) -> None:
        activities = self._activities
        self._tasks.run(self, lambda: activities.delete(detail.id, version=detail.version))

    # ---- photos ------------------------------------------------------------------------

    def choose_photos(self, detail: ActivityDetail) -> QFileDialog:
        dialog = QFileDialog(self._parent, self.tr("Add photos"), str(Path.home()))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilter(self.tr("Pictures ({patterns})").format(patterns=IMAGE_FILTER))
        dialog.filesSelected.connect(
            lambda files: self.add_photos(detail, [Path(f) for f in files])
        )
        self.dialog = dialog
        keep_open(dialog)
        dialog.open()
        return dialog

    def add_photos(self, detail: ActivityDetail, files: list[Path]) -> None:
        photos = self._photos
        self._tasks.run_with_progress(
            self,
            lambda _progress, _cancelled: photos.add_many(detail.id, files),
            label=self.tr("Copying photos…"),
            on_done=self._photos_added,
        )

    def _photos_added(self, result: PhotosAdded) -> None:
        if result.refused:
            limit = MAX_BYTES // (1024 * 1024)
            tell(
                self._parent,
                self.tr("%n photo(s) added.", "", len(result.photo_ids))
                + "\n\n"
                + "\n".join(result.refused)
                + "\n\n"
                + self.tr("Photos must be JPG, PNG, GIF, BMP or WEBP, at most {mb} MB.").format(
                    mb=limit
                ),
                QMessageBox.Icon.Warning,
            )

    def ask_caption(self, photo: PhotoView) -> QInputDialog:
        dialog = QInputDialog(self._parent)
        dialog.setWindowTitle(self.tr("Photo caption"))
        dialog.setLabelText(self.tr("Caption (what the photo shows, without names):"))
        dialog.setTextValue(photo.caption)
        photos = self._photos
        dialog.textValueSelected.connect(
            lambda text: self._tasks.run(
                self, lambda: photos.set_caption(photo.id, version=photo.version, caption=text)
            )
        )
        self.dialog = dialog
        keep_open(dialog)
        dialog.open()
        return dialog

    def ask_remove(self, detail: ActivityDetail, photo: PhotoView) -> QMessageBox:
        photos = self._photos
        return confirm(
            self._parent,
            self.tr("Remove this photo from the activity? The copied file is deleted."),
            lambda: self._tasks.run(self, lambda: photos.remove(photo.id, version=photo.version)),
        )

    # ---- printing ----------------------------------------------------------------------

    def print_record(self, detail: ActivityDetail) -> None:
        printing, activity_id = self._printing, detail.id
        self.preview.start(
            lambda path: printing.record_pdf(activity_id, path),
            file_name=f"社区活动记录_{detail.held_on.isoformat()}.pdf",
        )
