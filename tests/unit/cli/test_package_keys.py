"""`stationdesk package keys` and packages sealed for the county's public key."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.cli import main
from tests.unit.cli.test_package import county  # noqa: F401  (the county database)

PASSPHRASE = "县里私钥的口令2026"
FINGERPRINT = re.compile(r"公钥指纹：((?:[0-9A-F]{4} ){7}[0-9A-F]{4})")


def test_create_prints_the_fingerprint_and_never_the_passphrase(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("STATIONDESK_KEY_PASSPHRASE", PASSPHRASE)
    folder = tmp_path / "keys"
    assert main(["package", "keys", "create", "--out", str(folder)]) == 0
    printed = capsys.readouterr()
    assert FINGERPRINT.search(printed.out)
    assert PASSPHRASE not in printed.out + printed.err
    private = (folder / "county-key.pem").read_bytes()
    assert private.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    assert (folder / "county-key.pub.pem").read_bytes().startswith(b"-----BEGIN PUBLIC KEY-----")
    # A second run never overwrites the key that old packages need.
    assert main(["package", "keys", "create", "--out", str(folder)]) == 2
    assert "没有覆盖" in capsys.readouterr().err
    assert (folder / "county-key.pem").read_bytes() == private


def test_a_station_exports_by_key_and_the_county_imports_with_it(
    station: Path,
    county: Path,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("STATIONDESK_KEY_PASSPHRASE", PASSPHRASE)
    folder = tmp_path / "keys"
    assert main(["package", "keys", "create", "--out", str(folder)]) == 0
    found = FINGERPRINT.search(capsys.readouterr().out)
    assert found is not None
    fingerprint = found.group(1)

    # The county keeps its public key; its return package hands it to the station.
    public = str(folder / "county-key.pub.pem")
    assert main(["package", "keys", "install", "--db", str(county), "--user", "xian", public]) == 0
    back = tmp_path / "back.sdpkg"
    assert main(["package", "return", "--db", str(county), "--user", "xian",
                 "--station", "JX0426", "--out", str(back)]) == 0  # fmt: skip
    assert main(["package", "ack", "--db", str(station), "--user", "boss", str(back)]) == 0
    assert fingerprint in capsys.readouterr().out
    assert main(["package", "keys", "show", "--db", str(station), "--user", "boss"]) == 0
    shown = capsys.readouterr().out
    assert f"公钥指纹：{fingerprint}" in shown
    # The key brought the station a signing key of its own, to hand to the county.
    signing = re.search(r"本站的签名公钥指纹：(.+)\n  签名公钥文件：(.+)\n", shown)
    assert signing is not None
    signing_fingerprint, signing_file = signing.groups()

    # No package password at hand: none is asked for (a prompt would fail here).
    monkeypatch.delenv("STATIONDESK_PACKAGE_PASSWORD")
    package = tmp_path / "1.sdpkg"
    assert main(["package", "export", "--db", str(station), "--user", "boss",
                 "--out", str(package)]) == 0  # fmt: skip
    assert fingerprint in capsys.readouterr().out

    # Without --key the county's data folder is looked in: here it holds no key.
    monkeypatch.setenv("STATIONDESK_DATA", str(tmp_path / "county-data"))
    assert main(["package", "import", "--db", str(county), "--user", "xian", str(package)]) == 2
    assert "请用 --key 指定私钥文件" in capsys.readouterr().err
    monkeypatch.setenv("STATIONDESK_KEY_PASSPHRASE", "另一个口令另一个口令")
    assert main(["package", "import", "--db", str(county), "--user", "xian", str(package),
                 "--key", str(folder / "county-key.pem")]) == 2  # fmt: skip
    assert "私钥口令不正确" in capsys.readouterr().err
    monkeypatch.setenv("STATIONDESK_KEY_PASSPHRASE", PASSPHRASE)
    importing = ["package", "import", "--db", str(county), "--user", "xian", str(package),
                 "--key", str(folder / "county-key.pem")]  # fmt: skip
    # Who sent it is not proven until the county registers the station's signing key.
    assert main(importing) == 2
    assert "签名公钥尚未在县里登记" in capsys.readouterr().err
    assert main(["package", "keys", "trust", "--db", str(county), "--user", "xian",
                 "--station", "JX0426", str(package)]) == 2  # fmt: skip
    assert "不是站点的签名公钥" in capsys.readouterr().err
    assert main(["package", "keys", "trust", "--db", str(county), "--user", "xian",
                 "--station", "JX0426", signing_file]) == 0  # fmt: skip
    assert f"签名公钥，指纹：{signing_fingerprint}" in capsys.readouterr().out
    assert main(importing) == 0
    assert "第 1 号数据包：已导入" in capsys.readouterr().out


def test_password_forces_the_password_and_install_checks_the_file(
    station: Path,
    county: Path,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("STATIONDESK_KEY_PASSPHRASE", PASSPHRASE)
    folder = tmp_path / "keys"
    assert main(["package", "keys", "create", "--out", str(folder)]) == 0
    private = str(folder / "county-key.pem")
    assert main(["package", "keys", "install", "--db", str(station), "--user", "boss",
                 private]) == 2  # fmt: skip
    assert "不是县里的公钥" in capsys.readouterr().err
    public = str(folder / "county-key.pub.pem")
    assert main(["package", "keys", "install", "--db", str(station), "--user", "boss",
                 public]) == 0  # fmt: skip
    capsys.readouterr()
    package = tmp_path / "1.sdpkg"
    assert main(["package", "export", "--db", str(station), "--user", "boss",
                 "--out", str(package), "--password"]) == 0  # fmt: skip
    assert "公钥" not in capsys.readouterr().out
    # Opened with the package password alone: the key file is not asked for.
    assert main(["package", "import", "--db", str(county), "--user", "xian", str(package),
                 "--key", str(tmp_path / "nowhere.pem")]) == 0  # fmt: skip
    printed = capsys.readouterr().out
    # The password vouches for the station's signing key the package carries.
    assert "已导入" in printed and "已登记站点的签名公钥，指纹" in printed
