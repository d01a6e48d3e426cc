"""Word documents: the body in order, paragraphs as text rows and tables as grid rows.

A DOCX table is a grid: a cell spanning columns (`w:gridSpan`) fills its first slot and leaves
"" in the others; a cell merged down (`w:vMerge` restart … continue) repeats its text in
every row it covers, the way a reader of the printed table understands it. Header rows
marked "repeat as header row" are stored once, so none repeat here. Bold comes from the
runs (direct formatting, character style, paragraph style).

Word has no line numbers, so a row's place is its block number: paragraphs (with text) and
table rows counted 1, 2, … in reading order, stored as the row's line (`source.lines` of a
record, what `chitieu rows` prints and what the review app shows beside the records).

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

from chitieu.core.letterhead import is_national_line
from chitieu.core.patterns import compile_regex, lazy
from chitieu.core.types import Cell, RawDocument, RawRow
from chitieu.errors import InputError
from chitieu.extract import limits
from chitieu.extract.detect import (
    ENCRYPTED_OFFICE,
    OLE_MAGIC,
    RTF_MAGIC,
    is_encrypted_office,
    opendocument_kind,
    zip_errors,
)
from chitieu.extract.grid import Slot, SpanGrid
from chitieu.extract.pdf_legacy import codec, encoding_of_font, is_capitals_font

CONVERT_TIMEOUT_S = 180
LAYOUT_MAX_COLUMNS = 2  # a borderless table this narrow places text, it tabulates nothing
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC, _R, _SDT = (f"{_W}{t}" for t in ("p", "tbl", "tr", "tc", "r", "sdt"))
_CUSTOM_XML = f"{_W}customXml"
_TEXT_TAGS = {f"{_W}t": None, f"{_W}tab": " ", f"{_W}br": " ", f"{_W}cr": " ",
              f"{_W}noBreakHyphen": "-", f"{_W}softHyphen": ""}
_FALSE = {"0", "false", "off", "none"}
_TXBX = f"{_W}txbxContent"
_REMOVED = frozenset({f"{_W}del", f"{_W}moveFrom"})
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def read(path: Path) -> RawDocument:
    path = Path(path)
    with path.open("rb") as fh:
        head = fh.read(8)
    if head.startswith(b"PK") and opendocument_kind(path) != "doc":
        if not _is_docx(path):
            raise InputError("this is a ZIP file but not a Word document (no word/document.xml)"
                             if _opens(path) else
                             "the Word document is damaged or truncated and cannot be read",
                             code="corrupt")
        return _read_docx(path)
    if not (head.startswith((OLE_MAGIC, RTF_MAGIC, b"PK"))):
        raise InputError("this is not a Word document", code="unsupported")
    if is_encrypted_office(path):
        raise InputError(ENCRYPTED_OFFICE, code="encrypted")
    with tempfile.TemporaryDirectory(prefix="chitieu-doc-") as tmp:
        converted = convert_with_libreoffice(path, Path(tmp))
        doc = _read_docx(converted)
    doc.meta["converted_from"] = path.suffix.lower().lstrip(".") or "doc"
    doc.meta["converter"] = "libreoffice"
    return doc


def _opens(path: Path) -> bool:
    """Whether the ZIP's directory can be read (is_zipfile only finds its end record)."""
    try:
        with zipfile.ZipFile(path):
            return True
    except zip_errors():
        return False


def _is_docx(path: Path) -> bool:
    return _holds(path, "word/document.xml")


def _holds(path: Path, member: str) -> bool:
    try:
        with zipfile.ZipFile(path) as zf:
            return member in zf.namelist()
    except zip_errors():
        return False


_CONVERTED = {"docx": ("Word", "a legacy Word (.doc), RTF or OpenDocument text (.odt) file"),
              "xlsx": ("Excel", "an OpenDocument (.ods) or Excel 97-2003 (.xls) spreadsheet")}


