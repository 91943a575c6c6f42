"""Start, exit, backup and check on a county database, each beside its floor in the same run.

    python -m tests.bench_start path/to/county.sqlite3 [--code DIR] [--start-only]

The database is copied to a temporary folder first (the given file is only read), the
copy's `admin` gets a known password (the demo's are random), and every figure comes
from a fresh process: the window is driven by this same file run as a script
(`--drive`), which finds the login dialog, signs in, waits for the dashboard's data and
closes the window, timing each step. `--code DIR` measures another checkout's app
(main's, say) with this bench, for a before-and-after table. The data folder is new, so
the run is a first start of the day: no backup yet, the weekly check due.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "Bench-start-2026"
USER = "admin"
TIMEOUT_S = 600
CHECK_RUNS = 3


# ---- run in the driven process (`--drive`) ----------------------------------------------


def _rss_mb() -> tuple[float, float]:
    """(current, peak) resident memory of this process, from /proc (Linux)."""
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        fields[key] = value.strip()
    return (int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024)


class _Steps(logging.Handler):
    """The start's steps the app notes (app/ui/opening.py `mark`), with their times."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.seen: list[tuple[str, float]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.seen.append((str(getattr(record, "step", record.getMessage())), record.created))


def drive(database: str, every_page: bool, typed: bool = False) -> int:
    """Start the app as `stationdesk --db` would, sign in, wait for data, report, quit."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    qt = QApplication(sys.argv[:1])
    marks: dict[str, float] = {}
    state: dict[str, object] = {}
    steps = _Steps()
    noted = logging.getLogger("app.start")
    noted.setLevel(logging.DEBUG)
    noted.addHandler(steps)
    noted.propagate = False

    class Painted(QObject):
        """The first paint of the key figures (hidden until they come), if before the
        rest of the data: the top of the page on screen."""

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and "painted" not in marks:
                marks["painted"] = time.time()
            return False

    painted = Painted()

    def report_and_close(window: object) -> None:
        # Not waiting for a paint still to come: the exit is timed from the data.
        marks["rss"], marks["peak"] = _rss_mb()
        marks["close"] = time.time()
        print("MARKS " + json.dumps(marks), flush=True)
        print("STEPS " + json.dumps(steps.seen), flush=True)
        window.close()  # type: ignore[attr-defined]

    def next_page(window: object) -> None:
        pages = state.setdefault("pages", list(range(window.stack.count())))  # type: ignore[attr-defined]
        assert isinstance(pages, list)
        tasks = window.tasks  # type: ignore[attr-defined]
        if tasks._jobs:
            QTimer.singleShot(20, lambda: next_page(window))
            return
        # The page shown last has its data: what it added to the resident memory.
        marks[f"page {window.current_key()}"] = _rss_mb()[0]  # type: ignore[attr-defined]
        if not pages:
            report_and_close(window)
            return
        window.nav.setCurrentRow(pages.pop(0))  # type: ignore[attr-defined]
        QTimer.singleShot(50, lambda: next_page(window))

    def data_shown(window: object) -> None:
        if "data" in marks:
            return
        marks["data"] = time.time()
        if every_page:
            next_page(window)
        else:
            report_and_close(window)

    def poll() -> None:
        for widget in qt.topLevelWidgets():
            kind = type(widget).__name__
            if kind == "LoginDialog" and widget.isVisible() and "login_window" not in marks:
                marks["login_window"] = time.time()
            if kind == "LoginDialog" and widget.isVisible() and "login_click" not in marks:
                # Typed: the user signs in once the database and the window's code are
                # loaded (their thread has ended), as one typing a password would.
                if typed and any(t.name == "stationdesk-open" for t in threading.enumerate()):
                    continue
                widget.login.setText(USER)  # type: ignore[attr-defined]
                widget.password.setText(PASSWORD)  # type: ignore[attr-defined]
                marks["login_click"] = time.time()
                widget.submit()  # type: ignore[attr-defined]
            elif kind == "MainWindow" and widget.isVisible() and "window" not in marks:
                marks["window"] = time.time()
                dashboard = widget.page("dashboard")  # type: ignore[attr-defined]
                dashboard.figures.installEventFilter(painted)
                dashboard.refreshed.connect(lambda w=widget: data_shown(w))
                state["dashboard"] = (widget, dashboard)
        shown = state.get("dashboard")
        if isinstance(shown, tuple) and "data" not in marks:
            window, dashboard = shown
            if dashboard.charts is not None and not dashboard.loading:
                data_shown(window)

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(5)
    qt.aboutToQuit.connect(lambda: print("MARKS " + json.dumps({"quit": time.time()}), flush=True))
    from app.cli import main as stationdesk

    code = stationdesk(["--db", database])
    print("MARKS " + json.dumps({"returned": time.time()}), flush=True)
    return code


def bare_window() -> int:
    """The floor of the launch: a bare PySide6 window, shown."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    qt = QApplication(sys.argv[:1])
    window = QWidget()
    window.resize(400, 300)
    window.show()

    def shown() -> None:
        if window.isVisible() and window.windowHandle() and window.windowHandle().isExposed():
            rss, _peak = _rss_mb()
            print("MARKS " + json.dumps({"shown": time.time(), "rss": rss}), flush=True)
            qt.quit()
        else:
            QTimer.singleShot(2, shown)

    QTimer.singleShot(0, shown)
    return qt.exec()


