"""Convert files and folders into the dataset: parallel, resumable, reported.

What a run leaves in the output folder OUT:

    OUT/<input's folders>/<stem>.json   one document per input, the input's folders mirrored
    OUT/manifest.jsonl                  one line per converted input: content hash, summary
    OUT/report.json                     this run's failures and the dataset's summary
    OUT/documents.parquet …             the dataset tables (--format parquet, csv, jsonl)

A worker converts one file and writes its JSON itself (atomically), and sends back only a
small `FileResult`; the parent appends it to the manifest at once. So the parent's memory
does not grow with the documents, a killed run resumes where it stopped (the manifest
names only files whose JSON is complete), and a re-run converts only inputs whose content,
or the pipeline (code, data files, gazetteers), changed. The tables are rebuilt from the
per-file JSON whenever the dataset changed, so they always match it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import json
import os
import re
import secrets
import sys
import time
import traceback
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePosixPath

from chitieu.errors import InputError

MANIFEST_NAME = "manifest.jsonl"
REPORT_NAME = "report.json"
LOCK_NAME = ".chitieu.lock"
MANIFEST_HEADER = {"chitieu_manifest": 1}
TABLE_FILES = {
    "parquet": ("documents.parquet", "records.parquet", "assignments.parquet"),
    "csv": ("records.csv",),
    "jsonl": ("records.jsonl",),
}

# Inputs recognised by their name; any other file is opened and kept if its content is a
# document (a PDF saved as ".dat", a text appendix with no extension).
INPUT_SUFFIXES = frozenset({
    ".txt", ".text", ".tsv", ".md", ".markdown", ".html", ".htm", ".xhtml", ".pdf", ".docx",
    ".doc", ".xlsx", ".xls", ".csv", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".gif",
    ".webp",
})
# Never documents, not even opened: our own outputs, code, archives, databases, editor files.
NOT_INPUT_SUFFIXES = frozenset({
    ".json", ".jsonl", ".parquet", ".py", ".pyc", ".log", ".yaml", ".yml", ".toml", ".ini",
    ".cfg", ".zip", ".gz", ".bz2", ".xz", ".tar", ".7z", ".rar", ".exe", ".dll", ".so", ".db",
    ".sqlite", ".lock", ".tmp", ".bak", ".swp", ".js", ".css", ".sh", ".bat", ".ps1",
})
_DOCUMENT_KINDS = frozenset({"pdf", "image", "docx", "xlsx", "textfile"})
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# the temporary files of chitieu.emit.files.atomic_path, left behind only by a killed run
_TEMPORARY = re.compile(r"^\..+\.\d+\.[0-9a-f]{8}\.tmp$")
# a worker's chunk: few files, so progress and resumption stay fine-grained, and a chunk of
# large files (scans, PDFs) holds one file so the last chunks do not leave a worker idle
_MAX_CHUNK_FILES = 8
_MAX_CHUNK_BYTES = 256 * 1024
_IN_FLIGHT_PER_WORKER = 3


class BatchError(Exception):
    """The batch cannot run at all (the CLI exits with 2): a busy or unusable output
    folder, an executor that is not installed."""


@dataclass
class BatchOptions:
    output: Path = Path("output")
    formats: list[str] = field(default_factory=lambda: ["json"])
    gazetteer: list[Path] = field(default_factory=list)
    workers: int | None = None
    force: bool = False
    quiet: bool = False
    executor: str = "local"
    scheduler: str | None = None


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
    code: str | None = None
    traceback: str | None = None
    # the reviewers' corrections applied to it (chitieu.corrections.apply_log)
    corrections: dict = field(default_factory=dict)
    # set by the parent: the JSON of an earlier version of this input, still in the dataset
    kept_output: str | None = None


# -- the per-file function (runs in the workers) -----------------------------------------


def convert_files(jobs: Sequence[Job], out_dir: str,
                  gazetteer: tuple[str, ...] = ()) -> list[FileResult]:
    """Convert a chunk of inputs, writing OUT/<job.output> for each. Never raises for a bad
    input: its FileResult carries the error. The same function runs in a local process pool
    and on Dask workers."""
    return [convert_file(job, out_dir, gazetteer) for job in jobs]


def convert_file(job: Job, out_dir: str, gazetteer: tuple[str, ...] = ()) -> FileResult:
    from chitieu.emit.json_out import write_json
    from chitieu.pipeline import convert

    result = FileResult(input=job.input, output=job.output)
    path = Path(job.input)
    try:
        # stat before reading: if the file changes meanwhile, the next run sees a newer mtime
        stat = path.stat()
        result.size, result.mtime_ns = stat.st_size, stat.st_mtime_ns
        doc = convert(path, gazetteer=worker_gazetteer(gazetteer))
        doc, result.corrections = _corrected(doc, out_dir, gazetteer)
        write_json(doc, Path(out_dir) / job.output)
    except InputError as exc:
        result.error, result.code = str(exc.args[0]) if exc.args else str(exc), exc.code
        return result
    except OSError as exc:
        result.error, result.code = f"{exc.strerror or exc}", "io"
        return result
    except Exception as exc:  # a bug met on odd input must not stop a 10,000-file batch
        result.error, result.code = f"internal error: {type(exc).__name__}: {exc}", "internal"
        result.traceback = traceback.format_exc()
        return result
    result.ok = True
    result.sha256 = doc.source.sha256
    _summarize(doc, result)
    return result


def _corrected(doc, out_dir: str, gazetteer: tuple[str, ...]):
    from chitieu.corrections import apply_log

    agencies = worker_gazetteer(gazetteer)
    return apply_log(doc, out_dir,
                     lambda agency_id: agencies.name_of(agency_id) if agency_id in agencies
                     else None)


@functools.lru_cache(maxsize=4)
def worker_gazetteer(paths: tuple[str, ...]):
    """The gazetteer of `paths`, loaded once per process (it is costly to build and to pickle)."""
    from chitieu.pipeline import load_gazetteer

    return load_gazetteer(list(paths))


def init_worker(gazetteer: tuple[str, ...]) -> None:
    """Process-pool initializer: load the gazetteer before the first file; leave Ctrl-C to
    the parent, which stops the pool and keeps what is done."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    worker_gazetteer(gazetteer)


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


