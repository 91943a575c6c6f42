"""The 督导/培训 page."""
