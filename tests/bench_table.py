"""The one table `make bench` ends with: measure | now | floor | ratio | goal | ok.

Each measure stands beside its floor measured in the same run (what the same work costs
done by hand: raw SQL, bare openpyxl…), so a busy machine slows both and the ratio holds.
"""

from __future__ import annotations

import statistics
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

HEADER = ("measure", "now", "floor", "ratio", "goal", "ok")


@dataclass(frozen=True)
class Row:
    measure: str
    now: float
    unit: str  # "ms", "s" or "MB"
    floor: float | None = None
    goal: str = ""
    ok: bool | None = None

    @property
    def ratio(self) -> float | None:
        if self.floor is None or self.floor <= 0:
            return None
        return self.now / self.floor

    def cells(self) -> tuple[str, ...]:
        ratio = self.ratio
        ok = "" if self.ok is None else ("yes" if self.ok else "NO")
        return (
            self.measure,
            _amount(self.now, self.unit),
            "—" if self.floor is None else _amount(self.floor, self.unit),
            "—" if ratio is None else f"{ratio:.2f}×",
            self.goal,
            ok,
        )


def _amount(value: float, unit: str) -> str:
    if unit == "ms":
        return f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"
    if unit == "s":
        return f"{value:.2f} s" if value < 60 else f"{int(value // 60)} m {value % 60:02.0f} s"
    return f"{value:.0f} {unit}"


def _width(text: str) -> int:
    """Columns a terminal gives `text`: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def render(rows: Sequence[Row]) -> str:
    lines = [HEADER, *(r.cells() for r in rows)]
    widths = [max(_width(line[i]) for line in lines) for i in range(len(HEADER))]
    out = []
    for number, line in enumerate(lines):
        out.append("| " + " | ".join(_pad(c, w) for c, w in zip(line, widths, strict=True)) + " |")
        if number == 0:
            out.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(out)


def save(rows: Sequence[Row], path: Path) -> None:
    """Append rows for the final table (each part of the bench may run in its own process)."""
    import json

    with path.open("a", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row.__dict__, ensure_ascii=False) + "\n")


def load(path: Path) -> list[Row]:
    import json

    if not path.exists():
        return []
    return [Row(**json.loads(line)) for line in path.read_text(encoding="utf-8").splitlines()]


def median_ms(call: Callable[[], object], runs: int = 9) -> float:
    call()  # warms SQLite's page cache and SQLAlchemy's statement cache
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def paired_ms(
    now: Callable[[], object], floor: Callable[[], object], runs: int = 15
) -> tuple[float, float]:
    """Median milliseconds of `now` and of its `floor`, run in turns: on a shared machine
    a burst of load then slows both alike instead of one of them."""
    now()
    floor()
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for call, out in ((now, times[0]), (floor, times[1])):
            started = time.perf_counter()
            call()
            out.append((time.perf_counter() - started) * 1000)
    return statistics.median(times[0]), statistics.median(times[1])


def best_s(call: Callable[[], object], runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - started)
    return best


def peak_memory_mb() -> float:
    """This process's peak resident memory (VmHWM: its own, not a parent's across exec)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
