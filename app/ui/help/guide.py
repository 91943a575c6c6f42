"""The guide's pages (resources/help/NN-key.md) and which one each window page is about.

No Qt here: the pages are plain Markdown files whose first line is `# 标题`, read once when
the help window opens. The number before the key only orders the list.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from app.resources import help_dir

FIRST_START = "first-start"

# Main window page (MainWindow.current_key()) → the guide's page, and the heading in it
# where that page's part starts ("" = the top). Pages with no guide page of their own
# (督导与培训, 志愿者与资源) have their section in 常见问题.
TOPICS: dict[str, tuple[str, str]] = {
    "dashboard": (FIRST_START, "工作台"),
    "clients": ("clients", ""),
    "cases": ("cases", ""),
    "groups": ("groups", ""),
    "community": ("community-visits", ""),
    "visits": ("community-visits", "走访"),
    "staff": ("faq", "督导与培训"),
    "volunteers": ("faq", "志愿者与资源"),
    "reports": ("reports", ""),
    "evaluation": ("evaluation", ""),
    "settings": ("backup", ""),
}


@dataclass(frozen=True)
class HelpPage:
    key: str
    title: str
    text: str
    file_name: str

    def contains(self, words: str) -> bool:
        """Whether every word of the search (split at spaces) is in the page."""
        haystack = self.text.casefold()
        return all(word in haystack for word in words.casefold().split())


def load_pages(folder: Path | None = None) -> list[HelpPage]:
    """Every page of the guide, in the order of their file names."""
    folder = help_dir() if folder is None else folder
    pages = []
    for path in sorted(folder.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        first = text.lstrip().splitlines()[0] if text.strip() else ""
        title = first.lstrip("#").strip() or path.stem
        key = path.stem.split("-", 1)[1] if path.stem[:2].isdigit() else path.stem
        pages.append(HelpPage(key=key, title=title, text=text, file_name=path.name))
    return pages


def matching(pages: Sequence[HelpPage], words: str) -> list[HelpPage]:
    """The pages that hold the search words (all pages for an empty search)."""
    return [page for page in pages if page.contains(words)] if words.strip() else list(pages)


def topic_for(window_key: str) -> tuple[str, str]:
    """The guide page (and heading) about a page of the main window."""
    return TOPICS.get(window_key, (FIRST_START, ""))
