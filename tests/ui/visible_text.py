"""Every text a user can read in a window, and which of them are not Chinese.

`texts_of` walks a window's visible widgets; `problems` says which texts hold a Latin word
that is not an allowed term, or are a bare code from the code lists shown instead of its
label. tests/ui/test_all_chinese.py runs them over every page and dialog.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTableView,
    QTextEdit,
    QWidget,
)

from app.domain import case_rules
from app.domain.codes import SEED, ClientStatus, RiskLevel
from app.domain.roles import Role

ROWS = 5  # the first rows of a table; the rest show the same columns
LIST_ROWS = 50

# Terms a Chinese user reads as they are (file kinds, keys, identity numbers).
ALLOWED_WORDS = frozenset(
    {"ID", "PDF", "Excel", "USB", "CSV", "xlsx", "xls", "URL", "Ctrl", "Shift", "Alt", "Enter"}
    | {"Esc", "Tab", "Del", "Home", "End", "PgUp", "PgDn", "Word", "WPS", "UTF", "GBK"}
    | {"GB", "GB18030", "BOM", "SQLite", "PostgreSQL", "PNG", "JPG", "HTML", "Markdown"}
    | {"Station", "Desk"}  # the product's name
    | {"backups", "logs"}  # the data folder's subfolders, named as the user finds them
)
# Columns whose cells are not read, by their (Chinese) header, and why.
SKIPPED_COLUMNS = {
    "代码": "the code list editor shows each code beside its label on purpose",
}
# Whole spans that are not words: keys, paths, logins, case numbers, station codes, dates.
ALLOWED_PATTERNS = (
    r"\b(?:Ctrl|Alt|Shift)\+\w+",
    r"\bF\d{1,2}\b",
    r"\(&?[A-Z]\)",  # a Chinese button's access key, as Qt's own 下一步(N)
    r"(?<![A-Za-z])U ?盘",  # a USB stick, as everyone writes it
    r"\b[A-Z]{1,3}/T ?\d+",  # a standard: MZ/T 094
    r"\.(?:xlsx|xls|csv|txt|pdf|sqlite3|zip)\b",  # a file kind
    r"(?:[A-Za-z]:|~)?(?:[\\/][\w.\- ]+){2,}",  # a file path (/tmp/x, ~/a/b, C:\a\b)
    r"[\w.\-]+\.(?:sqlite3|db|xlsx|xls|csv|pdf|md|html|json|log|zip|bak|txt)\b",
    r"\b[a-z]+\d+\b",  # a login such as shegong1
    # a station code XS01, a case number XS01-2026-0026, a volunteer's XS01-ZY-2026-0001
    r"\b[A-Z]{1,4}\d{2,}(?:-[A-Z]{1,3})?(?:-\d+)*\b",
    r"\bv?\d+(?:\.\d+)+\b",  # a version
    r"https?://\S+",
)
_ALLOWED = re.compile("|".join(ALLOWED_PATTERNS))
_WORD = re.compile(r"[A-Za-z][A-Za-z_]*")
_TAG = re.compile(r"<[^>]+>")


ENUMS: tuple[type[enum.StrEnum], ...] = (
    ClientStatus,
    RiskLevel,
    Role,
    case_rules.Stage,
    case_rules.Urgency,
    case_rules.Decision,
    case_rules.PlanStatus,
    case_rules.ClosureStatus,
    case_rules.Attainment,
    case_rules.ReferralStatus,
    case_rules.Action,
)


def _codes() -> frozenset[str]:
    codes = {code for items in SEED.values() for code, _ in items}
    for kind in ENUMS:
        codes.update(member.value for member in kind)
    codes.update(code for code, _ in case_rules.ASSESSMENT_DOMAINS)
    return frozenset(code for code in codes if _WORD.search(code))


CODES = _codes()


@dataclass(frozen=True)
class Seen:
    where: str
    text: str

    def __str__(self) -> str:
        return f"{self.where}: {self.text!r}"


def problems(seen: list[Seen], logins: frozenset[str] = frozenset()) -> list[str]:
    """Each text that is a bare code or holds a Latin word that is not allowed, once.

    `logins` are the users' logins, which are shown as they are (the demo's is `admin`).
    """
    found: dict[str, None] = {}
    for item in seen:
        text = item.text.strip()
        if text in CODES and text not in logins:
            found[f"code {item}"] = None
            continue
        words = [
            w for w in _WORD.findall(_ALLOWED.sub(" ", text)) if w not in ALLOWED_WORDS | logins
        ]
        if words:
            found[f"latin {', '.join(sorted(set(words)))} in {item}"] = None
    return list(found)


def texts_of(window: QWidget, name: str) -> list[Seen]:
    """The texts of a window's visible widgets, each with where it was seen."""
    seen = [Seen(f"{name} title", window.windowTitle())]
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            seen += _actions(action, f"{name} menu")
    for widget in [window, *window.findChildren(QWidget)]:
        # A header's texts are read with its view's (its model is the view's).
        if not widget.isVisible() or isinstance(widget, QMenu | QHeaderView):
            continue
        where = f"{name} {type(widget).__name__}({widget.objectName() or '-'})"
        seen += [Seen(where, text) for text in _widget_texts(widget)]
    return [item for item in seen if item.text.strip()]


