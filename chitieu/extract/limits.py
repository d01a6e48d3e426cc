"""Bounds on what one input may cost: its size, what its ZIP members inflate to, its pixels,
its spreadsheet cells, and (in a batch) the memory and time its conversion may take.

Small hostile files can ask for a lot: a 5 KB XLSX declaring a cell at XFD1048576, a 340 KB
DOCX whose XML inflates to gigabytes, a PNG header announcing 100,000 × 100,000 pixels. The
readers check these limits before they read, and refuse with one line naming the limit and
the option that raises it. The limits in force are a context variable: `chitieu convert`
sets them from its options (`--max-input-mb`, …) around each file; a library caller can do
the same with `applied(Limits(...))`, else the defaults hold.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from chitieu.core.limits import Limits
from chitieu.errors import ErrorCode, InputError

_MB = 1024 * 1024
# A ZIP member inflating more than this many times its compressed size, past the limit, is
# called a decompression bomb rather than merely a large document.
_BOMB_RATIO = 100
_READ_CHUNK = 1 << 20
_XML_NO_MEMORY = 2  # libxml2's XML_ERR_NO_MEMORY
_RESEND_SECONDS = 0.01


_DEFAULT = Limits()
_CURRENT: contextvars.ContextVar[Limits] = contextvars.ContextVar(
    "chitieu_limits", default=_DEFAULT)


def current() -> Limits:
    """The limits in force for the file being read."""
    return _CURRENT.get()


@contextlib.contextmanager
def applied(limits: Limits) -> Iterator[Limits]:
    """Read files under `limits` within the block."""
    token = _CURRENT.set(limits)
    try:
        yield limits
    finally:
        _CURRENT.reset(token)


def _over(what: str, amount: str, limit: str, option: str) -> str:
    return f"{what} is {amount}, over the limit of {limit} (raise it with {option})"


def check_input_size(path: Path, *, text: bool = False) -> None:
    """Refuse an input larger than --max-input-mb (or --max-text-mb for text-like input,
    which costs far more memory and time per byte than a PDF or a scan)."""
    limits = current()
    size = (path if isinstance(path, Path) else Path(path)).stat().st_size
    limit_mb, option = ((limits.max_text_mb, "--max-text-mb") if text
                        else (limits.max_input_mb, "--max-input-mb"))
    if size > limit_mb * _MB:
        raise InputError(_over("the file" if not text else "the text file",
                               f"{size / _MB:.4g} MB", f"{limit_mb:g} MB", option),
                         code=ErrorCode.TOO_LARGE)


def check_zip(path: Path, *, reads: tuple[str, ...] = ("",)) -> None:
    """Refuse a DOCX/XLSX whose members inflate past --max-inflated-mb: first by the sizes
    the archive declares, then by inflating each member for real (a member may lie about
    its size). An archive that does not open is left to the reader, which says so in its
    own words; a member that does not inflate (a broken deflate stream, a wrong checksum,
    cut short) is a damaged file, said here, when its name ends as one of `reads` (the
    members its reader opens; every one by default): the readers' libraries would raise it
    in ways of their own (zlib.error)."""
    import zipfile  # here: only DOCX and XLSX inputs need it (5 ms)

    from chitieu.extract.detect import zip_errors

    limit = current().max_inflated_mb * _MB
    errors = zip_errors()
    try:
        archive = zipfile.ZipFile(path)
    except errors:  # damaged, or a ZIP version it cannot read: the reader reports it
        return
    with archive:
        members = archive.infolist()
        declared = sum(info.file_size for info in members)
        compressed = max(1, sum(info.compress_size for info in members))
        if declared > limit:
            raise _inflation_error(declared, compressed, limit)
        inflated = 0
        for info in members:
            try:
                with archive.open(info) as member:
                    while chunk := member.read(_READ_CHUNK):
                        inflated += len(chunk)
                        if inflated > limit:
                            raise _inflation_error(inflated, compressed, limit)
            except RuntimeError:  # an encrypted member: the reader reports it
                return
            except errors as exc:
                if not info.filename.lower().endswith(reads):
                    continue  # a thumbnail or an image its reader never opens
                detail = str(exc).strip() or type(exc).__name__
                raise InputError(f"the file is damaged or truncated and cannot be read "
                                 f"({info.filename}: {detail})",
                                 code=ErrorCode.CORRUPT) from None


def _inflation_error(inflated: int, compressed: int, limit: float) -> InputError:
    bomb = inflated > compressed * _BOMB_RATIO
    what = "the archive's content once inflated" + (
        f" ({inflated // compressed:,}× its compressed size: a decompression bomb)"
        if bomb else "")
    return InputError(_over(what, f"over {inflated / _MB:,.0f} MB",
                            f"{limit / _MB:g} MB", "--max-inflated-mb"),
                      code=ErrorCode.DECOMPRESSION_BOMB if bomb else ErrorCode.TOO_LARGE)


def check_pixels(width: int, height: int, *, what: str = "the image",
                 file_size: int | None = None) -> None:
    """Refuse an image frame or a rendered page past --max-megapixels, before its pixels
    are decoded (a PNG header may announce far more pixels than its few bytes hold)."""
    limit = current().max_megapixels
    megapixels = width * height / 1e6
    if megapixels <= limit:
        return
    bomb = file_size is not None and width * height > file_size * 1000
    label = f"{what} ({width:,} × {height:,} pixels" + (
        ", from a few bytes: a decompression bomb)" if bomb else ")")
    raise InputError(_over(label, f"{megapixels:,.0f} megapixels", f"{limit:g} megapixels",
                           "--max-megapixels"),
                     code=ErrorCode.DECOMPRESSION_BOMB if bomb else ErrorCode.TOO_LARGE)


def check_cells(cells: int, *, what: str = "the sheet") -> None:
    """Refuse a spreadsheet grid past --max-cells (rows holding values × columns used)."""
    limit = current().max_cells
    if cells > limit:
        raise InputError(_over(f"{what}'s table", f"{cells:,} cells", f"{limit:,} cells",
                               "--max-cells"), code=ErrorCode.TOO_LARGE)


# -- memory and time of one conversion (used by the batch around each file) ---------------


class FileTimeout(BaseException):
    """The per-file time limit ran out. A BaseException, as KeyboardInterrupt: a reader's
    `except Exception` around a library call must not take it for a damaged file."""


def cap_memory(megabytes: int) -> None:
    """Limit this process's address space (soft limit; the hard one is left alone, so the
    cap can be lifted again): past it, allocations fail with MemoryError and the file being
    converted fails, not the machine. A no-op where `resource` is missing (Windows)."""
    try:
        import resource
    except ImportError:
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = megabytes * _MB if megabytes > 0 else resource.RLIM_INFINITY
    if hard != resource.RLIM_INFINITY:
        wanted = hard if wanted == resource.RLIM_INFINITY else min(wanted, hard)
    resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))


@contextlib.contextmanager
def memory_capped(megabytes: int) -> Iterator[None]:
    """`cap_memory` within the block only (the serial executor, in the caller's process)."""
    try:
        import resource
    except ImportError:
        yield
        return
    before = resource.getrlimit(resource.RLIMIT_AS)
    cap_memory(megabytes)
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, before)