# ---- the parent: set up, run, tabulate --------------------------------------------------


def _env(code: Path, data: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(code),
        "QT_QPA_PLATFORM": "offscreen",
        "STATIONDESK_DATA": str(data),
    }


def _run(args: list[str], env: dict[str, str]) -> tuple[float, str]:
    """Wall time of a fresh process (spawn to exit) and its output."""
    start = time.time()
    # Not from this checkout's folder: `python -c` would import its app, not `--code`'s.
    done = subprocess.run(
        args, env=env, capture_output=True, text=True, timeout=TIMEOUT_S, check=False,
        cwd=tempfile.gettempdir(),
    )  # fmt: skip
    elapsed = time.time() - start
    if done.returncode not in (0,):
        sys.stderr.write(done.stderr[-3000:])
        raise SystemExit(f"failed ({done.returncode}): {' '.join(args[:4])}")
    return elapsed, done.stdout


def _marks(out: str) -> dict[str, float]:
    found: dict[str, float] = {}
    for line in out.splitlines():
        if line.startswith("MARKS "):
            found.update(json.loads(line[6:]))
        elif line.startswith("STEPS "):
            for step, at in json.loads(line[6:]):
                found.setdefault(f"step: {step}", at)
    return found


def _steps(marks: dict[str, float], start: str = "first start") -> str:
    """A start's steps after the login click, in the order they happened."""
    click = marks["login_click"]
    noted = {name[6:]: at for name, at in marks.items() if name.startswith("step: ")}
    noted["first page data (bench)"] = marks["data"]
    if "painted" in marks:
        noted["key figures painted (bench)"] = marks["painted"]
    lines = ["", f"{start}, after the login click (s):"]
    for name, at in sorted(noted.items(), key=lambda item: item[1]):
        lines.append(f"  {at - click:+7.3f}  {name}")
    return "\n".join(lines)


def _python(code: str, env: dict[str, str]) -> str:
    return _run([sys.executable, "-c", code], env)[1]


def _set_password(copy: Path, env: dict[str, str]) -> None:
    hashed = _python(
        "from app.services.access.passwords import hash_password\n"
        f"print(hash_password({PASSWORD!r}))",
        env,
    ).strip()
    conn = sqlite3.connect(copy)
    try:
        conn.execute(
            "UPDATE users SET password_hash = ?, must_change_password = 0, failed_logins = 0,"
            " locked_until = NULL WHERE login = ?",
            (hashed, USER),
        )
        conn.commit()
    finally:
        conn.close()


def _upgrade(copy: Path, env: dict[str, str]) -> None:
    """Bring the copy to the app's newest schema first: a start must not time a migration."""
    _python(
        "from app.store.engine import Database\n"
        "from app.services.settings.setup import SetupService\n"
        f"db = Database.open({str(copy)!r})\nSetupService(db).prepare()\ndb.dispose()",
        env,
    )
    for left in copy.parent.glob(f"{copy.name}.before-*"):
        left.unlink()


def _gui(
    copy: Path, env: dict[str, str], *, every_page: bool, typed: bool = False
) -> dict[str, float]:
    args = [sys.executable, str(Path(__file__).resolve()), "--drive", str(copy)]
    if every_page:
        args.append("--every-page")
    if typed:
        args.append("--typed")
    start = time.time()
    _elapsed, out = _run(args, env)
    marks = _marks(out)
    marks["start"], marks["end"] = start, time.time()
    return marks


