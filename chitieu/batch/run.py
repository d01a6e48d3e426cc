"""`convert_folder`: one run over the inputs, from discovery to the dataset's tables.

It prints nothing and decides no exit code: it returns a `BatchReport` (or raises
`BatchError` when the run cannot start) and reports progress through callbacks; the CLI
prints and exits. Ctrl-C, or SIGTERM turned into `Terminated` by the caller, stops the run
at once: the report says so, the manifest holds every file converted so far.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from chitieu.batch.discovery import walk_inputs
from chitieu.batch.executors import default_workers, execute
from chitieu.batch.manifest import (
    REPORT_NAME,
    BatchError,
    Dataset,
    Manifest,
    pipeline_fingerprint,
    plan_jobs,
)
from chitieu.batch.report import BatchReport
from chitieu.batch.worker import FileResult, worker_catalog, worker_gazetteer
from chitieu.core.dataclass import dataclass, field
from chitieu.core.logs import get_logger
from chitieu.core.patterns import lazy
from chitieu.errors import InputError
from chitieu.extract.limits import Limits

logger = get_logger(__name__)

LOCK_NAME = ".chitieu.lock"
TABLE_FILES = {
    "parquet": ("documents.parquet", "records.parquet", "assignments.parquet",
                "indicators.parquet"),
    "csv": ("records.csv",),
    "jsonl": ("records.jsonl",),
}
# the temporary files of chitieu.emit.files.atomic_path, left behind only by a killed run
_TEMPORARY = lazy(re.compile, r"^\..+\.\d+\.[0-9a-f]{8}\.tmp$")


class Terminated(KeyboardInterrupt):
    """Raised (by the CLI's SIGTERM handler) to stop a run as Ctrl-C does."""

    signum = signal.SIGTERM


@dataclass
class BatchOptions:
    output: Path = Path("output")
    formats: list[str] = field(default_factory=lambda: ["json"])
    gazetteer: list[Path] = field(default_factory=list)
    catalog: list[Path] = field(default_factory=list)  # the user's indicator CSVs
    workers: int | None = None
    force: bool = False
    executor: str = "local"
    scheduler: str | None = None
    follow_links: bool = False  # read links leading outside the input folders
    prune: bool = False  # drop documents whose inputs are gone from disk
    limits: Limits = field(default_factory=Limits)


def convert_folder(paths: Iterable[Path], options: BatchOptions, *,
                   on_start: Callable[[int], None] | None = None,
                   on_results: Callable[[list[FileResult]], None] | None = None
                   ) -> BatchReport:
    """Convert every input below `paths` into options.output; see the package docstring.

    `on_start(n)` is called with the number of files to convert, `on_results(results)` with
    each chunk's results as it arrives. Raises BatchError when the run cannot start."""
    paths = [Path(p) for p in paths]
    out_dir = _prepare_output(Path(options.output))
    try:
        with _exclusive(out_dir):
            return _run(paths, options, out_dir, on_start, on_results)
    except OSError as exc:  # the output folder, not an input: the run cannot go on
        where = exc.filename or options.output
        raise BatchError(f"{where}: cannot write the output ({exc.strerror or exc})") from None


def _run(paths: list[Path], options: BatchOptions, out_dir: Path,
         on_start: Callable[[int], None] | None,
         on_results: Callable[[list[FileResult]], None] | None) -> BatchReport:
    started = time.monotonic()
    _remove_temporaries(out_dir)
    pipeline = pipeline_fingerprint(options.gazetteer, options.catalog)
    manifest = Manifest(out_dir).load()
    corrections = _corrections_log(out_dir)
    report = BatchReport(out_dir=out_dir)
    found = walk_inputs(paths, exclude=[out_dir], follow_links=options.follow_links,
                        skipped=report.skipped)
    plan = plan_jobs(found, manifest, pipeline, force=options.force,
                     corrections=corrections_by_document(corrections))
    if plan.inputs == 0:
        named = ", ".join(str(p) for p in paths)
        raise BatchError(f"no documents found in {named} (text, Markdown, HTML, PDF, DOCX, "
                         "XLSX, CSV or images, by extension or by content)")
    report.inputs, report.unchanged, report.planned = plan.inputs, plan.unchanged, len(plan.jobs)
    workers = max(1, options.workers or default_workers())
    gazetteer = tuple(str(Path(p).resolve()) for p in options.gazetteer)
    catalog = tuple(str(Path(p).resolve()) for p in options.catalog)
    _load_gazetteer(gazetteer, catalog)
    if on_start is not None:
        on_start(len(plan.jobs))
    try:
        with contextlib.closing(execute(
                plan.jobs, out_dir, workers=workers, gazetteer=gazetteer,
                limits=options.limits, executor=options.executor,
                scheduler=options.scheduler, catalog=catalog)) as finished:
            for results in finished:
                _record(results, manifest, pipeline, report)
                if on_results is not None:
                    on_results(results)
    except KeyboardInterrupt as exc:
        # what is in the manifest is complete on disk: a re-run resumes from there
        report.interrupted = getattr(exc, "signum", signal.SIGINT)
        report.seconds = time.monotonic() - started
        logger.info("stopped by signal %s after %d files", report.interrupted,
                    report.converted)
        return report
    report.dataset = manifest.close(plan.restat, present=plan.present, prune=options.prune)
    previous = _read_report(out_dir)
    report.tables = _write_tables(report.dataset, manifest, options.formats,
                                  previous.get("tables") or {}, worker_catalog(catalog))
    report.corrections = corrections_report(report.dataset, manifest, corrections)
    report.seconds = time.monotonic() - started
    from chitieu.emit.files import write_bytes_atomic

    write_bytes_atomic(out_dir / REPORT_NAME, _json_bytes(report.to_dict()))
    return report


def _record(results: list[FileResult], manifest: Manifest, pipeline: str,
            report: BatchReport) -> None:
    manifest.append((r for r in results if r.ok), pipeline)
    for result in results:
        if result.ok:
            report.converted += 1
            continue
        previous = manifest.index.get(result.input)
        result.kept_output = previous.output if previous else None
        report.failures.append(result)
        logger.debug("%s failed: %s", result.input, result.error)


def _corrections_log(out_dir: Path) -> list:
    from chitieu.corrections import CORRECTIONS_NAME, CorrectionsError, load_corrections

    try:
        return load_corrections(out_dir / CORRECTIONS_NAME)
    except CorrectionsError as exc:  # one clear error, before any file is converted
        raise BatchError(str(exc)) from None


def corrections_by_document(corrections: list) -> dict[str, str]:
    """The digest of each document's corrections, by its content hash."""
    from chitieu.corrections import corrections_digest, corrections_for

    return {sha: corrections_digest(corrections_for(corrections, sha))
            for sha in {c.document for c in corrections}}


def corrections_report(dataset: Dataset, manifest: Manifest, corrections: list) -> dict:
    """How many corrections the dataset holds, the ones that did not apply and why, and the
    ones made on content that no input has any more (the document changed since)."""
    from chitieu.corrections import describe

    present = {entry.sha256 for entry in manifest.index.values()}
    return {
        "applied": dataset.corrections_applied,
        "not_applied": dataset.corrections_not_applied + [
            describe(c, "the document's content changed since the correction was made")
            for c in corrections if c.document not in present],
    }


def _load_gazetteer(gazetteer: tuple[str, ...], catalog: tuple[str, ...] = ()) -> None:
    # loaded here first: a bad gazetteer or catalog file is one clear error, not a failure
    # per input, and forked workers inherit them ready-made
    try:
        worker_gazetteer(gazetteer)
        worker_catalog(catalog)
    except InputError as exc:
        raise BatchError(str(exc)) from None


def _prepare_output(out_dir: Path) -> Path:
    if out_dir.exists() and not out_dir.is_dir():
        raise BatchError(f"{out_dir}: the output must be a folder, and this is a file")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BatchError(f"{out_dir}: cannot create the output folder: {exc.strerror}") from None
    return out_dir.resolve()


@contextlib.contextmanager
def _exclusive(out_dir: Path) -> Iterator[None]:
    """Hold OUT for this run: two runs appending to one manifest would mix their work. The
    lock is an OS lock on OUT/.chitieu.lock: it goes with the process holding it, so the
    lock of a killed run is taken over by the next one."""
    try:
        release = _os_lock(out_dir / LOCK_NAME)
    except OSError as exc:
        raise BatchError(f"{out_dir}: cannot write to the output folder ({exc.strerror}); "
                         "choose another with -o") from None
    if release is None:
        raise BatchError(f"{out_dir}: another chitieu convert is writing to this folder; "
                         "wait for it to finish")
    try:
        yield
    finally:
        release()


def _os_lock(path: Path) -> Callable[[], None] | None:
    """Take the lock at `path` without waiting: the function that releases it, or None when
    another process holds it. flock(2) where there is one (what filelock does there, without
    its 10 ms import), filelock elsewhere."""
    try:
        import fcntl
    except ImportError:
        from filelock import FileLock, Timeout

        lock = FileLock(path, timeout=0)
        try:
            lock.acquire()
        except Timeout:
            return None
        return lock.release
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    except BaseException:
        os.close(fd)
        raise
    return lambda: os.close(fd)  # closing the last descriptor releases the lock


def _remove_temporaries(out_dir: Path) -> None:
    for folder, _, files in os.walk(out_dir):
        for name in files:
            if _TEMPORARY.match(name):
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(folder, name))


