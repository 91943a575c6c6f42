"""The station's 社工室: rooms, their villages and staff, and the staffing check."""
