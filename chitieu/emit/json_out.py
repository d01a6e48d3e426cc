"""The canonical JSON of a document (SCHEMA.md), and JSON Lines of its records.

Output is deterministic: the same document gives byte-identical text (key order of the
models, 2-space indent, UTF-8 without ASCII escapes, a trailing newline), so outputs can be
diffed and content-hashed. A whole-number target stays a JSON integer (70, not 70.0).
The layout and the spelling of numbers are those of pydantic-core's `to_json`; the text is
written straight from the objects by writers generated from the models (`json_text`), with
no dict built on the way and without importing pydantic.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any

from chitieu.emit.files import atomic_path
from chitieu.emit.json_text import any_value, field_writers, object_writer
from chitieu.models import Document, Record

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
    return "".join(document_json_chunks(doc))


def write_json(doc: Document, path: str | Path) -> Path:
    """Write the document's JSON to `path` atomically, a batch of records at a time (a large
    document is never held as one dict or one text besides its records); returns the path."""
    with atomic_path(path) as temporary, temporary.open("w", encoding="utf-8",
                                                         newline="\n") as out:
        for chunk in document_json_chunks(doc):
            out.write(chunk)
    return Path(path)


# Records written per chunk: a large document is never held as one text (with the dicts
# the writer used to build, a batch of 256 records weighed 6 MB: 64 kept a 1 MB input's peak
# at 17× its size; now a chunk is its records' text alone).
BATCH = 64


def document_json_chunks(doc: Document) -> Iterator[str]:
    """The text of `document_to_json`, in pieces: the document's fields one by one, its
    records BATCH at a time. A NaN or infinite number raises ValueError naming its place."""
    try:
        yield from _document_chunks(doc)
    except ValueError:
        _refuse_non_finite(doc)
        raise


def _document_chunks(doc: Document) -> Iterator[str]:
    writers = field_writers(Document, 1)
    for index, name in enumerate(Document.model_fields):
        yield ("{\n  " if index == 0 else ",\n  ") + encode_basestring(name) + ": "
        value = getattr(doc, name)
        if name == "records" and isinstance(value, list | tuple) and value:
            write = object_writer(Record, 2)
            for start in range(0, len(value), BATCH):
                yield ("[\n    " if start == 0 else ",\n    ") + ",\n    ".join([
                    write(record) if record.__class__ is Record else any_value(record, 2)
                    for record in value[start:start + BATCH]])
            yield "\n  ]"
        else:
            yield writers[name](value)
    yield "\n}\n"


def document_to_jsonl_records(doc: Document) -> Iterator[str]:
    """One compact JSON line (without its newline) per record, led by the document's id
    (`doc_id` = the source's sha256) and its file name, so lines from many files can be
    concatenated and still joined back to their documents."""
    source = doc.source
    lead = (f'{{"doc_id":{any_value(source.sha256, None)},'
            f'"file":{any_value(source.file, None)},')
    write = object_writer(Record, None)
    try:
        for record in doc.records:
            text = write(record) if record.__class__ is Record else any_value(record, None)
            yield lead + text[1:]
    except ValueError:
        _refuse_non_finite(doc)
        raise


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


def _refuse_non_finite(doc: Document) -> None:
    """Raise the ValueError naming where a measure, score or box holds NaN or infinity."""
    for index, record in enumerate(doc.records):
        _tidy_numbers(record.model_dump(), f"records/{index}")
