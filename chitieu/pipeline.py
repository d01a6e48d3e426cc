"""The flow for one input: read → assemble → interpret → normalize → Document."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from chitieu import extract
from chitieu.assemble.table import NoTableError, assemble
from chitieu.assemble.trace import Trace
from chitieu.catalog import Catalog, link_records
from chitieu.core.collector import collector_paused
from chitieu.core.digest import sha256 as _sha256  # `sha256` names a document's hash here
from chitieu.core.tables import Table
from chitieu.core.types import RawDocument
from chitieu.errors import InputError, display_path
from chitieu.gazetteer.agencies import Gazetteer, default_gazetteer
from chitieu.interpret.plan import parse_plan
from chitieu.interpret.records import build_records
from chitieu.models import Column, Document, Source

_SOURCE_FORMATS = {"text", "markdown", "html", "pdf", "docx", "image", "xlsx", "csv"}


def load_gazetteer(paths: Sequence[str | Path] = ()) -> Gazetteer:
    """The built-in gazetteer, extended with the user's CSV files."""
    return Gazetteer.load([Path(p) for p in paths]) if paths else default_gazetteer()


def convert(path: str | Path, *, gazetteer: Gazetteer | None = None,
            layout: str | None = None, catalog: Catalog | None = None) -> Document:
    """Convert one file into a canonical Document. Raises InputError for unreadable input."""
    path = path if isinstance(path, Path) else Path(path)
    gazetteer = gazetteer or default_gazetteer()
    with collector_paused():
        raw = extract.read(path, layout, agencies=gazetteer)
        # (a text file's bytes were hashed as they were read)
        digest = raw.sha256 or _sha256(path.read_bytes()).hexdigest()
        try:
            # a name that is not UTF-8 is kept with \xNN escapes: the JSON must be UTF-8
            return interpret(raw, file=display_path(path.name), sha256=digest,
                             gazetteer=gazetteer, catalog=catalog, release_rows=True)
        except InputError as exc:
            exc.path = exc.path or str(path)
            raise


def convert_text(text: str, format: str | None = None, *, name: str = "<text>",
                 gazetteer: Gazetteer | None = None, catalog: Catalog | None = None) -> Document:
    """Convert a document held in a string ("text", "markdown", "html", … or sniffed)."""
    with collector_paused():
        raw = extract.read_text(text, format, agencies=gazetteer or default_gazetteer)
        digest = _sha256(text.encode("utf-8")).hexdigest()
        return interpret(raw, file=name, sha256=digest, gazetteer=gazetteer,
                         catalog=catalog, release_rows=True)


def interpret(raw: RawDocument, *, file: str, sha256: str,
              gazetteer: Gazetteer | None = None, catalog: Catalog | None = None,
              trace: Trace | None = None, release_rows: bool = False) -> Document:
    """Everything after reading: assemble the table, read the plan header, build records,
    then link them to the indicator catalog (which only reads what the records say).
    `trace` collects what became of each row read, and why. `release_rows` empties
    `raw.rows` once the records are built (a caller that made `raw` for this call only):
    a large document's rows and table are not kept while its records are linked."""
    gazetteer = gazetteer or default_gazetteer()
    try:
        table = assemble(raw, trace)
    except NoTableError as exc:
        raise InputError(str(exc), code="no_table") from None
    plan, plan_warnings = parse_plan(table.preamble, [t.preamble for t in table.following],
                                     gazetteer)
    records = build_records(table, gazetteer, plan.issued_on, trace, plan.locality.level,
                            national=_issued_nationally(plan.issuer, gazetteer))
    columns = _columns(table)
    warnings = list(dict.fromkeys(
        raw.warnings + [w for t in table.all_tables for w in t.warnings] + plan_warnings))
    if not records:
        # a header and nothing under it (a template, a copy cut short): said, not silent
        warnings.append("table_without_rows")
    del table
    if release_rows:
        raw.rows = []
    link_records(records, catalog)
    fmt = raw.format if raw.format in _SOURCE_FORMATS else "text"
    return Document(
        source=Source(file=file, sha256=sha256, format=fmt, pages=raw.pages, ocr=raw.ocr),
        plan=plan,
        columns=columns,
        records=records,
        warnings=warnings,
    )


def _issued_nationally(issuer: str | None, gazetteer: Gazetteer) -> bool:
    """Whether the plan's issuer is a national body (a ministry, the Government's office)."""
    if not issuer:
        return False
    found = gazetteer.match(issuer)
    entry = gazetteer.entries.get(found.id) if found.id else None
    return entry is not None and entry.scope == "national" and found.score >= 1.0


def _columns(table: Table) -> list[Column]:
    """Every column of every table of the document, once each, in order."""
    seen: dict[tuple[str, str], Column] = {}
    for part in table.all_tables:
        for col in part.columns:
            seen.setdefault((col.header, col.role), Column(header=col.header, role=col.role))
    return list(seen.values())
