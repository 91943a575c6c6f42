"""The 小组 page: group work plans, members, sessions with attendance, evaluation."""
