"""`make screenshots`: every page of the main window and the main dialogs, as PNG files.

Builds a demo station in a temporary folder, signs in as its administrator and saves
./screenshots/<screen>/*.png for each screen below: the eleven pages, a record open on each
list page, and the dialogs that open without writing anything (new client, intake, group
plan, activity, visit, supervision, training, volunteer, import, export, password, about,
the user guide), plus the set-up wizard and the login. Each screen runs in its own
process on Qt's offscreen platform, configured as a monitor of that size, so a window
that does not fit shows as larger than the screen. Nothing here asserts: look at them.

    python -m tests.screenshots [--out screenshots] [--screen 1280x720 ...]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from app.demo.builder import create_demo_database
from app.services.access.auth import AuthService
from app.store.engine import Database
from app.ui import garbage
from app.ui.app import use_cjk_font
from app.ui.i18n import install_translations
from app.ui.main_window import MainWindow
from app.ui.tasks import TaskRunner
from tests.screenshot_scenes import Camera, shoot_everything

# name: (width, height, device pixel ratio). 1366×768 at 125 % is a common school laptop.
SCREENS = {
    "1366x768": (1366, 768, 1.0),
    "1280x720": (1280, 720, 1.0),
    "1366x768-125": (1366, 768, 1.25),
}
PASSWORD_VAR = "STATIONDESK_SCREENSHOT_PASSWORD"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    parser.add_argument("--screen", action="append", choices=sorted(SCREENS))
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)  # a child process
    args = parser.parse_args(argv)
    if args.db is not None:
        return shoot(args.db, args.out, args.screen[0])
    with tempfile.TemporaryDirectory(prefix="stationdesk-shots-") as folder:
        tmp = Path(folder)
        login, password = build_demo(tmp / "demo.sqlite3")
        for name in args.screen or list(SCREENS):
            width, height, ratio = SCREENS[name]
            config = tmp / f"{name}.json"
            config.write_text(json.dumps(_screen_config(width, height, ratio)))
            env = {
                **os.environ,
                "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
                "STATIONDESK_DATA": str(tmp / "data"),
                PASSWORD_VAR: f"{login}\n{password}",
            }
            command = [sys.executable, "-m", "tests.screenshots", "--db", str(tmp / "demo.sqlite3")]
            command += ["--out", str(args.out), "--screen", name]
            done = subprocess.run(command, env=env, check=False)
            if done.returncode:
                return done.returncode
    print(f"screenshots in {args.out.resolve()}")
    return 0


def _screen_config(width: int, height: int, ratio: float) -> dict[str, object]:
    # The offscreen screen is given in logical pixels: 1366×768 at 125 % is 1093×614.
    width, height = round(width / ratio), round(height / ratio)
    screen = {"name": "screen", "x": 0, "y": 0, "width": width, "height": height}
    screen |= {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": ratio}
    return {"windowFrameMargins": False, "screens": [screen]}


def build_demo(path: Path) -> tuple[str, str]:
    """The small demo station (a few seconds); its administrator's login and password."""
    db = Database.open(path)
    try:
        made = create_demo_database(db)
    finally:
        db.dispose()
    return made.admin_login, made.admin_password


def shoot(path: Path, out: Path, screen: str) -> int:
    """In the child process: sign in on the demo and save every picture of one screen."""
    qInstallMessageHandler(_quiet)
    qt_app = QApplication(sys.argv[:1])
    garbage.install(qt_app)
    install_translations(qt_app)
    use_cjk_font(qt_app)
    login, password = os.environ[PASSWORD_VAR].split("\n")
    db = Database.open(path)
    tasks = TaskRunner()
    camera = Camera(out / screen, tasks)
    try:
        actor = AuthService(db).login(login=login, password=password)
        window = MainWindow(db=db, actor=actor, tasks=tasks)
        available = window.screen().availableGeometry()
        window.resize(available.size())
        window.move(available.topLeft())
        window.show()
        camera.settle()
        size, least = window.size(), window.minimumSizeHint().expandedTo(window.minimumSize())
        print(
            f"{screen}: screen {available.width()}×{available.height()}, window "
            f"{size.width()}×{size.height()} (needs at least {least.width()}×{least.height()})"
        )
        shoot_everything(window, camera, db)
        window.close()
        camera.settle()
    finally:
        tasks.wait()
        tasks.shutdown()
        db.dispose()
    print(f"{screen}: {camera.count} pictures in {camera.folder}")
    return 0


def _quiet(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    # The offscreen platform says this for every dialog; it is not the app's warning.
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
