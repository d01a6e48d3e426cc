"""The dataset's tables (SCHEMA.md "Tables of the dataset"): documents, records, assignments,
and (v1.1) indicators, the catalog the records were linked to.

They join on their ids: `documents.doc_id` (the source's sha256) ⋈ `records (doc_id, key)`
⋈ `assignments (doc_id, key)`. Every column has an explicit Arrow type, so a column that is
null in a whole batch keeps its type and files from different batches concatenate. A batch
builds them from its per-file JSON (`tables_from_json_files`) or from documents in memory
(`tables_from_documents`); a file whose content was already seen (same sha256) is counted
once. pandas and pyarrow are imported inside the functions.
"""

from __future__ import annotations

import contextlib
import csv as csv_module
import datetime as dt
import functools
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chitieu.core.collector import collector_paused
from chitieu.emit.files import atomic_path
from chitieu.emit.json_out import document_to_dict
from chitieu.models import SCHEMA_VERSION, Document

if TYPE_CHECKING:
    import pyarrow as pa

    from chitieu.catalog import Catalog

INDICATORS_TABLE = "indicators"
LIST_SEPARATOR = "; "
SECTION_PATH_SEPARATOR = " > "
_MEASURE_FIELDS = ("op", "value", "upper", "unit", "text", "raw")
TABLE_NAMES = ("documents", "records", "assignments")


_MEASURES = [(f"{prefix}_{name}", "float" if name in ("value", "upper") else "text")
             for prefix in ("target", "baseline") for name in _MEASURE_FIELDS]
# each table's columns and their kinds; the Arrow schema and the CSV header come from here
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "documents": [
        ("doc_id", "text"), ("file", "text"), ("format", "text"), ("pages", "int"),
        ("ocr", "bool"), ("appendix", "text"), ("title", "text"), ("number", "text"),
        ("issued_on", "date"), ("issued_raw", "text"), ("issuer", "text"),
        ("locality_level", "text"), ("locality_name", "text"), ("locality_code", "text"),
        ("locality_province", "text"), ("n_records", "int"), ("warnings", "strings"),
    ],
    "records": [
        ("doc_id", "text"), ("key", "text"), ("number", "text"), ("section_numbers", "strings"),
        ("section_titles", "strings"), ("section_path", "text"), ("kind", "text"),
        ("name", "text"), *_MEASURES,
        ("deadline_kind", "text"), ("deadline_start", "date"), ("deadline_end", "date"),
        ("deadline_recurrence", "text"), ("deadline_raw", "text"), ("note", "text"),
        ("page", "int"), ("line_first", "int"), ("line_last", "int"),
        ("bbox", "floats"), ("warnings", "strings"),
        ("indicator_id", "text"), ("indicator_score", "float"),
    ],
    "assignments": [
        ("doc_id", "text"), ("key", "text"), ("position", "int"), ("role", "text"),
        ("agency_id", "text"), ("agency_name", "text"), ("raw", "text"), ("score", "float"),
    ],
}


@functools.lru_cache(maxsize=1)
def table_schemas() -> dict[str, pa.Schema]:
    """The Arrow schema of each table, by table name."""
    import pyarrow as pa

    types = {"text": pa.string(), "strings": pa.list_(pa.string()), "int": pa.int32(),
             "bool": pa.bool_(), "date": pa.date32(), "float": pa.float64(),
             "floats": pa.list_(pa.float64())}
    return {name: pa.schema([pa.field(column, types[kind]) for column, kind in columns])
            for name, columns in COLUMNS.items()}


@functools.lru_cache(maxsize=1)
def indicators_schema() -> pa.Schema:
    """The Arrow schema of the indicators table: one row per catalog indicator."""
    import pyarrow as pa

    text, strings = pa.string(), pa.list_(pa.string())
    target = pa.struct([("op", text), ("value", pa.float64()), ("unit", text),
                        ("year", pa.int32()), ("document", text)])
    return pa.schema([
        ("id", text), ("name", text), ("group", text), ("unit", text), ("counts", text),
        ("direction", text), ("aliases", strings), ("national_targets", pa.list_(target)),
        ("seen", strings), ("codes", strings),
    ])


def indicators_table(catalog: Catalog | None = None) -> pa.Table:
    """The catalog as a table (the built-in one when `catalog` is None)."""
    import pyarrow as pa

    from chitieu.catalog import default_catalog

    rows = [{
        "id": ind.id, "name": ind.name, "group": ind.group or None, "unit": ind.unit,
        "counts": ind.counts or None, "direction": ind.direction, "aliases": list(ind.aliases),
        "national_targets": [{"op": t.op, "value": t.value, "unit": t.unit, "year": t.year,
                              "document": t.document} for t in ind.targets],
        "seen": list(ind.seen), "codes": list(ind.codes),
    } for ind in (catalog or default_catalog()).indicators.values()]
    return pa.Table.from_pylist(rows, schema=indicators_schema())


