"""The 走访 page: home visits and the daily work log."""