def convert_with_libreoffice(path: Path, outdir: Path, target: str = "docx") -> Path:
    """Convert a file LibreOffice opens (.doc, .rtf, .odt; .ods to "xlsx") to `target` in
    `outdir`; return the new file."""
    program, what = _CONVERTED[target]  # what the file is, for a missing LibreOffice
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise InputError(f"this is {what}: converting it needs LibreOffice (soffice); install "
                         f"LibreOffice or save the file as .{target}", code="missing_dependency")
    profile = outdir / "profile"  # a private profile: parallel conversions do not collide
    command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
               "--convert-to", target, "--outdir", str(outdir), str(path)]
    try:
        subprocess.run(command, capture_output=True, timeout=CONVERT_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        raise InputError(f"LibreOffice took over {CONVERT_TIMEOUT_S} s to convert this file",
                         code="unreadable") from None
    converted = outdir / f"{path.stem}.{target}"
    member = "word/document.xml" if target == "docx" else "xl/workbook.xml"
    if not converted.exists() or not _holds(converted, member):
        raise InputError(f"LibreOffice could not convert this file to {target.upper()} "
                         f"(damaged, or its {program} filters are not installed); save it as "
                         f".{target}", code="corrupt")
    return converted


# ---------------------------------------------------------------- the DOCX body


def _read_docx(path: Path) -> RawDocument:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    limits.check_zip(path)  # python-docx inflates every part into memory
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, XMLSyntaxError,
            ValueError) as exc:
        if limits.ran_out_of_memory(exc):
            raise MemoryError from None  # the batch reports the memory limit, not damage
        raise InputError(f"the Word document is damaged and cannot be read ({exc})",
                         code="corrupt") from None
    styles = _Styles(document)
    rows: list[RawRow] = []
    # a document without a table is read all the same: its targets may be listed in
    # prose (assembly says so, or that there is no table)
    _read_blocks(_body_blocks(document.element.body), styles, rows, 0)
    for number, row in enumerate(rows, start=1):
        row.first_line = row.last_line = number
    doc = RawDocument(rows=rows, format="docx", pages=None, ocr=False)
    for encoding in sorted(styles.legacy_encodings):
        doc.warnings.append(f"legacy_font_decoded:{encoding}")
        doc.meta["legacy_encoding"] = encoding
    return doc


def _read_blocks(blocks, styles: _Styles, rows: list[RawRow], table_count: int) -> int:
    """Append the rows of paragraphs and tables in order; return the tables counted so far.
    A layout table's cells are read as blocks in turn: a ruled table set inside one (a
    frame around the whole appendix) is still a table."""
    for element in blocks:
        if element.tag == _P:
            rows.extend(_text_rows(_text_box_paragraphs(element), styles))
            rows.extend(_text_rows([element], styles))
        elif _is_layout_table(element, styles) or _is_frame(element):
            table_count = _read_blocks(_layout_blocks(element), styles, rows, table_count)
        else:
            rows.extend(_table_rows(element, styles, table_count))
            table_count += 1
    return table_count


def _body_blocks(parent) -> Iterator:
    """Paragraphs and tables in document order, looking inside content controls."""
    yield from _unwrapped(parent, (_P, _TBL))


def _unwrapped(parent, tags: tuple[str, ...]) -> Iterator:
    """The children of `parent` with these tags, looking inside the content controls
    (`w:sdt`) and custom XML elements Word wraps around paragraphs, tables, rows or cells."""
    for child in parent.iterchildren():
        if child.tag in tags:
            yield child
        elif child.tag == _SDT:
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _unwrapped(content, tags)
        elif child.tag == _CUSTOM_XML:
            yield from _unwrapped(child, tags)


def _text_box_paragraphs(p) -> Iterator:
    """The paragraphs of the text boxes anchored in a paragraph ("Phụ lục 1" in a box at
    the top right), each box once: Word writes a box twice, as a drawing and as its VML
    fallback."""
    for box in p.iter(_TXBX):
        if any(ancestor.tag == _FALLBACK for ancestor in box.iterancestors()):
            continue
        for inner in box.iter(_P):
            if _owning(inner, _TXBX) is box:
                yield inner


