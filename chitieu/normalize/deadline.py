"""Printed deadlines ("Năm 2026", "Quý II/2026", "Trước ngày 30/6/2026", "2026 - 2030",
"Thường xuyên", "30 ngày") → `Deadline`.

The words (recurrence, calendar words, lead words) live in `chitieu/data/deadline_words.yaml`
and are matched on `fold`ed text, so case, tone placement and dash style do not matter.

A cell is read in this order: a date, month, quarter, year or period at its start (after lead
words such as "trước ngày", "đến năm"; whatever follows it is ignored: "Năm 2026 và các năm
tiếp theo" → 2026); a recurrence word anywhere ("Thường xuyên, hằng năm" → continuous); a
duration at its start ("trong 15 ngày"); a date after a marker word inside prose ("Hoàn thành
xây dựng kế hoạch trong Quý I/2026; …"). Anything else is `deadline_unparsed`.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import cache, lru_cache
from itertools import pairwise
from typing import Any

from chitieu.core.cache import cached
from chitieu.core.dataclass import dataclass
from chitieu.core.lexicon import data_file, load_yaml
from chitieu.core.patterns import Written, compile_re, lazy, lazy_fields
from chitieu.core.text import ascii_fold, cached_cell_parser, clean_text, fold
from chitieu.models import Deadline

__all__ = ["DEADLINE_YEAR_MISSING", "counted_from", "parse_deadline"]

DEADLINE_UNPARSED = "deadline_unparsed"
DEADLINE_INVALID_DATE = "deadline_invalid_date"
DEADLINE_YEAR_MISSING = "deadline_year_missing"
# "Trước tháng 9/2026": read as by the end of September (as "Trước ngày 30/6/2026" is by
# 30 June); the words may mean by the end of August, so the record says how it was read
DEADLINE_BEFORE_PERIOD = "deadline_before_period"

_MIN_YEAR, _MAX_YEAR = 1900, 2100
_TRAILING = " .,;:"
_FILLER = "-.…/ "  # a cell of only these ("---", "…") holds nothing (dashes are folded to "-")


def _alternation(words: list[str]) -> str:
    """Folded phrases as a regex alternation, longest first; words are word-bounded."""
    # longest first; equal lengths in text order, so that the pattern is the same in every
    # process (a set iterates in hash order)
    ordered = sorted({fold(w) for w in words if w.strip()}, key=lambda w: (-len(w), w))
    parts = []
    for phrase in ordered:
        body = r"\s+".join(re.escape(p) for p in phrase.split())
        if phrase[0].isalnum():
            body = r"(?<!\w)" + body
        if phrase[-1].isalnum():
            body += r"(?!\w)"
        parts.append(body)
    return "(?:" + "|".join(parts) + ")"


def _starts(words: list[str]) -> frozenset[str]:
    """The characters a match of `_alternation(words)` can start with."""
    return frozenset(fold(w).split()[0][0] for w in words if w.strip())


def _prefix_starts(words: list[str]) -> frozenset[str]:
    """The characters a match of `_prefix(words)` can start with."""
    return frozenset(fold(w)[0] for w in words if fold(w))


def _match_at(pattern: re.Pattern[str], starts: frozenset[str], s: str, pos: int
              ) -> re.Match[str] | None:
    """`pattern.match(s, pos)`, tried only where a character its matches start with is: most
    cells ("2026", "Quý IV/2026") start with none of the lead words, and a pattern never
    tried is never compiled. (No flags: a match starts with the very character.)"""
    return pattern.match(s, pos) if s[pos:pos + 1] in starts else None


def _prefix(words: list[str]) -> str:
    """A calendar word that may touch its number ("T11/2026", "Q2/2026")."""
    ordered = sorted({fold(w) for w in words}, key=lambda w: (-len(w), w))
    return r"(?<!\w)(?:" + "|".join(re.escape(w) for w in ordered) + r")\.?"


@dataclass(frozen=True, slots=True)
class _Grammar:
    empty: frozenset[str]
    recurrence: dict[str, str]        # folded word → recurrence
    quarter_numbers: dict[str, int]
    half_year: dict[str, int]
    point: re.Pattern[str]
    month_range: re.Pattern[str]
    quarter_range: re.Pattern[str]
    half: re.Pattern[str]
    connector: re.Pattern[str]
    leads: re.Pattern[str]
    before: re.Pattern[str]
    open_start: re.Pattern[str]
    period_leads: re.Pattern[str]
    # the characters a match of each pattern above (and of the ranges) starts with
    lead_starts: frozenset[str]
    open_starts: frozenset[str]
    period_starts: frozenset[str]
    month_starts: frozenset[str]
    quarter_starts: frozenset[str]
    recurring: re.Pattern[str]
    duration: re.Pattern[str]
    prose_marker: re.Pattern[str]


@cache
def _grammar() -> _Grammar:
    # the written patterns (~1 ms a process to write) are kept in the cache folder, found by
    # the data file (and code) they are written from
    return _Grammar(**lazy_fields(cached("deadline-grammar", _grammar_sources,
                                         [data_file("deadline_words.yaml")]), re.compile))


def _grammar_sources() -> dict[str, Any]:
    """The grammar's fields, each pattern as `Written`."""
    w = load_yaml("deadline_words.yaml")
    day, year = _alternation(w["day"]), _alternation(w["year"])
    month, quarter = _prefix(w["month"]), _prefix(w["quarter"])
    qnum = "|".join(sorted((re.escape(str(k)) for k in w["quarter_numbers"]), key=len,
                           reverse=True))
    y4 = r"(?:19|20)\d\d(?!\d)"
    point = (
        rf"(?:{day}\s*)?(?P<vd>\d{{1,2}})\s*{month}\s*(?P<vm>\d{{1,2}})\s*{year}\s*(?P<vy>\d{{4}})(?!\d)"
        rf"|(?:{day}\s*)?(?<!\d)(?P<d>\d{{1,2}})\s*(?P<sep>[/.-])\s*(?P<m>\d{{1,2}})\s*(?P=sep)\s*"
        r"(?P<y>\d{4}|\d{2})(?!\d)"
        rf"|{quarter}\s*(?P<q>{qnum})(?!\w)\s*(?:[/,-]|{year})?\s*(?P<qy>{y4})"
        rf"|{month}\s*(?P<mm>\d{{1,2}})\s*(?:[/.-]|{year})\s*(?P<my>{y4})"
        rf"|(?<![\d/.])(?P<bm>\d{{1,2}})\s*[/.-]\s*(?P<by>{y4})"
        rf"|(?:{year}\s*)?(?<!\d)(?P<yy>{y4})"
    )
    to = r"\s*(?:-|đến|tới)\s*"
    return dict(
        empty=frozenset(fold(x) for x in w["empty"]),
        recurrence={fold(word): kind for kind, ws in w["recurring"].items() for word in ws},
        quarter_numbers={fold(str(k)): int(v) for k, v in w["quarter_numbers"].items()},
        half_year={fold(k): int(v) for k, v in w["half_year"].items()},
        point=Written(point),
        month_range=Written(
            rf"{month}\s*(?P<a>\d{{1,2}}){to}(?:{month}\s*)?(?P<b>\d{{1,2}})\s*"
            rf"(?:[/.]|{year})\s*(?P<y>{y4})"
        ),
        quarter_range=Written(
            rf"{quarter}\s*(?P<a>{qnum}){to}(?:{quarter}\s*)?(?P<b>{qnum})\s*"
            rf"(?:[/]|{year})\s*(?P<y>{y4})"
        ),
        half=Written(
            rf"(?P<n>\d{{1,2}})\s*{month}\s*(?P<h>{_alternation(list(w['half_year']))})\s*{year}"
            rf"\s*(?P<y>{y4})"
        ),
        connector=Written(r"\s*" + _alternation(w["range_connectors"]) + r"\s*"),
        leads=Written(r"(?:" + _alternation(w["leads"]) + r"\s*)+"),
        before=Written(_alternation(w["before"])),
        open_start=Written(_alternation(w["open_start"]) + r"\s*"),
        period_leads=Written(r"(?:" + _alternation(w["period_leads"]) + r"\s*)+"),
        lead_starts=_starts(w["leads"]),
        open_starts=_starts(w["open_start"]),
        period_starts=_starts(w["period_leads"]),
        month_starts=_prefix_starts(w["month"]),
        quarter_starts=_prefix_starts(w["quarter"]),
        recurring=Written(_alternation([x for ws in w["recurring"].values() for x in ws])),
        duration=Written(
            r"(?:" + _alternation(w["duration_leads"]) + r"\s*)*"
            r"(?P<n>\d{1,4})\s*(?P<unit>" + _alternation(w["duration_units"]) + ")"
            # "6 tháng đầu năm" is part of a year, not a duration
            + r"(?!\s*" + _alternation(list(w["half_year"])) + r"\s*" + year + ")"
            # "6 tháng/lần", "2 năm một lần": how often, not how long
            + r"(?!\s*(?:/|một|1)\s*lần)"
        ),
        prose_marker=Written(_alternation(w["prose_markers"])),
    )


