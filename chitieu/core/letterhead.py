"""The national header of a Vietnamese administrative document and the title under it.

The header (Nghị định 30/2020 form) is a borderless two-column block: on the left the issuing
body, its unit and "Số: 52/KH-UBND"; on the right "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
"Độc lập - Tự do - Hạnh phúc" and the place-date line ("Lạc Dương, ngày 10 tháng 3 năm
2026"). Then the document's kind ("KẾ HOẠCH", "CHƯƠNG TRÌNH" …) and its title, then the body.

Readers deliver the block in several shapes: each line read across both columns ("ỦY BAN
NHÂN DÂN CỘNG HÒA XÃ HỘI …", OCR and DOCX tab stops), the left column's lines then the right
column's (a DOCX table), the two columns' lines interleaved by height (PDF, scans). The right
column's parts are told by what they say, not by where they sit, so every shape reads the
same. Assembly uses this module to know a table printed inside a plan's body; interpretation
to read the plan's number, date, issuer and title. The words live in data/letterhead.yaml.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from chitieu.core.dataclass import dataclass, field
from chitieu.core.lexicon import load_yaml, read_csv
from chitieu.core.numbering import ROMAN
from chitieu.core.patterns import IGNORECASE, compile_regex, escape, lazy
from chitieu.core.text import clean_text, is_bold_markup, to_ascii
from chitieu.core.types import Cell, RawRow

if TYPE_CHECKING:
    from collections.abc import Iterable

    import regex

MAX_HEADER_LINES = 14  # the block is at the top of the document: never deeper than this
MAX_TITLE_LINES = 4  # a title under its kind runs over a few lines, never more
MAX_STAMP_LINES = 8  # a signature's stamp: its few fields, the names' wrapped rests
# "Số: 52/KH-UBND", "Số: 12 /KH-UBND"; a Party committee's "Số 08-KH/ĐU" (the kind after a
# dash, the body after the slash); a slash a scan doubled ("Số: 35//QĐ-UBND") is one, a dash
# printed with spaces ("45/KH - UBND") one dash; a school's initials joined by "&"
# ("17/KH-TH&THCS") one word; digits a typist or OCR spaced ("Số: 1 27/KH-UBND") one number
# (plan.py reads it without the spaces)
NUMBER = lazy(compile_regex,
    r"\bs[ốo]\s*:?\s*(?P<num>\d*(?:[ ]\d+)*)\s*(?P<sep>//?|[\-–](?=\s*\p{Lu}+\s*/))\s*"
    r"(?P<suffix>[\p{L}\d]+(?:&[\p{L}\d]+)*(?:[ ]?[\-–][ ]?[\p{L}\d]+(?:&[\p{L}\d]+)*)*"
    r"(?:/[\p{L}\d\-&]+)*)",
    IGNORECASE,
)
# "ngày 10 tháng 3 năm 2026", "ngày 14 / 7 /2026", "ngày    tháng 5 năm 2026" (unsigned)
_DATED = lazy(compile_regex,
    r"\bngay\W*(?:\d{1,2})?\W*(?:thang\W*(?:\d{1,2})?\W*nam\W*|\W*(?:\d{1,2})?\W*[/.\-]\W*)"
    r"(?:19|20)\d\d\b")
# "Phú Xuyên, ngày 02 tháng 12 năm" whose year a narrow right column wrapped onto the next
# line, or "…, ngày 02 tháng 12" whose "năm 2026" it wrapped
_DATED_OPEN = lazy(compile_regex,
    r"\bngay\W*(?:\d{1,2})?\W*thang\W*(?:\d{1,2})?\W*(?P<word>nam)?\W*$")
# "…, ngày" (its day blank or given) whose month and year a narrow column wrapped
_DAY_OPEN = lazy(compile_regex, r"(?:,|(?<!\d)\s)\s*ngay\W*(?:\d{1,2})?\W*$")
# "ngày" (and its day) alone on a line under "Vĩnh Thuận Đông," (a narrow cell wrapped both)
_DAY_ALONE = lazy(compile_regex, r"^\s*ngay\W*(?:\d{1,2})?\W*$")
# ("…, ngày" / "tháng 7 năm 2026" of a blank day; "…, ngày" / "05 tháng 6 năm 2026" where a
# long place pushed the day onto the next line too)
_WRAPPED_MONTH = lazy(compile_regex,
    r"(?:^|\t)[ ]*(?:\d{1,2}[ ]+)?th[áa]ng[ ]+\d{1,2}[ ]+n[ăa]m[ ]+(?:19|20)\d\d[ ]*$",
    IGNORECASE)
# ("…, ngày" / "05/6/2026": the date as figures wrapped whole)
_WRAPPED_FIGURES = lazy(compile_regex,
    r"(?:^|\t)[ ]*\d{1,2}[ ]*[/.\-][ ]*\d{1,2}[ ]*[/.\-][ ]*(?:19|20)\d\d[ ]*$")
_WRAPPED_YEAR = lazy(compile_regex,
    r"(?:^|\t)[ ]*(?P<word>n[ăa]m[ ]+)?(?P<year>(?:19|20)\d\d)[ ]*$", IGNORECASE)
_ROMAN = lazy(compile_regex, rf"^(?P<num>{ROMAN})[.)]?\s+\S")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


@dataclass(frozen=True, slots=True)
class _Words:
    motto: regex.Pattern
    motto_tail: regex.Pattern
    named_with_country: regex.Pattern  # a body's name going on with "Việt Nam", at its end
    draft: regex.Pattern
    stamp: regex.Pattern  # a digital signature's stamp's label: the rest of its line
    stamp_name: regex.Pattern  # the label of a stamp's field holding a name, which may wrap
    rule: regex.Pattern
    kinds: frozenset[str]
    not_kinds: frozenset[str]  # a level's word folding like a kind's ("phường"), as printed
    kind_starts: tuple[regex.Pattern, ...]  # a kind opening a line, longest first
    title_period: regex.Pattern  # a number and a period opening a title ("5 nam", "100 ngay")
    body: regex.Pattern
    authority: regex.Pattern
    article: regex.Pattern
    signing: regex.Pattern
    bodies: dict[str, str]  # a body's opening words, folded → as written
    named_bodies: frozenset[str]  # openings followed by a name of its own
    named_with_owner: frozenset[str]  # managing bodies naming their bodies with their name
    named_by_place: frozenset[str]  # bodies named with their place under those, all the same
    body_start: regex.Pattern
    body_within: regex.Pattern  # a body opening after another body's place on one line
    offices: dict[str, str]  # a body named by these words alone: its managing body's office
    office_holder: regex.Pattern  # "chu tich " before a body: the one who signs for it
    standing_organ: regex.Pattern  # "ban thuong vu " before a committee: an organ of it
    # (not before a body whose organ issues in its own name, "thuong truc hdnd")
    office_at_end: regex.Pattern  # an office's words ending a line after other words
    capitalized: frozenset[str]  # words a body's name writes with a capital wherever
    school: regex.Pattern  # "truong" and a school's kinds before a name of its own
    school_name_lower: frozenset[str]  # words of a school's name left in lower case
    school_name_not_own: regex.Pattern  # what follows a school's kind naming no school


def _spaced(phrases: Iterable[str]) -> str:
    """The folded `phrases` as one regex alternation, any run of spaces between words."""
    return "|".join(p.replace(" ", r"\s+") for p in phrases)


@functools.cache
def _words() -> _Words:
    data = load_yaml("letterhead.yaml")
    kinds = sorted(data["kinds"], key=len, reverse=True)
    bodies = sorted(data["bodies"], key=len, reverse=True)
    return _Words(
        motto=compile_regex("|".join(f"(?:{p})" for p in data["motto"])),
        motto_tail=compile_regex(data["motto_tail"]),
        named_with_country=compile_regex(
            r"(?<!\w)(?:" + _spaced(data["named_with_country"]) + r")\W*$"),
        draft=compile_regex(data["draft"]),
        stamp=compile_regex(
            r"(?<!\w)(?:" + _spaced(data["signature_stamp"]) + r")\s*:"),
        stamp_name=compile_regex(
            r"(?<!\w)(?:" + _spaced(data["signature_stamp_names"]) + r")\s*:"),
        rule=compile_regex(data["rule"]),
        kinds=frozenset(data["kinds"]),
        not_kinds=frozenset(data["not_kinds"]),
        kind_starts=tuple(compile_regex(r"^(?P<kind>" + k.replace(" ", r"\s+") + r")\s+(?=\w)")
                          for k in kinds),
        title_period=compile_regex(
            # not a year's "năm": "ĐỀ ÁN 06 NĂM 2026" is a programme's year, "5 NĂM
            # 2026-2030" a five years' span
            r"\d+(?:[.,]\d+)?\s+(?:" + _spaced(data["title_periods"])
            + r")(?!\w)(?!\s+\d{4}\b(?!\s*[-–]\s*\d{4}))"),
        body=compile_regex("|".join(f"(?:{p})" for p in data["body_openings"])),
        authority=compile_regex(data["authority"]),
        article=compile_regex(data["article"]),
        signing=compile_regex(data["signing"]),
        bodies=data["bodies"],
        named_bodies=frozenset(data["named_bodies"]),
        named_with_owner=frozenset(data["named_with_owner"]),
        named_by_place=frozenset(data["named_by_place"]),
        body_start=compile_regex(
            r"^(?P<body>" + _spaced(bodies) + r")(?!\w)"),
        body_within=compile_regex(
            r"(?<= )(?:" + "|".join(escape(b) for b in data["bodies_within_line"])
            + r")(?= \w)"),
        offices=data["offices"],
        capitalized=frozenset(data["capitalized"]),
        school=compile_regex(
            r"^truong\s+(?P<kind>(?:(?:" + "|".join(
                escape(k).replace(r"\ ", " ").replace(" ", r"\s+")
                for k in sorted(data["school_kinds"], key=len, reverse=True))
            + r")\s+)+)(?=\w)"),
        school_name_lower=frozenset(data["school_name_lower"]),
        school_name_not_own=compile_regex(
            r"^(?:" + "|".join(data["school_names_not_own"]) + r")\.?$"),
        office_at_end=compile_regex(
            r"(?<= )(?:" + _spaced(data["offices"]) + r")$"),
        office_holder=compile_regex(
            r"^(?:" + _spaced(data["office_holders"]) + r")\s+(?=\S)"),
        standing_organ=compile_regex(
            r"^(?:" + _spaced(data["standing_organs"])
            + r")\s+(?!(?:" + _spaced(data["organs_in_own_name"])
            + r")(?!\w))(?=\S)"),
    )


@functools.lru_cache(maxsize=1024)
def _folded(text: str) -> tuple[str, tuple[int, ...]]:
    """`text` in lower-case ASCII, and for each folded character the index it came from, so
    that a match in the folded text cuts the printed one. Kept for the header's lines, each
    read by several of the readers below."""
    where: list[int] = []
    for i, char in enumerate(text):
        where.extend([i] * len(_FOLDED_CHARS[ord(char)]))
    where.append(len(text))
    return _folded_text(text), tuple(where)


def _folded_text(text: str) -> str:
    """The first of `_folded` (at C speed: one `translate`)."""
    return text.translate(_FOLDED_CHARS)


class _FoldedChars(dict):
    """Each character as `_folded` reads it, found once: lower-case ASCII, a space where
    unidecode has nothing."""

    def __missing__(self, code: int) -> str:
        self[code] = folded = to_ascii(chr(code)).lower() or " "
        return folded


_FOLDED_CHARS = _FoldedChars()


_NOT_WORD = lazy(compile_regex, r"[^\w]+")


def _key(text: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", to_ascii(text).lower()).split())


def document_kind(text: str) -> tuple[str, str] | None:
    """The document's kind and what follows it on its line: ("KẾ HOẠCH", "") for the kind
    printed alone above its title; ("KẾ HOẠCH", "Chuyển đổi số năm 2026") where a reader put
    the title on the kind's line — only for a kind printed in capitals, as kinds are, so that
    a sentence ("Kế hoạch số 5 …") is none."""
    text = clean_text(text).strip(" *#")
    if text.split(" ", 1)[0].lower() in _words().not_kinds:
        return None  # "PHƯỜNG AN CỰU", no "PHƯƠNG ÁN"
    if _key(text) in _words().kinds:
        return text, ""
    folded = _folded_text(text)
    for pattern in _words().kind_starts:
        match = pattern.match(folded)
        if match is None:
            continue
        if folded[match.end()].isdigit() and not _words().title_period.match(
                folded, match.end()):
            # "ĐỀ ÁN 06", "CHƯƠNG TRÌNH 135": a programme named by its number (a steering
            # committee's name's last line), no kind: a title opens with a number only
            # before a period ("KẾ HOẠCH 5 NĂM …", "BÁO CÁO 6 THÁNG …")
            return None
        where = _folded(text)[1]  # where each folded character was printed: only on a match
        kind = text[:where[match.end("kind")]]
        if kind.isupper():  # "CHƯƠNG TRÌNH Hành động …": the kind is what is in capitals
            return kind, text[where[match.end()]:].strip(" *#:")
    return None


def is_document_kind(text: str) -> bool:
    """"KẾ HOẠCH", "CHƯƠNG TRÌNH", "QUYẾT ĐỊNH" opening a line above or before a title."""
    return document_kind(text) is not None


def is_national_line(text: str) -> bool:
    """The header's national name or motto ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập -
    Tự do - Hạnh phúc"; a Party committee's "ĐẢNG CỘNG SẢN VIỆT NAM")."""
    return bool(_words().motto.search(_folded_text(text)))


