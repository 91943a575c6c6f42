import multiprocessing

from app.cli import main

if __name__ == "__main__":
    # A frozen build starts its helper processes (the roster reader) through this entry.
    multiprocessing.freeze_support()
    raise SystemExit(main())