# -- finding the inputs ------------------------------------------------------------------


def collect_inputs(paths: Iterable[Path], exclude: Iterable[Path] = ()) -> list[Path]:
    """Files named directly, and the documents below the named folders, in a stable order.

    Hidden files and folders, the folders in `exclude`, and any folder holding a chitieu
    manifest (an output folder) are skipped. A file is kept by its extension, or, when the
    extension says nothing, by its content."""
    return [path for path, _ in walk_inputs(paths, exclude)]


def walk_inputs(paths: Iterable[Path], exclude: Iterable[Path] = ()
                ) -> Iterator[tuple[Path, PurePosixPath]]:
    """(file, where its output goes relative to OUT, with the suffix still on) for each input."""
    excluded = {Path(p).resolve() for p in exclude}
    for root in paths:
        root = Path(root)
        if root.is_dir():
            yield from _walk_folder(root, excluded)
        else:
            # named on purpose: kept whatever it is; a missing one fails in the report
            yield root, PurePosixPath(root.name)


def _walk_folder(root: Path, excluded: set[Path]) -> Iterator[tuple[Path, PurePosixPath]]:
    if root.resolve() in excluded or _is_output_folder(root):
        return
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(
            name for name in subfolders
            if not name.startswith(".") and Path(folder, name).resolve() not in excluded
            and not _is_output_folder(Path(folder, name))
        )
        relative = PurePosixPath(Path(folder).relative_to(root).as_posix())
        for name in sorted(files):
            path = Path(folder, name)
            if not name.startswith(".") and _is_document(path):
                yield path, relative / name