def tables_from_documents(docs: Iterable[Document]) -> dict[str, pa.Table]:
    """The three tables of `docs`, by name ("documents", "records", "assignments")."""
    return _build(document_to_dict(doc) for doc in docs)


def tables_from_json_files(paths: Iterable[str | Path]) -> dict[str, pa.Table]:
    """The three tables rebuilt from per-file JSON documents written by `write_json`.

    Raises ValueError naming the file when one is not a contract document."""
    return _build(_load_document(Path(path)) for path in paths)


def write_tables(tables: dict[str, pa.Table], out_dir: str | Path) -> dict[str, Path]:
    """Write each table to `out_dir/<name>.parquet` atomically; returns the paths by name."""
    import pyarrow.parquet as pq

    written = {}
    for name, table in tables.items():
        path = Path(out_dir) / f"{name}.parquet"
        with atomic_path(path) as temporary:
            pq.write_table(table, temporary, compression="zstd")
        written[name] = path
    return written


def write_records_csv(records_table: pa.Table, path: str | Path) -> Path:
    """The records table as CSV for spreadsheets: UTF-8 with a BOM (so Excel reads Vietnamese
    right), lists joined with "; ", dates as YYYY-MM-DD, whole numbers without ".0"."""
    with atomic_path(path) as temporary, \
            temporary.open("w", encoding="utf-8-sig", newline="") as fh:
        _csv_writer(fh).writerows(map(_csv_cells, records_table.to_pylist()))
    return Path(path)


def write_tables_from_json_files(paths: Iterable[str | Path], out_dir: str | Path, *,
                                 parquet: bool = True, csv: bool = False,
                                 batch_size: int = 500,
                                 catalog: Catalog | None = None) -> dict[str, Path]:
    """Stream per-file JSON documents into the Parquet tables (and records.csv), a batch of
    `batch_size` documents at a time, so memory stays flat however many files there are;
    with Parquet, also the indicators table of `catalog` (the built-in one by default).
    Every file is written atomically; returns the paths written by table name. The CSV alone
    needs no pyarrow."""
    out_dir = Path(out_dir)
    with contextlib.ExitStack() as stack:
        writers, written = {}, {}
        if parquet:
            import pyarrow.parquet as pq

            schemas = table_schemas()
            for name, schema in schemas.items():
                written[name] = out_dir / f"{name}.parquet"
                temporary = stack.enter_context(atomic_path(written[name]))
                writers[name] = stack.enter_context(
                    pq.ParquetWriter(temporary, schema, compression="zstd"))
        csv_writer = None
        if csv:
            written["csv"] = out_dir / "records.csv"
            csv_file = stack.enter_context(
                atomic_path(written["csv"])).open("w", encoding="utf-8-sig", newline="")
            stack.callback(csv_file.close)
            csv_writer = _csv_writer(csv_file)
        seen: set[str] = set()
        with collector_paused():
            for batch in _batches((_load_document(Path(p)) for p in paths), batch_size):
                rows = _rows(batch, seen)
                if writers:
                    tables = _arrow_tables(rows)
                    for name, writer in writers.items():
                        writer.write_table(tables[name])
                if csv_writer is not None:
                    csv_writer.writerows(map(_csv_cells, rows["records"]))
        if not seen:  # no document: the files still get their columns
            for name, writer in writers.items():
                writer.write_table(schemas[name].empty_table())
    if parquet:
        written.update(write_tables({INDICATORS_TABLE: indicators_table(catalog)}, out_dir))
    return written


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _csv_writer(fh) -> Any:
    """A records.csv writer (of `_csv_cells` lists) with its header written: the layout
    pandas' `to_csv` gives."""
    writer = csv_module.writer(fh, lineterminator="\n")
    writer.writerow([name for name, _ in COLUMNS["records"]])
    return writer


def _csv_cells(row: dict[str, Any]) -> list[Any]:
    """A records row as CSV cells, in column order: lists joined, whole numbers without
    ".0" (None is an empty cell)."""
    return [row[name] if convert is None else convert(row[name])
            for name, convert in _CSV_CONVERTERS]


def _csv_row(row: dict[str, Any]) -> dict[str, Any]:
    """A records row as CSV cells by column name (see `_csv_cells`)."""
    return dict(zip([name for name, _ in COLUMNS["records"]], _csv_cells(row), strict=True))


def _csv_list(value: Any) -> Any:
    return None if value is None else _join_list(value)


def _csv_float(value: Any) -> Any:
    return None if value is None else _plain_number(float(value))


# per records column: how its value becomes a CSV cell (None: as it is)
_CSV_CONVERTERS = [(name, _csv_list if kind in ("strings", "floats")
                    else _csv_float if kind == "float" else None)
                   for name, kind in COLUMNS["records"]]


# -- building ------------------------------------------------------------------------------


