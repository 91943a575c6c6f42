"""The programs of the PyInstaller build: the same commands as `stationdesk` (without one,
the window), `--self-test` included."""

import multiprocessing
import sys


def main() -> int:
    from app.cli import main as cli

    return cli(sys.argv[1:])


if __name__ == "__main__":
    # The roster reader runs in a helper process; a frozen build starts it through here.
    multiprocessing.freeze_support()
    raise SystemExit(main())