def _owning(element, tag: str):
    """The nearest ancestor of `element` with this tag (the table, the text box it is in)."""
    parent = element.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent


def _text_rows(paragraphs, styles: _Styles) -> list[RawRow]:
    rows = []
    for p in paragraphs:
        text, bold = _paragraph_text(p, styles)
        if text:
            rows.append(RawRow([Cell(text, bold=bold)]))
    return rows


def _is_layout_table(tbl, styles: _Styles) -> bool:
    """A borderless table of one or two columns lays out text side by side (the letterhead
    "ỦY BAN NHÂN DÂN … | CỘNG HÒA XÃ HỘI …", the signature block "Nơi nhận | TM. ỦY BAN"):
    its paragraphs are text, as they are in the printed PDF. So is the national header
    printed with its grid on: one row of two cells, one of them the national name."""
    grid = tbl.find(f"{_W}tblGrid")
    n_cols = len(grid.findall(f"{_W}gridCol")) if grid is not None else 0
    if n_cols > LAYOUT_MAX_COLUMNS:
        return False
    return not styles.table_has_borders(tbl) or _is_ruled_letterhead(tbl)


def _is_frame(tbl) -> bool:
    """A table of one cell holding a table: a box drawn around the appendix (probe1 C20),
    whose inner table is the table and whose paragraphs are text."""
    rows = [tr for tr in tbl.iter(_TR) if _owning(tr, _TBL) is tbl]
    if len(rows) != 1:
        return False
    cells = list(_unwrapped(rows[0], (_TC,)))
    return len(cells) == 1 and any(child.tag == _TBL for child in _body_blocks(cells[0]))


def _is_ruled_letterhead(tbl) -> bool:
    rows = [tr for tr in tbl.iter(_TR) if _owning(tr, _TBL) is tbl]
    if len(rows) != 1:
        return False
    return any(is_national_line("".join(t.text or "" for t in p.iter(f"{_W}t")))
               for p in rows[0].iter(f"{_W}p"))


def _layout_blocks(tbl) -> Iterator:
    """A layout table's paragraphs and the tables inside its cells, row by row and left to
    right; the paragraphs of an inner table are its own."""
    for tr in tbl.iter(_TR):
        if _owning(tr, _TBL) is tbl:
            for tc in _unwrapped(tr, (_TC,)):
                yield from _body_blocks(tc)


def _table_rows(tbl, styles: _Styles, table: int) -> list[RawRow]:
    grid = tbl.find(f"{_W}tblGrid")
    n_cols = len(grid.findall(f"{_W}gridCol")) if grid is not None else 0
    merged_down: dict[int, Cell] = {}  # grid column → the cell a vMerge began with
    laid: SpanGrid[Cell] = SpanGrid()
    out: list[RawRow] = []
    for tr in tbl.iter(_TR):
        if _owning(tr, _TBL) is not tbl:
            continue  # a row of a table nested in a cell
        if tr.find(f"{_W}trPr/{_W}del") is not None:
            continue  # a row deleted with track changes on
        r = len(out)
        col = _int_prop(tr, "trPr", "gridBefore")
        for tc in _unwrapped(tr, (_TC,)):  # a cell may sit in a content control
            span = max(1, _int_prop(tc, "tcPr", "gridSpan"))
            vmerge = _vmerge(tc)
            if vmerge == "continue" and col in merged_down:
                cell = merged_down[col]  # the merged cell carried down into this row
            else:
                text, bold = _cell_text(tc, styles)
                cell = Cell(text, bold=bold)
                if vmerge == "restart":
                    merged_down[col] = cell
                else:
                    merged_down.pop(col, None)
            laid.place(cell, r, col, 1, span, overwrite=True)
            for extra in range(col + 1, col + span):
                merged_down.pop(extra, None)
            col += span
        cells = [cell if slot is Slot.START else Cell(cell.text, bold=cell.bold)
                 if slot is Slot.BELOW else Cell("", bold=cell.bold) if cell else Cell("")
                 for cell, slot in laid.slots(r, max(n_cols, col))]
        out.append(RawRow(cells, table=table))
    return out




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


