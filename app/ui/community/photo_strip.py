"""The photos of an activity as thumbnails, read and scaled off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QImage, QImageReader, QPixmap
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QWidget

from app.services.community.photos import ActivityPhotoService
from app.services.community.types import PhotoView
from app.ui.tasks import TaskRunner

THUMB = QSize(160, 120)


def read_thumbnail(path: Path) -> QImage:
    """A scaled copy for the strip; a null image when the file is missing or damaged.

    QImage (unlike QPixmap) may be made on the worker thread.
    """
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid():
        reader.setScaledSize(size.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio))
    return reader.read()


class PhotoStrip(QListWidget):
    """One item per photo (caption below); thumbnails arrive after the list is shown."""

    def __init__(
        self, *, photos: ActivityPhotoService, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("activityPhotos")
        self._photos = photos
        self._tasks = tasks
        self._generation = 0
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(THUMB)
        self.setGridSize(QSize(THUMB.width() + 16, THUMB.height() + 36))
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setWordWrap(True)
        self.setFixedHeight(THUMB.height() + 60)

    def show_photos(self, photos: tuple[PhotoView, ...]) -> None:
        self._generation += 1
        generation = self._generation
        self.clear()
        for photo in photos:
            item = QListWidgetItem(photo.caption or self.tr("(no caption)"), self)
            item.setData(Qt.ItemDataRole.UserRole, photo)
            item.setToolTip(photo.caption)
        paths = [self._photos.path_of(p.file_name) for p in photos]
        if not paths:
            return
        self._tasks.run(
            self,
            lambda: [read_thumbnail(path) for path in paths],
            on_done=lambda images: self._arrived(generation, images),
        )

    def current_photo(self) -> PhotoView | None:
        item = self.currentItem()
        photo = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return photo if isinstance(photo, PhotoView) else None

    def _arrived(self, generation: int, images: list[QImage]) -> None:
        if generation != self._generation:
            return
        for row, image in enumerate(images):
            item = self.item(row)
            if item is None:
                continue
            if image.isNull():
                item.setText(self.tr("File missing: {caption}").format(caption=item.text()))
            else:
                item.setIcon(QIcon(QPixmap.fromImage(image)))