def _is_output_folder(folder: Path) -> bool:
    try:
        with (folder / MANIFEST_NAME).open("rb") as fh:
            return fh.read(40).startswith(b'{"chitieu_manifest"')
    except OSError:
        return False


def _is_document(path: Path) -> bool:
    suffix = path.suffix.lower()
    if suffix in INPUT_SUFFIXES:
        return True
    if suffix in NOT_INPUT_SUFFIXES or not path.is_file():
        return False
    from chitieu.extract.detect import sniff_file_type

    try:
        kind = sniff_file_type(path)
        if kind in ("docx", "xlsx"):
            return _is_office_zip(path)
        if kind == "textfile":
            with path.open("rb") as fh:
                head = fh.read(2048)
            return bool(head.strip()) and (b"\x00" not in head or head.startswith(_UTF16_BOMS))
    except OSError:
        return False
    return kind in _DOCUMENT_KINDS


def _is_office_zip(path: Path) -> bool:
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError):
        return False
    return "word/document.xml" in names or "xl/workbook.xml" in names


# -- the manifest ------------------------------------------------------------------------


@dataclass(slots=True)
class ManifestEntry:
    output: str
    sha256: str
    size: int
    mtime_ns: int
    pipeline: str
    line: int
    corrections: str = ""  # the digest of the corrections applied to its JSON


@dataclass
class Dataset:
    """What the output folder holds after a run, summed from the manifest."""

    documents: int = 0
    with_warnings: int = 0
    records: int = 0
    warnings: Counter[str] = field(default_factory=Counter)
    unmatched: Counter[str] = field(default_factory=Counter)
    fingerprint: str = ""
    corrections_applied: int = 0
    corrections_not_applied: list[dict] = field(default_factory=list)


