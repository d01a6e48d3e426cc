"""The appendix/plan header above the table: label, title, plan number, date, issuer, locality."""

from __future__ import annotations

import functools
import unicodedata
from datetime import date
from typing import TYPE_CHECKING

from chitieu.core.heading import (
    APPENDIX,
    ATTACHED,
    ATTACHMENT_LINE,
    attachment_apart,
    line_text,
    split_heading,
)
from chitieu.core.letterhead import (
    MAX_TITLE_LINES,
    NUMBER,
    Letterhead,
    document_kind,
    is_article_heading,
    is_document_kind,
    is_named_school,
    names_its_bodies,
    names_place,
    office_name,
    opens_body,
    place_of,
    read_letterhead,
    without_office_holder,
    without_standing_organ,
    written_body,
)
from chitieu.core.lexicon import load_yaml
from chitieu.core.patterns import IGNORECASE, compile_regex, escape, lazy
from chitieu.core.text import fold, to_ascii
from chitieu.core.types import RawRow
from chitieu.gazetteer.localities import (
    COMMUNE_LEVELS,
    UNIT_LEVELS,
    find_province,
    normalize_level,
    printed_levels,
    province_named,
    resolve_locality,
    split_level,
    units_sharing,
)
from chitieu.models import Locality, Plan

if TYPE_CHECKING:
    import regex

    from chitieu.gazetteer.agencies import Gazetteer

# a day or month left blank to be filled in on signing: nothing, or dots ("ngày …/…/2026",
# "ngày ... tháng ... năm 2026", "ngày __/5/2026")
_BLANK = r"(?:[.…_]+)?"
_DATE_SLASH = lazy(compile_regex,
    rf"ngày\s*(?:(?P<d>\d{{1,2}})|{_BLANK})\s*[/.\-]\s*(?:(?P<m>\d{{1,2}})|{_BLANK})\s*[/.\-]\s*"
    r"(?P<y>\d{4})", IGNORECASE)
_DATE_WORDS = lazy(compile_regex,
    rf"ngày\s*(?:(?P<d>\d{{1,2}})|{_BLANK})\s*tháng\s*(?:(?P<m>\d{{1,2}})|{_BLANK})\s*năm\s*"
    r"(?P<y>\d{4})", IGNORECASE)
# "… của UBND xã X về chuyển đổi số năm 2026": the plan's subject follows its issuer
_SUBJECT = lazy(compile_regex, r"\s+(?:về|v/v)\s+", IGNORECASE)
_ISSUER = lazy(compile_regex, r"\bcủa\s+(?P<issuer>.+?)\s*$", IGNORECASE)
_LEVEL_WORDS = "|".join(UNIT_LEVELS)
_LOCALITY_PATTERN = (
    rf"\b(?P<level>{_LEVEL_WORDS})\s+(?P<name>[\p{{Lu}}\d][^,;()]*?)"
    r"(?:\s*[,;]\s*(?:(?:tỉnh|thành phố)\s+)?(?P<province>[^,;()]+?)"
    r"|\s*\((?:tỉnh\s+|thành phố\s+)?(?P<province>[^,;()]+?)\))?\s*$"
)
_LOCALITY = lazy(compile_regex, _LOCALITY_PATTERN)
# An issuer printed in capitals ("UBND XÃ NGHĨA ĐÀN"): only then is case ignored, so that
# "Phòng Văn hóa - Xã hội" never reads as a commune named "hội".
_LOCALITY_CAPITALS = lazy(compile_regex, _LOCALITY_PATTERN, IGNORECASE)
_LOCAL_LEVELS = ("xã", "phường", "đặc khu")
# "Thành phố Hồ Chí Minh", "Tỉnh Lạng Sơn": a province-level word written with a capital
_PROVINCE_LEVEL = lazy(compile_regex, r"Thành phố|Tỉnh")



@functools.cache
def _abbreviations() -> tuple[list[tuple[regex.Pattern, str]], dict[str, str]]:
    data = load_yaml("abbreviations.yaml")
    pairs = sorted(data["issuer"].items(), key=lambda kv: len(kv[0]), reverse=True)
    patterns = [(compile_regex(rf"(?<!\w){escape(k)}(?!\w)"), v) for k, v in pairs]
    return patterns, data["spelling"]


def expand_issuer(text: str) -> str:
    """"UBND xã Vũ Dương" → "Ủy ban nhân dân xã Vũ Dương"."""
    patterns, spelling = _abbreviations()
    for pattern, full in patterns:
        text = pattern.sub(full, text)
    for variant, uniform in spelling.items():
        text = text.replace(variant, uniform)
    return " ".join(text.split())


