"""The programs of the PyInstaller build: the same commands as `stationdesk` (none opens the
window), and `--self-test` even before app.cli knows it."""

import sys


def main() -> int:
    if sys.argv[1:2] == ["--self-test"]:
        from app.selftest import main as self_test

        return self_test(sys.argv[2:])
    from app.cli import main as cli  # app/cli.py or an app/cli/ package alike

    return cli()


if __name__ == "__main__":
    raise SystemExit(main())