def opens_body(text: str) -> bool:
    """"Căn cứ …", "Thực hiện Kế hoạch số …", "I. MỤC ĐÍCH": the body has begun."""
    folded = _folded_text(clean_text(text).strip(" *"))
    return bool(_words().body.match(folded))


def is_article_heading(text: str) -> bool:
    """"Điều 2. …": an article of a decision or resolution, a heading of its body."""
    return bool(_words().article.match(_folded_text(clean_text(text).strip(" *"))))


def names_no_body(text: str) -> bool:
    """A body's opening words alone that a name of its own must follow ("Văn phòng", "Trung
    tâm", "Sở"): no body's name yet."""
    return " ".join(_folded_text(text).split()) in _words().named_bodies


def is_signing_line(text: str) -> bool:
    """"TM. ỦY BAN NHÂN DÂN", "K/T TRƯỞNG BAN": the signature's office under the body."""
    return bool(_words().signing.match(_folded_text(clean_text(text).strip(" *"))))


def stamp_field(text: str) -> str | None:
    """What a line opening with a digital signature's stamp's field holds ("Ký bởi: …",
    "Thời gian ký: …"): "name" (the signer, its agency, which may wrap onto a line of its
    own), "value"; None for a line opening with no stamp field."""
    folded = _folded_text(clean_text(text).strip(" *")).lstrip()
    if _words().stamp.match(folded) is None:
        return None
    return "name" if _words().stamp_name.match(folded) is not None else "value"