def _import_app(env: dict[str, str]) -> tuple[float, float]:
    out = _python(
        "import time, resource\nt = time.perf_counter()\n"
        "import app.ui, app.ui.app, app.ui.main_window\n"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)",
        env,
    )
    seconds, rss = out.split()
    return float(seconds), float(rss)


def _import_floor(env: dict[str, str]) -> tuple[float, float]:
    out = _python(
        "import time, resource\nt = time.perf_counter()\n"
        "import PySide6.QtWidgets, sqlalchemy.orm, argon2, stdnum\n"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)",
        env,
    )
    seconds, rss = out.split()
    return float(seconds), float(rss)


def _backup(copy: Path, folder: Path, env: dict[str, str]) -> float:
    out = _python(
        "import time\nfrom pathlib import Path\n"
        "from app.store.engine import Database\n"
        "from app.services.backup.service import BackupService\n"
        "from app.services.backup.types import BackupReason\n"
        f"db = Database.open({str(copy)!r})\n"
        f"service = BackupService(db, folder=Path({str(folder)!r}))\n"
        "t = time.perf_counter()\nservice.backup_now(reason=BackupReason.DAILY)\n"
        "print(time.perf_counter() - t)\ndb.dispose()",
        env,
    )
    return float(out.split()[-1])


def _backup_floor(copy: Path, target: Path) -> float:
    start = time.perf_counter()
    if shutil.which("sqlite3"):
        subprocess.run(["sqlite3", str(copy), f".backup '{target}'"], check=True)
        subprocess.run(["sqlite3", str(target), "PRAGMA quick_check"], check=True,
                       capture_output=True)  # fmt: skip
    else:
        src, dst = sqlite3.connect(copy), sqlite3.connect(target)
        src.backup(dst)
        dst.execute("PRAGMA quick_check").fetchall()
        src.close()
        dst.close()
    elapsed = time.perf_counter() - start
    target.unlink()
    return elapsed


def _check(copy: Path, env: dict[str, str]) -> float:
    """`stationdesk check` on `copy`, from the process's start to its end."""
    elapsed, _ = _run(
        [sys.executable, "-c", "import sys\nfrom app.cli import main\n"
         f"sys.exit(main(['check', '--db', {str(copy)!r}]))"], env,
    )  # fmt: skip
    return elapsed


def _integrity_floor(copy: Path) -> float:
    start = time.perf_counter()
    conn = sqlite3.connect(f"{copy.resolve().as_uri()}?mode=ro", uri=True)
    conn.execute("PRAGMA integrity_check").fetchall()
    conn.close()
    return time.perf_counter() - start


Row = tuple[str, float, float | None, str, float | None]
"""measure, now, floor, unit, goal (None: no goal of its own)."""


def _table(rows: list[Row]) -> str:
    lines = ["measure | now | floor | ratio | goal | ok", "---|---|---|---|---|---"]
    for name, now, floor, unit, goal in rows:
        ratio = now / floor if floor else None
        if goal is None:
            ok, goal_text = "", ""
        elif goal < 0:  # a ratio goal, e.g. -1.5 means ≤ 1.5× the floor
            ok, goal_text = ("yes" if ratio is not None and ratio <= -goal else "NO"), f"≤ {-goal}×"
        else:
            ok, goal_text = ("yes" if now <= goal else "NO"), f"< {goal:g} {unit}"
        lines.append(
            f"{name} | {now:.2f} {unit} | "
            + (f"{floor:.2f} {unit}" if floor is not None else "—")
            + f" | {f'{ratio:.2f}×' if ratio is not None else '—'} | {goal_text} | {ok}"
        )
    return "\n".join(lines)