@contextlib.contextmanager
def time_limited(seconds: float) -> Iterator[None]:
    """Raise FileTimeout in the block once `seconds` have passed. Works in the main thread
    of a process with SIGALRM (a worker, or the CLI's own process); elsewhere no limit."""
    if seconds <= 0 or not hasattr(signal, "setitimer"):
        yield
        return
    started = time.monotonic()
    with raising_on(signal.SIGALRM, FileTimeout) as installed:
        if installed:
            signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            if installed:
                signal.setitimer(signal.ITIMER_REAL, 0)
    # a last net: should the alarm's exception be lost again and again (raising_on sends
    # it anew after a __del__ swallowed it), a block that ran past the limit fails anyway
    if installed and time.monotonic() - started >= seconds:
        raise FileTimeout


@contextlib.contextmanager
def raising_on(signum: int, exception: type[BaseException]) -> Iterator[bool]:
    """Within the block, the signal `signum` raises `exception` in the main thread; the
    previous handler comes back after. Yields False (nothing installed) in other threads,
    where Python cannot set a handler.

    A signal handled while a `__del__` or a weakref callback runs has its exception
    swallowed ("Exception ignored in …"): then the signal is sent again, to be raised once
    that code is left, and nothing is printed."""
    if threading.current_thread() is not threading.main_thread():
        yield False
        return

    def handler(number: int, frame: object) -> None:
        raise exception

    active = True

    def again() -> None:
        if active:
            os.kill(os.getpid(), signum)

    def unraisable(swallowed: object) -> None:
        if isinstance(getattr(swallowed, "exc_value", None), exception):
            # from another thread, a moment later: sent from here it would be handled
            # (and swallowed) here again
            threading.Timer(_RESEND_SECONDS, again).start()
        else:
            previous_hook(swallowed)

    previous, previous_hook = signal.signal(signum, handler), sys.unraisablehook
    sys.unraisablehook = unraisable
    try:
        yield True
    finally:
        active = False
        signal.signal(signum, previous)
        sys.unraisablehook = previous_hook


def ran_out_of_memory(exc: BaseException) -> bool:
    """Whether a reader's exception means the memory cap was reached: a MemoryError, or
    libxml2 (lxml) failing an allocation, which it reports as a syntax error."""
    if isinstance(exc, MemoryError):
        return True
    return type(exc).__name__ == "XMLSyntaxError" and getattr(exc, "code", None) == _XML_NO_MEMORY
