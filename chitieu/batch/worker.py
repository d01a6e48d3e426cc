"""The per-file function every executor runs, and the set-up of a worker process.

A worker converts one file and writes its JSON itself (atomically), and sends back only a
small `FileResult`. A worker process ignores Ctrl-C (the parent decides), dies with its
parent (a killed `chitieu convert` leaves no worker behind holding files or the lock), and
runs under a memory cap so one hostile file fails instead of taking the machine down.
"""

from __future__ import annotations

import functools
import os
import signal
import sys
import threading
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from chitieu.core.dataclass import dataclass, field
from chitieu.errors import ErrorCode, InputError
from chitieu.extract import limits as limits_module
from chitieu.extract.limits import FileTimeout, Limits

_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
_WATCHDOG_SECONDS = 1.0


@dataclass(frozen=True, slots=True)
class Job:
    """One input to convert: its absolute path, its JSON's path relative to OUT, its size."""

    input: str
    output: str
    size: int = 0


@dataclass(slots=True)
class FileResult:
    """What a worker sends back for one input: a few counts, never the document."""

    input: str
    output: str
    ok: bool = False
    sha256: str | None = None
    size: int = 0
    mtime_ns: int = 0
    records: int = 0
    warnings: dict[str, int] = field(default_factory=dict)
    unmatched: dict[str, int] = field(default_factory=dict)
    error: str | None = None
    code: ErrorCode | None = None
    traceback: str | None = None
    # the reviewers' corrections applied to it (chitieu.corrections.apply_log)
    corrections: dict = field(default_factory=dict)
    # set by the parent: the JSON of an earlier version of this input, still in the dataset
    kept_output: str | None = None


def convert_files(jobs: Sequence[Job], out_dir: str, gazetteer: tuple[str, ...] = (),
                  limits: Limits | None = None,
                  catalog: tuple[str, ...] = ()) -> list[FileResult]:
    """Convert a chunk of inputs, writing OUT/<job.output> for each. Never raises for a bad
    input: its FileResult carries the error. The same function runs in this process, in a
    local process pool and on Dask workers."""
    return [convert_file(job, out_dir, gazetteer, limits, catalog) for job in jobs]


def convert_file(job: Job, out_dir: str, gazetteer: tuple[str, ...] = (),
                 limits: Limits | None = None, catalog: tuple[str, ...] = ()) -> FileResult:
    from chitieu.emit.json_out import write_json
    from chitieu.pipeline import convert

    limits = limits or Limits()
    result = FileResult(input=job.input, output=job.output)
    path = Path(job.input)
    try:
        # stat before reading: if the file changes meanwhile, the next run sees a newer mtime
        stat = path.stat()
        result.size, result.mtime_ns = stat.st_size, stat.st_mtime_ns
        with limits_module.applied(limits), limits_module.time_limited(limits.max_seconds):
            doc = convert(path, gazetteer=worker_gazetteer(gazetteer),
                          catalog=worker_catalog(catalog))
            doc, result.corrections = _corrected(doc, out_dir, gazetteer)
            write_json(doc, Path(out_dir) / job.output)
    except InputError as exc:
        return _failed(result, str(exc.args[0]) if exc.args else str(exc), exc.code)
    except FileTimeout:
        return _failed(result, f"took longer than the limit of {limits.max_seconds:g} s per "
                       "file (raise it with --max-seconds)", ErrorCode.TIMEOUT)
    except MemoryError:
        return _failed(result, f"needed more than the limit of {limits.max_memory_mb} MB of "
                       "memory per file (raise it with --max-memory-mb)",
                       ErrorCode.OUT_OF_MEMORY)
    except OSError as exc:
        return _failed(result, f"{exc.strerror or exc}", ErrorCode.IO)
    except Exception as exc:  # a bug met on odd input must not stop a 10,000-file batch
        import traceback  # here: only a failure needs it

        result.traceback = traceback.format_exc()
        return _failed(result, f"internal error: {type(exc).__name__}: {exc}",
                       ErrorCode.INTERNAL)
    result.ok = True
    result.sha256 = doc.source.sha256
    _summarize(doc, result)
    return result