# ----------------------------------------------------------------------------- points


@dataclass(frozen=True, slots=True)
class _Span:
    kind: str           # year, month, quarter, date, period
    start: date
    end: date


class _Invalid(ValueError):
    """A date that does not exist (31/2/2026, month 13)."""


def _month_span(year: int, first: int, last: int, kind: str) -> _Span:
    if not (1 <= first <= last <= 12 and _MIN_YEAR <= year <= _MAX_YEAR):
        raise _Invalid
    return _Span(kind, date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1]))


def _year_of(printed: str) -> int:
    year = int(printed)
    return 2000 + year if len(printed) == 2 else year


def _span_of(m: re.Match[str]) -> _Span:
    g, quarters = m.groupdict(), _grammar().quarter_numbers
    try:
        if g["vd"] or g["d"]:
            day, month_, year = (int(g["vd"]), int(g["vm"]), int(g["vy"])) if g["vd"] else (
                int(g["d"]), int(g["m"]), _year_of(g["y"]))
            if not _MIN_YEAR <= year <= _MAX_YEAR:
                raise _Invalid
            day_ = date(year, month_, day)
            return _Span("date", day_, day_)
    except ValueError as err:
        raise _Invalid from err
    if g["q"]:
        q = quarters[g["q"]]
        return _month_span(int(g["qy"]), 3 * q - 2, 3 * q, "quarter")
    if g["mm"] or g["bm"]:
        month_, year = (g["mm"], g["my"]) if g["mm"] else (g["bm"], g["by"])
        return _month_span(int(year), int(month_), int(month_), "month")
    return _month_span(int(g["yy"]), 1, 12, "year")


