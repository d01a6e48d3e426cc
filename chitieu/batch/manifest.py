"""OUT/manifest.jsonl: which inputs the dataset holds, and planning a run from it.

The manifest names an input only once its JSON is complete on disk, so a killed run resumes
where it stopped; an input is converted again only when its content, or the pipeline (code,
data files, gazetteers), changed. An input converted under a name that is not valid UTF-8
is written with JSON escapes (the file stays UTF-8) and read back to the same path.
"""

from __future__ import annotations

import functools
import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path, PurePosixPath

from chitieu.batch.discovery import MANIFEST_NAME, display_path
from chitieu.batch.worker import FileResult, Job
from chitieu.core.cache import cached
from chitieu.core.dataclass import dataclass, field
from chitieu.core.digest import file_sha256, sha1, sha256

REPORT_NAME = "report.json"
MANIFEST_HEADER = {"chitieu_manifest": 1}


class BatchError(Exception):
    """The batch cannot run at all (the CLI exits with ExitCode.USAGE): a busy or unusable
    output folder, no documents, a bad gazetteer, an executor that is not installed."""


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
    # (input, the earlier input with the same content): the tables hold that document once
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # inputs gone from disk, still held
    pruned: list[str] = field(default_factory=list)  # inputs gone from disk, dropped now
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
        with self._open_for_reading() as fh:
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
            lines.append(_dump_line(_manifest_line(result, pipeline)))
        handle.write("".join(lines))
        handle.flush()
        os.fsync(handle.fileno())
        self._appended = True

    def close(self, restat: dict[str, tuple[int, int]], *, present: set[str] | None = None,
              prune: bool = False) -> Dataset:
        """Sum up the dataset, dropping superseded lines and entries whose JSON is gone, and
        rewrite the manifest when that changes it. `restat` holds new (size, mtime_ns) of
        inputs found unchanged by their hash although their mtime moved. An entry not among
        the `present` inputs whose file is gone from disk is reported as missing, or with
        `prune` dropped with its JSON."""
        if self._file is not None:
            self._file.close()
            self._file = None
        changed = bool(restat) or self._appended or not self.path.exists()
        dataset, digest = Dataset(), sha256()
        first_with: dict[str, str] = {}  # content hash -> the first input holding it
        dropped: list[Path] = []
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.{os.urandom(4).hex()}"
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
                    if present is not None and _gone(data["input"], present):
                        if prune:
                            dataset.pruned.append(display_path(data["input"]))
                            dropped.append(self.out_dir / data["output"])
                            changed = True
                            continue
                        dataset.missing.append(display_path(data["input"]))
                    kept.write(_dump_line(data))
                    _add_to_dataset(dataset, data)
                    first = first_with.setdefault(data["sha256"], data["input"])
                    if first != data["input"]:
                        dataset.duplicates.append((display_path(data["input"]),
                                                   display_path(first)))
                    corrected = (data.get("corrections") or {}).get("digest", "")
                    digest.update(f"{data['output']}\0{data['sha256']}\0{data['pipeline']}"
                                  f"\0{corrected}\n".encode())
            if changed:
                os.replace(temporary, self.path)
        finally:
            temporary.unlink(missing_ok=True)
        for path in dropped:  # after the manifest stops naming them
            path.unlink(missing_ok=True)
        dataset.fingerprint = digest.hexdigest()
        return dataset

    def json_files(self) -> Iterator[Path]:
        """The JSON of every document in the dataset (after `close`), read from the file."""
        for _, data in self._lines_of_file():
            yield self.out_dir / data["output"]

    def _lines_of_file(self) -> Iterator[tuple[int, dict]]:
        if not self.path.exists():
            return
        with self._open_for_reading() as fh:
            for number, line in enumerate(fh, start=1):
                data = _parse_line(line)
                if data is not None and "input" in data:
                    yield number, data

    def _open_for_reading(self):
        # a line torn by a kill may end inside a character: it is dropped, not fatal
        return self.path.open("r", encoding="utf-8", errors="replace")

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
    line = json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:  # a file name that is not UTF-8: escaped, read back the same
        line = json.dumps(data, separators=(",", ":")) + "\n"
    return line


def _gone(input_path: str, present: set[str]) -> bool:
    return input_path not in present and not os.path.lexists(input_path)


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


def pipeline_fingerprint(gazetteer: Sequence[Path] = (), catalog: Sequence[Path] = ()) -> str:
    """The version plus a hash of everything that shapes the output: the package's code and
    data files, and the user's gazetteers and indicator catalogs. A change in any of them
    reconverts every input."""
    from chitieu import __version__

    digest = sha256(_package_digest().encode())
    for path in gazetteer:
        try:
            digest.update(b"gazetteer\0" + Path(path).read_bytes())
        except OSError as exc:
            raise BatchError(f"{path}: cannot read the gazetteer file ({exc.strerror})") from None
    for path in catalog:
        try:
            digest.update(b"catalog\0" + Path(path).read_bytes())
        except OSError as exc:
            raise BatchError(f"{path}: cannot read the catalog file ({exc.strerror})") from None
    return f"{__version__}+{digest.hexdigest()[:16]}"


@functools.cache
def _package_digest() -> str:
    # once per process: the code that runs is the code imported at start, whatever happens
    # to the files later. Reading the package's 1.7 MB costs a one-file convert ~6 ms: the
    # digest is kept in the cache folder, found by every file's path, size and mtime.
    return cached("package-digest", _hash_package_files, [])


def _hash_package_files() -> str:
    import chitieu

    digest = sha256()
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
    present: set[str] = field(default_factory=set)  # every input found, converted or not


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
    seen = plan.present
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
    if stat.st_size != entry.size or file_sha256(path) != entry.sha256:
        return False
    plan.restat[os.path.abspath(path)] = (stat.st_size, stat.st_mtime_ns)
    return True


def _free_name(relative: PurePosixPath, key: str, claimed: set[str]) -> str:
    folder = relative.parent
    name = str(folder / f"{relative.stem}.json")
    if name.lower() not in claimed:
        return name
    tag = sha1(os.fsencode(key)).hexdigest()
    for length in range(8, len(tag) + 1):
        name = str(folder / f"{relative.stem}-{tag[:length]}.json")
        if name.lower() not in claimed:
            return name
    raise BatchError(f"no free output name for {key}")


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