def roman_heading(text: str) -> int | None:
    """The value of a body heading's roman number ("III. TỔ CHỨC THỰC HIỆN" → 3)."""
    match = _ROMAN.match(clean_text(text).strip(" *"))
    if match is None:
        return None
    values = [_ROMAN_VALUES[c] for c in match["num"]]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v
               for i, v in enumerate(values))


@dataclass(slots=True)
class Letterhead:
    """What the header block and the lines under it print, as printed."""

    issuer: list[str] = field(default_factory=list)  # the left column above "Số:"
    number: str | None = None  # "Số: 52/KH-UBND"
    number_label: bool = False  # "Số:" seen alone, the rest of the number on a line of its own
    number_open: bool = False  # the number ended its line at a dash ("Số: 845/KH-" / "SNNMT")
    dated: str | None = None  # "ngày 10 tháng 3 năm 2026"
    place: str | None = None  # the place printed before the date ("Lạc Dương")
    national: bool = False  # the national name or motto was seen
    kind: str | None = None  # "KẾ HOẠCH"
    kind_at: int | None = None  # its index among the rows read
    title: list[str] = field(default_factory=list)
    subject: list[str] = field(default_factory=list)  # "V/v …" under "Số:" (a letter's)
    subject_open: bool = False  # the left column's last words read were the subject's
    national_wrapped: bool = False  # the line read last ended the national name at "VIỆT"
    nation_open: bool = False  # the national name ended at "VIỆT", its "NAM" not read yet
    # a stamp's field ran to the end of the line read last: "name" (the signer, its agency),
    # "value" (a time, an e-mail address); None when none did
    stamp_open: str | None = None

    @property
    def bodies(self) -> list[str]:
        """The left column's bodies, the managing ones first and the issuing one last."""
        return issuer_bodies(self.issuer)


# a place named at a body's end: "… XÃ ĐÌNH LẬP", "UBND TP. HỒ CHÍ MINH", "… tỉnh Nghệ An"
# (a level is a word of its own, "TP." may touch its name: "XÂY DỰNG" folds to "xay dung",
# no "xã"; "Văn hóa - Xã hội", "Thương binh và Xã hội" name no commune; "TỈNH ỦY" is a
# Party committee, not a province named "Ủy …")
_PLACE = lazy(compile_regex,
              r"(?<!\w)(?<![-–&] |\bva )(?P<level>xa|phuong|dac khu|tinh|thanh pho|thu do|tp)"
              r"(?:\.|(?!\w))(?! ?uy\b)\s*(?=\w)")
_NUMBER_LABEL = lazy(compile_regex, r"^so\s*:?\s*$")
_CONTINUES = lazy(compile_regex, r"^(?:va|&|,|-|–)(?!\w)")


def names_place(text: str) -> bool:
    """Whether a body's name names its place ("UBND TỈNH QUẢNG NINH"; not "SỞ Y TẾ")."""
    return bool(_PLACE.search(_folded_text(text)))


def issuer_bodies(lines: list[str]) -> list[str]:
    """The bodies of the left column's lines, the managing ones first, the issuing one last:
    ["UBND TỈNH LẠNG SƠN", "ỦY BAN NHÂN DÂN", "XÃ ĐÌNH LẬP"] → ["UBND TỈNH LẠNG SƠN", "ỦY BAN
    NHÂN DÂN XÃ ĐÌNH LẬP"]. A line opening with a body's words starts a body; another line
    continues the body above ("XÃ ĐÌNH LẬP", "VÀ MÔI TRƯỜNG") unless that body has already
    named its place ("UBND TỈNH X" over "KHO BẠC NHÀ NƯỚC")."""
    bodies: list[str] = []
    for text in (piece for line in lines for piece in _bodies_on_a_line(line)):
        folded = _folded_text(text)
        starts = _words().body_start.match(folded) is not None
        joins = bodies and not starts and (_CONTINUES.match(folded) or bodies[-1].endswith(
            (",", "-", "–")) or not names_place(bodies[-1]) or _place_goes_on(bodies[-1], text))
        if joins:
            bodies[-1] = f"{bodies[-1]} {text}"
        else:
            bodies.append(text)
    return bodies


def _place_goes_on(body: str, text: str) -> bool:
    """A body whose place's name a narrow cell wrapped ("ĐẢNG BỘ TỈNH THÁI" / "NGUYÊN"): the
    name printed is no unit's, with the next line's words it is one."""
    place = _PLACE.search(folded := _folded_text(body))
    if place is None:
        return False
    name = " ".join(folded[place.end():].split())
    rest = " ".join(_folded_text(text).split())
    names = _place_names()
    return bool(name) and name not in names and f"{name} {rest}" in names


def _bodies_on_a_line(line: str) -> list[str]:
    """A line's text cut where a body opens after one that has named its place (a cell of a
    ruled header read as one line: "UBND TỈNH LẠNG SƠN ỦY BAN NHÂN DÂN XÃ ĐÌNH LẬP")."""
    text = " ".join(line.split()).strip(" *")
    pieces, start = [], 0
    # matched with the marks (a place's own words fold like a body's: "YÊN PHONG", "TÂN HỘI")
    for match in _words().body_within.finditer(text.lower()):
        if names_place(text[start:match.start()]):
            pieces.append(text[start:match.start()].strip())
            start = match.start()
    pieces.append(text[start:].strip())
    return [p for piece in pieces if piece for p in _office_apart(piece)]


