"""The canonical JSON of a document (SCHEMA.md), and JSON Lines of its records.

Output is deterministic: the same document gives byte-identical text (key order of the
models, 2-space indent, UTF-8 without ASCII escapes, a trailing newline), so outputs can be
diffed and content-hashed. A whole-number target stays a JSON integer (70, not 70.0).
pydantic-core's serializer writes it: the same layout as `json.dumps(indent=2)` at a tenth
of the cost (the standard library drops to pure Python when indenting).
"""

from __future__ import annotations

import io
import itertools
import math
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pydantic_core import to_json

from chitieu.emit.files import atomic_path
from chitieu.models import Document

_NUMBER_FIELDS = ("value", "upper")
_MEASURES = ("target", "baseline")


def document_to_dict(doc: Document) -> dict[str, Any]:
    """The document as plain JSON values, in the models' key order."""
    data = doc.model_dump(mode="json")
    for index, record in enumerate(data["records"]):
        _tidy_numbers(record, f"records/{index}")
    return data


def document_to_json(doc: Document) -> str:
    """Raises ValueError if a number is NaN or infinite (JSON has no spelling for them)."""
    out = io.BytesIO()
    for chunk in document_json_chunks(doc):
        out.write(chunk)
    return out.getvalue().decode("utf-8")


def write_json(doc: Document, path: str | Path) -> Path:
    """Write the document's JSON to `path` atomically, a batch of records at a time (a large
    document is never held as one dict or one text besides its records); returns the path."""
    with atomic_path(path) as temporary, temporary.open("wb") as out:
        for chunk in document_json_chunks(doc):
            out.write(chunk)
    return Path(path)


# Records dumped and written per batch: a seed-sized document in one go (as cheap as the
# whole document at once), a large one without its whole dict and text in memory.
BATCH = 256


def document_json_chunks(doc: Document) -> Iterator[bytes]:
    """The UTF-8 bytes of `document_to_json`, in pieces: the document with its first batch
    of records, then each further batch dumped, tidied and written at its place and
    indentation (JSON strings hold no raw line break, so every one is the layout's)."""
    batches = _record_batches(doc)
    data = next(batches)  # the document, with only its first batch of records
    for index, (key, value) in enumerate(data.items()):
        yield (b"{\n  " if index == 0 else b",\n  ") + to_json(key) + b": "
        if key != "records":
            yield to_json(value, indent=2).replace(b"\n", b"\n  ")
        elif not value:
            yield b"[]"
        else:
            yield b"[\n"
            for number, batch in enumerate(itertools.chain([value], batches)):
                # "[\n  {…},\n  {…}\n]": the records one level deeper, without the brackets
                text = to_json(batch, indent=2)[2:-2].replace(b"\n", b"\n  ")
                yield (b",\n  " if number else b"  ") + text
            yield b"\n  ]"
    yield b"\n}\n"


def _record_batches(doc: Document) -> Iterator[Any]:
    """The document as plain values with its first BATCH records, then each next batch of
    records as a list; every record tidied (see `_tidy_numbers`)."""
    records = doc.records
    for start in range(0, max(len(records), 1), BATCH):
        data = doc.model_copy(update={"records": records[start:start + BATCH]}).model_dump(
            mode="json")
        for offset, record in enumerate(data["records"]):
            _tidy_numbers(record, f"records/{start + offset}")
        yield data if start == 0 else data["records"]


def document_to_jsonl_records(doc: Document) -> Iterator[str]:
    """One compact JSON line (without its newline) per record, led by the document's id
    (`doc_id` = the source's sha256) and its file name, so lines from many files can be
    concatenated and still joined back to their documents. Records are dumped a batch at a
    time, as their lines are written."""
    source = doc.source
    batches = _record_batches(doc)
    for batch in itertools.chain([next(batches)["records"]], batches):
        for record in batch:
            line = {"doc_id": source.sha256, "file": source.file, **record}
            yield to_json(line).decode("utf-8")


def write_jsonl(docs: Iterable[Document], path: str | Path) -> int:
    """Write the records of all `docs` as JSON Lines to `path` atomically; returns how many."""
    count = 0
    with atomic_path(path) as temporary, temporary.open("w", encoding="utf-8", newline="\n") as out:
        for doc in docs:
            for line in document_to_jsonl_records(doc):
                out.write(line)
                out.write("\n")
                count += 1
    return count


def _tidy_numbers(record: dict[str, Any], where: str) -> None:
    """Whole-number measures as ints; NaN or infinity anywhere refused."""
    for name in _MEASURES:
        measure = record.get(name)
        if not measure:
            continue
        for field in _NUMBER_FIELDS:
            number = measure.get(field)
            if isinstance(number, float):
                _refuse(number, f"{where}/{name}/{field}")
                if number.is_integer():
                    measure[field] = int(number)
    for i, agency in enumerate(record.get("agencies") or ()):
        _refuse(agency.get("score"), f"{where}/agencies/{i}/score")
    for i, value in enumerate((record.get("source") or {}).get("bbox") or ()):
        _refuse(value, f"{where}/source/bbox/{i}")


def _refuse(value: float | None, where: str) -> None:
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{where}: {value} cannot be written as JSON")