def parse_plan(preamble: list[RawRow], later: list[list[RawRow]] = (),
               gazetteer: Gazetteer | None = None) -> tuple[Plan, list[str]]:
    """Read the plan fields from the lines above the table: the appendix heading and its
    "(Kèm theo …)" line, and the national header at the top of the document — the whole
    plan's kind and title when the table sits in its body. `later` are the rows above the
    document's later tables, whose "(Kèm theo …)" lines may cite the plan; `gazetteer`, when
    given, writes an issuing body printed in capitals as it names the agency ("SỞ Y TẾ" →
    "Sở Y tế")."""
    lines = [t for t in (line_text(r) for r in preamble) if t]
    warnings: list[str] = []
    appendix, title_lines, attached = split_heading(lines)
    head = read_letterhead(preamble)
    if head is not None and head.kind and appendix is None:
        # the table is in the plan's body: the plan is the document, titled under its kind;
        # a body sentence mentioning an appendix "kèm theo" names no plan
        attached = attached if ATTACHMENT_LINE.match(attached) else ""
        title_lines = _issued_title(lines) or head.title
    if not title_lines and appendix is None and head is not None and not head.kind:
        # a letter (công văn) carrying the table: its subject under the number is its title
        title_lines = head.subject
    plan = Plan(appendix=appendix, title=" ".join(title_lines) or None)
    if attached:
        _read_attachment(plan, attached)
        if plan.issued_on is None and head is not None:
            _date_of_the_same_number(plan, head)
    elif head is not None:
        _read_letterhead(plan, head)
        if plan.issued_on is None and plan.number:
            _date_where_cited(plan, later)
    else:
        warnings.append("plan_reference_missing")
    header, header_place = (_header_issuer(head.bodies, gazetteer, head.place)
                            if head and head.issuer else (None, None))
    if plan.issuer is None or _BARE_LEVEL.search(plan.issuer):
        # "(Kèm theo Kế hoạch số 15/KH-UBND ngày …)" without its issuer: the body named in
        # the document's top-left corner ("ỦY BAN NHÂN DÂN" / "XÃ ĐÌNH LẬP")
        plan.issuer = (header if head and head.issuer else _letterhead_issuer(lines)
                       ) or plan.issuer
    elif header and not names_place(plan.issuer) and fold(header).startswith(
            fold(plan.issuer)):
        # "(Kèm theo … của Sở Y tế)" under "UBND TỈNH QUẢNG NINH / SỞ Y TẾ": the same body,
        # its place named by the header
        plan.issuer = header
    elif header and _organ_of(plan.issuer, header):
        # "(Kèm theo … của Ban Thường vụ Đảng ủy phường Thanh Khê)" under "ĐẢNG ỦY PHƯỜNG
        # THANH KHÊ": the committee's standing organ acts for it, the document is the
        # committee's as its letterhead names it
        plan.issuer = header
    # the managing bodies name the province of a commune whose name several provinces share
    managing = head.bodies[:-1] if head else []
    context = " ".join([*managing, *lines])
    committee = _committee(plan.issuer)
    if committee is not None:
        plan.issuer, plan.locality = committee
    else:
        plan.locality = _locality(plan.issuer, context)
        if plan.locality.level is None and header_place and plan.issuer == header:
            # "TRƯỜNG THCS YÊN LẠC" under "UBND XÃ YÊN LẠC": the school's name carries its
            # commune's, the place is the managing body's
            plan.locality = _locality(header_place, context)
        plan.issuer = _unit_as_named(plan.issuer, plan.locality)
    plan.number = _dash_put_back(plan.number, plan.issuer)
    return plan, warnings + _missing(plan) + _locality_unresolved(plan, context)


def _dash_put_back(number: str | None, issuer: str | None) -> str | None:
    """The number with the dash `pdftotext` took out where its line broke ("Số: 512/KH-" /
    "SNNMT" read "512/KHSNNMT"): a symbol of capitals alone whose one end is the issuing
    body's initials ("SNNMT", "UBND") and whose other end is two capitals or more is the
    kind's and the body's, or the body's and its unit's. Any other number as read."""
    glued = _GLUED_SYMBOL.match(number or "")
    initials = _initials(issuer) if glued and issuer else ""
    if len(initials) < 2:
        return number
    symbol = glued["symbol"]
    if symbol.endswith(initials) and len(symbol) >= len(initials) + 2:
        return f"{glued['num']}/{symbol[:-len(initials)]}-{initials}"
    if symbol.startswith(initials) and len(symbol) >= len(initials) + 2:
        return f"{glued['num']}/{initials}-{symbol[len(initials):]}"
    return number


