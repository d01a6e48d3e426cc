"""Word documents: the body in order, paragraphs as text rows and tables as grid rows.

A DOCX table is a grid: a cell spanning columns (`w:gridSpan`) fills its first slot and leaves
"" in the others; a cell merged down (`w:vMerge` restart … continue) repeats its text in
every row it covers, the way a reader of the printed table understands it. Header rows
marked "repeat as header row" are stored once, so none repeat here. Bold comes from the
runs (direct formatting, character style, paragraph style).

Legacy `.doc` (and other formats LibreOffice opens) are converted to DOCX with
`soffice --headless --convert-to docx` when LibreOffice is installed.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import unicodedata
import zipfile
from collections.abc import Iterator
from pathlib import Path

from chitieu.errors import InputError
from chitieu.extract.types import Cell, RawDocument, RawRow

CONVERT_TIMEOUT_S = 180
LAYOUT_MAX_COLUMNS = 2  # a borderless table this narrow places text, it tabulates nothing
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC, _R, _SDT = (f"{_W}{t}" for t in ("p", "tbl", "tr", "tc", "r", "sdt"))
_TEXT_TAGS = {f"{_W}t": None, f"{_W}tab": " ", f"{_W}br": " ", f"{_W}cr": " ",
              f"{_W}noBreakHyphen": "-", f"{_W}softHyphen": ""}
_FALSE = {"0", "false", "off", "none"}


_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 .doc
_RTF_MAGIC = b"{\\rtf"  # old templates save .doc files that are really RTF


def read(path: Path) -> RawDocument:
    path = Path(path)
    with path.open("rb") as fh:
        head = fh.read(8)
    if head.startswith(b"PK"):
        if not _is_docx(path):
            raise InputError("this is a ZIP file but not a Word document (no word/document.xml)"
                             if zipfile.is_zipfile(path) else
                             "the Word document is damaged or truncated and cannot be read",
                             code="corrupt")
        return _read_docx(path)
    if not (head.startswith(_OLE_MAGIC) or head.startswith(_RTF_MAGIC)):
        raise InputError("this is not a Word document", code="unsupported")
    with tempfile.TemporaryDirectory(prefix="chitieu-doc-") as tmp:
        converted = convert_with_libreoffice(path, Path(tmp))
        doc = _read_docx(converted)
    doc.meta["converted_from"] = path.suffix.lower().lstrip(".") or "doc"
    doc.meta["converter"] = "libreoffice"
    return doc


def _is_docx(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as zf:
            return "word/document.xml" in zf.namelist()
    except zipfile.BadZipFile:
        return False


def convert_with_libreoffice(path: Path, outdir: Path) -> Path:
    """Convert a legacy Word file to DOCX in `outdir` with LibreOffice; return the new file."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise InputError("this is a legacy Word (.doc) file: converting it needs LibreOffice "
                         "(soffice); install LibreOffice or save the file as .docx",
                         code="missing_dependency")
    profile = outdir / "profile"  # a private profile: parallel conversions do not collide
    command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
               "--convert-to", "docx", "--outdir", str(outdir), str(path)]
    try:
        subprocess.run(command, capture_output=True, timeout=CONVERT_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        raise InputError(f"LibreOffice took over {CONVERT_TIMEOUT_S} s to convert this file",
                         code="unreadable") from None
    converted = outdir / f"{path.stem}.docx"
    if not converted.exists() or not _is_docx(converted):
        raise InputError("LibreOffice could not convert this file to DOCX (damaged, or not "
                         "a Word document)", code="corrupt")
    return converted


# ---------------------------------------------------------------- the DOCX body


def _read_docx(path: Path) -> RawDocument:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, XMLSyntaxError,
            ValueError) as exc:
        raise InputError(f"the Word document is damaged and cannot be read ({exc})",
                         code="corrupt") from None
    styles = _StyleBold(document)
    rows: list[RawRow] = []
    table_count = 0
    for element in _body_blocks(document.element.body):
        if element.tag == _P:
            rows.extend(_text_rows([element], styles))
        elif _is_layout_table(element, styles):
            rows.extend(_text_rows(_layout_paragraphs(element), styles))
        else:
            rows.extend(_table_rows(element, styles, table_count))
            table_count += 1
    if table_count == 0:
        raise InputError("no table found in the document", code="no_table")
    return RawDocument(rows=rows, format="docx", pages=None, ocr=False)


