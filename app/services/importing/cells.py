"""What a roster cell and row may hold, as the readers give them."""

from __future__ import annotations

import datetime as dt
from typing import TypeAlias

Cell: TypeAlias = str | int | float | bool | dt.date | dt.datetime | dt.time | dt.timedelta | None
Row: TypeAlias = tuple[Cell, ...]