def measure(source: Path, code: Path, *, start_only: bool = False) -> str:
    with tempfile.TemporaryDirectory(prefix="bench-start-") as folder:
        work = Path(folder)
        copy = work / "county.sqlite3"
        subprocess.run(["cp", "--reflink=auto", str(source), str(copy)], check=True)
        env = _env(code, work / "data")
        _upgrade(copy, env)
        _set_password(copy, env)
        floor_env = _env(ROOT, work / "floor-data")

        bare = _marks(_run([sys.executable, str(Path(__file__).resolve()), "--bare"], floor_env)[1])
        bare_start = time.time()
        bare = _marks(_run([sys.executable, str(Path(__file__).resolve()), "--bare"], floor_env)[1])
        bare_s = bare["shown"] - bare_start
        first = _gui(copy, env, every_page=False)  # the day's first start (no backup yet)
        again = _gui(copy, env, every_page=False)  # the next start: backup already made?
        typed = _gui(copy, env, every_page=False, typed=True)  # signed in once all loaded
        pages = _gui(copy, env, every_page=True)
        cli_floor, _ = _run([sys.executable, "-c", "import argparse\n"
                             "argparse.ArgumentParser().parse_args([])"], env)  # fmt: skip
        cli_now, _ = _run(
            [sys.executable, "-c", "import sys\nfrom app.cli import main\n"
             "try:\n    main(['--version'])\nexcept SystemExit:\n    pass"], env,
        )  # fmt: skip
        import_now, import_rss = _import_app(env)
        import_floor, floor_rss = _import_floor(env)
        slow: list[Row] = []
        if not start_only:
            backup_floor = _backup_floor(copy, work / "floor-backup.sqlite3")
            backup_now = _backup(copy, work / "backups", env)
            # Each ~14 s, and one run of either varied from 13 to 19 s on this shared
            # machine within an hour: the medians of three runs, taken in turns.
            checks = [(_integrity_floor(copy), _check(copy, env)) for _ in range(CHECK_RUNS)]
            check_floor = statistics.median(floor for floor, _ in checks)
            check_now = statistics.median(now for _, now in checks)
            slow = [
                ("backup (online, verified)", backup_now, backup_floor, "s", -1.5),
                ("stationdesk check", check_now, check_floor, "s", -1.1),
            ]

    rows: list[Row] = [
        ("launch → login window", first["login_window"] - first["start"], bare_s, "s", 0.8),
        # The login → data was timed with everything loaded before the login (the
        # typed start below); a login submitted the moment its window shows waits for
        # SQLAlchemy and the models to import (1.4 s), which nobody typing a password does.
        ("login → first page data, signed in as the login window shows (first start)",
         first["data"] - first["login_click"], None, "s", None),
        ("launch → first page data, typing left out (typed start)",
         typed["data"] - typed["start"] - (typed["login_click"] - typed["login_window"]),
         bare_s, "s", 1.5),
        ("launch → first page data, signed in as the login window shows",
         first["data"] - first["start"] - (first["login_click"] - first["login_window"]),
         bare_s, "s", None),
        ("launch → login window (second start)", again["login_window"] - again["start"],
         bare_s, "s", 0.8),
        ("login → first page data, signed in as the login window shows (second start)",
         again["data"] - again["login_click"], None, "s", None),
        ("login → first page data, typed (signed in once loaded)",
         typed["data"] - typed["login_click"], None, "s", 0.5),
        ("exit (close → process ended), first start", first["end"] - first["close"], None,
         "s", 2.0),
        ("  of which close → event loop ended", first["quit"] - first["close"], None, "s", None),
        ("  of which event loop ended → run_gui returned", first["returned"] - first["quit"],
         None, "s", None),
        ("  of which run_gui returned → process ended", first["end"] - first["returned"],
         None, "s", None),
        ("exit, second start", again["end"] - again["close"], None, "s", 2.0),
        ("exit after opening every page", pages["end"] - pages["close"], None, "s", 2.0),
        ("import app.ui (time)", import_now, import_floor, "s", None),
        ("import app.ui (RSS)", import_rss, floor_rss, "MB", None),
        ("CLI --version", cli_now, cli_floor, "s", 0.3),
        *slow,
        ("GUI RSS, first page", first["rss"], bare["rss"], "MB", 150),
        ("GUI RSS after opening every page", pages["rss"], bare["rss"], "MB", 150),
        ("GUI peak RSS, every page", pages["peak"], bare["rss"], "MB", None),
        *[
            (f"  RSS once {name[5:]} shows its data", rss, bare["rss"], "MB", None)
            for name, rss in pages.items()
            if name.startswith("page ")
        ],
    ]  # fmt: skip
    return _table(rows) + _steps(first) + _steps(typed, "typed start")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database", type=Path)
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout whose app to time")
    parser.add_argument(
        "--start-only", action="store_true", help="start, exit and memory; no backup or check"
    )
    parser.add_argument("--drive", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--every-page", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--typed", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.drive:
        return drive(str(args.database), args.every_page, args.typed)
    print(f"bench_start: {args.database} with the app of {args.code.resolve()}")
    print(measure(args.database, args.code.resolve(), start_only=args.start_only))
    return 0


if __name__ == "__main__":
    if "--bare" in sys.argv:
        raise SystemExit(bare_window())
    raise SystemExit(main())