def _range_at(s: str, pos: int) -> tuple[_Span, int] | None:
    """A period printed as one piece: "Tháng 6-9/2026", "Quý I-II/2026", "6 tháng đầu năm"."""
    g = _grammar()
    if m := _match_at(g.month_range, g.month_starts, s, pos):
        span = _month_span(int(m["y"]), int(m["a"]), int(m["b"]), "period")
        return span, m.end()
    if m := _match_at(g.quarter_range, g.quarter_starts, s, pos):
        a, b = g.quarter_numbers[m["a"]], g.quarter_numbers[m["b"]]
        return _month_span(int(m["y"]), 3 * a - 2, 3 * b, "period"), m.end()
    if m := g.half.match(s, pos):
        # "6 tháng đầu năm": the first n months; "3 tháng cuối năm": the last n
        n, first = int(m["n"]), g.half_year[m["h"]] == 1
        if not 1 <= n <= 12:
            raise _Invalid
        span = (1, n) if first else (13 - n, 12)
        return _month_span(int(m["y"]), *span, "period"), m.end()
    return None


def _ends_clean(s: str, pos: int) -> bool:
    return pos >= len(s) or not (s[pos].isalnum() or s[pos] == "/")


def _structured_at(s: str, pos: int) -> tuple[_Span, bool] | None:
    """A date/month/quarter/year/period at `pos` (after lead words); the flag says the
    period is open-ended ("từ 01/7/2025")."""
    g = _grammar()
    if m := _match_at(g.leads, g.lead_starts, s, pos):
        pos = m.end()
    open_start = bool(_match_at(g.open_start, g.open_starts, s, pos))
    if m := _match_at(g.period_leads, g.period_starts, s, pos):
        pos = m.end()
    if found := _range_at(s, pos):
        span, end = found
        return (span, False) if _ends_clean(s, end) else None
    first = g.point.match(s, pos)
    if not first:
        return None
    span = _span_of(first)
    if (conn := g.connector.match(s, first.end())) and (
        found := _end_point(s, conn.end())
    ):
        last, end = found
        if last.end < span.start:
            raise _Invalid
        return _Span("period", span.start, last.end), False
    if not _ends_clean(s, first.end()):
        return None
    return span, open_start


def _end_point(s: str, pos: int) -> tuple[_Span, int] | None:
    g = _grammar()
    if m := _match_at(g.leads, g.lead_starts, s, pos):
        pos = m.end()
    last = g.point.match(s, pos)
    if not last or not _ends_clean(s, last.end()):
        return None
    return _span_of(last), last.end()


