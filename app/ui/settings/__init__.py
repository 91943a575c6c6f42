"""The 设置 page: users, villages, code lists, settings, backups and one's own account."""
