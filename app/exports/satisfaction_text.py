"""How the satisfaction figures read in a report (Excel, PDF): the same words in both."""

from __future__ import annotations

from decimal import Decimal

from app.exports.report_model import SatisfactionSummary


def percent(value: Decimal | None) -> str:
    """92.5 → "92.5%"; no answers → "—" (a rate of nothing is not 0%)."""
    return "—" if value is None else f"{value}%"


def summary_lines(s: SatisfactionSummary) -> list[tuple[str, str]]:
    """The counts, then the rate with how it was reached (满意率 = 满意 ÷ 有效回答)."""
    return [
        ("满意度调查份数", f"{s.surveys} 份"),
        ("有效回答份数", f"{s.answered} 份（无法回答 {s.surveys - s.answered} 份）"),
        ("总体满意份数", f"{s.satisfied} 份（总体满意4分及以上）"),
        ("满意率", f"{percent(s.rate)}（{s.satisfied} ÷ {s.answered}）"),
    ]