def _cell_text(tc, styles: _Styles) -> tuple[str, bool]:
    """The paragraphs of a cell (nested tables included), one a line as an HTML cell's
    lines are (two bodies on two lines are two agencies), and the cell's boldness."""
    texts, bold_chars, all_chars = [], 0, 0
    for p in tc.iter(_P):
        text, bold_count, count = _runs(p, styles)
        if line := _normalize(text):
            texts.append(line)
        bold_chars += bold_count
        all_chars += count
    return "\n".join(texts), all_chars > 0 and bold_chars * 2 > all_chars


def _paragraph_text(p, styles: _Styles) -> tuple[str, bool]:
    text, bold_count, count = _runs(p, styles)
    return _normalize(text), count > 0 and bold_count * 2 > count


def _runs(p, styles: _Styles) -> tuple[str, int, int]:
    """A paragraph's text, and how many of its visible chars are bold, of how many."""
    paragraph_bold = styles.paragraph_bold(p)
    label = styles.numbering.label(p, styles)
    parts: list[str] = [label] if label else []
    bold_count = count = 0
    for run in p.iter(_R):
        if _owning_paragraph(run) is not p or _not_printed(run):
            continue
        text = "".join(_TEXT_TAGS[el.tag] if _TEXT_TAGS[el.tag] is not None else (el.text or "")
                       for el in run.iterchildren(*_TEXT_TAGS))
        font = styles.run_font(run, p)
        if font is not None and text:
            text = styles.decode_legacy(text, font)
        if _FOOTNOTE_MARK.match(text) and _raised(run) and "".join(parts)[-1:].isdigit():
            continue  # "2026¹", "≥ 85²": a footnote mark raised after a figure
        parts.append(text)
        visible = sum(1 for ch in text if not ch.isspace())
        count += visible
        if styles.run_bold(run, paragraph_bold):
            bold_count += visible
    return "".join(parts), bold_count, count


# a footnote mark: digits, stars or brackets around them ("1", "*", "(2)")
_FOOTNOTE_MARK = lazy(compile_regex, r"^\s*\(?[\d*]{1,2}\)?\s*$")


def _raised(run) -> bool:
    """A run printed as a superscript (`w:vertAlign` "superscript")."""
    align = run.find(f"{_W}rPr/{_W}vertAlign")
    return align is not None and align.get(f"{_W}val") == "superscript"


def _not_printed(run) -> bool:
    """A run the printed document does not show: hidden text, or text deleted or moved
    away with track changes on (moved text prints where it was moved to)."""
    vanish = run.find(f"{_W}rPr/{_W}vanish")
    if vanish is not None and vanish.get(f"{_W}val", "true").lower() not in _FALSE:
        return True
    parent = run.getparent()
    return parent is not None and parent.tag in _REMOVED


def _owning_paragraph(element):
    parent = element.getparent()
    while parent is not None and parent.tag != _P:
        parent = parent.getparent()
    return parent


