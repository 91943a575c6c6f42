"""Satisfaction surveys (满意度调查) and interview rounds (回访) in the window."""
