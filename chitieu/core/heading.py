"""The appendix heading above a table: its label ("Phụ lục II", "Biểu 01"), its title, and
its "(Kèm theo Kế hoạch số …)" line.

Assembly reads it to tell a new appendix from the same one carried on; interpretation to
name the plan and the records' outer section.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from chitieu.core.patterns import IGNORECASE, compile_regex, lazy
from chitieu.core.text import clean_text
from chitieu.core.types import RawRow

APPENDIX = lazy(compile_regex,
    # "Biểu 01" names a form the way "Phụ lục 1" names an appendix; it needs its number, so
    # that a title opening with "Biểu dương" is not one; "Mẫu biểu số 01" is such a form too;
    # a label may carry sub-numbers ("Phụ lục I.2", "Biểu 2.1": the second of appendix I)
    r"^(?:(?P<form>(?P<model>m[aẫ]u\s+)?bi[eể]u)(?:\s+s[oố])?\s*(?=\d)|ph[uụ]\s*l[uụ]c(?:\s+s[oố])?\s*)(?P<label>(?:\d+|[IVXLC]+)(?:\.\d+)*[a-zA-Z]?\b|[A-Z]\b)?\s*[:.\-–—]?\s*(?P<rest>.*)$",
    IGNORECASE,
)
ATTACHED = lazy(compile_regex, r"k[èe]m\s+theo|ban\s+h[àa]nh\s+k[èe]m", IGNORECASE)
# "(Kèm theo Kế hoạch …)", "Ban hành kèm theo …": a line that attaches, not a sentence citing
ATTACHMENT_LINE = lazy(compile_regex, r"^\W*(?:ban\s+h[àa]nh\s+)?k[èe]m\s+theo", IGNORECASE)
_HEADING_MARK = lazy(compile_regex, r"^#{1,6}\s+|\s+#+$")  # Markdown "## Heading ##"


def line_text(row: RawRow) -> str:
    return _HEADING_MARK.sub("", clean_text(" ".join(row.texts)))


def appendix_heading(rows: list[RawRow]) -> tuple[str | None, str | None]:
    """The appendix label and title printed in the rows above a table ("Phụ lục II",
    "Danh mục các nhiệm vụ …"), each None when not printed."""
    lines = [t for t in (line_text(r) for r in rows) if t]
    appendix, title_lines, _ = split_heading(lines)
    return appendix, " ".join(title_lines) or None


# "(Kèm theo …" after a title on the same line ("DANH MỤC … NĂM 2026 (Kèm theo Kế hoạch …)"):
# where the attachment line starts
_ATTACHED_INSIDE = lazy(compile_regex,
    r"(?<=\S)\s*(?=\(\s*(?:k[èe]m\s+theo|ban\s+h[àa]nh\s+k[èe]m))", IGNORECASE)


def attachment_apart(lines: Sequence[str]) -> list[str]:
    """A title and its "(Kèm theo …)" printed on one line (one paragraph, a cell of the
    table's first row, OCR joining two lines) as two lines."""
    out = []
    for line in lines:
        at = _ATTACHED_INSIDE.search(line) if "(" in line else None
        out += [line[:at.start()], line[at.end():]] if at else [line]
    return out


def split_heading(lines: list[str]) -> tuple[str | None, list[str], str]:
    """The appendix label, the title's lines and the "(Kèm theo …)" sentence of the lines
    above a table. Read once for the same lines asked again (assembly, the plan's fields and
    the records' sections each ask)."""
    appendix, title, attached = _split_heading(tuple(lines))
    return appendix, list(title), attached


@functools.lru_cache(maxsize=64)
def _split_heading(lines: tuple[str, ...]) -> tuple[str | None, tuple[str, ...], str]:
    # The lines above a table may hold the whole plan before its appendix: the heading is the
    # last "Phụ lục" line, and its "(Kèm theo …)" line the first one after it.
    lines = attachment_apart(lines)
    appendix_at = next((i for i in reversed(range(len(lines)))
                        if APPENDIX.match(lines[i])), None)
    after = appendix_at + 1 if appendix_at is not None else 0
    attached_at = next((i for i in range(after, len(lines)) if ATTACHED.search(lines[i])),
                       None)
    if appendix_at is None and attached_at is not None:
        # no appendix label: a line that attaches ("(Ban hành kèm theo Quyết định số …)"
        # under a plan's heading) before a sentence citing ("Điều 1. Ban hành kèm theo …")
        attached_at = next((i for i in range(attached_at, len(lines))
                            if ATTACHMENT_LINE.match(lines[i])), attached_at)
    if attached_at is None and appendix_at is None:
        attached_at = next((i for i in reversed(range(len(lines)))
                            if ATTACHED.search(lines[i])), None)
    appendix = None
    title: list[str] = []
    if appendix_at is not None:
        match = APPENDIX.match(lines[appendix_at])
        label = match["label"]
        word = ("Mẫu biểu" if match["model"] else "Biểu") if match["form"] else "Phụ lục"
        appendix = f"{word} {label}" if label else word
        if match["rest"]:
            title.append(match["rest"])
        end = attached_at if attached_at is not None and attached_at > appendix_at else len(lines)
        title += lines[appendix_at + 1:end]
        if not title and attached_at is not None and attached_at > appendix_at:
            title = _title_under_attachment(lines[attached_at:])
    elif attached_at is not None:
        title = lines[max(0, attached_at - 2):attached_at]
    attached = ""
    if attached_at is not None:
        attached = _attachment_text(lines[attached_at:])
    return appendix, tuple(t.strip(" *") for t in title if t.strip(" *")), attached


# the most lines a title printed under the "(Kèm theo …)" line runs to
_TITLE_UNDER_LINES = 2


def _title_under_attachment(lines: list[str]) -> list[str]:
    """The title printed under the "(Kèm theo …)" line (`lines` from it on), where none stands
    between the label and it ("Phụ lục 01" / "(Kèm theo …)" / a row "CHỈ TIÊU … NĂM 2026"
    merged over the table): the lines in capitals right after the sentence's end."""
    end = next((i for i, line in enumerate(lines[:4]) if ")" in line), 0) + 1
    title = []
    for line in lines[end:end + _TITLE_UNDER_LINES]:
        text = line.strip(" *")
        if not text or not text.isupper():
            break
        title.append(text)
    return title


def _attachment_text(lines: list[str]) -> str:
    """The "(Kèm theo …)" sentence, possibly wrapped over several lines."""
    parts = []
    for line in lines[:4]:
        parts.append(line)
        if ")" in line:
            break
    text = " ".join(parts).strip(" *")
    return text[1:] if text.startswith("(") else text