class Manifest:
    """OUT/manifest.jsonl: a header line, then one line per converted input, appended (and
    fsync'd) as results arrive. A later line for the same input supersedes an earlier one;
    `close` rewrites the file with the latest lines only. A line torn by a kill is ignored.

    In memory it keeps only an index (input → hash, size, mtime, output, line number); the
    per-file summaries stay on disk and are summed while streaming the file in `close`."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.path = out_dir / MANIFEST_NAME
        self.index: dict[str, ManifestEntry] = {}
        self._lines = 0
        self._file = None
        self._appended = False

    def load(self) -> Manifest:
        if not self.path.exists():
            return self
        with self.path.open("r", encoding="utf-8") as fh:
            for number, line in enumerate(fh, start=1):
                self._lines = number
                entry = _entry_of(_parse_line(line), number)
                if entry is not None:
                    self.index[entry[0]] = entry[1]
        return self

    def outputs(self) -> set[str]:
        return {entry.output.lower() for entry in self.index.values()}

    def append(self, results: Iterable[FileResult], pipeline: str) -> None:
        """Record converted files (their JSON is complete on disk) durably."""
        results = list(results)
        if not results:
            return
        handle = self._open_for_append()
        lines = []
        for result in results:
            self._lines += 1
            self.index[result.input] = ManifestEntry(
                result.output, result.sha256 or "", result.size, result.mtime_ns, pipeline,
                self._lines, result.corrections.get("digest", ""))
            lines.append(json.dumps(_manifest_line(result, pipeline), ensure_ascii=False,
                                    separators=(",", ":")) + "\n")
        handle.write("".join(lines))
        handle.flush()
        os.fsync(handle.fileno())
        self._appended = True

    def close(self, restat: dict[str, tuple[int, int]]) -> Dataset:
        """Sum up the dataset, dropping superseded lines and entries whose JSON is gone, and
        rewrite the manifest when that changes it. `restat` holds new (size, mtime_ns) of
        inputs found unchanged by their hash although their mtime moved."""
        if self._file is not None:
            self._file.close()
            self._file = None
        changed = bool(restat) or self._appended or not self.path.exists()
        dataset, digest = Dataset(), hashlib.sha256()
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.{secrets.token_hex(4)}"
                                        ".tmp")
        try:
            with temporary.open("w", encoding="utf-8") as kept:
                kept.write(_dump_line(MANIFEST_HEADER))
                for number, data in self._lines_of_file():
                    entry = self.index.get(data["input"])
                    if entry is None or entry.line != number \
                            or not (self.out_dir / data["output"]).is_file():
                        changed = True
                        continue
                    if data["input"] in restat:
                        data["size"], data["mtime_ns"] = restat[data["input"]]
                    kept.write(_dump_line(data))
                    _add_to_dataset(dataset, data)
                    corrected = (data.get("corrections") or {}).get("digest", "")
                    digest.update(f"{data['output']}\0{data['sha256']}\0{data['pipeline']}"
                                  f"\0{corrected}\n".encode())
            if changed:
                os.replace(temporary, self.path)
        finally:
            temporary.unlink(missing_ok=True)
        dataset.fingerprint = digest.hexdigest()
        return dataset

    def json_files(self) -> Iterator[Path]:
        """The JSON of every document in the dataset (after `close`), read from the file."""
        for _, data in self._lines_of_file():
            yield self.out_dir / data["output"]

    def _lines_of_file(self) -> Iterator[tuple[int, dict]]:
        if not self.path.exists():
            return
        with self.path.open("r", encoding="utf-8") as fh:
            for number, line in enumerate(fh, start=1):
                data = _parse_line(line)
                if data is not None and "input" in data:
                    yield number, data

    def _open_for_append(self):
        if self._file is None:
            new = not self.path.exists() or self.path.stat().st_size == 0
            self._file = self.path.open("a", encoding="utf-8")
            if new:
                self._file.write(_dump_line(MANIFEST_HEADER))
                self._lines += 1
            elif not _ends_with_newline(self.path):
                self._file.write("\n")  # end the line a kill tore, so ours starts clean
        return self._file


def _manifest_line(result: FileResult, pipeline: str) -> dict:
    return {
        "input": result.input, "output": result.output, "sha256": result.sha256,
        "size": result.size, "mtime_ns": result.mtime_ns, "pipeline": pipeline,
        "records": result.records, "warnings": result.warnings, "unmatched": result.unmatched,
        **({"corrections": result.corrections} if result.corrections else {}),
    }


def _entry_of(data: dict | None, line: int) -> tuple[str, ManifestEntry] | None:
    try:
        return data["input"], ManifestEntry(data["output"], data["sha256"], int(data["size"]),
                                            int(data["mtime_ns"]), data["pipeline"], line,
                                            (data.get("corrections") or {}).get("digest", ""))
    except (KeyError, TypeError, ValueError):  # the header, or a line from elsewhere
        return None


def _parse_line(line: str) -> dict | None:
    try:
        data = json.loads(line)
    except json.JSONDecodeError:
        return None
    return data if isinstance(data, dict) else None


def _dump_line(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def _ends_with_newline(path: Path) -> bool:
    with path.open("rb") as fh:
        fh.seek(-1, os.SEEK_END)
        return fh.read(1) == b"\n"


def _add_to_dataset(dataset: Dataset, data: dict) -> None:
    dataset.documents += 1
    dataset.records += data.get("records", 0)
    warnings = data.get("warnings") or {}
    dataset.with_warnings += bool(warnings)
    dataset.warnings.update(warnings)
    dataset.unmatched.update(data.get("unmatched") or {})
    corrections = data.get("corrections") or {}
    dataset.corrections_applied += corrections.get("applied", 0)
    dataset.corrections_not_applied.extend(corrections.get("not_applied") or ())


def pipeline_fingerprint(gazetteer: Sequence[Path] = ()) -> str:
    """The version plus a hash of everything that shapes the output: the package's code and
    data files, and the user's gazetteers. A change in any of them reconverts every input."""
    from chitieu import __version__

    digest = hashlib.sha256(_package_digest().encode())
    for path in gazetteer:
        try:
            digest.update(b"gazetteer\0" + Path(path).read_bytes())
        except OSError as exc:
            raise BatchError(f"{path}: cannot read the gazetteer file ({exc.strerror})") from None
    return f"{__version__}+{digest.hexdigest()[:16]}"


