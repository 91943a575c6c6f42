"""Everything PySide6: windows, pages, dialogs, table models, background tasks."""
