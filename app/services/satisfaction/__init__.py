"""Satisfaction surveys (满意度调查) and the station's interview rounds (回访)."""