def _body_blocks(parent) -> Iterator:
    """Paragraphs and tables in document order, looking inside content controls."""
    for child in parent.iterchildren():
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag == _SDT:
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _body_blocks(content)


def _text_rows(paragraphs, styles: _StyleBold) -> list[RawRow]:
    rows = []
    for p in paragraphs:
        text, bold = _paragraph_text(p, styles)
        if text:
            rows.append(RawRow([Cell(text, bold=bold)]))
    return rows


def _is_layout_table(tbl, styles: _StyleBold) -> bool:
    """A borderless table of one or two columns lays out text side by side (the letterhead
    "ỦY BAN NHÂN DÂN … | CỘNG HÒA XÃ HỘI …", the signature block "Nơi nhận | TM. ỦY BAN"):
    its paragraphs are text, as they are in the printed PDF."""
    grid = tbl.find(f"{_W}tblGrid")
    n_cols = len(grid.findall(f"{_W}gridCol")) if grid is not None else 0
    return n_cols < LAYOUT_MAX_COLUMNS + 1 and not styles.table_has_borders(tbl)


def _layout_paragraphs(tbl) -> Iterator:
    """A layout table's paragraphs, row by row and left to right."""
    for tr in tbl.iter(_TR):
        if _owning_table(tr) is tbl:
            for tc in tr.iterchildren(_TC):
                yield from tc.iter(_P)


def _table_rows(tbl, styles: _StyleBold, table: int) -> list[RawRow]:
    grid = tbl.find(f"{_W}tblGrid")
    n_cols = len(grid.findall(f"{_W}gridCol")) if grid is not None else 0
    merged_down: dict[int, Cell] = {}  # grid column → the cell a vMerge began with
    out: list[RawRow] = []
    for tr in tbl.iter(_TR):
        if _owning_table(tr) is not tbl:
            continue  # a row of a table nested in a cell
        slots: dict[int, Cell] = {}
        col = _int_prop(tr, "trPr", "gridBefore")
        for tc in tr.iterchildren(_TC):
            span = max(1, _int_prop(tc, "tcPr", "gridSpan"))
            vmerge = _vmerge(tc)
            if vmerge == "continue" and col in merged_down:
                origin = merged_down[col]
                cell = Cell(origin.text, bold=origin.bold)
            else:
                text, bold = _cell_text(tc, styles)
                cell = Cell(text, bold=bold)
                if vmerge == "restart":
                    merged_down[col] = cell
                else:
                    merged_down.pop(col, None)
            slots[col] = cell
            for extra in range(col + 1, col + span):
                slots[extra] = Cell("", bold=cell.bold)
                merged_down.pop(extra, None)
            col += span
        width = max(n_cols, col)
        cells = [slots.get(c, Cell("")) for c in range(width)]
        out.append(RawRow(cells, table=table))
    return out


def _owning_table(element):
    parent = element.getparent()
    while parent is not None and parent.tag != _TBL:
        parent = parent.getparent()
    return parent


def _int_prop(element, props: str, name: str) -> int:
    found = element.find(f"{_W}{props}/{_W}{name}")
    if found is None:
        return 0
    try:
        return int(found.get(f"{_W}val", "0"))
    except ValueError:
        return 0


def _vmerge(tc) -> str | None:
    found = tc.find(f"{_W}tcPr/{_W}vMerge")
    if found is None:
        return None
    return found.get(f"{_W}val", "continue")


def _cell_text(tc, styles: _StyleBold) -> tuple[str, bool]:
    """All paragraphs of a cell (nested tables included) on one line, and its boldness."""
    texts, bold_chars, all_chars = [], 0, 0
    for p in tc.iter(_P):
        text, bold_count, count = _runs(p, styles)
        if text:
            texts.append(text)
        bold_chars += bold_count
        all_chars += count
    return _normalize(" ".join(texts)), all_chars > 0 and bold_chars * 2 > all_chars


def _paragraph_text(p, styles: _StyleBold) -> tuple[str, bool]:
    text, bold_count, count = _runs(p, styles)
    return _normalize(text), count > 0 and bold_count * 2 > count


