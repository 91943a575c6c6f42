"""`stationdesk --self-test`: does this installation work? Also `python -m app.selftest`.

On a temporary database (the user's data is never touched) it makes a station, clients and
cases, writes the month's report as Excel and PDF and reads both back; it checks that the
PDF embeds the Chinese font, that the window's Chinese translation loads, that Qt takes
the interface font and draws a chart, and that the style sheet and icon are there. One
line per check, in Chinese; exit code 0 when all passed, 1 otherwise. Needs no display
(Qt runs offscreen unless told otherwise).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from app import __version__, resources
from app.exports.report_model import MonthlyReport
from app.services.access.consent_types import SERVICE, ConsentInput
from app.services.access.consents import ConsentService
from app.services.cases.service import CaseService
from app.services.cases.types import OpenCaseInput
from app.services.clients.service import ClientService
from app.services.clients.types import ClientInput
from app.services.context import Actor
from app.services.reports.service import ReportService
from app.services.settings.setup import SetupService
from app.store.engine import Database

PASSWORD = "SelfTest-2024-ok"
STATION = "自检镇社工站"
# A string every window shows, and what the translation must make of it.
KNOWN_SOURCE = ("StartUp", "Station Desk", "社工站工作台")


class _Run:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.failed = 0

    def check(self, title: str, step: Callable[[], str]) -> bool:
        try:
            detail = step()
        except Exception as exc:  # a self-test reports every failure and goes on
            self.failed += 1
            self.lines.append(f"[失败] {title}：{type(exc).__name__}: {exc}")
            return False
        self.lines.append(f"[通过] {title}：{detail}")
        return True

    def skip(self, title: str) -> None:
        self.failed += 1
        self.lines.append(f"[未查] {title}：前一步失败")


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(
        prog="stationdesk --self-test",
        description="自检：在临时数据库上生成月报（Excel 和 PDF），检查中文字体与界面翻译。",
    ).parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _chinese_output()
    print(f"社工站工作台 {__version__} 自检")
    run = _Run()
    with tempfile.TemporaryDirectory(prefix="stationdesk-selftest-") as folder:
        _ReportChecks(Path(folder)).run(run)
    run.check("界面翻译", _translation)
    run.check("界面字体", _interface_font)
    run.check("图表", _charts)
    run.check("样式表与图标", _style_and_icon)
    for line in run.lines:
        print(line)
    print("自检通过。" if not run.failed else f"自检未通过：{run.failed} 项有问题。")
    return 0 if not run.failed else 1


def _chinese_output() -> None:
    """Output whose encoding has no Chinese (a pipe on an English Windows: cp1252) gets UTF-8."""
    stream = sys.stdout
    try:
        "自检".encode(getattr(stream, "encoding", None) or "ascii")
    except (LookupError, UnicodeEncodeError):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8")


class _ReportChecks:
    """The database and the month's report on it: each step needs the one before."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.month = dt.date.today().replace(day=1)
        self.db = Database.open(folder / "selftest.sqlite3")
        self.actor: Actor | None = None

    def run(self, run: _Run) -> None:
        steps = [
            ("临时数据库", self.database),
            ("服务对象与个案", self.records),
            ("月报 Excel", self.excel),
            ("月报 PDF 与中文字体", self.pdf),
            ("打印预览的页面渲染", self.rendering),
        ]
        try:
            for number, (title, step) in enumerate(steps):
                if not run.check(title, step):
                    for later, _ in steps[number + 1 :]:
                        run.skip(later)
                    break
        finally:
            self.db.dispose()  # Windows cannot remove an open file

    def database(self) -> str:
        setup = SetupService(self.db)
        schema = setup.prepare()
        self.actor = setup.initialise(
            station_name=STATION,
            station_code="ZJ0001",
            county="自检县",
            villages=["自检村", "自检社区"],
            admin_login="selftest",
            admin_display_name="自检管理员",
            password=PASSWORD,
        )
        return f"已建立并升级到最新结构（{schema.to_revision}），建立站点“{STATION}”"

    def records(self) -> str:
        assert self.actor is not None
        clients, cases = ClientService(self.db, self.actor), CaseService(self.db, self.actor)
        consents = ConsentService(self.db, self.actor)
        names = ("李秀英", "王桂兰", "张建国")
        for number, name in enumerate(names):
            client = clients.create(ClientInput(name=name, address=f"自检村{number + 1}组"))
            if number < 2:
                consents.record(ConsentInput(client.id, (SERVICE,), dt.date.today(), name))
                cases.open_case(
                    OpenCaseInput(
                        client_id=client.id,
                        intake_date=dt.date.today(),
                        presenting_problem="独居，腿脚不便，需要定期探访。",
                        risk_level=("high", "low")[number],
                    )
                )
        return f"登记服务对象 {len(names)} 名，开个案 2 个"

    def excel(self) -> str:
        path = self.folder / "月报.xlsx"
        report = self._write(xlsx=path)
        if report.value("cases_new") != 2:
            raise AssertionError(f"本月新开个案应为 2，月报为 {report.value('cases_new')}")
        workbook = load_workbook(path, read_only=True)
        try:
            title = str(workbook["汇总"]["A1"].value)
        finally:
            workbook.close()
        if STATION not in title or "月报" not in title:
            raise AssertionError(f"汇总表标题不对：{title}")
        return f"已生成并读回（{title}，本月新开个案 2 个）"

    def pdf(self) -> str:
        path = self.folder / "月报.pdf"
        self._write(pdf=path)
        reader = PdfReader(path)
        text = "".join((page.extract_text() or "") for page in reader.pages).replace(" ", "")
        if STATION not in text or "社会工作服务月报" not in text:
            raise AssertionError("PDF 中读不出中文标题")
        fonts = pdf_fonts(reader)
        missing = sorted(name for name, embedded in fonts.items() if not embedded)
        if missing:
            raise AssertionError(f"字体未嵌入：{'、'.join(missing)}")
        if not any("WenQuanYiMicroHei" in name for name in fonts):
            raise AssertionError(f"没有用文泉驿微米黑：{'、'.join(fonts)}")
        return f"{len(reader.pages)} 页，中文可读出，文泉驿微米黑已嵌入"

    def rendering(self) -> str:
        """The print preview draws PDF pages with pdfium: the build must carry its library."""
        import pypdfium2

        document = pypdfium2.PdfDocument(self.folder / "月报.pdf")
        try:
            image = document[0].render(scale=0.5).to_pil().convert("L")
        finally:
            document.close()
        darkest, _lightest = image.getextrema()
        if darkest > 128:
            raise AssertionError("PDF 第一页渲染出来是空白")
        return f"第一页渲染为 {image.width}×{image.height} 像素，有内容"

    def _write(self, *, xlsx: Path | None = None, pdf: Path | None = None) -> MonthlyReport:
        assert self.actor is not None
        return ReportService(self.db, self.actor).write_monthly(self.month, xlsx=xlsx, pdf=pdf)


