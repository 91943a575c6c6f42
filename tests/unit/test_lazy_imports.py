"""Heavy libraries load where they are used, not with the window or the command line.

openpyxl, reportlab, Alembic (with Mako and Pygments) and cryptography together cost
the start well over a second and ~65 MB; the window needs none of them until something
is exported, printed, upgraded or encrypted. A fresh interpreter shows what an import
really pulls in, whatever this test run has loaded already.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app.domain.partners import PartnerType, Party
from app.services.context import Actor
from app.services.partners.service import PartnerService
from app.services.partners.types import PartnerInput
from app.store.engine import Database

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("openpyxl", "reportlab", "alembic", "mako", "pygments", "cryptography", "pypdfium2")


def loaded_after(code: str) -> set[str]:
    """The top-level packages in sys.modules after running `code` in a new interpreter."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    script = f"{code}\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
        check=True, timeout=120,
    ).stdout  # fmt: skip
    return {name.split(".")[0] for name in out.split()} | set(out.split())


def test_the_login_window_needs_neither_the_database_layer_nor_the_main_window() -> None:
    # They load on a thread of their own while the login shows (app/ui/opening.py).
    loaded = loaded_after("import app.ui.app")
    assert "app.ui.login" in loaded  # the import did happen
    unwanted = {"sqlalchemy", "app.store.engine", "app.store.models", "app.ui.main_window"}
    assert sorted(loaded & (unwanted | set(HEAVY))) == []


def test_the_window_loads_only_its_first_page() -> None:
    loaded = loaded_after("import app.ui.main_window")
    other_pages = {
        f"app.ui.{name}.page"
        for name in ("clients", "cases", "groups", "community", "visits", "staff",
                     "volunteers", "reports", "evaluation", "settings", "county")
    }  # fmt: skip
    # The idle lock masks the client page's panels and forms, imported when it locks.
    other_pages |= {"app.ui.clients.detail", "app.ui.clients.form"}
    assert "app.ui.main_window" in loaded
    assert sorted(loaded & other_pages) == []


def test_the_pages_load_their_dialogs_when_first_opened() -> None:
    # Every page visited once used to hold every form it could open: ~1.5 MB more.
    pages = ("clients", "cases", "groups", "community", "visits", "staff", "volunteers",
             "reports", "evaluation")  # fmt: skip
    loaded = loaded_after("\n".join(f"import app.ui.{name}.page" for name in pages))
    dialogs = {
        "app.ui.cases.intake_dialog", "app.ui.cases.plan_dialog", "app.ui.cases.step_dialog",
        "app.ui.cases.side_dialogs", "app.ui.clients.archive_dialog",
        "app.ui.clients.household_picker", "app.ui.community.form",
        "app.ui.evaluation.dialogs", "app.ui.groups.plan_dialog", "app.ui.groups.form_dialog",
        "app.ui.groups.session_dialog", "app.ui.reports.evidence_pack_dialog",
        "app.ui.reports.month_diff_dialog", "app.ui.reports.project_dialog",
        "app.ui.satisfaction.rounds_dialog", "app.ui.satisfaction.survey_dialog",
        "app.ui.staff.dialogs", "app.ui.visits.visit_dialog", "app.ui.visits.entry_dialog",
        "app.ui.visits.open_case_dialog", "app.ui.volunteers.dialogs",
    }  # fmt: skip
    assert "app.ui.evaluation.page" in loaded  # the imports did happen
    assert sorted(loaded & dialogs) == []


def test_the_window_loads_no_export_migration_or_crypto_library() -> None:
    loaded = loaded_after("import app.ui, app.ui.app, app.ui.main_window")
    assert "PySide6" in loaded  # the import did happen
    assert sorted(loaded & set(HEAVY)) == []


def run_cli(*args: str) -> str:
    return f"from app.cli import main\ntry:\n    main({list(args)!r})\nexcept SystemExit:\n    pass"


def test_version_loads_neither_the_commands_nor_the_database() -> None:
    loaded = loaded_after(run_cli("--version"))
    assert "app.cli" in loaded
    unwanted = {"sqlalchemy", "PySide6", "app.desk", "app.cli.backup", "app.cli.context"}
    assert sorted(loaded & unwanted) == []


def test_a_command_loads_its_own_module_and_no_other_command_s() -> None:
    loaded = loaded_after(run_cli("station", "--help"))
    assert "app.cli.station" in loaded
    others = {"app.cli.report", "app.cli.package", "app.cli.setup", "app.cli.evaluation"}
    assert sorted(loaded & others) == []


def test_check_can_start_reading_the_file_before_the_database_layer_loads() -> None:
    # SQLite's integrity check (most of `stationdesk check`) starts first (app/cli/check.py).
    loaded = loaded_after("import app.cli.check")
    assert "app.store.sqlite_files" in loaded  # the import did happen
    assert sorted(loaded & {"sqlalchemy", "app.desk", "app.store.engine", "app.cli.backup"}) == []