@functools.cache
def _package_digest() -> str:
    # once per process: the code that runs is the code imported at start, whatever happens
    # to the files later
    import chitieu

    digest = hashlib.sha256()
    package = Path(chitieu.__file__).parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix != ".pyc" and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


# -- planning: what to convert, and where each JSON goes ---------------------------------


@dataclass
class Plan:
    jobs: list[Job] = field(default_factory=list)
    inputs: int = 0
    unchanged: int = 0
    restat: dict[str, tuple[int, int]] = field(default_factory=dict)


def plan_jobs(inputs: Iterable[tuple[Path, PurePosixPath]], manifest: Manifest, pipeline: str,
              *, force: bool = False, corrections: dict[str, str] | None = None) -> Plan:
    """Jobs for new and changed inputs. An input keeps the JSON name it got first; a new
    one gets OUT/<its folders>/<stem>.json unless another input holds that name (two files
    with one stem), then <stem>-<8 hex of its path's hash>.json, so nothing is overwritten.
    An input whose corrections (`corrections`: digest by content hash) changed since its
    JSON was written is converted again, so a reviewer's fix reaches the dataset."""
    corrections = corrections or {}
    plan = Plan()
    claimed = manifest.outputs() | {REPORT_NAME}
    seen: set[str] = set()
    for path, relative in inputs:
        key = os.path.abspath(path)
        if key in seen:  # named twice, e.g. a folder and a file in it
            continue
        seen.add(key)
        plan.inputs += 1
        entry = manifest.index.get(key)
        if entry is not None and not force and entry.pipeline == pipeline \
                and entry.corrections == corrections.get(entry.sha256, "") \
                and _unchanged(path, entry, manifest.out_dir, plan):
            plan.unchanged += 1
            continue
        output = entry.output if entry is not None else _free_name(relative, key, claimed)
        claimed.add(output.lower())
        plan.jobs.append(Job(key, output, _size(path)))
    return plan


def _unchanged(path: Path, entry: ManifestEntry, out_dir: Path, plan: Plan) -> bool:
    try:
        stat = path.stat()
    except OSError:
        return False
    if not (out_dir / entry.output).is_file():
        return False
    if (stat.st_size, stat.st_mtime_ns) == (entry.size, entry.mtime_ns):
        return True
    if stat.st_size != entry.size or _sha256(path) != entry.sha256:
        return False
    plan.restat[os.path.abspath(path)] = (stat.st_size, stat.st_mtime_ns)
    return True


def _free_name(relative: PurePosixPath, key: str, claimed: set[str]) -> str:
    folder = relative.parent
    name = str(folder / f"{relative.stem}.json")
    if name.lower() not in claimed:
        return name
    tag = hashlib.sha1(key.encode("utf-8")).hexdigest()
    for length in range(8, len(tag) + 1):
        name = str(folder / f"{relative.stem}-{tag[:length]}.json")
        if name.lower() not in claimed:
            return name
    raise BatchError(f"no free output name for {key}")


def _sha256(path: Path) -> str:
    with path.open("rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def chunked(jobs: Iterable[Job], max_files: int = _MAX_CHUNK_FILES,
            max_bytes: int = _MAX_CHUNK_BYTES) -> Iterator[list[Job]]:
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