def _normalize(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


# ---------------------------------------------------------------- what styles give


class _Styles:
    """What a paragraph or run inherits: bold (its own `w:b`, else its character style, else
    its paragraph's style, each through its `basedOn` chain), font, list numbering; and
    whether a table draws borders."""

    def __init__(self, document):
        self._bold: dict[str, bool | None] = {}
        self._borders: dict[str, bool | None] = {}
        self._num_pr: dict[str, tuple[str, int]] = {}
        self._font: dict[str, str | None] = {}
        self.legacy_encodings: set[str] = set()
        self._based_on: dict[str, str | None] = {}
        self._default_paragraph: str | None = None
        styles_element = document.styles.element
        defaults = styles_element.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr")
        self._default_font = _font_name(defaults)
        for style in styles_element.iterchildren(f"{_W}style"):
            style_id = style.get(f"{_W}styleId")
            self._bold[style_id] = _b_value(style.find(f"{_W}rPr"))
            self._borders[style_id] = _visible_borders(style.find(f"{_W}tblPr/{_W}tblBorders"))
            self._font[style_id] = _font_name(style.find(f"{_W}rPr"))
            num_pr = style.find(f"{_W}pPr/{_W}numPr")
            if num_pr is not None:
                self._num_pr[style_id] = _num_pr_values(num_pr)
            based = style.find(f"{_W}basedOn")
            self._based_on[style_id] = based.get(f"{_W}val") if based is not None else None
            if style.get(f"{_W}type") == "paragraph" and style.get(f"{_W}default") in ("1",
                                                                                        "true"):
                self._default_paragraph = style_id
        self._cache: dict[str | None, bool] = {}
        self.numbering = _Numbering(document)

    def style_numbering(self, style_id: str | None) -> tuple[str, int] | None:
        """The list (numId, level) a paragraph style numbers its paragraphs with."""
        return self._inherited(self._num_pr, style_id)

    def _inherited(self, setting: dict, style_id: str | None):
        """A style's own `setting`, else that of the style it is based on, and so on up."""
        seen, current = set(), style_id
        while current is not None and current not in seen:
            seen.add(current)
            found = setting.get(current)
            if found is not None:
                return found
            current = self._based_on.get(current)
        return None

    def paragraph_style(self, p) -> str | None:
        style = p.find(f"{_W}pPr/{_W}pStyle")
        return style.get(f"{_W}val") if style is not None else self._default_paragraph

    def table_has_borders(self, tbl) -> bool:
        """Whether the table draws any rule: its own borders, else its style's."""
        own = _visible_borders(tbl.find(f"{_W}tblPr/{_W}tblBorders"))
        if own is not None:
            return own
        style = tbl.find(f"{_W}tblPr/{_W}tblStyle")
        found = self._inherited(self._borders, style.get(f"{_W}val") if style is not None
                                else None)
        return found if found is not None else False

    def style_bold(self, style_id: str | None) -> bool:
        if style_id not in self._cache:
            seen, current, value = set(), style_id, None
            while current is not None and current not in seen and value is None:
                seen.add(current)
                value = self._bold.get(current)
                current = self._based_on.get(current)
            self._cache[style_id] = bool(value)
        return self._cache[style_id]

    def run_font(self, run, p) -> str | None:
        """The font a run prints in: its own, its character style's, its paragraph style's,
        the document's default."""
        r_pr = run.find(f"{_W}rPr")
        font = _font_name(r_pr)
        if font is None and r_pr is not None:
            char_style = r_pr.find(f"{_W}rStyle")
            if char_style is not None:
                font = self._style_font(char_style.get(f"{_W}val"))
        return font or self._style_font(self.paragraph_style(p)) or self._default_font

    def _style_font(self, style_id: str | None) -> str | None:
        seen, current = set(), style_id
        while current is not None and current not in seen:
            seen.add(current)
            if self._font.get(current):
                return self._font[current]
            current = self._based_on.get(current)
        return None

    def decode_legacy(self, text: str, font: str) -> str:
        """Text typed in a TCVN3 or VNI font, as the Unicode it shows."""
        encoding = encoding_of_font(font)
        if encoding is None:
            return text
        self.legacy_encodings.add(encoding)
        decoded = codec(encoding).decode(text)
        return decoded.upper() if is_capitals_font(font) else decoded

    def paragraph_bold(self, p) -> bool:
        return self.style_bold(self.paragraph_style(p))

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


# ---------------------------------------------------------------- list numbering


_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
_BULLETS = frozenset("-–—+*•·○●▪■►❖✓")


class _Numbering:
    """Word's automatic list numbers ("1.", "I.", "a)"), which live in numbering.xml and not in
    the text: an STT column numbered by a list reads "1.", "2." … as it prints."""

    def __init__(self, document):
        self._levels: dict[str, dict[int, tuple[int, str, str, str]]] = {}
        self._nums: dict[str, tuple[str, dict[int, int]]] = {}
        self._counters: dict[str, list[int]] = {}
        self._started: set[str] = set()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        for abstract in root.iterchildren(f"{_W}abstractNum"):
            levels = {}
            for lvl in abstract.iterchildren(f"{_W}lvl"):
                levels[int(lvl.get(f"{_W}ilvl", "0"))] = (
                    _int_val(lvl.find(f"{_W}start"), 1),
                    _str_val(lvl.find(f"{_W}numFmt"), "decimal"),
                    _str_val(lvl.find(f"{_W}lvlText"), ""),
                    _str_val(lvl.find(f"{_W}suff"), "tab"),
                )
            self._levels[abstract.get(f"{_W}abstractNumId")] = levels
        for num in root.iterchildren(f"{_W}num"):
            abstract_id = _str_val(num.find(f"{_W}abstractNumId"), "")
            overrides = {}
            for override in num.iterchildren(f"{_W}lvlOverride"):
                start = override.find(f"{_W}startOverride")
                if start is not None:
                    overrides[int(override.get(f"{_W}ilvl", "0"))] = _int_val(start, 1)
            self._nums[num.get(f"{_W}numId")] = (abstract_id, overrides)

    def label(self, p, styles: _Styles) -> str:
        """The list label Word prints before this paragraph, counting it; "" if none."""
        if not self._nums:
            return ""
        num_pr = p.find(f"{_W}pPr/{_W}numPr")
        found = _num_pr_values(num_pr) if num_pr is not None else None
        if found is None or found[0] is None:
            style_found = styles.style_numbering(styles.paragraph_style(p))
            if style_found is None:
                return ""
            found = (style_found[0] if found is None or found[0] is None else found[0],
                     found[1] if found is not None else style_found[1])
        num_id, level = found
        if num_id not in self._nums or num_id == "0":
            return ""
        abstract_id, overrides = self._nums[num_id]
        levels = self._levels.get(abstract_id, {})
        if level not in levels:
            return ""
        counters = self._counters.setdefault(abstract_id, [0] * 10)
        if num_id not in self._started:
            self._started.add(num_id)
            for lvl, start in overrides.items():
                counters[lvl] = start - 1
        start, fmt, text, suffix = levels[level]
        counters[level] = max(counters[level], start - 1) + 1
        for lower in range(level + 1, len(counters)):
            counters[lower] = 0
        label = text
        for lvl in range(level, -1, -1):
            lvl_start, lvl_fmt, _, _ = levels.get(lvl, (1, "decimal", "", "tab"))
            value = counters[lvl] or lvl_start
            label = label.replace(f"%{lvl + 1}", _format_number(value, lvl_fmt))
        if fmt == "bullet":
            label = label if label in _BULLETS else ""
        if not label:
            return ""
        return label if suffix == "nothing" else f"{label} "


def _format_number(value: int, fmt: str) -> str:
    if fmt in ("upperRoman", "lowerRoman"):
        roman, rest = "", value
        for amount, letters in _ROMAN:
            while rest >= amount:
                roman, rest = roman + letters, rest - amount
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("a") + (value - 1) % 26) * (1 + (value - 1) // 26)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt in ("none", "bullet"):
        return ""
    return str(value)


def _num_pr_values(num_pr) -> tuple[str | None, int]:
    num_id = num_pr.find(f"{_W}numId")
    return (num_id.get(f"{_W}val") if num_id is not None else None,
            _int_val(num_pr.find(f"{_W}ilvl"), 0))


def _int_val(element, default: int) -> int:
    try:
        return int(element.get(f"{_W}val")) if element is not None else default
    except (TypeError, ValueError):
        return default


def _str_val(element, default: str) -> str:
    return element.get(f"{_W}val", default) if element is not None else default


def _font_name(r_pr) -> str | None:
    fonts = r_pr.find(f"{_W}rFonts") if r_pr is not None else None
    if fonts is None:
        return None
    return fonts.get(f"{_W}ascii") or fonts.get(f"{_W}hAnsi")


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