def _actions(action: QAction, where: str) -> list[Seen]:
    seen = [Seen(where, action.text().replace("&", "")), Seen(where, action.toolTip())]
    menu = action.menu()
    if isinstance(menu, QMenu):
        for child in menu.actions():
            seen += _actions(child, f"{where} › {action.text()}")
    return seen


def _widget_texts(widget: QWidget) -> Iterator[str]:
    yield widget.toolTip()
    if isinstance(widget, QLabel):
        yield _TAG.sub(" ", widget.text())
    elif isinstance(widget, QAbstractButton):
        yield widget.text().replace("&", "")
    elif isinstance(widget, QGroupBox):
        yield widget.title()
    elif isinstance(widget, QTabBar):
        for index in range(widget.count()):
            if widget.isTabVisible(index):
                yield widget.tabText(index)
                yield widget.tabToolTip(index)
    elif isinstance(widget, QComboBox):
        yield from (widget.itemText(i) for i in range(widget.count()))
        yield widget.placeholderText()
    elif isinstance(widget, QLineEdit):
        yield widget.text()
        yield widget.placeholderText()
    elif isinstance(widget, QTextEdit | QPlainTextEdit):
        yield widget.toPlainText()
        yield widget.placeholderText()
    elif isinstance(widget, QAbstractSpinBox):
        yield widget.text()
        yield widget.specialValueText()
    elif isinstance(widget, QAbstractItemView):
        yield from _view_texts(widget)


def _view_texts(view: QAbstractItemView) -> Iterator[str]:
    model, root = view.model(), view.rootIndex()
    if model is None:
        return
    table = isinstance(view, QTableView)
    # A list model's columnCount is private in PySide6: it has one column.
    count = 1 if isinstance(model, QAbstractListModel) else model.columnCount(root)
    columns = [
        column
        for column in range(count)
        if not (table and view.isColumnHidden(column))  # type: ignore[attr-defined]
    ]
    if table or len(columns) > 1:
        headers = [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in columns]
        yield from headers
        columns = [
            c for c, header in zip(columns, headers, strict=True) if header not in SKIPPED_COLUMNS
        ]
    # A list shows few items, all different; a table's first rows show all its columns.
    rows = min(ROWS if table else LIST_ROWS, model.rowCount(root))
    yield from _cells(model, root, rows, columns)


def _cells(
    model: QAbstractItemModel, root: QModelIndex, rows: int, columns: list[int]
) -> Iterator[str]:
    for row in range(rows):
        for column in columns:
            index = model.index(row, column, root)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    yield value
