"""Village and community social work rooms (社工室), their staff and the staffing rules."""