def pdf_fonts(reader: PdfReader) -> dict[str, bool]:
    """Each font the pages use (base name) and whether its outlines are in the file."""
    found: dict[str, bool] = {}
    for page in reader.pages:
        resources_ = page.get("/Resources")
        fonts = resources_.get_object().get("/Font") if resources_ is not None else None
        for ref in fonts.get_object().values() if fonts is not None else ():
            font = ref.get_object()
            described = font
            if font.get("/Subtype") == "/Type0":
                described = font["/DescendantFonts"][0].get_object()
            descriptor = described.get("/FontDescriptor")
            keys = descriptor.get_object().keys() if descriptor is not None else ()
            name = str(font.get("/BaseFont", "")).lstrip("/").split("+", 1)[-1]
            found[name] = any(k in keys for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    return found


def _translation() -> str:
    from PySide6.QtCore import QTranslator

    path = resources.translation_file()
    translator = QTranslator()
    if not translator.load(str(path)):
        raise AssertionError(f"载入失败：{path}")
    context, source, chinese = KNOWN_SOURCE
    got = translator.translate(context, source)
    if got != chinese:
        raise AssertionError(f"“{source}”译为“{got}”，应为“{chinese}”")
    return f"已载入 {path.name}，“{source}”译为“{got}”"


def _qt_app() -> object:
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(["stationdesk-selftest"])


def _interface_font() -> str:
    from PySide6.QtGui import QFontDatabase

    _app = _qt_app()
    font_id = QFontDatabase.addApplicationFont(str(resources.font_file()))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    chinese = QFontDatabase.WritingSystem.SimplifiedChinese
    if not any(chinese in QFontDatabase.writingSystems(family) for family in families):
        raise AssertionError(f"Qt 载入不了中文字体：{resources.font_file()}")
    return f"Qt 已载入 {'、'.join(families)}"


def _charts() -> str:
    """The dashboard's bar chart, painted offscreen: its bars and labels must show."""
    from app.ui.dashboard.charts import BAR_COLOUR, CountChart

    _app = _qt_app()
    chart = CountChart("在册服务对象")
    chart.set_counts(["低保", "特困"], [3, 2], ["dibao", "tekun"])
    chart.resize(320, 240)
    image = chart.grab().toImage()
    middle = (chart.bar_rect(0).center() * image.devicePixelRatio()).toPoint()
    if image.isNull() or image.pixelColor(middle) != BAR_COLOUR:
        raise AssertionError("图表画不出来")
    return "可以绘制柱状图"


def _style_and_icon() -> str:
    sheet, icon = resources.stylesheet(), resources.icon()
    for path in (sheet, icon):
        if not path.is_file() or not path.stat().st_size:
            raise AssertionError(f"缺少文件：{path}")
    return f"{sheet.name}、{icon.name}"


if __name__ == "__main__":
    raise SystemExit(main())