def _build(documents: Iterable[dict[str, Any]],
           seen: set[str] | None = None) -> dict[str, pa.Table]:
    with collector_paused():  # the documents are read as _rows goes
        return _arrow_tables(_rows(documents, seen))


def _rows(documents: Iterable[dict[str, Any]],
          seen: set[str] | None = None) -> dict[str, list[dict[str, Any]]]:
    """Each table's rows, a document whose sha256 is in `seen` skipped (and `seen` grown)."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLE_NAMES}
    seen = set() if seen is None else seen
    for doc in documents:
        doc_id = doc["source"]["sha256"]
        if doc_id in seen:
            continue
        seen.add(doc_id)
        rows["documents"].append(_document_row(doc_id, doc))
        for record in doc.get("records", []):
            rows["records"].append(_record_row(doc_id, record))
            rows["assignments"].extend(_assignment_rows(doc_id, record))
    return rows


def _arrow_tables(rows: dict[str, list[dict[str, Any]]]) -> dict[str, pa.Table]:
    import pyarrow as pa

    return {name: pa.Table.from_pylist(rows[name], schema=schema)
            for name, schema in table_schemas().items()}


def _document_row(doc_id: str, doc: dict[str, Any]) -> dict[str, Any]:
    source, plan = doc["source"], doc.get("plan") or {}
    locality = plan.get("locality") or {}
    return {
        "doc_id": doc_id, "file": source.get("file"), "format": source.get("format"),
        "pages": source.get("pages"), "ocr": source.get("ocr"),
        "appendix": plan.get("appendix"), "title": plan.get("title"),
        "number": plan.get("number"), "issued_on": _date(plan.get("issued_on")),
        "issued_raw": plan.get("issued_raw"), "issuer": plan.get("issuer"),
        "locality_level": locality.get("level"), "locality_name": locality.get("name"),
        "locality_code": locality.get("code"), "locality_province": locality.get("province"),
        "n_records": len(doc.get("records", [])), "warnings": list(doc.get("warnings", [])),
    }


def _record_row(doc_id: str, record: dict[str, Any]) -> dict[str, Any]:
    sections = record.get("section") or []
    numbers = [section["number"] for section in sections]
    deadline = record.get("deadline") or {}
    source = record.get("source") or {}
    lines = source.get("lines") or [None, None]
    row = {
        "doc_id": doc_id, "key": record["key"], "number": record.get("number"),
        "section_numbers": numbers,
        "section_titles": [section["title"] for section in sections],
        "section_path": SECTION_PATH_SEPARATOR.join(numbers) if numbers else None,
        "kind": record.get("kind"), "name": record.get("name"),
        "deadline_kind": deadline.get("kind"), "deadline_start": _date(deadline.get("start")),
        "deadline_end": _date(deadline.get("end")),
        "deadline_recurrence": deadline.get("recurrence"), "deadline_raw": deadline.get("raw"),
        "note": record.get("note"), "page": source.get("page"),
        "line_first": lines[0], "line_last": lines[1], "bbox": source.get("bbox"),
        "warnings": list(record.get("warnings", [])),
        "indicator_id": (record.get("indicator") or {}).get("id"),
        "indicator_score": (record.get("indicator") or {}).get("score"),
    }
    for prefix in ("target", "baseline"):
        measure = record.get(prefix) or {}
        for name in _MEASURE_FIELDS:
            row[f"{prefix}_{name}"] = measure.get(name)
    return row


def _assignment_rows(doc_id: str, record: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for position, agency in enumerate(record.get("agencies") or [], start=1):
        yield {
            "doc_id": doc_id, "key": record["key"], "position": position,
            "role": agency.get("role"), "agency_id": agency.get("id"),
            "agency_name": agency.get("name"), "raw": agency.get("raw"),
            "score": agency.get("score"),
        }


def _load_document(path: Path) -> dict[str, Any]:
    try:
        doc = json.loads(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise ValueError(f"{path}: cannot read a JSON document ({exc})") from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("source"), dict) \
            or "sha256" not in doc["source"]:
        raise ValueError(f"{path}: not a chitieu document (no source.sha256)")
    if doc.get("schema_version") != SCHEMA_VERSION:
        raise ValueError(f"{path}: schema_version {doc.get('schema_version')!r}, "
                         f"expected {SCHEMA_VERSION!r}")
    return doc


@functools.lru_cache(maxsize=4096)
def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


# -- CSV cells -------------------------------------------------------------------------------


def _join_list(values) -> str:
    return LIST_SEPARATOR.join(str(_plain_number(value)) for value in values)


def _plain_number(value: Any) -> Any:
    """70.0 → 70 (Excel shows both the same, but the CSV stays readable); None stays None."""
    if isinstance(value, float):
        if value != value:  # NaN: an empty cell
            return None
        return int(value) if value.is_integer() else value
    return value