def test_reading_partners_leaves_pypinyin_unloaded(
    db_path: Path, db: Database, admin: Actor
) -> None:
    # The directory and the pickers sort by the stored key (app/store/name_sort.py);
    # pypinyin's dictionaries (~55 MB) load only where a name is written.
    partners = PartnerService(db, admin)
    partners.add(PartnerInput("县义工协会", PartnerType.VOLUNTEER_TEAM, party=Party.VOLUNTEER))
    partners.add(PartnerInput("梅林村委会", PartnerType.VILLAGE_COMMITTEE, party=Party.COMMUNITY))
    db.dispose()
    fields = ("user_id", "login", "station_id", "display_name")
    actor = ", ".join(f"{k}={getattr(admin, k)!r}" for k in fields)
    loaded = loaded_after(
        "from app.domain.roles import Role\n"
        "from app.services.context import Actor\n"
        "from app.services.partners.service import PartnerService\n"
        "from app.store.engine import Database\n"
        f"db = Database.open({str(db_path)!r})\n"
        f"partners = PartnerService(db, Actor({actor}, role=Role({admin.role.value!r})))\n"
        "names = ['梅林村委会', '县义工协会']\n"
        "assert [p.name for p in partners.list()] == names\n"
        "assert [p.name for p in partners.choices()] == names\n"
        "assert partners.unmatched() == []\n"
        "db.dispose()"
    )
    assert "app.services.partners.service" in loaded
    assert "pypinyin" not in loaded


def test_the_first_page_loads_no_photo_library_postgres_dialect_or_clients_page(
    db_path: Path, db: Database, admin: Actor
) -> None:
    # Each is ~2-3 MB of the window's memory, loaded where it is used: Pillow with a
    # photo, PostgreSQL's dialect with a search on it, the clients page when it is shown.
    db.dispose()
    fields = ("user_id", "login", "station_id", "display_name")
    actor = ", ".join(f"{k}={getattr(admin, k)!r}" for k in fields)
    loaded = loaded_after(
        "from PySide6.QtWidgets import QApplication\n"
        "qt = QApplication([])\n"
        "from app.domain.roles import Role\n"
        "from app.services.context import Actor\n"
        "from app.store.engine import Database\n"
        "from app.ui.main_window import MainWindow\n"
        "from app.ui.pages import build_page\n"
        "from app.ui.tasks import TaskRunner\n"
        f"db = Database.open({str(db_path)!r})\n"
        f"actor = Actor({actor}, role=Role({admin.role.value!r}))\n"
        "page = build_page('dashboard', db=db, actor=actor, tasks=TaskRunner())\n"
        "assert type(page).__name__ == 'DashboardPage'\n"
        "db.dispose()"
    )
    assert "app.ui.dashboard.page" in loaded
    unwanted = {"PIL", "sqlalchemy.dialects.postgresql", "app.ui.clients.detail", "pypinyin"}
    assert sorted(loaded & (unwanted | set(HEAVY))) == []


def test_the_clients_page_loads_the_roster_import_when_it_is_opened() -> None:
    # The import's own modules (~1 MB of the window's memory) load with its dialog
    # (app/ui/pages.py `_roster_import`), for an import done once in a while.
    loaded = loaded_after("import app.ui.clients.page")
    assert "app.ui.clients.page" in loaded  # the import did happen
    assert sorted(m for m in loaded if m.startswith("app.services.importing")) == []


def test_the_roster_import_loads_the_roster_readers_only_to_read_a_roster() -> None:
    # charset_normalizer, python-calamine and multiprocessing: ~3.5 MB of the window's
    # memory from the import on, for a roster that is read once in a while.
    loaded = loaded_after("import app.services.importing.service")
    assert "app.services.importing.readers" in loaded
    unwanted = {"charset_normalizer", "python_calamine", "multiprocessing"}
    assert sorted(loaded & unwanted) == []


def test_pages_load_their_dialogs_print_support_and_hidden_tabs_when_opened() -> None:
    # Each page can print, add a record or show tabs it is not opened on; those modules
    # (Qt's print support alone ~0.5 MB) load when the user first does so. The html
    # package's entity table (~0.9 MB) is not needed to escape text (app/ui/widgets/rich_text.py).
    # python-stdnum (with pydoc, ~1.3 MB) loads when an ID number is first checked; the
    # list exporters when a list is first exported.
    loaded = loaded_after(
        "import app.ui.clients.page, app.ui.cases.page, app.ui.staff.page, app.ui.visits.page\n"
        "import app.ui.groups.page, app.ui.settings.page"
    )
    assert {"app.ui.clients.page", "app.ui.settings.page", "app.ui.print_preview"} <= loaded
    unwanted = {
        "PySide6.QtPrintSupport",
        "app.ui.print_pages",
        "app.ui.clients.form",
        "app.ui.clients.import_dialog",
        "app.ui.assessment.page",
        "app.ui.settings.users_tab",
        "app.ui.settings.packages.tab",
        "app.ui.backup_dialogs",
        "app.services.lists.registry",
        "html",
        "stdnum",
        "pydoc",
    }
    assert sorted(loaded & unwanted) == []
