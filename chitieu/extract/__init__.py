"""Readers: one per input format, each turning a file into a `RawDocument`.

Every format is a `Format`, which names the module of its reader; a reader satisfies
`Reader` (text-like ones `TextReader` too). Reader modules are imported on first use, so
importing chitieu does not import pdfplumber or python-docx.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Protocol, cast

from chitieu.core import logs
from chitieu.core.agencies import AgencyNames
from chitieu.core.digest import sha256
from chitieu.core.types import Cell, RawDocument, RawRow
from chitieu.errors import InputError, missing_module_error
from chitieu.extract import limits
from chitieu.extract.detect import SNIFFED_BYTES, detect_layout, sniff_file_type
from chitieu.extract.unicode import decode_text

__all__ = ["Cell", "Format", "RawDocument", "RawRow", "Reader", "TextReader", "read",
           "read_text", "reader_for"]

# what `sniff_file_type` answers for text whose layout its content decides
_SNIFFED_TEXT = "textfile"


class Reader(Protocol):
    """A reader module: a file in, its physical rows out."""

    def read(self, path: Path) -> RawDocument: ...


class TextReader(Reader, Protocol):
    """A reader of text-like files, which also reads a document held in a string."""

    def read_text(self, text: str) -> RawDocument: ...


class Format(StrEnum):
    """An input format (or a text layout), with the module of its reader."""

    module: str
    text: bool  # a `TextReader`: the file is decoded once and read as text
    ocr: bool  # its reader may OCR pages: it takes the agency names to snap to

    def __new__(cls, value: str, module: str, text: bool = False, ocr: bool = False) -> Format:
        member = str.__new__(cls, value)
        member._value_ = value
        member.module, member.text, member.ocr = f"chitieu.extract.{module}", text, ocr
        return member

    TEXT = "text", "text", True
    MIXED = "mixed", "mixed", True
    MARKDOWN = "markdown", "markdown", True
    HTML = "html", "html", True
    PORTAL = "portal", "portal", True
    LAYOUT = "layout", "layout", True
    SPACED = "spaced", "spaced", True
    LABELLED = "labelled", "labelled", True
    BLOCKS = "blocks", "blocks", True
    CELLS = "cells", "cells", True
    PDF = "pdf", "pdf", False, True
    DOCX = "docx", "docx"
    DOC = "doc", "docx"
    XLSX = "xlsx", "spreadsheet"
    ODS = "ods", "spreadsheet"
    CSV = "csv", "spreadsheet"
    IMAGE = "image", "scan", False, True

    @classmethod
    def named(cls, name: str) -> Format:
        try:
            return cls(name)
        except ValueError:
            raise InputError(f"no reader for format {name!r}", code="unsupported") from None

    def reader(self) -> Reader:
        """The reader module, imported now; an InputError names a missing dependency."""
        if not self.text:
            # its libraries (pdfminer …) log: the application's log settings are made
            # before they are imported (a text reader's need no `logging`)
            logs.ready()
        try:
            return cast(Reader, importlib.import_module(self.module))
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.startswith("chitieu"):
                raise InputError(f"the {self} reader is not available in this version",
                                 code="unsupported") from None
            raise missing_module_error(f"reading {self} files", exc) from None


def reader_for(layout: str) -> Reader:
    return Format.named(layout).reader()


def read(path: str | Path, layout: str | None = None, *,
         agencies: AgencyNames | Callable[[], AgencyNames] | None = None) -> RawDocument:
    """Read any supported file. `layout` forces a reader (e.g. "markdown") instead of sniffing;
    `agencies` are the names OCR snaps misread agency cells to (left as read without), or a
    function giving them, called only for a format that may need OCR."""
    path = path if isinstance(path, Path) else Path(path)
    if not path.exists():
        raise InputError("no such file", path=str(path), code="missing")
    if path.is_dir():
        raise InputError("is a folder, not a file", path=str(path), code="unsupported")
    try:
        data = None
        if layout is None:
            # one open of a text file: its first bytes tell its format, then the same handle
            # reads it whole (a reader of another format opens the file its own way)
            with path.open("rb") as fh:
                kind = sniff_file_type(path, fh.read(SNIFFED_BYTES))
                fmt = _sized_format(path, kind)
                if fmt is None or fmt.text:
                    fh.seek(0)
                    data = fh.read()
        else:
            kind = layout
            fmt = _sized_format(path, kind)
        if fmt is None or fmt.text:
            data = path.read_bytes() if data is None else data
            decoded = decode_text(data)
            doc = read_text(decoded.text, fmt, agencies=agencies)
            doc.warnings[:0] = decoded.warnings
            doc.sha256 = sha256(data).hexdigest()  # (read once: see `RawDocument.sha256`)
            return doc
        if fmt.ocr:
            names = agencies() if callable(agencies) else agencies
            return fmt.reader().read(path, agencies=names)  # type: ignore[call-arg]
        return fmt.reader().read(path)
    except ModuleNotFoundError as exc:  # a reader's library, imported when first needed
        if exc.name is None or exc.name.startswith("chitieu"):
            raise
        raise missing_module_error(f"reading {kind} files", exc) from None
    except InputError as exc:
        if exc.path is None:
            exc.path = str(path)
        raise


def _sized_format(path: Path, kind: str) -> Format | None:
    """The format of `kind` (None: text whose layout its content decides), once the file's
    size is within its limit: a huge file costs memory and time in proportion, text most
    of all (checked before the file is read)."""
    fmt = None if kind == _SNIFFED_TEXT else Format.named(kind)
    limits.check_input_size(path, text=fmt is None or fmt.text or fmt is Format.CSV)
    return fmt


def read_text(text: str, layout: str | None = None, *,
              agencies: AgencyNames | Callable[[], AgencyNames] | None = None) -> RawDocument:
    """Read a document held in a string; the layout is sniffed when not given. `agencies`
    (or a function giving them) help cut the crowded lines of `pdftotext -layout` text, tell
    apart two narrow columns `pdftotext` wrote side by side, and tell a portal text's agency
    cells from its tasks' words."""
    if not text.strip():
        raise InputError("the file is empty", code="empty")
    if layout is None:
        layout = detect_layout(text)
        if layout in (Format.HTML, Format.MARKDOWN):
            from chitieu.extract.mixed import is_mixed

            if is_mixed(text):  # tab-separated pages beside the tables: each block its reader
                layout = Format.MIXED
    if Format.named(layout) is Format.LAYOUT and agencies is not None:
        from chitieu.extract import layout as layout_reader

        return layout_reader.read_text(text, agencies=agencies)
    if Format.named(layout) is Format.CELLS and agencies is not None:
        from chitieu.extract import cells

        return cells.read_text(text, agencies=agencies)
    if Format.named(layout) is Format.PORTAL and agencies is not None:
        from chitieu.extract import portal

        return portal.read_text(text, agencies=agencies)
    return cast(TextReader, reader_for(layout)).read_text(text)