_GLUED_SYMBOL = lazy(compile_regex, r"^(?P<num>\d+)/(?P<symbol>\p{Lu}+)$")


def _initials(issuer: str) -> str:
    """The initials a number's symbol writes for the issuing body, its place left out ("Sở
    Giáo dục và Đào tạo tỉnh Nghệ An" → "SGDĐT", "Ủy ban nhân dân phường Hạ Long" →
    "UBND")."""
    place = place_of(issuer)
    body = issuer[:len(issuer) - len(place)] if place else issuer
    letters = (unicodedata.normalize("NFD", word)[0].upper() for word in body.split()
               if to_ascii(word).lower() != "va" and word[0].isalpha())
    return "".join(letters)




def _issued_title(lines: list[str]) -> list[str]:
    """The title of the document the table's rows are in, where the header heads another
    that issues it ("QUYẾT ĐỊNH Ban hành Kế hoạch …" then "KẾ HOẠCH" / its title / "(Ban hành
    kèm theo Quyết định số …)"): the lines under the last kind above the attachment line, or,
    without one, under a later kind than the header's, up to the body; none when they are not
    a title."""
    lines = attachment_apart(lines)
    at = next((i for i, line in enumerate(lines) if ATTACHMENT_LINE.match(line)), None)
    kinds = [k for k in range(len(lines) if at is None else at) if _heads_document(lines[k])]
    if at is None and len(kinds) > 1 and document_kind(lines[kinds[-1]])[1]:
        return []  # a later kind with words after it may be a heading of the body
    if len(kinds) < (1 if at is not None else 2):
        return []
    kind_at = kinds[-1]
    end = at if at is not None else next(
        (i for i in range(kind_at + 1, len(lines))
         if opens_body(lines[i]) or is_article_heading(lines[i])), len(lines))
    title = [t.strip(" *") for t in [document_kind(lines[kind_at])[1], *lines[kind_at + 1:end]]
             if t.strip(" *")]
    if not title or len(title) > MAX_TITLE_LINES or any(
            opens_body(t) or is_article_heading(t) for t in title):
        return []
    return title


def _heads_document(line: str) -> bool:
    """A document's kind over its title ("KẾ HOẠCH"), not a decision's enacting "QUYẾT ĐỊNH:"."""
    return is_document_kind(line) and not line.rstrip(" *").endswith(":")


def _header_issuer(bodies: list[str], gazetteer: Gazetteer | None,
                   dated_at: str | None = None) -> tuple[str | None, str | None]:
    """The issuing body of the header's left column, the last of its bodies, as written; one
    that names no place takes the place of the body managing it ("UBND TỈNH QUẢNG NINH" over
    "SỞ Y TẾ" → "Sở Y tế tỉnh Quảng Ninh"; "UBND XÃ BÌNH MINH" over "BAN CHỈ ĐẠO …"), or, in
    a department naming none, the province its place-date line names (`dated_at`: "SỞ KHOA
    HỌC VÀ CÔNG NGHỆ" over "TRUNG TÂM …", "Tây Ninh, ngày …"). A name already ending with
    that place's name ("TRƯỜNG THCS YÊN LẠC" under "UBND XÃ YÊN LẠC"), or a school's own name
    ("TRƯỜNG THPT PHAN BỘI CHÂU"), does not take it: the place is returned beside the
    issuer, for its locality."""
    if not bodies:
        return None, None
    # "THỐNG ĐỐC NGÂN HÀNG NHÀ NƯỚC" / "VIỆT NAM": the office that signs for the body is no
    # issuer of its own, the body is (as in an attachment line, _read_attachment)
    bodies = [*bodies[:-1], without_office_holder(bodies[-1])]
    issuer = written_body(bodies[-1])
    if gazetteer is not None and bodies[-1].isupper():
        issuer = _agency_name(issuer, gazetteer)
    office = office_name(bodies[-1]) if len(bodies) > 1 else None
    if office is not None:
        # "UBND TỈNH LẠNG SƠN" over "VĂN PHÒNG": the office is that UBND's, named with it
        issuer = f"{office} {written_body(bodies[-2])}"
    elif len(bodies) > 1 and not names_place(issuer) and names_its_bodies(bodies[-2],
                                                                          bodies[-1]):
        # a council's or a Party committee's own committee, named with it
        issuer = f"{issuer} {written_body(bodies[-2])}"
    if not names_place(issuer):
        # the place of the nearest managing body naming one; a province's Party committee
        # ("TỈNH ỦY LẠNG SƠN") names its province by itself
        place = next((p for p in map(place_of, reversed(bodies[:-1])) if p), None) or next(
            (written_body(b) for b in reversed(bodies[:-1]) if _COMMITTEE.match(b)), None)
        if place is None and any(_DEPARTMENT.match(to_ascii(b)) for b in bodies):
            province = province_named(dated_at)
            place = f"{province.level} {province.name}" if province else None
        named = _ending_with_place(issuer, place) if place else None
        if named is not None:
            return expand_issuer(named), place
        if place and is_named_school(bodies[-1]):
            # "TRƯỜNG THPT PHAN BỘI CHÂU" under "SỞ GD&ĐT NGHỆ AN": issued under its own
            # name, the managing body's place its locality
            return expand_issuer(issuer), place
        issuer = _with_place(issuer, place) if place else issuer
    return expand_issuer(issuer), None


