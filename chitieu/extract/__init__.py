"""Readers: one per input format, each turning a file into a `RawDocument`.

A reader is a module with `read(path: Path) -> RawDocument`; text-like readers also have
`read_text(text: str) -> RawDocument`. The registry names them lazily, so importing chitieu
does not import pdfplumber or python-docx.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from chitieu import limits
from chitieu.core.types import Cell, RawDocument, RawRow
from chitieu.errors import InputError, missing_module_error
from chitieu.extract.detect import TEXT_LAYOUTS, detect_layout, sniff_file_type
from chitieu.extract.unicode import decode_text

__all__ = ["READERS", "Cell", "RawDocument", "RawRow", "read", "read_text", "reader_for"]

# layout/format name -> module holding its reader
READERS: dict[str, str] = {
    "text": "chitieu.extract.text",
    "mixed": "chitieu.extract.mixed",
    "markdown": "chitieu.extract.markdown",
    "html": "chitieu.extract.html",
    "portal": "chitieu.extract.portal",
    "layout": "chitieu.extract.layout",
    "spaced": "chitieu.extract.spaced",
    "labelled": "chitieu.extract.labelled",
    "blocks": "chitieu.extract.blocks",
    "pdf": "chitieu.extract.pdf",
    "docx": "chitieu.extract.docx",
    "doc": "chitieu.extract.docx",
    "xlsx": "chitieu.extract.spreadsheet",
    "csv": "chitieu.extract.spreadsheet",
    "image": "chitieu.extract.scan",
}


def reader_for(layout: str):
    try:
        module_name = READERS[layout]
    except KeyError:
        raise InputError(f"no reader for format {layout!r}", code="unsupported") from None
    try:
        return importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("chitieu"):
            raise InputError(f"the {layout} reader is not available in this version",
                             code="unsupported") from None
        raise missing_module_error(f"reading {layout} files", exc) from None


def read(path: str | Path, layout: str | None = None) -> RawDocument:
    """Read any supported file. `layout` forces a reader (e.g. "markdown") instead of sniffing."""
    path = Path(path)
    if not path.exists():
        raise InputError("no such file", path=str(path), code="missing")
    if path.is_dir():
        raise InputError("is a folder, not a file", path=str(path), code="unsupported")
    try:
        kind = layout or sniff_file_type(path)
        # before reading: a huge file costs memory and time in proportion, text most of all
        limits.check_input_size(path, text=kind in TEXT_LAYOUTS or kind in ("textfile", "csv"))
        if kind in TEXT_LAYOUTS or kind == "textfile":
            decoded = decode_text(path.read_bytes())
            doc = read_text(decoded.text, None if kind == "textfile" else kind)
            doc.warnings[:0] = decoded.warnings
            return doc
        return reader_for(kind).read(path)
    except ModuleNotFoundError as exc:  # a reader's library, imported when first needed
        if exc.name is None or exc.name.startswith("chitieu"):
            raise
        raise missing_module_error(f"reading {kind} files", exc) from None
    except InputError as exc:
        if exc.path is None:
            exc.path = str(path)
        raise


def read_text(text: str, layout: str | None = None) -> RawDocument:
    """Read a document held in a string; the layout is sniffed when not given."""
    if not text.strip():
        raise InputError("the file is empty", code="empty")
    if layout is None:
        layout = detect_layout(text)
        if layout in ("html", "markdown"):
            from chitieu.extract.mixed import is_mixed

            if is_mixed(text):  # tab-separated pages beside the tables: each block its reader
                layout = "mixed"
    return reader_for(layout).read_text(text)
