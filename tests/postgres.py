"""A throw-away PostgreSQL cluster for the tests that run on both engines.

`make test` needs nothing set up: the first test that asks for PostgreSQL starts a cluster
with the distribution's `initdb` and `pg_ctl` in a temporary folder on a free local port
(as the unprivileged user `nobody` when the tests run as root, since PostgreSQL refuses to
run as root), with durability off (fsync, synchronous commit), and stops it at the end.

`STATIONDESK_TEST_PG` chooses: a URL (`postgresql+psycopg://user@host:port/postgres`) uses
that server instead; `off` runs the SQLite half only. Without PostgreSQL's binaries the
PostgreSQL half is skipped with the reason, except under CI (`CI` set), where it fails:
CI must test both engines.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

ENV = "STATIONDESK_TEST_PG"


class Unavailable(Exception):
    """PostgreSQL cannot be used here; the message says why."""


def binaries() -> Path:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    if versions:
        return Path(versions[-1]).parent
    raise Unavailable("没有找到 PostgreSQL（pg_ctl）：请安装 postgresql 软件包。")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "nobody", "--", *command]


class Cluster:
    """A throw-away server of our own, which a test may stop and start again."""

    def __init__(self, bin_dir: Path, folder: Path) -> None:
        self._bin, self._folder = bin_dir, folder
        self.data, self.port = folder / "data", _free_port()
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def _pg_ctl(self, *args: str, check: bool = True) -> None:
        subprocess.run(
            _as_server_user([str(self._bin / "pg_ctl"), "-D", str(self.data), *args]),
            check=check, capture_output=True, cwd=self._folder,
        )  # fmt: skip

    def init(self) -> None:
        subprocess.run(
            _as_server_user(
                [str(self._bin / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres",
                 "-E", "UTF8", "--locale=C.UTF-8"]
            ),
            check=True, capture_output=True, cwd=self._folder,
        )  # fmt: skip

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self._folder} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=50"
        )
        self._pg_ctl("-l", str(self._folder / "server.log"), "-o", options, "-w", "start")

    def stop(self, mode: str = "fast") -> None:
        self._pg_ctl("-m", mode, "-w", "stop", check=False)


@contextlib.contextmanager
def own_cluster() -> Iterator[Cluster]:
    """A running server of the test's own (never the one `STATIONDESK_TEST_PG` names)."""
    if os.environ.get(ENV, ""):
        raise Unavailable(f"{ENV} 已设置：不单独启动可以停止的服务器。")
    bin_dir = binaries()
    folder = Path(tempfile.mkdtemp(prefix="stationdesk-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "nobody")
    server = Cluster(bin_dir, folder)
    try:
        server.init()
        server.start()
    except subprocess.CalledProcessError as failed:
        shutil.rmtree(folder, ignore_errors=True)
        raise Unavailable(f"PostgreSQL 测试服务器没有启动：{failed.stderr!r}") from failed
    try:
        yield server
    finally:
        server.stop("immediate")
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def cluster() -> Iterator[str]:
    """Yield the URL of the maintenance database of a running throw-away server."""
    chosen = os.environ.get(ENV, "")
    if chosen == "off":
        raise Unavailable(f"{ENV}=off：只测试 SQLite。")
    if chosen:
        yield chosen
        return
    with own_cluster() as server:
        yield server.url


def required() -> bool:
    """Under CI the PostgreSQL half must run."""
    return bool(os.environ.get("CI")) and os.environ.get(ENV) != "off"
