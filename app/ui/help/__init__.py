"""The user guide inside the app: Markdown pages from resources/help/, shown on F1."""