def _corrected(doc, out_dir: str, gazetteer: tuple[str, ...]):
    from chitieu.corrections import apply_log, known_names

    return apply_log(doc, out_dir, known_names(worker_gazetteer(gazetteer)))


def _failed(result: FileResult, error: str, code: ErrorCode) -> FileResult:
    result.error, result.code = error, code
    return result


def died(job: Job, detail: str = "") -> FileResult:
    """The result of a file whose worker process died while converting it."""
    return FileResult(input=job.input, output=job.output, code=ErrorCode.WORKER_DIED,
                      error=detail or "the worker process died while converting this file "
                                      "(a crash, or the memory cap: see --max-memory-mb)")


def worker_gazetteer(paths: tuple[str, ...]):
    """The gazetteer of `paths`, loaded once per process (it is costly to build and to
    pickle) and again when one of the files changes, as the catalog is."""
    return _gazetteer(_stamped(paths))


@functools.lru_cache(maxsize=4)
def _gazetteer(stamped: tuple[tuple[str, int, int], ...]):
    from chitieu.pipeline import load_gazetteer

    return load_gazetteer([path for path, _, _ in stamped])


def worker_catalog(paths: tuple[str, ...]):
    """The indicator catalog extended with the user's `paths`, built once per process and
    again when one of the files changes (a library user may edit it between two runs)."""
    return _catalog(_stamped(paths))


def _stamped(paths: tuple[str, ...]) -> tuple[tuple[str, int, int], ...]:
    """Each path with its modification time and size: a cache key that changes with a file."""
    return tuple((path, *_stamp(path)) for path in paths)


def _stamp(path: str) -> tuple[int, int]:
    try:
        stat = os.stat(path)
    except OSError:
        return (-1, -1)  # the loader reports the file
    return (stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=4)
def _catalog(stamped: tuple[tuple[str, int, int], ...]):
    from chitieu.catalog import load_catalog

    return load_catalog([path for path, _, _ in stamped])


def init_worker(gazetteer: tuple[str, ...], limits: Limits, parent: int,
                catalog: tuple[str, ...] = ()) -> None:
    """Process-pool initializer: leave Ctrl-C to the parent (it stops the pool), take the
    default SIGTERM back (the CLI's handler is inherited through fork), die with the parent,
    cap memory, and load the gazetteer and the catalog before the first file."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    die_with_parent(parent)
    limits_module.cap_memory(limits.max_memory_mb)
    worker_gazetteer(gazetteer)
    worker_catalog(catalog)


def die_with_parent(parent: int) -> None:
    """Make this process end when `parent` does: the kernel sends SIGKILL on Linux
    (PR_SET_PDEATHSIG); elsewhere a thread watches the parent's pid."""
    if sys.platform.startswith("linux") and _set_death_signal():
        if os.getppid() != parent:  # the parent died before the call: too late for it
            os._exit(1)
        return
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True,
                     name="chitieu-watchdog").start()


def _set_death_signal() -> bool:
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    import time

    while os.getppid() == parent:
        time.sleep(_WATCHDOG_SECONDS)
    os._exit(1)


def _summarize(doc, result: FileResult) -> None:
    warnings: Counter[str] = Counter(_warning_code(w) for w in doc.warnings)
    unmatched: Counter[str] = Counter()
    for record in doc.records:
        warnings.update(_warning_code(w) for w in record.warnings)
        unmatched.update(agency.name for agency in record.agencies if agency.id is None)
    result.records = len(doc.records)
    result.warnings = dict(warnings)
    result.unmatched = dict(unmatched)


def _warning_code(warning: str) -> str:
    return warning.split(":", 1)[0].strip()