# ----------------------------------------------------------------------------- cells


@dataclass(frozen=True, slots=True)
class _Parsed:
    kind: str | None
    start: str | None = None
    end: str | None = None
    recurrence: str | None = None
    warning: str | None = None


def _from_span(span: _Span, open_ended: bool, before: bool = False) -> _Parsed:
    if open_ended:
        return _Parsed("period", span.start.isoformat(), None)
    if span.kind == "date":
        return _Parsed("date", None, span.end.isoformat())
    return _Parsed(span.kind, span.start.isoformat(), span.end.isoformat(),
                   warning=DEADLINE_BEFORE_PERIOD if before else None)


def _before_period(s: str, span: _Span) -> bool:
    """"Trước tháng 9/2026": a month, quarter or year after a "before" word among the
    leads (a day after it is the contract's "Trước ngày 30/6/2026", nothing to warn of)."""
    if span.kind not in ("month", "quarter", "year"):
        return False
    g = _grammar()
    lead = _match_at(g.leads, g.lead_starts, s, 0)
    return lead is not None and bool(g.before.search(s, 0, lead.end()))


# "quý i, ii/2026", "tháng 6 và tháng 12/2026": a list of quarters or months of one year,
# read as the period from the first to the last.
_LISTED = lazy(re.compile,
    r"^(?P<word>quý|tháng)\s*(?P<first>[ivx]+|\d{1,2})"
    r"(?:\s*(?:,|;|và)\s*(?:(?P=word)\s*)?(?:[ivx]+|\d{1,2}))*"
    r"\s*(?:,|;|và)\s*(?:(?P=word)\s*)?(?P<last>[ivx]+|\d{1,2})\s*/\s*(?P<year>\d{4})$"
)


# "tháng 6/2026 và tháng 12/2026", "tháng 6 năm 2026 và tháng 12 năm 2026": the same list
# with the year printed after every item
_LISTED_ITEM = lazy(re.compile,
    r"(?P<word>quý|tháng)\s*(?P<n>[ivx]+|\d{1,2})\s*(?:/|năm)\s*(?P<year>\d{4})")
_LIST_JOINER = lazy(re.compile, r"\s*(?:,|;|và)\s*")


# "Năm 2026, 2027", "2026 và năm 2027": years listed, read as the period from the first to
# the last, as quarters and months listed are
_LISTED_YEARS = lazy(re.compile,
    r"^(?:năm\s*)?(?P<first>(?:19|20)\d\d)(?:\s*(?:,|;|và)\s*(?:năm\s*)?(?:19|20)\d\d)*"
    r"\s*(?:,|;|và)\s*(?:năm\s*)?(?P<last>(?:19|20)\d\d)$"
)


# "từ 01/3 đến 30/6/2026": the first day of a range printed without the year of the second
_YEARLESS_FROM = lazy(re.compile,
    r"(?<![\d/.])(?P<first>\d{1,2}\s*/\s*\d{1,2})(?!\s*/|\d)"
    r"(?P<rest>\s*(?:-|đến|tới)\s*(?:ngày\s*)?\d{1,2}\s*/\s*\d{1,2}\s*/\s*(?P<year>(?:19|20)\d\d))")


def _expand_list(s: str) -> str:
    s = _YEARLESS_FROM.sub(r"\g<first>/\g<year>\g<rest>", s)
    if years := _LISTED_YEARS.match(s):
        return f"năm {years['first']} - năm {years['last']}"
    m = _LISTED.match(s)
    if not m:
        return _expand_dated_list(s)
    word, year = m["word"], m["year"]
    return f"{word} {m['first']}/{year} - {word} {m['last']}/{year}"


# "30/6/2026; 31/12/2026", "ngày 30/6 và ngày 31/12/2026": days listed, the year printed
# after the last at least
_LISTED_DAY = lazy(re.compile,
    r"(?:ngày\s*)?(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?:\s*/\s*(?P<y>(?:19|20)\d\d))?(?![\d/])")


def _expand_days(s: str) -> str:
    """Days listed as the period from the first to the last ("30/6 - 31/12/2026")."""
    items = list(_LISTED_DAY.finditer(s))
    if len(items) < 2 or items[0].start() or items[-1].end() != len(s) or not items[-1]["y"]:
        return s
    if not all(_LIST_JOINER.fullmatch(s[a.end():b.start()]) for a, b in pairwise(items)):
        return s
    first, last = items[0], items[-1]
    year = first["y"] or last["y"]
    return f"{first['d']}/{first['m']}/{year} - {last['d']}/{last['m']}/{last['y']}"