def _office_apart(text: str) -> list[str]:
    """A body naming its place with an office after it on its line ("HỘI ĐỒNG NHÂN DÂN
    PHƯỜNG HOA LƯ THƯỜNG TRỰC": a cell's lines joined by the reader) as the two bodies."""
    folded, where = _folded(text)
    office = _words().office_at_end.search(folded)
    if office is None or not names_place(text[:where[office.start()]]):
        return [text]
    return [text[:where[office.start()]].strip(), text[where[office.start()]:]]


def written_body(body: str) -> str:
    """A body printed in capitals as it is written: its opening words as the list of bodies
    writes them, the rest in lower case, its place left as printed for the list of units
    to name ("SỞ Y TẾ" → "Sở y tế"; "ỦY BAN NHÂN DÂN XÃ ĐÌNH LẬP" → "Ủy ban nhân dân xã ĐÌNH
    LẬP"). A body not printed in capitals is returned as printed."""
    if not body.isupper():
        return body
    folded, where = _folded(body)
    opening = _words().body_start.match(folded)
    if opening is None:
        return body
    key = " ".join(opening["body"].split())
    head = _words().bodies[key]
    school = _own_named_school(folded)
    if school is not None and not names_place(body):
        # "TRƯỜNG THPT PHAN BỘI CHÂU": the school's kind, then its own name
        kind = body[where[opening.end()]:where[school.end("kind")]]
        return f"{head} {_named(kind.strip())} {_proper_name(body[where[school.end()]:])}"
    lower = _named if key in _words().named_bodies else _lower
    rest = body[where[opening.end()]:]
    folded_rest, where_rest = _folded(rest)
    place = _PLACE.search(folded_rest)
    inner = _words().body_start.match(folded_rest.lstrip())
    if inner is not None and (place is None or place.start() > inner.end()):
        # a body naming the body it belongs to ("BCH HỘI NÔNG DÂN XÃ …"): that one written
        # as the list of bodies writes it too
        return f"{head} {written_body(rest.lstrip())}"
    if place is None:
        return " ".join(w for w in (head, lower(rest).strip()) if w)
    level = "thành phố" if place["level"].startswith("tp") else rest[
        where_rest[place.start()]:where_rest[place.end("level")]].lower()
    words = [head, lower(rest[:where_rest[place.start()]]).strip(), level,
             rest[where_rest[place.end()]:].strip()]
    return " ".join(w for w in words if w)


def _lower(text: str) -> str:
    """Capitals in lower case but for the abbreviations an issuer is written with ("VĂN
    PHÒNG UBND" → "văn phòng UBND"), which are expanded later, and any word without a vowel,
    which is an abbreviation as printed ("TRƯỜNG THCS …" → "Trường THCS …")."""
    kept, capitalized = _abbreviations(), _words().capitalized
    return " ".join(w if w in kept or not _VOWEL.search(_folded_text(w)) else
                    w[:1].upper() + w[1:].lower() if w.lower() in capitalized else w.lower()
                    for w in text.split(" "))


_VOWEL = lazy(compile_regex, r"[aeiouy]", IGNORECASE)


def _named(text: str) -> str:
    """A name of its own in capitals as it is written: `_lower`, then a capital on its first
    word and on the first after "và" or a dash ("GIÁO DỤC VÀ ĐÀO TẠO" → "Giáo dục và Đào
    tạo")."""
    words = _lower(text).split()
    return " ".join(w[:1].upper() + w[1:] if i == 0 or words[i - 1] in _NAME_JOINS else w
                    for i, w in enumerate(words))


_NAME_JOINS = frozenset(("và", "-", "–"))
# a number in Roman numerals after a name ("VĨNH TUY II"), kept as printed
_ROMAN_WORD = lazy(compile_regex, r"^[IVX]+$")


def _proper_name(text: str) -> str:
    """A proper name in capitals as it is written: each word with its capital ("PHAN BỘI
    CHÂU" → "Phan Bội Châu"), an abbreviation or a number (Roman ones too) as printed, the
    words the list leaves in lower case ("SỐ") in lower case."""
    lower = _words().school_name_lower
    return " ".join(w if not _VOWEL.search(_folded_text(w)) or any(c.isdigit() for c in w)
                    or _ROMAN_WORD.match(w) else w.lower() if w.lower() in lower
                    else w[:1].upper() + w[1:].lower() for w in text.split())


def is_named_school(body: str) -> bool:
    """A school named by a name of its own after its kind ("TRƯỜNG THPT PHAN BỘI CHÂU",
    "Trường Tiểu học Kim Đồng"), not by its place ("TRƯỜNG MẦM NON XÃ …"): issued under that
    name, the place of the body managing it its locality only."""
    return _own_named_school(_folded_text(body.strip())) is not None and not names_place(body)


def _own_named_school(folded: str) -> regex.Match[str] | None:
    """A school's kind in a folded body's name, where a name of its own follows it (not
    its level alone, "TRƯỜNG PT DTNT TỈNH", nor a number, "TRƯỜNG MẦM NON SỐ 2")."""
    school = _words().school.match(folded)
    if school is None or _words().school_name_not_own.match(folded[school.end():].strip()):
        return None
    return school


@functools.cache
def _abbreviations() -> frozenset[str]:
    return frozenset(load_yaml("abbreviations.yaml")["issuer"])


def names_its_bodies(body: str, under: str | None = None) -> bool:
    """A managing body whose own bodies carry its whole name ("HỘI ĐỒNG NHÂN DÂN XÃ …",
    "ĐẢNG ỦY XÃ …"), not its place only; `under`: the body printed under it, when it is
    one named by its place all the same (a steering committee: False)."""
    if under is not None and _opening(under) in _words().named_by_place:
        return False
    return _opening(body) in _words().named_with_owner


def _opening(body: str) -> str | None:
    """The folded opening words of a body's name ("dang uy", "ban chi dao"), None if none."""
    opening = _words().body_start.match(_folded_text(body))
    return None if opening is None else " ".join(opening["body"].split())


def office_name(body: str) -> str | None:
    """"VĂN PHÒNG" printed alone under its managing body, that body's own office, as it is
    written ("Văn phòng"); None for a body with a name of its own."""
    return _words().offices.get(_key(body))


def without_office_holder(text: str) -> str:
    """The body a signer's office names ("Chủ tịch Ủy ban nhân dân phường Phủ Lý" → "Ủy ban
    nhân dân phường Phủ Lý"); the text as it is when it does not open with one before a
    body."""
    body = _body_after(text, _words().office_holder)
    return text if body is None else body


def without_standing_organ(text: str) -> str | None:
    """The committee a standing organ's name names ("Ban Thường vụ Đảng ủy phường Thanh Khê"
    → "Đảng ủy phường Thanh Khê", "Ban Chấp hành Đoàn tỉnh …" → "Đoàn tỉnh …"); None when
    the text does not open with one before a body."""
    return _body_after(text, _words().standing_organ)