# a province's department ("SỞ Y TẾ"): its place is a province
_DEPARTMENT = lazy(compile_regex, r"^so\s", IGNORECASE)


def _ending_with_place(issuer: str, place: str) -> str | None:
    """The issuer with the name of `place` ("xã YÊN LẠC") as the list of units writes it
    where its own name ends with that name ("Trường THCS yên lạc" → "Trường THCS Yên Lạc");
    None where it does not."""
    level, name = split_level(place)
    words, size = issuer.split(), len(name.split())
    if not name or len(words) <= size or fold(" ".join(words[-size:])) != fold(name):
        return None
    listed = resolve_locality(level, name).name or name
    return " ".join([*words[:-size], listed])


def _with_place(issuer: str, place: str) -> str:
    """The issuer named with its place; a name ending with the place's level, its name
    left to the managing body ("ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH" under "ĐẢNG BỘ TỈNH NINH
    BÌNH", "BỆNH VIỆN ĐA KHOA TỈNH"): that level's name after it, not the level again."""
    level, name = split_level(place)
    words = issuer.split()
    if level is not None and fold(" ".join(words[-len(level.split()):])) == fold(level):
        return f"{issuer} {name}"
    return f"{issuer} {place}"


def _agency_name(body: str, gazetteer: Gazetteer) -> str:
    """The gazetteer's name of an agency that is exactly the body ("Sở y tế" → "Sở Y tế")."""
    found = gazetteer.match(body)
    return found.name if found.id and fold(found.name) == fold(body) else body


def _read_letterhead(plan: Plan, head: Letterhead) -> None:
    """Number and date from the header's "Số:" and place-date lines (no "(Kèm theo …)")."""
    if head.number:
        _read_number(plan, head.number)
    if head.dated:
        _read_date(plan, head.dated)


def _date_of_the_same_number(plan: Plan, head: Letterhead) -> None:
    """An attachment line citing the plan without its date ("(Kèm theo Kế hoạch số 52/KH-UBND
    của …)") under the header of the plan of that number: the header's date is the plan's."""
    header = Plan()
    _read_letterhead(header, head)
    if header.number == plan.number and header.issued_on:
        plan.issued_on, plan.issued_raw = header.issued_on, header.issued_raw


def _date_where_cited(plan: Plan, later: list[list[RawRow]]) -> None:
    """A header date that could not be read (a scan's "ngày 37 tháng 02"): the appendix of
    the same document citing the plan by its number prints it too ("(Kèm theo Chương trình
    số 09/CTr-UBND ngày 27/02/2026 …)")."""
    for rows in later:
        _, _, attached = split_heading([t for t in (line_text(r) for r in rows) if t])
        cited = Plan()
        if attached:
            _read_attachment(cited, attached)
        if cited.number == plan.number and cited.issued_on:
            plan.issued_on, plan.issued_raw = cited.issued_on, cited.issued_raw
            return


def _missing(plan: Plan) -> list[str]:
    """A document warning for each plan field left null: not found, never guessed."""
    fields = {"plan_title_missing": plan.title, "plan_number_missing": plan.number,
              "plan_date_missing": plan.issued_on, "plan_issuer_missing": plan.issuer}
    return [code for code, value in fields.items() if value is None]


