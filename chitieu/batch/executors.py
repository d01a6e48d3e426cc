"""Executors: the same per-file function, in this process, in a local process pool, or on
Dask. Each yields the results of a chunk of files as soon as the chunk is done.

One file, or `workers=1`, runs in this process: starting a pool costs more than a small
file's conversion. The memory and time limits apply there too (a soft address-space limit
lifted again after each file, and SIGALRM when this is the main thread).

Stopping: when the caller stops iterating (Ctrl-C, SIGTERM), a local pool's workers are
killed at once and the files in progress are dropped; they were not in the manifest yet,
so a re-run converts them again.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from chitieu.batch.manifest import BatchError
from chitieu.batch.worker import FileResult, Job, convert_files, died, init_worker
from chitieu.extract import limits as limits_module
from chitieu.extract.limits import Limits

# a worker's chunk: few files, so progress and resumption stay fine-grained, and a chunk of
# large files (scans, PDFs) holds one file so the last chunks do not leave a worker idle
MAX_CHUNK_FILES = 8
MAX_CHUNK_BYTES = 256 * 1024
IN_FLIGHT_PER_WORKER = 3
_STOP_SECONDS = 5.0


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def chunked(jobs: Iterable[Job], max_files: int = MAX_CHUNK_FILES,
            max_bytes: int = MAX_CHUNK_BYTES) -> Iterator[list[Job]]:
    """Jobs grouped into chunks of at most `max_files` files and (unless one file is larger)
    `max_bytes` bytes."""
    chunk: list[Job] = []
    size = 0
    for job in jobs:
        if chunk and (len(chunk) >= max_files or size + job.size > max_bytes):
            yield chunk
            chunk, size = [], 0
        chunk.append(job)
        size += job.size
    if chunk:
        yield chunk


def execute(jobs: list[Job], out_dir: Path, *, workers: int, gazetteer: tuple[str, ...],
            limits: Limits, executor: str = "local", scheduler: str | None = None,
            catalog: tuple[str, ...] = ()) -> Iterator[list[FileResult]]:
    """Run `convert_files` over `jobs`, yielding each chunk's results as soon as it is done."""
    if not jobs:
        return
    per_chunk = max(1, min(MAX_CHUNK_FILES, len(jobs) // (workers * 8)))
    chunks = chunked(jobs, max_files=per_chunk)
    if executor == "dask":
        yield from run_dask(chunks, str(out_dir), gazetteer, limits, workers, scheduler,
                            catalog)
    elif workers == 1 or len(jobs) == 1:
        yield from run_serial(chunks, str(out_dir), gazetteer, limits, catalog)
    else:
        with _Pool(workers, str(out_dir), gazetteer, limits, catalog) as pool:
            yield from pool.results(chunks)


def run_serial(chunks: Iterator[list[Job]], out_dir: str, gazetteer: tuple[str, ...],
               limits: Limits, catalog: tuple[str, ...] = ()) -> Iterator[list[FileResult]]:
    """Each chunk in this process, under the per-file memory cap."""
    for chunk in chunks:
        with limits_module.memory_capped(limits.max_memory_mb):
            results = convert_files(chunk, out_dir, gazetteer, limits, catalog)
        yield results


class _Pool:
    """A process pool with a bounded number of chunks in flight.

    When a worker dies (a crash in a C library, the OOM killer) the pool breaks and every
    chunk in flight is lost. Those files are then retried one at a time in a new pool, so
    the file that kills a worker is found and fails alone; the others convert."""

    def __init__(self, workers: int, out_dir: str, gazetteer: tuple[str, ...],
                 limits: Limits, catalog: tuple[str, ...] = ()) -> None:
        from concurrent.futures import Future

        self.workers, self.out_dir, self.gazetteer, self.limits = (workers, out_dir,
                                                                   gazetteer, limits)
        self.catalog = catalog
        self._pool = self._new_pool()
        self._pending: dict[Future, list[Job]] = {}
        self._suspects: list[Job] = []

    def results(self, chunks: Iterator[list[Job]]) -> Iterator[list[FileResult]]:
        from concurrent.futures import FIRST_COMPLETED, wait
        from concurrent.futures.process import BrokenProcessPool

        while self._refill(chunks):
            in_flight = len(self._pending)
            done, _ = wait(self._pending, return_when=FIRST_COMPLETED)
            broken = False
            for future in done:
                chunk = self._pending.pop(future)
                try:
                    results = future.result()
                except BrokenProcessPool:
                    broken = True
                    if len(chunk) > 1 or in_flight > 1:
                        self._suspects.extend(chunk)
                        continue
                    results = [died(chunk[0])]  # it was alone in the pool: the culprit
                yield results
            if broken:
                self._restart()

    def _refill(self, chunks: Iterator[list[Job]]) -> bool:
        """Submit work; False when there is none left."""
        if self._suspects:
            while not self._pending and self._suspects:
                self._submit([self._suspects.pop(0)])
            return bool(self._pending)
        while len(self._pending) < self.workers * IN_FLIGHT_PER_WORKER:
            chunk = next(chunks, None)
            if chunk is None:
                break
            if not self._submit(chunk):
                return self._refill(chunks)  # the pool broke: its files are suspects now
        return bool(self._pending)

    def _submit(self, chunk: list[Job]) -> bool:
        from concurrent.futures.process import BrokenProcessPool

        try:
            self._pending[self._pool.submit(convert_files, chunk, self.out_dir,
                                            self.gazetteer, self.limits,
                                            self.catalog)] = chunk
        except BrokenProcessPool:  # a worker died since the last wait
            self._suspects.extend(chunk)
            self._restart()
            return False
        return True

    def _restart(self) -> None:
        for chunk in self._pending.values():
            self._suspects.extend(chunk)
        self._pending.clear()
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool = self._new_pool()

    def _new_pool(self):
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(self.workers, initializer=init_worker,
                                   initargs=(self.gazetteer, self.limits, os.getpid(),
                                             self.catalog))

    def __enter__(self) -> _Pool:
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc_info: object) -> None:
        if kind is None:
            self._pool.shutdown(wait=True)
        else:  # stopped (Ctrl-C, SIGTERM, an error here): no waiting for files in progress
            self.kill()

    def kill(self) -> None:
        """Stop every worker now. The pool's processes are reached through its private
        `_processes`: the public shutdown can only wait for running tasks to end."""
        processes = list((getattr(self._pool, "_processes", None) or {}).values())
        self._pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            with contextlib.suppress(OSError, ValueError):
                process.kill()
        for process in processes:
            with contextlib.suppress(OSError, ValueError, AssertionError):
                process.join(_STOP_SECONDS)


# -- Dask ------------------------------------------------------------------------------


def run_dask(chunks: Iterator[list[Job]], out_dir: str, gazetteer: tuple[str, ...],
             limits: Limits, workers: int, scheduler: str | None,
             catalog: tuple[str, ...] = ()) -> Iterator[list[FileResult]]:
    """The same chunks on a Dask cluster: the one at `scheduler`, else a LocalCluster of
    `workers` processes. Inputs and OUT must be on a file system the workers share."""
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise BatchError("--executor dask needs Dask: pip install 'chitieu[dask]'") from None

    with contextlib.ExitStack() as stack:
        if scheduler:
            try:
                client = stack.enter_context(Client(scheduler, timeout="30s"))
            except OSError as exc:
                raise BatchError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        else:
            # silence_logs=False: Dask's loggers keep the levels the user gave them. The
            # memory cap is Dask's own (its nanny restarts a worker past it; a file that
            # keeps killing workers is reported as such); --max-memory-mb 0 is Dask's 0, no
            # cap. Dask's workers end with this process by themselves (a pipe to the parent).
            cluster = stack.enter_context(LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True,
                dashboard_address=":0", silence_logs=False,  # any free port (8787 may be taken)
                memory_limit=f"{limits.max_memory_mb}MB" if limits.max_memory_mb else 0))
            client = stack.enter_context(Client(cluster))
        in_flight = max(workers, sum(client.nthreads().values())) * IN_FLIGHT_PER_WORKER
        yield from _dask_results(client, as_completed, chunks,
                                 (out_dir, gazetteer, limits, catalog), in_flight)


def _dask_results(client, as_completed, chunks, arguments, in_flight):
    submitted = {}

    def submit(chunk: list[Job]) -> None:
        future = client.submit(convert_files, chunk, *arguments, pure=False)
        submitted[future.key] = chunk
        queue.add(future)

    queue = as_completed()
    for chunk in _take(chunks, in_flight):
        submit(chunk)
    for future in queue:
        chunk = submitted.pop(future.key)
        try:
            yield future.result()
        except Exception as exc:  # workers lost while converting it (Dask's KilledWorker)
            if len(chunk) > 1:  # find the file that kills workers: each goes alone
                for job in chunk:
                    submit([job])
                continue
            yield [died(chunk[0], f"the Dask task failed: {type(exc).__name__}: {exc}")]
        next_chunk = next(chunks, None)
        if next_chunk is not None:
            submit(next_chunk)


def _take(items: Iterator, count: int) -> Iterator:
    for _ in range(count):
        item = next(items, None)
        if item is None:
            return
        yield item
