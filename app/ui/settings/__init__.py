"""The 设置 page: users, villages, code lists, language, and one's own account."""