def _body_after(text: str, opening: regex.Pattern) -> str | None:
    """The body `text` names after the words `opening` matches at its start; None when it
    does not open so before a body."""
    folded, where = _folded(text)
    found = opening.match(folded)
    if found is None or _words().body_start.match(folded[found.end():]) is None:
        return None
    return text[where[found.end()]:]


def place_of(body: str) -> str | None:
    """The place a body names, as written_body writes it ("UBND TỈNH QUẢNG NINH" → "tỉnh
    QUẢNG NINH"); None when it names none."""
    written = written_body(body)
    place = _PLACE.search(_folded_text(written))
    return written[_folded(written)[1][place.start()]:] if place else None


def _line(row: RawRow) -> str:
    """A row's text, its cells apart by a tab: where a reader split the two columns, the
    gap tells where the left one ends."""
    cells = (clean_text(c.text).strip(" *#") for c in row.cells)
    return "\t".join(c for c in cells if c)


def read_letterhead(rows: list[RawRow]) -> Letterhead | None:
    """The national header at the top of `rows` and the kind and title under it; None when
    the rows do not start with one. Read once for the same rows asked again in a row
    (assembly asks, then the plan's fields), the result shared: read-only."""
    global _LAST_READ
    # the same row objects holding the same cells (kept with the result: no other object
    # can take their ids while they are kept)
    key = tuple((row, *[(cell, cell.text, cell.bold) for cell in row.cells]) for row in rows)
    last_key, last_head = _LAST_READ
    if len(last_key) == len(key) and all(
            len(a) == len(b) and all(x is y or x == y for x, y in zip(a, b, strict=True))
            for a, b in zip(last_key, key, strict=True)):
        return last_head
    head = _read_letterhead(rows)
    _LAST_READ = (key, head)
    return head


_LAST_READ: tuple[tuple, Letterhead | None] = ((), None)


def _read_letterhead(rows: list[RawRow]) -> Letterhead | None:
    head = Letterhead()
    rows, origin = _cell_lines_apart(rows)
    lines = [_line(r) for r in rows]
    depth = MAX_HEADER_LINES + _stamp_lines(lines)
    depth += _rule_lines(lines, depth)
    texts = _year_rejoined(_words_rejoined(lines[:depth + 1])) + lines[depth + 1:]
    end = len(texts)
    for i, text in enumerate(texts[:depth]):
        if not text:
            continue
        if (is_document_kind(text) and not _names_the_issuer(head, text, texts[i + 1:])
                ) or _starts_heading(text):
            end = i
            break
        _read_header_line(head, text)
    else:
        end = min(len(texts), depth)
    if not head.national and not (head.number and head.issuer):
        return None
    kind = document_kind(texts[end]) if end < len(texts) else None
    if kind is not None:
        (head.kind, carried), head.kind_at = kind, origin[end]
        head.title = _title(rows[end + 1:], texts[end + 1:], [carried] if carried else [])
    return head


def _names_the_issuer(head: Letterhead, text: str, after: list[str]) -> bool:
    """A line opening with a kind's words that goes on with the issuer's name above its
    number ("BAN CHỈ ĐẠO CÁC" / "CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA"): a document's kind is
    printed under the header, after its number, so only when the plan's number line ("Số:
    …" opening a line) is still to come in the next lines (`after`; the right column's lines
    read between by height) — a number cited in the title or the body ("Căn cứ Kế hoạch số
    45/KH-UBND …") is none — and never a kind alone on its line ("KẾ HOẠCH"). A plan whose
    number was not read keeps its kind and title (review r1 F10, r2 G1)."""
    kind = document_kind(text)
    if kind is None or not kind[1] or head.number is not None or not head.issuer or (
            head.number_label):
        return False
    if _OPEN_NAME_END.search(_folded_text(head.issuer[-1])):
        return True  # "BAN CHỈ ĐẠO CÁC": the issuer's line cannot end there (review r2 G14)
    return any(NUMBER.match(line) or _NUMBER_LABEL.match(_folded_text(line))
               for line in [t.strip(" *") for t in after if t.strip(" *")][:_NUMBER_AHEAD])


# how many lines under a kind's words the number line may come (the name's wrapped rest, the
# place-date read between by height, a Party committee's "*")
_NUMBER_AHEAD = 4
# words no body's name ends with: its name goes on on the next line
_OPEN_NAME_END = lazy(compile_regex, r"(?<!\w)(?:cac|va|cua|ve|thuc hien|trien khai)\W*$")


def _stamp_lines(lines: list[str]) -> int:
    """How many lines a digital signature's stamp adds to the header block: its fields'
    lines and a name's wrapped rest, read between the columns' lines (a stamp prints a few
    fields: never more than MAX_STAMP_LINES)."""
    fields = sum(1 for line in lines[:MAX_HEADER_LINES + MAX_STAMP_LINES]
                 if _words().stamp.search(_folded_text(line)))
    return min(2 * fields, MAX_STAMP_LINES) if fields else 0


def _cell_lines_apart(rows: list[RawRow]) -> tuple[list[RawRow], list[int]]:
    """The rows with each line of a cell that holds several as a row of its own, column
    after column (a portal's header: one cell per column, its lines apart by <br/>), and
    for each row returned the index of the row it came from."""
    if not any("\n" in c.text for r in rows[:MAX_HEADER_LINES] for c in r.cells):
        return rows, list(range(len(rows)))
    apart: list[RawRow] = []
    origin: list[int] = []
    for i, row in enumerate(rows):
        lines = [(line, cell.bold) for cell in row.cells for line in cell.text.split("\n")]
        if i >= MAX_HEADER_LINES or len(lines) == len(row.cells):
            apart.append(row)
            origin.append(i)
            continue
        for line, bold in lines:
            apart.append(RawRow([Cell(line, bold=bold)], row.first_line, row.last_line,
                                row.page, row.bbox, row.table))
            origin.append(i)
    return apart, origin


def _rule_lines(lines: list[str], depth: int) -> int:
    """How many lines of rules ("-------", "___") and of a law portal's cell marks ("|") the
    header block's first `depth` lines hold, and the lines they push down: they print no
    word, so they deepen the block by as many."""
    rules = 0
    while True:
        found = sum(1 for line in lines[:depth + rules]
                    if line.strip() and _words().rule.match(line.strip()))
        if found == rules:
            return rules
        rules = found


