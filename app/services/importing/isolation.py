"""Running the Excel reader in a child process, so a damaged file cannot take the app down.

A few flipped bytes in an old .xls can make the reader ask for gigabytes at once; the
allocation fails and the reader aborts the whole process (seen in the import fuzz test),
or the system's out-of-memory killer ends the app. In a child process with a memory cap
that costs the child only: the parent sees it die and reports a damaged file.

The child is forked from a small fork server on Linux and macOS (a few milliseconds a
call) and spawned on Windows, where `multiprocessing.freeze_support()` in the entry point
lets a frozen build do the same.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from app.domain.errors import InvalidInput

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

T = TypeVar("T")

MEMORY_CAP = 3 * 1024**3  # bytes of address space; a 100 MB roster needs well under 1 GB
TIMEOUT_S = 300
DAMAGED_MESSAGE = "文件不完整或已损坏（可能没有下载完或拷贝中断），请重新获取文件。"
TOO_SLOW_MESSAGE = "读取这个文件用时过长，已停止。文件可能已损坏，请重新获取文件。"

_context: Any = None


def _mp_context() -> Any:
    global _context
    if _context is None:
        # Here, with the first roster read: the window that shows the clients page
        # need not carry multiprocessing's modules.
        import multiprocessing

        if sys.platform == "win32":
            _context = multiprocessing.get_context("spawn")
        else:
            _context = multiprocessing.get_context("forkserver")
            _context.set_forkserver_preload([__name__, "python_calamine"])
    return _context


def run_isolated(fn: Callable[..., T], *args: object) -> T:
    """`fn(*args)` in a child process; `fn` must be a module-level function.

    An `InvalidInput` raised in the child is raised here with the same message; a child
    that dies (out of memory, an abort in native code) gives the damaged-file message.
    """
    ctx = _mp_context()
    receiver, sender = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(sender, fn, args), daemon=True)
    process.start()
    sender.close()
    try:
        if not receiver.poll(TIMEOUT_S):
            raise InvalidInput(TOO_SLOW_MESSAGE)
        outcome = receiver.recv()
    except (EOFError, OSError):
        process.join(5)
        raise InvalidInput(
            DAMAGED_MESSAGE, detail=f"reader process ended with {process.exitcode}"
        ) from None
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join(5)
    kind, value, detail = outcome
    if kind == "invalid":
        raise InvalidInput(value, detail=detail or "")
    if kind == "error":
        raise InvalidInput(DAMAGED_MESSAGE, detail=detail)
    result: T = value
    return result


def _child(sender: Connection, fn: Callable[..., Any], args: tuple[object, ...]) -> None:
    _cap_memory()
    try:
        outcome: tuple[str, Any, str | None] = ("ok", fn(*args), None)
    except InvalidInput as exc:
        outcome = ("invalid", exc.message, exc.detail)
    except Exception as exc:  # a reader bug or damage it did not foresee: never a traceback
        outcome = ("error", None, f"{type(exc).__name__}: {exc}")
    sender.send(outcome)
    sender.close()


def _cap_memory() -> None:
    try:
        import resource
    except ImportError:  # Windows: the child may still fail, but only the child
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = MEMORY_CAP if hard == resource.RLIM_INFINITY else min(MEMORY_CAP, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
