"""Showing a list page filtered the way a dashboard figure asked (`open_list`).

The filter names are the fields of the page's query (ClientQuery, CaseQuery); each one
sets the matching widget of the page's filter bar, and every other filter is cleared, so
the list holds exactly the records the figure counted.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

# Query field → the filter bar's widget attribute (the client and case bars share names).
WIDGETS = {
    "text": "search",
    "category": "category",
    "village_id": "village",
    "risk_level": "risk",
    "worker_id": "worker",
    "status": "status",
    "stage": "stage",
    "urgency": "urgency",
    "open_only": "open_only",
}
# What each widget holds when nothing is filtered (the client list shows active clients).
_CLEARED: dict[str, Any] = {"status": "active"}


def apply_filters(bar: QWidget, filters: dict[str, Any]) -> None:
    """Set the bar's widgets to `filters`, clearing the others; the bar then emits once."""
    widgets = {field: getattr(bar, name) for field, name in WIDGETS.items() if hasattr(bar, name)}
    unknown = set(filters) - set(widgets)
    if unknown:
        raise KeyError(f"no filter for {sorted(unknown)} on {type(bar).__name__}")
    for field, widget in widgets.items():
        value = filters.get(field, _CLEARED.get(field))
        widget.blockSignals(True)
        try:
            if isinstance(widget, QComboBox):
                index = widget.findData(value) if value is not None else 0
                widget.setCurrentIndex(max(index, 0))  # not offered: no filter
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QLineEdit):
                widget.setText(str(value or ""))
        finally:
            widget.blockSignals(False)
    bar.changed.emit(bar.query())  # type: ignore[attr-defined]