def _words_rejoined(texts: list[str]) -> list[str]:
    """The header's lines with a word a narrow cell broke off its line joined back to the
    next line, where the two open a body's name or the national name ("ỦY" / "BAN NHÂN DÂN",
    "CỘNG" / "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", a law portal's page copied as text); the next
    line is left empty, so that the lines keep their places."""
    texts = list(texts)
    words = _words()
    for i in range(len(texts) - 1):
        word, after = texts[i].strip(), texts[i + 1].strip()
        if not after or " " in word or not word.isalpha() or not word.isupper():
            continue
        joined = _folded_text(f"{word} {after}")
        body = words.body_start.match(joined)
        if (body is not None and len(body["body"].split()) > 1) or (
                words.motto.match(joined) and not words.motto.match(_folded_text(after))):
            texts[i], texts[i + 1] = f"{word} {after}", ""
    return texts


def _year_rejoined(texts: list[str]) -> list[str]:
    """The place-date line with its year back from the next line, where the right column
    wrapped it ("…, ngày 02 tháng 12 năm" / "2026", "…, ngày 02 tháng 12" / "năm 2026");
    the next line keeps its left column. Read column by column and interleaved by height,
    the left column's "Số: …" may stand between them: the line after it is looked at too."""
    texts = list(texts)
    for i in range(len(texts) - 1):
        if texts[i].rstrip().endswith(",") and _DAY_ALONE.match(_folded_text(texts[i + 1])):
            # "Vĩnh Thuận Đông," / "ngày" / "14 tháng 9 năm 2026"
            texts[i], texts[i + 1] = f"{texts[i].rstrip()} {texts[i + 1].strip()}", ""
    for i in range(len(texts) - 1):
        for j in (i + 1, i + 2)[:len(texts) - i - 1]:
            # the year alone first: a cheap look that rules out nearly every line
            year = _WRAPPED_YEAR.search(texts[j])
            if year is None:
                month = _WRAPPED_MONTH.search(texts[j]) or _WRAPPED_FIGURES.search(texts[j])
                if month is not None and _DAY_OPEN.search(_folded_text(texts[i])):
                    # "Mường Lát, ngày" / "tháng 7 năm 2026": the day left blank, the
                    # rest of the line wrapped
                    texts[i] = f"{texts[i]} {month.group().strip()}"
                    texts[j] = texts[j][:month.start()].rstrip()
                    break
                continue
            opened = _DATED_OPEN.search(_folded_text(texts[i]))
            if opened and bool(opened["word"]) != bool(year["word"]):  # "năm" once
                texts[i] = f"{texts[i]} {year.group().strip()}"
                texts[j] = texts[j][:year.start()].rstrip()
            break
    return texts


_NOT_TITLE = ("phu luc", "kem theo", "bieu")  # an appendix label, an attachment line


def _starts_heading(text: str) -> bool:
    """A line that ends the header block without being part of it: an appendix label, an
    attachment line, the body."""
    return _key(text).startswith(_NOT_TITLE) or opens_body(text)


def _read_header_line(head: Letterhead, text: str) -> None:
    """One line of the block: the right column's parts taken out, the rest is the left's:
    the issuer's lines above "Số:", what is under it ("V/v …", a subject) none of them."""
    words = _words()
    text = _without_stamp_rest(head, _without_draft_mark(_without_motto_tail(head, text)))
    text, head.stamp_open = _without_stamp(text)
    if not text.strip():
        return
    folded, where = _folded(text)
    if words.motto_tail.match(folded):
        if not head.nation_open and head.number is None and head.issuer and (
                _ISSUER_OPEN.search(_folded_text(head.issuer[-1]))):
            # "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT" / "NAM": the issuer's own name wrapped; a
            # national name wrapped too takes the first "NAM" ("XÃ CỬA VIỆT" keeps its name)
            head.issuer[-1] = f"{head.issuer[-1]} {text.split()[-1]}"
            return
        country = _COUNTRY_TAIL.match(folded)
        if not head.national and head.number is None and head.issuer and country and (
                words.named_with_country.search(
                    f"{_folded_text(head.issuer[-1])} {country['before']}".rstrip())):
            # "NGÂN HÀNG NHÀ NƯỚC" / "VIỆT NAM", "ỦY BAN MẶT TRẬN TỔ" / "QUỐC VIỆT NAM"
            # before any national line: the body's own name
            head.issuer[-1] = f"{head.issuer[-1]} {text.strip()}"
            return
        head.national, head.nation_open = True, False
        return
    national = bool(words.motto.search(folded))
    head.national = head.national or national
    head.national_wrapped = national and bool(_NATION_OPEN.search(folded))
    head.nation_open = head.nation_open or head.national_wrapped
    left = text
    dated = _DATED.search(folded)
    if dated is not None:
        head.dated = head.dated or text[where[dated.start()]:where[dated.end()]]
        place_at = _place_start(text, where[dated.start()], head.subject_open and (
            text.lstrip()[:1].islower()))
        left = text[:place_at]
        head.place = head.place or text[place_at:where[dated.start()]].strip(" ,\t") or None
    dash_ended = _NUMBER_CUT.search(left) is not None
    left = " ".join(_strip_motto(left).split()).strip(" -_|")  # "|": a portal copy's cells
    left = _without_specks(left)
    if head.number is None and head.number_label and left.startswith("/"):
        left = f"Số: {left}"  # "Số:" and "/KH-UBND" apart, a blank number between them
    number = NUMBER.search(left)
    if head.number_open and left:
        # a line of the right column alone (the place-date beside the cut, read first by
        # height) leaves it open
        head.number_open = False
        if number is None and _SYMBOL_REST.match(left):
            head.number = f"{head.number}-{left}"  # the number's rest, wrapped by its column
            return
    if head.number is not None and number is None and _reads_as_subject(head, left):
        head.subject.append(_SUBJECT_LABEL.sub("", left, count=1))
        head.subject_open = True
        return
    if left:
        head.subject_open = False  # a line of other words after the subject ends it
    if _NUMBER_LABEL.match(_folded_text(left)) and head.number is None and head.issuer and (
            left.isupper() and ":" not in left):
        # "SỐ" in capitals with no colon right under the issuer's lines: its name's last
        # word wrapped ("… VÀ CHUYỂN ĐỔI" / "SỐ"), not the number's label ("Số:", "Số")
        head.issuer[-1] = f"{head.issuer[-1]} {left}"
    elif _NUMBER_LABEL.match(_folded_text(left)):
        head.number_label = True
    elif number is not None:
        if head.number is None:
            head.number = number.group()
            head.number_open = dash_ended and number.end() == len(left)
        before = left[:number.start()].strip(" -_")
        # the issuer's line and "Số:" read as one; not the kind naming the number ("Kế
        # hoạch số: 12/KH-UBND", "Nghị quyết số: …")
        if before and not words.rule.match(before) and _key(before) not in words.kinds:
            head.issuer.append(before)
    elif left and head.number is None and not words.rule.match(left) and (
            not national or _capitals(left) or words.body_start.match(_folded_text(left))
            or (head.issuer and _UNIT_NAMED.match(left))):
        # beside the national name, only the issuer's capitals or a body's name: the rest
        # is specks
        head.issuer.append(left)


