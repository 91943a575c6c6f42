"""Station Desk (社工站工作台): case management for township social work stations."""

import time

__version__ = "0.1.0"

STARTED = time.monotonic()
"""When the app began loading: the start time in the log counts from here."""
