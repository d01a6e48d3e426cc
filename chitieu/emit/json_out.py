"""The canonical JSON of a document (SCHEMA.md), and JSON Lines of its records.

Output is deterministic: the same document gives byte-identical text (key order of the
models, 2-space indent, UTF-8 without ASCII escapes, a trailing newline), so outputs can be
diffed and content-hashed. A whole-number target stays a JSON integer (70, not 70.0).
The layout and the spelling of numbers are those of pydantic-core's `to_json` (a float as
Python's repr, except 1e-05 → 0.00001 and 2.5e-06 → 2.5e-6): `to_json` here writes the same
text for the first documents of a process, so that converting one file does not import
pydantic, and pydantic-core's writer, faster, writes the rest.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable, Iterator
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any

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
    return "".join(document_json_chunks(doc))


def write_json(doc: Document, path: str | Path) -> Path:
    """Write the document's JSON to `path` atomically, a batch of records at a time (a large
    document is never held as one dict or one text besides its records); returns the path."""
    with atomic_path(path) as temporary, temporary.open("w", encoding="utf-8",
                                                         newline="\n") as out:
        for chunk in document_json_chunks(doc):
            out.write(chunk)
    return Path(path)


# Records dumped and written per batch: a seed-sized document in one go (as cheap as the
# whole document at once), a large one without its whole dict and text in memory. A batch
# of 256 records weighed 6 MB while written (its dicts, the Python writer's small pieces,
# the text twice): a 1 MB input's peak memory was its JSON writing, 21× the input; 64: 17×.
BATCH = 64


def document_json_chunks(doc: Document) -> Iterator[str]:
    """The text of `document_to_json`, in pieces: the document with its first batch of
    records, then each further batch dumped, tidied and written at its place and
    indentation (JSON strings hold no raw line break, so every one is the layout's)."""
    write = _writer()
    batches = _record_batches(doc)
    data = next(batches)  # the document, with only its first batch of records
    for index, (key, value) in enumerate(data.items()):
        yield ("{\n  " if index == 0 else ",\n  ") + write(key, None) + ": "
        if key != "records":
            yield write(value, 2).replace("\n", "\n  ")
        elif not value:
            yield "[]"
        else:
            yield "[\n"
            for number, batch in enumerate(itertools.chain([value], batches)):
                # "[\n  {…},\n  {…}\n]": the records one level deeper, without the brackets
                text = write(batch, 2)[2:-2].replace("\n", "\n  ")
                yield (",\n  " if number else "  ") + text
            yield "\n  ]"
    yield "\n}\n"


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
            yield _writer()(line, None)


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


# JSON texts (documents, JSON Lines records) written by `to_json` in a process before
# pydantic-core's writer takes over: it writes the same text three times faster (in Rust)
# but takes 30 ms to import, which a one-file `chitieu convert` does not win back and a
# batch does after a few documents.
PYTHON_WRITES = 16
_written = 0


def _writer() -> Callable[[Any, int | None], str]:
    global _written
    _written += 1
    if _written <= PYTHON_WRITES:
        return to_json
    try:
        from pydantic_core import to_json as rust_to_json
    except ImportError:
        return to_json
    return lambda value, indent: rust_to_json(value, indent=indent).decode("utf-8")


def to_json(value: Any, indent: int | None = None) -> str:
    """JSON text of plain values (dict, list, str, int, float, bool, None): compact, or
    indented by `indent` spaces a level with ", " → ",\n" and ": " after keys."""
    out: list[str] = []
    _write(value, out.append, "\n" if indent else "", " " * (indent or 0))
    return "".join(out)


def _write(value: Any, put: Callable[[str], None], newline: str, step: str) -> None:
    # `newline` is "\n" plus the current indentation ("" when compact); strings and null,
    # most of a document's values, are written in the loops without a call
    kind = type(value)
    if kind is dict:
        if not value:
            put("{}")
            return
        inner = newline + step
        colon = ": " if newline else ":"
        between = "{" + inner
        for key, item in value.items():
            put(between)
            put(encode_basestring(key))
            put(colon)
            if type(item) is str:
                put(encode_basestring(item))
            elif item is None:
                put("null")
            else:
                _write(item, put, inner, step)
            between = "," + inner
        put(newline + "}")
    elif kind is list or kind is tuple:
        if not value:
            put("[]")
            return
        inner = newline + step
        between = "[" + inner
        for item in value:
            put(between)
            if type(item) is str:
                put(encode_basestring(item))
            else:
                _write(item, put, inner, step)
            between = "," + inner
        put(newline + "]")
    elif isinstance(value, str):
        put(encode_basestring(value))
    elif isinstance(value, dict):
        _write(dict(value), put, newline, step)
    elif isinstance(value, list | tuple):
        _write(list(value), put, newline, step)
    else:
        put(_scalar(value))


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    raise TypeError(f"{type(value).__name__} cannot be written as JSON")


def _float(value: float) -> str:
    if not math.isfinite(value):
        raise ValueError(f"{value} cannot be written as JSON")
    text = float.__repr__(value)
    mark = text.find("e-")
    if mark < 0:
        return text
    exponent = int(text[mark + 2:])
    if exponent > 5:
        return f"{text[:mark]}e-{exponent}"
    # 1e-05, 1.5e-05: written out in full
    sign, digits = ("-", text[1:mark]) if text[0] == "-" else ("", text[:mark])
    return f"{sign}0.0000{digits.replace('.', '')}"


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