def _read_report(out_dir: Path) -> dict:
    try:
        data = json.loads((out_dir / REPORT_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _json_bytes(data: dict) -> bytes:
    # "backslashreplace": a stray surrogate (a name that is not UTF-8) stays a JSON escape
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8",
                                                                         "backslashreplace")


def _write_tables(dataset: Dataset, manifest: Manifest, formats: Iterable[str],
                  built: dict[str, str], catalog=None) -> dict[str, str]:
    """Rebuild each requested table format whose files are missing or older than the
    dataset (with Parquet, also indicators.parquet from `catalog`); returns, per format, the
    dataset fingerprint its files now match."""
    out_dir = manifest.out_dir
    built = {name: fp for name, fp in built.items() if name in TABLE_FILES}
    stale = [name for name in TABLE_FILES if name in set(formats) and (
        built.get(name) != dataset.fingerprint
        or not all((out_dir / f).is_file() for f in TABLE_FILES[name]))]
    if not stale or not dataset.documents:
        return built
    if {"parquet", "csv"} & set(stale):
        from chitieu.emit.tables import write_tables_from_json_files

        write_tables_from_json_files(manifest.json_files(), out_dir,
                                     parquet="parquet" in stale, csv="csv" in stale,
                                     catalog=catalog)
    if "parquet" in stale:
        from chitieu.emit.duckdb_file import write_duckdb

        write_duckdb(out_dir)  # the tables as SQL views, when DuckDB is installed
    if "jsonl" in stale:
        from chitieu.emit.json_out import write_jsonl
        from chitieu.models import Document

        documents = (Document.model_validate_json(path.read_bytes())
                     for path in manifest.json_files())
        write_jsonl(documents, out_dir / "records.jsonl")
    return {**built, **dict.fromkeys(stale, dataset.fingerprint)}