def _expand_dated_list(s: str) -> str:
    items = list(_LISTED_ITEM.finditer(s))
    if not items:
        return _expand_days(s)
    if len(items) < 2 or len({(i["word"], i["year"]) for i in items}) != 1:
        return s
    between = [s[a.end():b.start()] for a, b in pairwise(items)]
    if items[0].start() or items[-1].end() != len(s) or not all(
            _LIST_JOINER.fullmatch(gap) for gap in between):
        return s
    first, last = items[0], items[-1]
    year = first["year"]
    return f"{first['word']} {first['n']}/{year} - {last['word']} {last['n']}/{year}"


_BULLET = lazy(re.compile, r"^[-+•*]\s+(?=\S)")


@lru_cache(maxsize=65536)
def _parse(s: str) -> _Parsed | None:
    """The deadline in a folded, cleaned cell; None for a cell that holds no deadline."""
    g = _grammar()
    s = _expand_list(_BULLET.sub("", s.strip(_TRAILING)))
    if not s or s in g.empty or not s.strip(_FILLER):
        return None
    try:
        if found := _structured_at(s, 0):
            return _from_span(*found, before=_before_period(s, found[0]))
        if m := g.recurring.search(s):
            return _Parsed("recurring", recurrence=g.recurrence[m.group()])
        if g.duration.match(s):
            return _Parsed("duration")
        for marker in g.prose_marker.finditer(s):
            if found := _structured_at(s, marker.start()):
                return _from_span(*found)
    except _Invalid:
        return _Parsed(None, warning=DEADLINE_INVALID_DATE)
    return _Parsed(None, warning=DEADLINE_UNPARSED)


@cache
def _accents() -> dict[str, str]:
    """The grammar's words as OCR prints them without their marks ("thang" → "tháng")."""
    w = load_yaml("deadline_words.yaml")
    phrases = [p for key in ("day", "month", "quarter", "year", "range_connectors",
                             "period_leads", "open_start", "leads", "prose_markers",
                             "duration_units", "duration_leads") for p in w[key]]
    phrases += [p for ws in w["recurring"].values() for p in ws] + list(w["half_year"])
    restored: dict[str, str] = {}
    for word in (x for p in phrases for x in fold(p).split()):
        bare = ascii_fold(word)
        if bare != word:
            restored.setdefault(bare, word)
    return restored


_ASCII_WORD = lazy(re.compile, r"(?<!\w)[a-z]+(?!\w)")


# OCR's look-alikes: "2o26" (letter o in a year), "quý lv" / "quý 1v" (l or 1 for I)
_LETTER_O_IN_NUMBER = lazy(re.compile, r"(?<![^\W\d])(?=[\do]*o)[\do]*\d[\do]*(?![^\W\d])")
_QUARTER_ROMAN_SLIP = lazy(re.compile, r"(\bquý\s*)([il1|]v|[il1|]{1,3})(?!\w)")


def _with_accents(s: str) -> str:
    restored = _accents()
    s = _ASCII_WORD.sub(lambda m: restored.get(m.group(), m.group()), s)
    s = _LETTER_O_IN_NUMBER.sub(lambda m: m.group().replace("o", "0"), s)
    return _QUARTER_ROMAN_SLIP.sub(lambda m: m[1] + re.sub(r"[l1|]", "i", m[2]), s)


@cache
def _yearless() -> re.Pattern[str]:
    """A day, month, quarter (or a range of them) or part of a year printed without its year,
    at the start of a folded cell after lead words ("trước 15/10", "từ 01/3 đến 30/6",
    "tháng 6 - 9", "quý iv",
    "cuối năm", "6 tháng đầu năm"), ending the cell or before a bracket or punctuation."""
    w = load_yaml("deadline_words.yaml")
    month, quarter = _prefix(w["month"]), _prefix(w["quarter"])
    qnum = "|".join(sorted((re.escape(str(k)) for k in w["quarter_numbers"]), key=len,
                           reverse=True))
    to = r"\s*(?:-|,|;|và|đến|tới)\s*"
    day, year = _alternation(w["day"]), _alternation(w["year"])
    sides = _alternation(list(w["half_year"]))
    point = (
        rf"(?P<slash>(?:{day}\s*)?(?<![\d/])\d{{1,2}}\s*[/.]\s*\d{{1,2}}"
        rf"(?:\s*(?:-|đến|tới)\s*(?:{day}\s*)?\d{{1,2}}\s*[/.]\s*\d{{1,2}})?"
        rf"|{month}\s*\d{{1,2}}(?:{to}(?:{month}\s*)?\d{{1,2}})*"
        rf"|{quarter}\s*(?:{qnum})(?:{to}(?:{quarter}\s*)?(?:{qnum}))*)"
        rf"|(?P<year>(?:\d{{1,2}}\s*{month}\s*{sides}\s*)?{year})"
    )
    leads = r"(?:" + _alternation(w["leads"] + w["period_leads"]) + r"\s*)*"
    return compile_re(rf"^{leads}(?:{point})(?!\w)(?=\s*(?:$|[(;,.]))")