def _runs(p, styles: _StyleBold) -> tuple[str, int, int]:
    """A paragraph's text, and how many of its visible chars are bold, of how many."""
    paragraph_bold = styles.paragraph_bold(p)
    parts: list[str] = []
    bold_count = count = 0
    for run in p.iter(_R):
        if _owning_paragraph(run) is not p:
            continue
        text = "".join(_TEXT_TAGS[el.tag] if _TEXT_TAGS[el.tag] is not None else (el.text or "")
                       for el in run.iterchildren(*_TEXT_TAGS))
        parts.append(text)
        visible = sum(1 for ch in text if not ch.isspace())
        count += visible
        if styles.run_bold(run, paragraph_bold):
            bold_count += visible
    return "".join(parts), bold_count, count


def _owning_paragraph(element):
    parent = element.getparent()
    while parent is not None and parent.tag != _P:
        parent = parent.getparent()
    return parent


def _normalize(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


# ---------------------------------------------------------------- bold through styles


class _StyleBold:
    """Whether a run prints bold: its own `w:b`, else its character style, else its
    paragraph's style (each style through its `basedOn` chain)."""

    def __init__(self, document):
        self._bold: dict[str, bool | None] = {}
        self._borders: dict[str, bool | None] = {}
        self._based_on: dict[str, str | None] = {}
        self._default_paragraph: str | None = None
        styles_element = document.styles.element
        for style in styles_element.iterchildren(f"{_W}style"):
            style_id = style.get(f"{_W}styleId")
            self._bold[style_id] = _b_value(style.find(f"{_W}rPr"))
            self._borders[style_id] = _visible_borders(style.find(f"{_W}tblPr/{_W}tblBorders"))
            based = style.find(f"{_W}basedOn")
            self._based_on[style_id] = based.get(f"{_W}val") if based is not None else None
            if style.get(f"{_W}type") == "paragraph" and style.get(f"{_W}default") in ("1",
                                                                                        "true"):
                self._default_paragraph = style_id
        self._cache: dict[str | None, bool] = {}

    def table_has_borders(self, tbl) -> bool:
        """Whether the table draws any rule: its own borders, else its style's."""
        own = _visible_borders(tbl.find(f"{_W}tblPr/{_W}tblBorders"))
        if own is not None:
            return own
        style = tbl.find(f"{_W}tblPr/{_W}tblStyle")
        seen, current = set(), style.get(f"{_W}val") if style is not None else None
        while current is not None and current not in seen:
            seen.add(current)
            found = self._borders.get(current)
            if found is not None:
                return found
            current = self._based_on.get(current)
        return False

    def style_bold(self, style_id: str | None) -> bool:
        if style_id not in self._cache:
            seen, current, value = set(), style_id, None
            while current is not None and current not in seen and value is None:
                seen.add(current)
                value = self._bold.get(current)
                current = self._based_on.get(current)
            self._cache[style_id] = bool(value)
        return self._cache[style_id]

    def paragraph_bold(self, p) -> bool:
        style = p.find(f"{_W}pPr/{_W}pStyle")
        style_id = style.get(f"{_W}val") if style is not None else self._default_paragraph
        return self.style_bold(style_id)

    def run_bold(self, run, paragraph_bold: bool) -> bool:
        r_pr = run.find(f"{_W}rPr")
        direct = _b_value(r_pr)
        if direct is not None:
            return direct
        if r_pr is not None:
            char_style = r_pr.find(f"{_W}rStyle")
            if char_style is not None:
                style_id = char_style.get(f"{_W}val")
                if self._bold.get(style_id) is not None or self._based_on.get(style_id):
                    return self.style_bold(style_id) or paragraph_bold
        return paragraph_bold


def _visible_borders(borders) -> bool | None:
    """True when a `w:tblBorders` draws a rule, False when it draws none, None when absent."""
    if borders is None:
        return None
    return any(edge.get(f"{_W}val", "nil") not in ("nil", "none") for edge in borders)


def _b_value(r_pr) -> bool | None:
    if r_pr is None:
        return None
    b = r_pr.find(f"{_W}b")
    if b is None:
        return None
    return b.get(f"{_W}val", "true").lower() not in _FALSE
