"""`python -m app.selftest`: every check passes here, and a broken part fails it with its reason.

Run in a child process: the self-test starts a Qt application of its own.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

pytestmark = pytest.mark.gui  # the child process starts Qt (offscreen)

BREAK_TRANSLATION = """
from pathlib import Path
import app.resources
app.resources.translation_file = lambda: Path("missing.qm")
"""
BREAK_REPORT = """
from app.services.reports.service import ReportService
def broken(*args, **kwargs):
    raise OSError("磁盘已满")
ReportService.write_monthly = broken
"""


def selftest(setup: str = "") -> subprocess.CompletedProcess[str]:
    code = f"{setup}\nfrom app.selftest import main\nraise SystemExit(main([]))"
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8", timeout=120
    )


def test_all_checks_pass() -> None:
    done = selftest()
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    titles = ("临时数据库", "月报 Excel", "月报 PDF 与中文字体", "界面翻译", "界面字体", "图表")
    for title in titles:
        assert any(line.startswith(f"[通过] {title}：") for line in lines), title
    assert "文泉驿微米黑已嵌入" in done.stdout and "社工站工作台" in done.stdout
    assert lines[-1] == "自检通过。"


def test_a_missing_translation_fails() -> None:
    done = selftest(BREAK_TRANSLATION)
    assert done.returncode == 1
    assert "[失败] 界面翻译：" in done.stdout
    assert "[通过] 月报 PDF 与中文字体：" in done.stdout
    assert done.stdout.splitlines()[-1] == "自检未通过：1 项有问题。"


def test_a_failed_report_skips_the_steps_after_it() -> None:
    done = selftest(BREAK_REPORT)
    assert done.returncode == 1
    assert "[失败] 月报 Excel：OSError: 磁盘已满" in done.stdout
    assert "[未查] 月报 PDF 与中文字体：前一步失败" in done.stdout
    assert "[通过] 界面翻译：" in done.stdout