# a number cut at its line's end after a dash ("Số: 845/KH-"), and the rest of its symbol on
# the next line ("SNNMT", "UBND")
_NUMBER_CUT = lazy(compile_regex, r"[-–]\s*$")
_DASH_AFTER = lazy(compile_regex, r"\s*[-–](?=\s|$)")
_SYMBOL_REST = lazy(compile_regex, r"^[\p{Lu}\d][\p{Lu}\d&]*(?:[-–/][\p{Lu}\d&]+)*$")
# the issuer's unit typed as a sentence, beside the motto ("xã Đình Lập"): a level, a name
_UNIT_NAMED = lazy(compile_regex, r"^(?i:xã|phường|đặc khu|tỉnh|thành phố)\s+\p{Lu}")
def _without_motto_tail(head: Letterhead, text: str) -> str:
    """The line under a national name wrapped before "NAM" without that "NAM", read across
    beside the left column ("XÃ DI LINH NAM", `pdftotext -layout`)."""
    wrapped, head.national_wrapped = head.national_wrapped, False
    if not wrapped or _NATION_TAIL.search(_folded_text(text)) is None:
        return text
    head.nation_open = False
    return text[:text.rstrip().rfind(" ")].rstrip()


def _without_draft_mark(text: str) -> str:
    """The line without a draft's mark ("DỰ THẢO") printed in either column."""
    mark = _words().draft.search(_folded_text(text))
    if mark is None:
        return text
    where = _folded(text)[1]
    return f"{text[:where[mark.start()]].rstrip()}\t{text[where[mark.end()]:].lstrip()}".strip()


def _without_stamp(text: str) -> tuple[str, str | None]:
    """The line without a digital signature's stamp read on it: each of the stamp's fields
    from its label to the next gutter (a tab, two spaces or more) or the line's end ("XÃ TÂN
    LẠC\tCơ quan: Tỉnh Phú Thọ" → "XÃ TÂN LẠC"); a cell after it (the place-date beside
    the stamp's box) stays. And what the last field taken out holds when it ran to the
    line's end ("name", "value"; None when it did not): its rest may be on the next line."""
    runs_on = None
    while (stamp := _words().stamp.search(folded := _folded_text(text))) is not None:
        start = _folded(text)[1][stamp.start()]
        gutter = _GUTTER.search(text, start)
        name = _words().stamp_name.match(folded, stamp.start()) is not None
        runs_on = None if gutter is not None else "name" if name else "value"
        rest = text[gutter.start():] if gutter is not None else ""
        text = (text[:start].rstrip() + rest) if text[:start].strip() else rest.lstrip()
    return text.rstrip(), runs_on


def _without_stamp_rest(head: Letterhead, text: str) -> str:
    """The line without the rest of a stamp's field that its narrow box wrapped (the line
    read last ended with the field): the line's last cell, when it reads as words of a name
    in small letters ("tỉnh Phú Thọ", "Long, tỉnh Quảng Ninh", "Thái Nguyên") — not the
    issuer's capitals, a number, a date, the national name, a subject or its rest — or, after
    a time or an e-mail address, as its figures or domain ("08:12:40 +07:00", "gov.vn")."""
    if head.stamp_open is None or not text.strip():
        return text
    field, head.stamp_open = head.stamp_open, None
    gap = _COLUMN_GAP.search(text.rstrip())
    before, last = (text[:gap.start()], text[gap.end():]) if gap else ("", text)
    if field == "value":
        return before.rstrip() if _value_rest(last) else text
    folded = _folded_text(last)
    if (_capitals(last) or head.subject_open or NUMBER.search(last) or _DATED.search(folded)
            or _words().motto.search(folded) or _words().stamp.search(folded)
            or _SUBJECT_LABEL.match(last.strip()) or not any(c.isalpha() for c in last)):
        return text
    return before.rstrip()


def _value_rest(text: str) -> bool:
    """A time's or an e-mail address's wrapped rest: figures and signs ("09:30:00 +07:00")
    or a domain in small letters ("gov.vn", "phutho.gov.vn"), nothing else."""
    words = text.split()
    return bool(words) and all(not any(c.isalpha() for c in w) or (
        ("." in w or "@" in w) and w == w.lower()) for w in words)


# the gap between two columns' cells on a line
_GUTTER = lazy(compile_regex, r"\t|\s{2,}")


# "VIỆT NAM" ending a line, a name's words before it or none ("QUỐC VIỆT NAM")
_COUNTRY_TAIL = lazy(compile_regex, r"^\W*(?P<before>[\w ]*?)\W*\bviet\W+nam\W*$")
# an issuer's line ending where its name goes on with "NAM" ("… TỔ QUỐC VIỆT")
_ISSUER_OPEN = lazy(compile_regex, r"\bviet\s*$")
# "NAM" after the left column's words (only where the line above ended "… CHỦ NGHĨA VIỆT")
_NATION_TAIL = lazy(compile_regex, r"\S\s+nam\s*$")
# a national name that a narrow column wrapped before its last word
_NATION_OPEN = lazy(compile_regex, r"chu\W+nghia\W+viet\s*$")


# a letter's subject under its number: "V/v triển khai …", "Về việc …"
_SUBJECT_LABEL = lazy(compile_regex, r"^(?:v/v|về việc)\s*:?\s*", IGNORECASE)


def _reads_as_subject(head: Letterhead, left: str) -> bool:
    """The left column under "Số:": the subject line ("V/v …"), or its wrapped rest (in
    lower case, right under it)."""
    if _SUBJECT_LABEL.match(left):
        return not head.subject
    if not head.subject_open:
        return False
    # its rest in lower case, or its year or a period's years ("… năm" / "2027", "… năm
    # học" / "2026 - 2027"); the place-date's year wrapped was joined back to it before
    return left[:1].islower() or bool(_YEARS_REST.match(left))


# a subject's wrapped rest printing its year or years: "2027", "2026 - 2027", "2026-2030"
_YEARS_REST = lazy(compile_regex,
                   r"^(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d\b|\W*$)")


_SPECK = lazy(compile_regex, r"[^\p{L}\p{N}\s.,:;()/&\-–*]")
# an apostrophe inside a name ("CƯ M'GAR", "EA H’LEO", Word's curly one too): a letter's
# part, not a speck
_INNER_APOSTROPHE = lazy(compile_regex, r"(?<=\p{L})['’ʼ](?=\p{L})")


def _without_specks(text: str) -> str:
    """The issuer's capitals without what OCR read from specks after them ("XÃ ĐÌNH LẬP
    $ciap-ˆự qanp"): from the first word holding a sign no name has, after capitals."""
    words = text.split()
    for i, word in enumerate(words):
        if i and _SPECK.search(_INNER_APOSTROPHE.sub("", word)) and _capitals(
                " ".join(words[:i])):
            return " ".join(words[:i])
    return text