# -- executors: the same per-file function, in-process, in a process pool, or on Dask -----


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def execute(jobs: list[Job], out_dir: Path, options: BatchOptions) -> Iterator[list[FileResult]]:
    """Run `convert_files` over `jobs`, yielding each chunk's results as soon as it is done."""
    if not jobs:
        return
    workers = max(1, options.workers or default_workers())
    gazetteer = tuple(str(Path(p).resolve()) for p in options.gazetteer)
    # loaded here first: a bad gazetteer file is one clear error, not a failure per input,
    # and forked workers inherit it ready-made
    try:
        worker_gazetteer(gazetteer)
    except InputError as exc:
        raise BatchError(str(exc)) from None
    per_chunk = max(1, min(_MAX_CHUNK_FILES, len(jobs) // (workers * 8)))
    chunks = chunked(jobs, max_files=per_chunk)
    if options.executor == "dask":
        yield from _run_dask(chunks, str(out_dir), gazetteer, workers, options.scheduler)
    elif workers == 1:
        yield from (convert_files(chunk, str(out_dir), gazetteer) for chunk in chunks)
    else:
        yield from _run_pool(chunks, str(out_dir), gazetteer, workers)


def _run_pool(chunks: Iterator[list[Job]], out_dir: str, gazetteer: tuple[str, ...],
              workers: int) -> Iterator[list[FileResult]]:
    with _Pool(workers, out_dir, gazetteer) as pool:
        yield from pool.results(chunks)


class _Pool:
    """A process pool with a bounded number of chunks in flight.

    When a worker dies (a crash in a C library, the OOM killer) the pool breaks and every
    chunk in flight is lost. Those files are then retried one at a time in a new pool, so
    the file that kills a worker is found and fails alone; the others convert."""

    def __init__(self, workers: int, out_dir: str, gazetteer: tuple[str, ...]) -> None:
        from concurrent.futures import Future

        self.workers, self.out_dir, self.gazetteer = workers, out_dir, gazetteer
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
                    results = [_died(chunk[0])]  # it was alone in the pool: the culprit
                yield results
            if broken:
                self._restart()

    def _refill(self, chunks: Iterator[list[Job]]) -> bool:
        """Submit work; False when there is none left."""
        if self._suspects:
            while not self._pending and self._suspects:
                self._submit([self._suspects.pop(0)])
            return bool(self._pending)
        while len(self._pending) < self.workers * _IN_FLIGHT_PER_WORKER:
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
                                            self.gazetteer)] = chunk
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
                                   initargs=(self.gazetteer,))

    def __enter__(self) -> _Pool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def _died(job: Job) -> FileResult:
    return FileResult(input=job.input, output=job.output,
                      error="the worker process died while converting this file",
                      code="worker_died")


def _run_dask(chunks: Iterator[list[Job]], out_dir: str, gazetteer: tuple[str, ...],
              workers: int, scheduler: str | None) -> Iterator[list[FileResult]]:
    """The same chunks on a Dask cluster: the one at `scheduler`, else a LocalCluster of
    `workers` processes. Inputs and OUT must be on a file system the workers share."""
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise BatchError("--executor dask needs Dask: pip install 'chitieu[dask]'") from None
    import logging

    with contextlib.ExitStack() as stack:
        if scheduler:
            try:
                client = stack.enter_context(Client(scheduler, timeout="30s"))
            except OSError as exc:
                raise BatchError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        else:
            cluster = stack.enter_context(LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True,
                dashboard_address=None, silence_logs=logging.ERROR))
            client = stack.enter_context(Client(cluster))
        in_flight = max(workers, sum(client.nthreads().values())) * _IN_FLIGHT_PER_WORKER
        yield from _dask_results(client, as_completed, chunks, out_dir, gazetteer, in_flight)


def _dask_results(client, as_completed, chunks, out_dir, gazetteer, in_flight):
    submitted = {}

    def submit(chunk: list[Job]) -> None:
        future = client.submit(convert_files, chunk, out_dir, gazetteer, pure=False)
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
            yield [FileResult(input=chunk[0].input, output=chunk[0].output, code="worker_died",
                              error=f"the Dask task failed: {type(exc).__name__}: {exc}")]
        next_chunk = next(chunks, None)
        if next_chunk is not None:
            submit(next_chunk)


