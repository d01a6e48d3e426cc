"""A converted output folder as the review app sees it: its documents, each with the input
it came from, the reviewers' corrections, and how much of it has been reviewed.

Everything is read from what `chitieu convert` wrote: OUT/manifest.jsonl names each input
(its absolute path, its content hash, its JSON), OUT/<stem>.json holds the document, and
OUT/corrections.jsonl the corrections. Documents are addressed by their content hash, never
by a path, so no URL can name a file.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from chitieu.corrections import (
    CORRECTIONS_NAME,
    Applied,
    Correction,
    NameLookup,
    append_correction,
    apply_corrections,
    corrections_for,
    load_corrections,
)
from chitieu.models import Document
from chitieu.review.flags import Flag, record_flags

MANIFEST_NAME = "manifest.jsonl"
SHA256 = re.compile(r"^[0-9a-f]{64}$")
T = TypeVar("T")


@dataclass
class Entry:
    """One document of the dataset, as the manifest lists it."""

    doc_id: str  # the content's sha256
    input: str  # the input's absolute path when it was converted
    output: str  # its JSON, relative to OUT
    size: int
    mtime_ns: int
    records: int
    warnings: int


@dataclass
class Review:
    """A document as shown: the stored document with the corrections made since applied."""

    entry: Entry
    document: Document
    records: list[dict[str, Any]]
    flags: list[list[Flag]]
    corrections: list[Correction]
    not_applied: list[tuple[Correction, str]] = field(default_factory=list)
    # corrections saved since the last convert: shown here, in the dataset after the next one
    pending: bool = False

    @property
    def reviewed_keys(self) -> set[str]:
        return {c.key for c in self.corrections}


class Workspace:
    """OUT, read lazily and cached by file modification time (the folder changes under the
    app: a convert run, an ingested upload, a correction)."""

    def __init__(self, out_dir: Path, names: NameLookup | None = None) -> None:
        self.out_dir = Path(out_dir).resolve()
        self.names = names or (lambda kind, identifier: None)
        self._files = _FileCache()

    # -- the dataset -------------------------------------------------------------------

    def entries(self) -> dict[str, Entry]:
        """Documents by id, in the manifest's order (one entry per distinct content)."""
        return self._files.read(self.out_dir / MANIFEST_NAME, _read_manifest)

    def entry(self, doc_id: str) -> Entry | None:
        if not SHA256.match(doc_id):
            return None
        return self.entries().get(doc_id)

    def document(self, entry: Entry) -> Document:
        return self._files.read(self.inside(entry.output),
                                lambda path: Document.model_validate_json(path.read_bytes()))

    def review(self, entry: Entry) -> Review:
        corrections = corrections_for(self.corrections(), entry.doc_id)
        stored = self.document(entry)
        applied: Applied = apply_corrections(stored, corrections, self.names)
        records = [record.model_dump(mode="json") for record in applied.document.records]
        return Review(entry, applied.document, records, [record_flags(r) for r in records],
                      corrections, applied.not_applied, applied.document != stored)

    def corrections(self) -> list[Correction]:
        """The log; raises CorrectionsError when it is malformed."""
        return self._files.read(self.out_dir / CORRECTIONS_NAME, load_corrections)

    def add_correction(self, correction: Correction) -> None:
        append_correction(self.out_dir / CORRECTIONS_NAME, correction)

    def progress(self, entry: Entry) -> tuple[int, int]:
        """(records reviewed, records) of a document: a record is reviewed once a reviewer
        corrected it or marked it correct."""
        keys = {c.key for c in corrections_for(self.corrections(), entry.doc_id)
                if c.action != "delete"}
        return len(keys), entry.records

    # -- files -------------------------------------------------------------------------

    def inside(self, relative: str) -> Path:
        """OUT/relative, refusing any path that leaves OUT (ValueError)."""
        path = (self.out_dir / relative).resolve()
        if not path.is_relative_to(self.out_dir):
            raise ValueError(f"{relative!r} is outside the output folder")
        return path

    def input_file(self, entry: Entry) -> Path | None:
        """The input the document was converted from, when it still holds that content."""
        path = Path(entry.input)
        try:
            stat = path.stat()
        except OSError:
            return None
        if (stat.st_size, stat.st_mtime_ns) == (entry.size, entry.mtime_ns):
            return path
        return path if _sha256(path) == entry.doc_id else None

    def cache_dir(self, entry: Entry) -> Path:
        return self.out_dir / ".review-cache" / entry.doc_id


class _FileCache:
    """What was read from each file, read again only once the file's stamp changed."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._values: dict[Path, tuple[tuple[int, int], Any]] = {}

    def read(self, path: Path, reader: Callable[[Path], T]) -> T:
        stamp = file_stamp(path)
        with self._lock:
            cached = self._values.get(path)
        if cached is None or cached[0] != stamp:
            cached = (stamp, reader(path))
            with self._lock:
                self._values[path] = cached
        return cached[1]


def file_stamp(path: Path) -> tuple[int, int]:
    """(size, mtime) of a file, (0, 0) when it is missing: a cache key that changes with it."""
    try:
        stat = path.stat()
    except OSError:
        return (0, 0)
    return (stat.st_size, stat.st_mtime_ns)


def _read_manifest(path: Path) -> dict[str, Entry]:
    """The manifest's latest line per input (a later line supersedes an earlier one)."""
    latest: dict[str, dict] = {}
    try:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                try:
                    data = json.loads(line)
                except ValueError:
                    continue  # a line torn by a kill
                if isinstance(data, dict) and data.get("input") and data.get("sha256"):
                    latest.pop(data["input"], None)
                    latest[data["input"]] = data
    except FileNotFoundError:
        return {}
    entries: dict[str, Entry] = {}
    for data in latest.values():
        if not SHA256.match(str(data["sha256"])) or data["sha256"] in entries:
            continue
        entries[data["sha256"]] = Entry(
            data["sha256"], data["input"], data["output"], int(data.get("size", 0)),
            int(data.get("mtime_ns", 0)), int(data.get("records", 0)),
            sum((data.get("warnings") or {}).values()))
    return entries


def _sha256(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def relative_input(entry: Entry) -> str:
    return os.path.basename(entry.input)
