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


def _binaries() -> Path:
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


@contextlib.contextmanager
def cluster() -> Iterator[str]:
    """Yield the URL of the maintenance database of a running throw-away server."""
    chosen = os.environ.get(ENV, "")
    if chosen == "off":
        raise Unavailable(f"{ENV}=off：只测试 SQLite。")
    if chosen:
        yield chosen
        return
    bin_dir = _binaries()
    folder = Path(tempfile.mkdtemp(prefix="stationdesk-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "nobody")
    data, port = folder / "data", _free_port()
    try:
        subprocess.run(
            _as_server_user(
                [str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
                 "-E", "UTF8", "--locale=C.UTF-8"]
            ),
            check=True, capture_output=True, cwd=folder,
        )  # fmt: skip
        options = (
            f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=50"
        )
        subprocess.run(
            _as_server_user(
                [str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(folder / "server.log"),
                 "-o", options, "-w", "start"]
            ),
            check=True, capture_output=True, cwd=folder,
        )  # fmt: skip
    except subprocess.CalledProcessError as failed:
        shutil.rmtree(folder, ignore_errors=True)
        raise Unavailable(f"PostgreSQL 测试服务器没有启动：{failed.stderr!r}") from failed
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            _as_server_user([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
            capture_output=True, cwd=folder,
        )  # fmt: skip
        shutil.rmtree(folder, ignore_errors=True)


def required() -> bool:
    """Under CI the PostgreSQL half must run."""
    return bool(os.environ.get("CI")) and os.environ.get(ENV) != "off"
