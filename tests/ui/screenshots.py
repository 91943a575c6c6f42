"""Screenshots of every page, tab and the lock screen on a fresh demo station, to look at.

    python -m tests.ui.screenshots --out shots --size 1093x580

Under Xvfb at a laptop's scaling, as a user would see it:

    Xvfb :99 -screen 0 1366x768x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR=1.25 python -m tests.ui.screenshots

It prints each view's minimum size next to the room the window gives it, so a page that
asks for more than a small screen has shows up in the list as well as in the pictures.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSize, QTimer
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget


def pause(ms: int) -> None:
    """Let background loads arrive (a timed wait is fine here: nothing is asserted)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("shots"))
    parser.add_argument("--size", default="1093x580", help="the window's size, WxH")
    args = parser.parse_args()
    width, height = (int(part) for part in args.size.split("x"))
    folder = Path(tempfile.mkdtemp(prefix="stationdesk-shots-"))
    os.environ["STATIONDESK_DATA"] = str(folder)  # no trace in the user's own data

    from app import resources
    from app.demo.builder import create_demo_database
    from app.services.access.auth import AuthService
    from app.store.engine import Database
    from app.ui.app import use_cjk_font
    from app.ui.i18n import install_translations
    from app.ui.main_window import PAGES, MainWindow
    from app.ui.screen_fit import ScreenFit
    from app.ui.tasks import TaskRunner
    from app.ui.widgets.list_page import ListPage

    qt_app = QApplication(sys.argv[:1])
    install_translations(qt_app)
    use_cjk_font(qt_app)
    qt_app.setStyleSheet(resources.stylesheet().read_text(encoding="utf-8"))
    qt_app.installEventFilter(ScreenFit(qt_app))
    db = Database.open(folder / "demo.sqlite3")
    demo = create_demo_database(db)
    actor = AuthService(db).login(login=demo.admin_login, password=demo.admin_password)
    tasks = TaskRunner()
    window = MainWindow(db=db, actor=actor, tasks=tasks, idle_ms=24 * 3_600_000)
    window.show()
    window.resize(QSize(width, height))
    pause(1500)
    args.out.mkdir(parents=True, exist_ok=True)
    screen = qt_app.primaryScreen()
    print(f"screen {screen.availableGeometry().size().toTuple()} at {screen.devicePixelRatio()}")
    print(f"window {window.size().toTuple()}, its minimum {window.minimumSizeHint().toTuple()}")

    def shoot(name: str, page: QWidget) -> None:
        hint, room = page.minimumSizeHint(), window.stack.size()
        over = hint.width() > room.width() or hint.height() > room.height()
        print(f"{name:32} needs {hint.toTuple()} of {room.toTuple()}{'  TOO BIG' if over else ''}")
        window.grab().save(str(args.out / f"{name.replace('/', '_')}.png"))

    for index, key in enumerate(PAGES):
        window.nav.setCurrentRow(index)
        pause(600)
        page = window.page(key)
        if isinstance(page, ListPage) and page.model.rowCount():
            page.table.selectRow(0)
            pause(600)
        shoot(f"{index:02d}_{key}", page)
        for tabs in page.findChildren(QTabWidget):
            if tabs.isVisibleTo(page):
                for tab in range(1, tabs.count()):
                    tabs.setCurrentIndex(tab)
                    pause(400)
                    shoot(f"{index:02d}_{key}/{tab:02d}", page)
                tabs.setCurrentIndex(0)
    window.idle_lock.lock()
    pause(300)
    shoot("20_locked", window.stack)
    tasks.wait()
    print(f"pictures in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
