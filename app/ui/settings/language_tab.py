"""The interface language: Chinese (the default) or English, from the next start."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QRadioButton, QVBoxLayout, QWidget

from app.services.context import Changes
from app.services.settings.stations import SettingsService
from app.ui.i18n import CHINESE, ENGLISH, LANGUAGE_KEY
from app.ui.tasks import TaskRunner


class LanguageTab(QWidget):
    """Stored for the whole database, so every user on this computer sees the same language."""

    def __init__(
        self, *, settings: SettingsService, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._tasks = tasks
        # Each language is named in itself, so a user can find theirs whatever is shown now.
        self.chinese = QRadioButton("中文")
        self.english = QRadioButton("English")
        self.chinese.setChecked(True)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        self.notice = QLabel(self.tr("The new language is used the next time Station Desk starts."))
        self.notice.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Language of the program")))
        layout.addWidget(self.chinese)
        layout.addWidget(self.english)
        layout.addWidget(self.save_button)
        layout.addWidget(self.notice)
        layout.addStretch(1)
        self.reload()

    def reload(self) -> None:
        settings = self._settings
        self._tasks.run(self, lambda: settings.get(LANGUAGE_KEY, CHINESE), on_done=self._show)

    def _show(self, language: str) -> None:
        (self.english if language == ENGLISH else self.chinese).setChecked(True)

    def chosen(self) -> str:
        return ENGLISH if self.english.isChecked() else CHINESE

    def save(self) -> None:
        settings, language = self._settings, self.chosen()
        self.save_button.setEnabled(False)

        def saved(_changes: Changes) -> None:
            self.notice.setText(
                self.tr("Saved. The new language is used the next time Station Desk starts.")
            )

        self._tasks.run(
            self,
            lambda: settings.set(LANGUAGE_KEY, language),
            on_done=saved,
            on_finally=lambda: self.save_button.setEnabled(True),
        )
