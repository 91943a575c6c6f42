"""`stationdesk package`: a station's package to the county and the return package back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.cli import main

PACKAGE_PASSWORD = "县里给的数据包密码"


@pytest.fixture
def county(tmp_path: Path, station: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A county database that knows the station JX0426; its administrator is `xian`."""
    monkeypatch.setenv("STATIONDESK_PACKAGE_PASSWORD", PACKAGE_PASSWORD)
    path = tmp_path / "county.sqlite3"
    made = main(
        ["init", "--db", str(path), "--station", "修水县社工总站", "--station-code", "XS0000",
         "--admin", "xian", "--display-name", "县管理员"]
    )  # fmt: skip
    assert made == 0
    added = main(
        ["station", "add", "--db", str(path), "--user", "xian", "--code", "JX0426",
         "--name", "梅林镇社工站", "--village", "梅林村"]
    )  # fmt: skip
    assert added == 0
    return path


def test_a_package_goes_to_the_county_and_the_acknowledgement_comes_back(
    station: Path, county: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package, back = tmp_path / "1.sdpkg", tmp_path / "back.sdpkg"
    assert main(["package", "export", "--db", str(station), "--user", "boss",
                 "--since-last", "--out", str(package)]) == 0  # fmt: skip
    assert "已导出第 1 号数据包" in capsys.readouterr().out

    assert main(["package", "import", "--db", str(county), "--user", "xian",
                 str(package), "--dry-run"]) == 0  # fmt: skip
    preview = capsys.readouterr().out
    assert "试导入" in preview
    assert "自动合并 0 条，冲突 0 条" in preview

    assert main(["package", "import", "--db", str(county), "--user", "xian", str(package)]) == 0
    assert "第 1 号数据包：已导入" in capsys.readouterr().out
    assert main(["package", "import", "--db", str(county), "--user", "xian", str(package)]) == 0
    assert "以前已导入" in capsys.readouterr().out

    assert main(["package", "return", "--db", str(county), "--user", "xian",
                 "--station", "JX0426", "--out", str(back)]) == 0  # fmt: skip
    assert main(["package", "ack", "--db", str(station), "--user", "boss", str(back)]) == 0
    assert "县里已收到第 1 号及之前的数据包" in capsys.readouterr().out
    assert main(["package", "decisions", "--db", str(station), "--user", "boss"]) == 0
    assert "还没有县级裁决" in capsys.readouterr().out


def test_a_damaged_package_is_refused_with_exit_code_2(
    county: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.sdpkg"
    bad.write_bytes(b"SDESKPKG\x01")
    assert main(["package", "import", "--db", str(county), "--user", "xian", str(bad)]) == 2
    assert "数据包不完整" in capsys.readouterr().err


def test_a_worker_may_not_export(
    station: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("STATIONDESK_PACKAGE_PASSWORD", PACKAGE_PASSWORD)
    assert main(["user", "add", "--db", str(station), "--user", "boss", "--name", "lixia",
                 "--display", "李霞", "--role", "worker"]) == 0  # fmt: skip
    found = re.search(r"临时密码：(\w+)", capsys.readouterr().out)
    assert found is not None
    temporary = found.group(1)
    monkeypatch.setenv("STATIONDESK_PASSWORD", temporary)
    monkeypatch.setenv("STATIONDESK_NEW_PASSWORD", "lixia-pass-123")
    assert main(["user", "passwd", "--db", str(station), "--user", "lixia"]) == 0
    monkeypatch.setenv("STATIONDESK_PASSWORD", "lixia-pass-123")
    out = tmp_path / "x.sdpkg"
    assert (
        main(["package", "export", "--db", str(station), "--user", "lixia", "--out", str(out)]) == 2
    )
    assert "无权" in capsys.readouterr().err
    assert not out.exists()
