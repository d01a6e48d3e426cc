"""Which reader a file needs: by its content, then its name."""

from __future__ import annotations

import re
from pathlib import Path

from chitieu.core.numbering import LOWER
from chitieu.core.patterns import lazy

# an OLE container: Word/Excel 97-2003, or a password-protected Office 2007+ file
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
# Rich Text: a word processor's file (old templates save .doc files that are really RTF)
RTF_MAGIC = b"{\\rtf"

_MAGIC = (
    (b"%PDF", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "image"),
    (b"\xff\xd8\xff", "image"),
    (b"II*\x00", "image"),
    (b"MM\x00*", "image"),
    (b"GIF8", "image"),
    (b"BM", None),  # bitmap or text starting with "BM": decided by extension below
    (OLE_MAGIC, "ole"),
    (RTF_MAGIC, "doc"),  # opened by LibreOffice
)

_IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".gif", ".webp"}


def zip_errors() -> tuple[type[BaseException], ...]:
    """What opening or inflating a damaged ZIP raises besides BadZipFile: a directory asking
    for a newer ZIP version or an unknown method (NotImplementedError), a member whose
    deflate stream is broken (zlib.error), an offset past the end (OSError, EOFError), an
    encrypted member (RuntimeError), a bad date or name (ValueError)."""
    import zipfile  # here: a text input never needs it
    import zlib

    return (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, NotImplementedError,
            EOFError, RuntimeError, ValueError, OSError)


SNIFFED_BYTES = 2048  # how much of a file's start `sniff_file_type` reads


def sniff_file_type(path: Path, head: bytes | None = None) -> str:
    """Return a reader name, or "textfile" for text whose layout is decided by its content.
    `head`: the file's first SNIFFED_BYTES bytes, when the caller read them."""
    if head is None:
        with path.open("rb") as fh:
            head = fh.read(SNIFFED_BYTES)
    if head.lstrip().startswith(b"%PDF") or head.startswith(b"%PDF"):
        return "pdf"
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            if kind == "ole":
                return "xlsx" if path.suffix.lower() in {".xls"} else "doc"
            if kind:
                return kind
            if path.suffix.lower() == ".bmp":
                return "image"
    if head.startswith(ZIP_MAGIC):
        return _sniff_zip(path)
    if path.suffix.lower() in _IMAGE_SUFFIXES and b"\x00" in head:
        return "image"
    if path.suffix.lower() == ".csv":
        return "csv"
    return "textfile"


def _sniff_zip(path: Path) -> str:
    import zipfile  # here: a text input never needs it

    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except zip_errors():
        suffix = path.suffix.lower().lstrip(".")
        return suffix if suffix in {"docx", "xlsx"} else "docx"
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    kind = opendocument_kind(path, names)
    if kind:
        return kind
    suffix = path.suffix.lower().lstrip(".")
    return suffix if suffix in {"docx", "xlsx"} else "docx"


# a password-protected Word or Excel file (2007 and later) is an OLE container of these
# streams: its directory names them in UTF-16
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_OLE_SCAN_BYTES = 4 << 20


ENCRYPTED_OFFICE = ("the Office file is encrypted (password-protected); save an unprotected "
                    "copy and convert that")


def is_encrypted_office(path: Path) -> bool:
    """Whether the file is a password-protected Office document (an OLE container holding
    an encrypted package), which no reader can open without its password."""
    with path.open("rb") as fh:
        data = fh.read(_OLE_SCAN_BYTES)
    return data.startswith(OLE_MAGIC) and _ENCRYPTED_STREAM in data


def starts_with(path: Path, magic: bytes) -> bool:
    """Whether the file's first bytes are `magic`."""
    with path.open("rb") as fh:
        return fh.read(len(magic)) == magic


# OpenDocument (LibreOffice's own format): the package's first member names what it holds
_ODF_KINDS = {"application/vnd.oasis.opendocument.text": "doc",
              "application/vnd.oasis.opendocument.spreadsheet": "ods"}