def _locality_unresolved(plan: Plan, context: str) -> list[str]:
    """A commune or ward named without its code: a name several provinces share (the
    document names none of them) or one the list of units does not have (in the province
    the document names)."""
    locality = plan.locality
    if locality.code or not locality.name or locality.level not in COMMUNE_LEVELS:
        return []
    province = find_province(plan.issuer) or find_province(context)
    return ["plan_locality_ambiguous" if units_sharing(locality, province) > 1
            else "plan_locality_unlisted"]


# a party committee named by its province, the level word its own ("TỈNH ỦY LÀO CAI",
# "Thành ủy Hải Phòng"), or a body of one ("Ban Tuyên giáo … Tỉnh ủy Lạng Sơn")
_COMMITTEE = lazy(compile_regex,
                  r"^(?P<before>(?:.*\s)?)(?P<body>t[ỉi]nh [ủu]ỷ?y?|th[àa]nh [ủu]ỷ?y?)\s+"
                  r"(?P<name>\S.*)$", IGNORECASE)


def _committee(issuer: str | None) -> tuple[str, Locality] | None:
    """A province's or city's party committee, or a body of one: its name as the list of
    provinces writes it, and that province."""
    match = _COMMITTEE.match(issuer or "")
    if match is None:
        return None
    level = "tỉnh" if to_ascii(match["body"]).lower().startswith("tinh") else "thành phố"
    locality = resolve_locality(level, match["name"].strip(" .,"))
    if locality.code is None:
        return None
    body = "Tỉnh ủy" if level == "tỉnh" else "Thành ủy"
    return f"{match['before']}{body} {locality.name}", locality


def _organ_of(issuer: str, header: str) -> bool:
    """`issuer` names a standing organ of the committee `header` names ("Ban Thường vụ
    Thành ủy Huế" of "Thành ủy thành phố Huế", "Ban Thường vụ Tỉnh ủy" of "Tỉnh ủy Cao
    Bằng", "Ban Thường vụ Hội Nông dân xã …" of "Ban Chấp hành Hội Nông dân xã …")."""
    committee = without_standing_organ(issuer)
    if committee is None:
        return False
    named, header = (fold(_as_committee(without_standing_organ(name) or name))
                     for name in (committee, header))
    # the committee as its letterhead names it, its province added or not ("Đảng ủy xã Nga
    # Sơn, tỉnh Thanh Hóa" under "ĐẢNG ỦY XÃ NGA SƠN"), or its place left to the letterhead
    return named == header or (named.startswith(header) and named[len(header):][:1] in ", "
                               and names_place(named[len(header):])) or (
        header.startswith(f"{named} ") and not names_place(committee))


def _as_committee(name: str) -> str:
    """A province's or city's party committee as the list of provinces names it."""
    committee = _committee(name)
    return committee[0] if committee else name


def _unit_as_named(issuer: str | None, locality: Locality) -> str | None:
    """"Ủy ban nhân dân XÃ LẠC DƯƠNG" → "Ủy ban nhân dân xã Lạc Dương": a unit printed in
    capitals, as the header prints it, named as the list of units names it."""
    if not issuer or not locality.name or not locality.level:
        return issuer
    # compared without marks: the capitals of a scan may have lost one ("XÃ HÁI QUANG") or
    # the space between two words ("TỈNH QUẢNGNINH"); an apostrophe as Word types it ("Cư
    # M’gar") is the list's ("Cư M'gar"); the level as printed ("THỦ ĐÔ HÀ NỘI")
    searched = to_ascii(_straight_apostrophes(issuer)).upper()
    for level in printed_levels(locality.level) or (locality.level,):
        for printed_name in (locality.name, locality.name.replace(" ", "")):
            printed_as = f"{level} {printed_name}"
            at = searched.rfind(to_ascii(printed_as).upper())
            printed = issuer[at + len(level):at + len(printed_as)]
            if at >= 0 and (printed == printed.upper() or (
                    printed != _straight_apostrophes(printed)
                    and _straight_apostrophes(printed) == f" {printed_name}")):
                return f"{issuer[:at]}{level} {locality.name}{issuer[at + len(printed_as):]}"
    return issuer


def _straight_apostrophes(text: str) -> str:
    """The same text, its curly apostrophes straight (one character for one)."""
    return text.replace("’", "'").replace("ʼ", "'") if "’" in text or "ʼ" in text else text


_LETTERHEAD_BODY = lazy(compile_regex,
                        r"^(?:ủy ban nhân dân|uỷ ban nhân dân|ubnd)\b", IGNORECASE)