def _with_year(s: str, year: int) -> str | None:
    """The folded cell with `year` printed after its yearless point; None when it has none."""
    m = _yearless().match(s)
    if m is None:
        return None
    glue = "/" if m["slash"] else " "
    return f"{s[:m.end()]}{glue}{year}{s[m.end():]}"


@cached_cell_parser
def parse_deadline(raw: str | None, year: int | None = None) -> tuple[Deadline | None, list[str]]:
    """A printed deadline cell as a `Deadline`, plus warning codes. `year` is the plan's year:
    a day, month or quarter printed without one ("Trước 15/10", "Quý IV") is in it; without
    it such a cell is null with `deadline_year_missing`."""
    if raw is None or not raw.strip():
        return None, []
    printed = raw.strip()
    folded = fold(clean_text(printed))
    parsed = _parse(folded)
    if parsed is not None and parsed.kind is None and parsed.warning == DEADLINE_UNPARSED:
        # "Thang 12/2026", "Hang nam", "Quý lV/2026": OCR lost the marks or misread a letter
        folded = _with_accents(folded)
        retried = _parse(folded)
        parsed = retried if retried is not None and retried.kind is not None else parsed
    if parsed is not None and parsed.kind is None and parsed.warning == DEADLINE_UNPARSED:
        dated = _with_year(folded, year or 2000)
        if dated is not None and not year:
            parsed = _Parsed(None, warning=DEADLINE_YEAR_MISSING)
        elif dated is not None and (retried := _parse(dated)) is not None and retried.kind:
            parsed = retried
    if parsed is None:
        return None, []
    if parsed.kind is None:
        return None, [parsed.warning] if parsed.warning else []
    return Deadline(kind=parsed.kind, start=parsed.start, end=parsed.end,
                    recurrence=parsed.recurrence, raw=printed), (
        [parsed.warning] if parsed.warning else [])


@cache
def _lengths() -> dict[str, tuple[int, int]]:
    """Folded duration unit → (days, months) it lasts; a unit left out ("ngày làm việc":
    which days are worked is not printed) has no calendar length."""
    lengths = load_yaml("deadline_words.yaml")["duration_lengths"]
    return {fold(unit): (int(v.get("days", 0)), int(v.get("months", 0)))
            for unit, v in lengths.items()}


def counted_from(deadline: Deadline, issued_on: str | None, printed: str | None = None
                 ) -> Deadline:
    """A duration ("100 ngày kể từ ngày ban hành Kế hoạch", "Trong 02 tháng") counted from
    the plan's issue date (SCHEMA v1.1): `start` the issue date, `end` the issue date plus the
    duration in calendar days, or months added ("N tháng"). `printed` is the text the
    duration was read from when it is not `raw` (a bare "7" under "Số ngày"). Anything else,
    or an unknown issue date, is returned as it is (`start` and `end` null)."""
    if deadline.kind != "duration" or not issued_on:
        return deadline
    folded = _BULLET.sub("", fold(clean_text(printed or deadline.raw))).strip(_TRAILING)
    duration = _grammar().duration
    match = duration.match(folded) or duration.match(_with_accents(folded))
    if match is None:
        return deadline
    start = date.fromisoformat(issued_on)
    length = _lengths().get(" ".join(match["unit"].split()))
    if length is None:
        return deadline.model_copy(update={"start": start.isoformat()})
    count = int(match["n"])
    end = _plus_months(start, count * length[1]) + timedelta(days=count * length[0])
    return deadline.model_copy(update={"start": start.isoformat(), "end": end.isoformat()})


def _plus_months(day: date, months: int) -> date:
    """The same day `months` later, the month's last day when it is shorter (31/1 + 1 → 28/2)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