def opendocument_kind(path: Path, names: set[str] | None = None) -> str | None:
    """"doc" for an OpenDocument text (.odt), "ods" for a spreadsheet, else None."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as zf:
            if "mimetype" not in (names if names is not None else set(zf.namelist())):
                return None
            mimetype = zf.read("mimetype")[:80].decode("ascii", "replace").strip()
    except (*zip_errors(), KeyError):
        return None
    return _ODF_KINDS.get(mimetype)


_HTML_TABLE = lazy(re.compile, r"<table\b", re.IGNORECASE)
# A delimiter cell: three dashes, or fewer with an alignment colon ("|:--:|", "|:-|").
_MD_CELL = r"(?::-+:?|:?-+:|-{3,})"
_MD_SEPARATOR = lazy(re.compile,
                     rf"^\s*\|?\s*{_MD_CELL}\s*(\|\s*{_MD_CELL}\s*)+\|?\s*$", re.MULTILINE)
_PORTAL_BAR = lazy(re.compile, r"^\|\s*$", re.MULTILINE)
# "| 1 | Tỷ lệ … | % |": a pipe-table row typed without the delimiter row under its header
_PIPE_ROW = lazy(re.compile, r"^[ \t]*\|[^|\n]*[^|\s][^|\n]*\|[^|\n]*\|", re.MULTILINE)
_MIN_PIPE_ROWS = 3
_LAYOUT_GAP = lazy(re.compile, r"\S {3,}\S")
# "a) Nhiệm vụ:", "- Đơn vị chủ trì:", "*Thời gian thực hiện: *" at the start of a line
_LABELLED_TASK = lazy(re.compile,
    r"^\s*(?:[a-zđ]\)\s*|[-–]\s*|\*{1,2}-?\s*)?(?:Nhiệm vụ|Cơ quan|Đơn vị|Thời gian|Thời hạn)"
    r"[^:\n|\t]{0,40}:", re.IGNORECASE | re.MULTILINE)


# pdftotext without -layout: a cell per block of lines, row numbers as blocks of their own
_LABEL_BLOCK = lazy(re.compile, r"(?:^|\n)[ \t]*\n[ \t]*(?:\d{1,3}|[a-zđ])[.)]?[ \t]*\n[ \t]*\n")
_MIN_LABEL_BLOCKS = 5


_COLUMN_GAP = lazy(re.compile, r"\s{3,}")
_TABLE_REACH = 10  # lines under a header line among which the table's rows are looked for
_MIN_GAPPED_ROWS = 2
_LABEL_LINES = 3  # lines a header's wrapped labels take ("Cơ quan chủ" / "Nhiệm vụ" / "trì")


def _has_gapped_table(lines: list[str]) -> bool:
    """A table printed in columns inside prose (a whole plan through `pdftotext -layout`,
    its appendix at the end): a line of labels apart by runs of spaces that, with the next
    lines of its wrapped labels, names two columns, and lines in columns under it. Prose
    around it keeps the share of gapped lines low."""
    for i, line in enumerate(lines):
        if len(_COLUMN_GAP.split(line.strip())) < 2:
            continue
        labels = [c for ln in lines[i:i + _LABEL_LINES] for c in _COLUMN_GAP.split(ln.strip())]
        if len(_known_roles(labels)) < 2:
            continue
        under = lines[i + 1:i + 1 + _TABLE_REACH]
        if sum(1 for ln in under if _LAYOUT_GAP.search(ln.strip())) >= _MIN_GAPPED_ROWS:
            return True
    return False


# "1.1", "2", "IV", "a)" alone on a line, a little indented at most
_LONE_NUMBER = lazy(re.compile,
                    rf"^ {{0,8}}(?:\d{{1,3}}(?:\.\d{{1,3}}){{0,2}}|[IVX]{{1,5}}|{LOWER})[.)]?\s*$")
_MIN_CENTRED_NUMBERS = 2
# the row's figures centred beside its number, far right of it ("  1       %      100")
_FIGURES_AFTER = lazy(re.compile, r"(?: {3,}[-+≥≤<>~]?\s?[0-9][0-9.,]*\s?%?)+\s*$")


def _centred_numbers(lines: list[str]) -> int:
    """How many lines hold a row number alone between two lines of text indented past it
    (the first and the last line of the row's cells, as pdftotext -layout prints a number
    centred in its cell beside a wrapped one), or with only the row's figures far right of
    it (centred in their cells alike)."""
    count = 0
    for above, line, below in zip(lines, lines[1:], lines[2:], strict=False):
        figures = _FIGURES_AFTER.search(line)
        if figures is not None and figures.start() > 0:
            line = line[:figures.start()]
        if _LONE_NUMBER.match(line) is None:
            continue
        end = len(line.rstrip())
        if _indent(above) > end and _indent(below) > end:
            count += 1
    return count


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _known_roles(labels: list[str]) -> set[str]:
    from chitieu.core.headers import header_candidates

    return {role for c in labels for role in header_candidates(c)[:1]} - {"unknown"}


def _cells(text: str) -> bool:
    from chitieu.extract.cells import looks_like_cells

    return looks_like_cells(text)


def detect_layout(text: str) -> str:
    """Tell the text layouts apart: HTML table, Markdown pipe table, legal-portal flattened
    table, pdftotext -layout columns, labelled task blocks, or tab-separated OCR text."""
    if _HTML_TABLE.search(text):
        return "html"
    piped = "|" in text  # (a Markdown or portal table has bars: most text has none)
    if piped and _MD_SEPARATOR.search(text):
        return "markdown"
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if not lines:
        return "text"
    if piped and len(_PORTAL_BAR.findall(text)) >= 6:
        return "portal"
    if piped and len(_PIPE_ROW.findall(text)) >= _MIN_PIPE_ROWS:
        return "markdown"
    tabbed = sum(1 for ln in lines if "\t" in ln)
    if tabbed >= 2:
        # a cell per line under a header whose two columns tab stops set apart
        if tabbed * 2 < len(lines) and _cells(text):
            return "cells"
        # copied from a spreadsheet: quoted cells run over several lines
        quoted = sum(1 for ln in lines if ln.count('"') % 2 == 1)
        return "csv" if quoted >= 2 else "text"
    # a row number printed alone between its row's wrapped lines: only a page drawn with
    # spaces centres a cell between the lines of its neighbours (tab-separated text keeps a
    # row on one line), however crowded its columns are
    if tabbed == 0 and _centred_numbers(lines) >= _MIN_CENTRED_NUMBERS:
        return "layout"
    # tab-separated text whose tabs became spaces: cells apart by runs of spaces, but not
    # drawn in aligned columns as pdftotext -layout draws them
    if tabbed == 0:
        from chitieu.extract.spaced import looks_spaced

        if looks_spaced(text):
            return "spaced"
    # pdftotext -layout: columns apart by runs of spaces on most lines
    gapped = sum(1 for ln in lines if _LAYOUT_GAP.search(ln.strip()))
    if gapped >= max(3, len(lines) * 0.3) or _has_gapped_table(lines):
        return "layout"
    if tabbed * 2 < len(lines) and _cells(text):  # a cell per line (LibreOffice, pdftotext)
        return "cells"
    if len(_LABELLED_TASK.findall(text)) >= 3:
        return "labelled"
    if tabbed == 0 and len(_LABEL_BLOCK.findall(text)) >= _MIN_LABEL_BLOCKS:
        return "blocks"
    return "text"