_LETTERHEAD_UNIT = lazy(compile_regex, rf"^(?:{_LEVEL_WORDS})\s+\S", IGNORECASE)


def _letterhead_issuer(lines: list[str]) -> str | None:
    """The issuing body printed above the appendix, on one line or two."""
    for i, line in enumerate(lines):
        if APPENDIX.match(line) or ATTACHED.search(line):
            return None
        text = line.strip(" *")
        if not _LETTERHEAD_BODY.match(text):
            continue
        if _LOCALITY_CAPITALS.search(text) is None and i + 1 < len(lines):
            following = lines[i + 1].strip(" *")
            if _LETTERHEAD_UNIT.match(following):
                text = f"{text} {following}"
        if _LOCALITY_CAPITALS.search(text) is None:
            return None
        return expand_issuer(_LETTERHEAD_BODY.sub("Ủy ban nhân dân", text, count=1))
    return None


def _read_attachment(plan: Plan, text: str) -> None:
    text = _until_closing_parenthesis(text)
    _read_number(plan, text)
    _read_date(plan, text)
    issuer = _ISSUER.search(text)
    if issuer:
        body = _SUBJECT.split(issuer["issuer"], maxsplit=1)[0]
        plan.issuer = expand_issuer(without_office_holder(body.strip(" .,;")))


def _read_number(plan: Plan, text: str) -> None:
    number = NUMBER.search(text)
    if number and number["num"]:
        separator = "/" if number["sep"].startswith("/") else "-"
        suffix = _SPACED_DASH.sub(r"\g<dash>", number["suffix"])
        digits = number["num"].replace(" ", "")  # "Số: 1 27/KH-UBND": one number
        plan.number = f"{digits}{separator}{suffix}"


_SPACED_DASH = lazy(compile_regex, r" ?(?P<dash>[\-–]) ?")


def _read_date(plan: Plan, text: str) -> None:
    when = _DATE_SLASH.search(text) or _DATE_WORDS.search(text)
    if when:
        plan.issued_raw = " ".join(when.group(0).split())
        plan.issued_on = _iso_date(when["d"], when["m"], when["y"])


def _until_closing_parenthesis(text: str) -> str:
    """The "(Kèm theo …)" sentence up to its closing parenthesis; parentheses inside it
    ("xã Hương Sơn (Hà Tĩnh)") are kept."""
    depth = 0
    for i, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                return text[:i]
            depth -= 1
    return text


def _iso_date(day: str | None, month: str | None, year: str | None) -> str | None:
    if not (day and month and year):
        return None
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


_BARE_LEVEL = lazy(compile_regex, rf"\b(?P<level>{_LEVEL_WORDS})\s*$", IGNORECASE)


def _locality(issuer: str | None, context: str) -> Locality:
    if not issuer:
        return Locality()
    issuer = unicodedata.normalize("NFC", issuer)
    match = _last_locality(_LOCALITY, issuer)
    if match is None or match["level"].lower() not in _LOCAL_LEVELS:
        # "UBND XÃ ĐÌNH LẬP, tỉnh Lạng Sơn": the commune in capitals, its province not
        capitals = _last_locality(_LOCALITY_CAPITALS, issuer)
        if capitals is not None and _printed_as_unit(capitals) and (
                match is None or capitals["level"].lower() in _LOCAL_LEVELS):
            match = capitals
    if match is None:
        # "Ủy ban nhân dân tỉnh": the level is printed, the name is not
        bare = _BARE_LEVEL.search(issuer)
        return Locality(level=normalize_level(bare["level"])) if bare else Locality()
    province = match["province"] or find_province(context)
    return resolve_locality(match["level"].lower(), match["name"].strip(), province)


def _printed_as_unit(match: regex.Match) -> bool:
    """"XÃ ĐÌNH LẬP", "Xã Đình Lập", "Tỉnh Lạng Sơn" — never "Xã hội" of an agency's name."""
    level, name = match["level"], match["name"]
    return bool((level.isupper() and name.isupper())
                or (level[0].isupper() and name[:1].isupper())
                or _PROVINCE_LEVEL.fullmatch(level))


def _last_locality(pattern: regex.Pattern, issuer: str) -> regex.Match | None:
    """The commune-level unit the issuer names, else the last unit it names."""
    match = None
    for candidate in pattern.finditer(issuer):
        match = candidate
        if candidate["level"].lower() in _LOCAL_LEVELS:
            break
    return match