def _capitals(text: str) -> bool:
    """Text with a word of capitals in it ("ỦY BAN", "XÃ"), as the issuer's lines are."""
    return any(sum(c.isalpha() for c in w) >= 2 and w.isupper() for w in text.split())


def _strip_motto(text: str) -> str:
    folded = _folded_text(text)
    if not _words().motto.search(folded):
        return text
    where = _folded(text)[1]
    pieces, last = [], 0
    for match in _words().motto.finditer(folded):
        pieces.append(text[last:where[match.start()]])
        last = where[match.end()]
    pieces.append(text[last:])
    return " ".join(pieces)


# the gap between two columns of a line read across: a tab or two spaces, the last one
_COLUMN_GAP = lazy(compile_regex, r"(?:\t|\s{2,})(?=[^\t]*$)")


# the words written as a place's at the end of a line's part ("… lưu trú Hà Nội, "): each a
# capital then small letters ("Lâm Đồng", "M'Drắk", "TP. Hồ Chí Minh"), so that a subject's
# acronym before them ("… ứng dụng VNeID Lâm Đồng, ") stays the subject's; a capital alone
# but a roman numeral's ("A Lưới", not "quý III" nor "quý I")
_PLACE_WORD = r"(?:TP\.|(?![IVXLCDM](?:\s|,|$))\p{Lu}\p{Ll}*\.?(?:['’\-]\p{Lu}?\p{Ll}+)*)"
_CAPITALISED_TAIL = lazy(
    compile_regex, rf"(?<!\S)(?:{_PLACE_WORD}\s+)*{_PLACE_WORD}[\s,]*$")


def _named_place_start(before: str, start: int) -> int:
    """Where the place begins in the capitalised words from `start` on: the longest of their
    tails the list of units names ("cấp xã tỉnh Lâm Đồng Hà Nội, " → "Hà Nội"), with its
    level word before it ("Thành phố Hồ Chí Minh"); `start` when none is a unit's name."""
    words = [(m.start(), m.group()) for m in _WORD.finditer(before, start)]
    names = _place_names()
    for i, (at, _) in enumerate(words):
        if " ".join(_folded_text(before[at:]).replace(",", " ").split()) in names:
            if i and words[i - 1][1] in _place_words().directions:
                at = words[i - 1][0]  # "Bắc Từ Liêm": a former district's name
            level = _place_words().level_before.search(before, 0, at)
            return level.start() if level is not None else at
    return start


@dataclass(frozen=True, slots=True)
class _PlaceWords:
    level_before: regex.Pattern  # a place's level printed before its name ("Đặc khu …")
    directions: frozenset[str]  # a direction opening a former district's name ("Bắc")


@functools.cache
def _place_words() -> _PlaceWords:
    data = load_yaml("letterhead.yaml")
    levels = "|".join(escape(level).replace(r"\ ", r"\s+") for level in data["place_levels"])
    return _PlaceWords(compile_regex(rf"(?:{levels})\s+$"),
                       frozenset(data["place_directions"]))


_WORD = lazy(compile_regex, r"\S+")


@functools.cache
def _place_names() -> frozenset[str]:
    """The names of the provinces and of the communes and wards, folded ("ha noi")."""
    return frozenset(" ".join(_folded_text(row["name"]).split())
                     for name in ("provinces.csv", "admin_units.csv") for row in read_csv(name))


def _place_start(text: str, date_at: int, subject_rest: bool = False) -> int:
    """Where the place before ", ngày …" begins: after "Số: …" when the line carries it, else
    after the issuer's capitals read across on the same line (`subject_rest`: the line opens
    with the rest of a subject wrapped under "V/v …")."""
    before = text[:date_at]
    gap = _COLUMN_GAP.search(before.rstrip())
    if gap is None and (subject_rest or _SUBJECT_LABEL.match(before.lstrip())):
        # "V/v cập nhật dữ liệu … Hà Nội, ngày …", "cấp xã trên hệ thống Hà Nội, ngày …"
        # (the columns' gap lost): the place is the capitalised words before the date, the
        # subject's words before them; with a gap the place is the right column's ("V/v …
        # ứng dụng VNeID<tab>Lâm Đồng, ngày …")
        tail = _CAPITALISED_TAIL.search(before)
        if tail is not None and tail.start() > len(before) - len(before.lstrip()):
            return _named_place_start(before, tail.start())
    number = NUMBER.search(before)
    if number is not None:
        dash = _DASH_AFTER.match(before, number.end())  # "Số: 845/KH-\tLào Cai, ngày …"
        return number.end() if dash is None else dash.end()
    if gap is not None:
        return gap.start()  # the two columns apart: the place is the right one's
    words = before.split()
    kept = 0
    for word in words:
        if not (word.isupper() and any(c.isalpha() for c in word)):
            break
        kept += 1
    while kept and _folded_text(words[kept - 1]) in ("tp.", "tp"):
        kept -= 1  # "… XUÂN HÒA TP. Hồ Chí Minh, ngày": the place's abbreviated level
    if kept == 0:
        return 0
    return before.find(words[kept - 1]) + len(words[kept - 1])


def _title(rows: list[RawRow], texts: list[str], title: list[str]) -> list[str]:
    """The title under the kind (`title` what the kind's own line carried): the lines up to
    the body, bold ones when the reader tells. The first line under the kind is the title
    even when it reads like the body's opening ("Thực hiện Nghị quyết số 57-NQ/TW …"): a
    kind is never followed by its body; only "Căn cứ …" or a numbered heading are never a
    title."""
    bold_known = any(_bold(r) for r in rows[:MAX_TITLE_LINES + 1])
    for row, text in zip(rows, texts, strict=True):
        if not text:
            if title:
                break
            continue
        text = " ".join(text.split())
        if _words().rule.match(text):
            if title:
                break  # the short rule printed under the title
            continue
        body = opens_body(text) and (bool(title) or not _first_title_line(text))
        # bold tells where the title ends, not where it starts: the line right under the
        # kind is its title even read as plain (a scan's bold is a guess)
        if (body or _key(text).startswith(_NOT_TITLE) or len(title) == MAX_TITLE_LINES
                or _words().authority.match(_folded_text(text))
                or (bold_known and not _bold(row) and bool(title))
                or text.endswith((";", ":"))):
            break
        title.append(text)
    return title


_NUMBERED_HEADING = lazy(compile_regex, r"^(?:[ivxlc]+|\d+)[.)]\s")


def _first_title_line(text: str) -> bool:
    """A line right under the kind that opens like the body but is the title: not "Căn cứ",
    not a numbered heading."""
    folded = _folded_text(clean_text(text).strip(" *"))
    return not folded.startswith("can cu") and not _NUMBERED_HEADING.match(folded)


def _bold(row: RawRow) -> bool:
    filled = [c for c in row.cells if c.text.strip()]
    return bool(filled) and all(c.bold or is_bold_markup(c.text) for c in filled)