def _take(items: Iterator, count: int) -> Iterator:
    for _ in range(count):
        item = next(items, None)
        if item is None:
            return
        yield item


# -- the run -----------------------------------------------------------------------------


@dataclass
class RunStats:
    inputs: int = 0
    converted: int = 0
    unchanged: int = 0
    failures: list[FileResult] = field(default_factory=list)


def run_batch(paths: list[Path], options: BatchOptions) -> int:
    """Convert every input into OUT; exit code 0 when all converted, 1 when some failed,
    2 when the batch cannot run."""
    try:
        out_dir = _prepare_output(Path(options.output))
        with _exclusive(out_dir):
            return _run(paths, options, out_dir)
    except BatchError as exc:
        print(f"chitieu: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # the output folder, not an input: the run cannot go on
        where = exc.filename or options.output
        print(f"chitieu: {where}: cannot write the output ({exc.strerror or exc})",
              file=sys.stderr)
        return 2


def _run(paths: list[Path], options: BatchOptions, out_dir: Path) -> int:
    from chitieu.progress import Progress

    started = time.monotonic()
    _remove_temporaries(out_dir)
    pipeline = pipeline_fingerprint(options.gazetteer)
    manifest = Manifest(out_dir).load()
    corrections = _corrections_log(out_dir)
    plan = plan_jobs(walk_inputs(paths, exclude=[out_dir]), manifest, pipeline,
                     force=options.force, corrections=corrections_by_document(corrections))
    if plan.inputs == 0:
        named = ", ".join(str(p) for p in paths)
        print(f"chitieu: no documents found in {named} (text, Markdown, HTML, PDF, DOCX, "
              "XLSX, CSV or images, by extension or by content)", file=sys.stderr)
        return 2
    run = RunStats(inputs=plan.inputs, unchanged=plan.unchanged)
    try:
        with Progress(len(plan.jobs), quiet=options.quiet) as progress, \
                contextlib.closing(execute(plan.jobs, out_dir, options)) as finished:
            for results in finished:
                manifest.append((r for r in results if r.ok), pipeline)
                for result in results:
                    if result.ok:
                        run.converted += 1
                    else:
                        previous = manifest.index.get(result.input)
                        result.kept_output = previous.output if previous else None
                        run.failures.append(result)
                        progress.note(f"chitieu: {result.input}: {result.error}")
                progress.advance(len(results))
    except KeyboardInterrupt:
        # what is in the manifest is complete on disk: a re-run resumes from there
        print(f"chitieu: interrupted: {run.converted} of {len(plan.jobs)} files converted "
              f"and kept in {out_dir}; run the same command again to resume", file=sys.stderr)
        return 130
    dataset = manifest.close(plan.restat)
    previous = _read_report(out_dir)
    tables = _write_tables(dataset, manifest, options.formats, previous.get("tables") or {})
    report = build_report(run, dataset, tables, time.monotonic() - started)
    report["corrections"] = corrections_report(dataset, manifest, corrections)
    from chitieu.emit.files import write_bytes_atomic

    write_bytes_atomic(out_dir / REPORT_NAME,
                       (json.dumps(report, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    print_summary(report, out_dir, quiet=options.quiet)
    return 1 if run.failures else 0


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
    """Hold OUT for this run: two runs appending to one manifest would mix their work."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock
        yield
        return
    try:
        handle = (out_dir / LOCK_NAME).open("a")
    except OSError as exc:
        raise BatchError(f"{out_dir}: cannot write to the output folder ({exc.strerror}); "
                         "choose another with -o") from None
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BatchError(f"{out_dir}: another chitieu convert is writing to this folder; "
                             "wait for it to finish") from None
        yield


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


def _write_tables(dataset: Dataset, manifest: Manifest, formats: Iterable[str],
                  built: dict[str, str]) -> dict[str, str]:
    """Rebuild each requested table format whose files are missing or older than the
    dataset; returns, per format, the dataset fingerprint its files now match."""
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
                                     parquet="parquet" in stale, csv="csv" in stale)
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


# -- report and summary ------------------------------------------------------------------


def build_report(run: RunStats, dataset: Dataset, tables: dict[str, str],
                 seconds: float) -> dict:
    """OUT/report.json: this run (what was converted, what failed and why) and the dataset
    now in OUT (documents, records, warnings by code, agencies missing from the gazetteer)."""
    from chitieu import __version__

    return {
        "chitieu": __version__,
        "finished": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "seconds": round(seconds, 3),
        "run": {"inputs": run.inputs, "converted": run.converted, "unchanged": run.unchanged,
                "failed": len(run.failures)},
        "failed": [_failure(result) for result in run.failures],
        "dataset": {
            "documents": dataset.documents,
            "ok": dataset.documents - dataset.with_warnings,
            "with_warnings": dataset.with_warnings,
            "records": dataset.records,
            "warnings": dict(sorted(dataset.warnings.items(), key=lambda kv: (-kv[1], kv[0]))),
            "agency_unmatched": [{"name": name, "count": count} for name, count in
                                 sorted(dataset.unmatched.items(), key=lambda kv: (-kv[1], kv[0]))],
        },
        "tables": tables,
    }


def _failure(result: FileResult) -> dict:
    failure = {key: value for key, value in asdict(result).items()
               if key in ("input", "error", "code", "kept_output", "traceback")
               and value is not None}
    return failure


def print_summary(report: dict, out_dir: Path, *, quiet: bool = False,
                  stream=None, top: int = 10) -> None:
    stream = stream if stream is not None else sys.stderr
    run, dataset, failed = report["run"], report["dataset"], report["failed"]
    where = out_dir / REPORT_NAME
    if run["inputs"] == 1 and failed:
        # One file that failed: its error line says it all (printed here when quiet).
        if quiet:
            print(f"chitieu: {failed[0]['input']}: {failed[0]['error']}", file=stream)
        return
    if quiet:
        if failed:
            print(f"chitieu: {len(failed)} of {run['inputs']} files failed; see {where}",
                  file=stream)
        return
    lines = [
        f"chitieu: {run['inputs']} files: {run['converted']} converted, {run['unchanged']} "
        f"unchanged, {run['failed']} failed",
        f"chitieu: dataset in {out_dir}: {dataset['documents']} documents ({dataset['ok']} ok, "
        f"{dataset['with_warnings']} with warnings), {dataset['records']} records",
    ]
    if dataset["warnings"]:
        lines.append("chitieu: warnings: " + ", ".join(
            f"{code} {count}" for code, count in dataset["warnings"].items()))
    unmatched = dataset["agency_unmatched"]
    if unmatched:
        shown = ", ".join(f"{item['name']} ({item['count']})" for item in unmatched[:top])
        more = f" and {len(unmatched) - top} more" if len(unmatched) > top else ""
        lines.append(f"chitieu: agencies not in the gazetteer: {shown}{more}")
    corrections = report.get("corrections") or {}
    if corrections.get("applied") or corrections.get("not_applied"):
        lines.append(f"chitieu: corrections: {corrections['applied']} applied, "
                     f"{len(corrections['not_applied'])} not applied")
    for failure in failed[:top]:
        kept = " (its earlier JSON stays in the dataset)" if "kept_output" in failure else ""
        lines.append(f"chitieu: failed: {failure['input']}: {failure['error']}{kept}")
    if failed or unmatched or corrections.get("not_applied"):
        lines.append(f"chitieu: details in {where}")
    print("\n".join(lines), file=stream)
