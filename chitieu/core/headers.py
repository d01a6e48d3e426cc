"""The header vocabulary: which role a column plays, read from the words of its header.

`data/header_roles.yaml` maps header words to roles (number, name, unit, target, lead, …),
and names the lines that are not table content (page furniture, the table's end, the
signature). Readers use it to recognize a header, OCR to snap one to known words, assembly
to map columns to roles.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from chitieu.core.dataclass import dataclass
from chitieu.core.lexicon import load_yaml
from chitieu.core.patterns import IGNORECASE, compile_regex, lazy
from chitieu.core.text import ascii_fold, clean_text

if TYPE_CHECKING:
    import regex

AGENCY_ROLES = ("lead", "support", "monitor")
_UNIQUE_ROLES = frozenset({"number", "name", "unit"})
# compiled once (on first use): `regex.sub(str, …)` looks its pattern up at every call
_NOT_WORD = lazy(compile_regex, r"[^\w%]+")
_HEADER_UNIT = lazy(compile_regex, r"\(\s*([^()\d]{1,24}?)\s*\)$")
# Words in a header's closing brackets that say what kind of value the column holds, not its
# unit: "Kết quả cần đạt (Định lượng)", "Mục tiêu (định tính)", "Chỉ tiêu (dự kiến)".
_NOT_A_UNIT = lazy(compile_regex,
                   r"^(dinh luong|dinh tinh|du kien|neu co|tiep theo|tiep|tt|ke hoach"
                            r"|uoc|uoc tinh|tam tinh)$")
# A column of one quarter or month under a group cell ("Thời gian thực hiện" over "Quý I" …
# "Quý IV"): the period its marks ("x") stand for.
PERIOD_LABEL = lazy(compile_regex, r"(?:^|\s)(quý|quí|tháng)\s*([IVX]+|\d{1,2})$", IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    rules: tuple[tuple[tuple[str, ...], regex.Pattern], ...]
    repeat_markers: regex.Pattern
    furniture: regex.Pattern
    table_end: regex.Pattern
    table_notes: regex.Pattern
    label_heads: regex.Pattern
    signature: regex.Pattern
    group_total: regex.Pattern
    group_part: regex.Pattern
    time_start: regex.Pattern
    time_end: regex.Pattern


@functools.cache
def vocabulary() -> _Vocabulary:
    data = load_yaml("header_roles.yaml")
    rules = tuple((tuple(r["roles"]), compile_regex(r["pattern"])) for r in data["rules"])
    return _Vocabulary(
        rules=rules,
        repeat_markers=compile_regex("|".join(data["repeat_markers"])),
        furniture=compile_regex("|".join(data["page_furniture"])),
        table_end=compile_regex("|".join(data["table_end"])),
        table_notes=compile_regex("|".join(data.get("table_notes") or ["(?!)"])),
        label_heads=compile_regex("|".join(data.get("label_heads") or ["(?!)"])),
        signature=compile_regex("|".join(data.get("signature") or ["(?!)"])),
        group_total=compile_regex(data["group_total"]),
        group_part=compile_regex(data["group_part"]),
        time_start=compile_regex(data["time_start"]),
        time_end=compile_regex(data["time_end"]),
    )


def start_and_end_columns(headers: list[str]) -> bool:
    """Two deadline columns headed as a time's start and its end ("Thời gian thực hiện Bắt
    đầu" | "Thời gian thực hiện Hoàn thành")."""
    if len(headers) != 2:
        return False
    start, end = (header_key(h) for h in headers)
    return bool(vocabulary().time_start.search(start) and vocabulary().time_end.search(end))


@functools.lru_cache(maxsize=4096)
def header_key(text: str) -> str:
    """A header cell folded for matching: lower-case ASCII words."""
    folded = ascii_fold(text)
    folded = vocabulary().repeat_markers.sub(" ", folded)
    return " ".join(_NOT_WORD.sub(" ", folded).split())


@functools.lru_cache(maxsize=4096)
def line_key(text: str) -> str:
    """A line folded for the furniture and table-end patterns: lower-case ASCII with its
    punctuation kept ("Trang 2/3", "Ghi chú:", "(*)", "TM. ỦY BAN")."""
    return " ".join(ascii_fold(text).split())


def _rule_roles(key: str) -> tuple[str, ...] | None:
    """The roles of the first rule a folded label matches; None when no rule does."""
    return next((roles for roles, pattern in vocabulary().rules if pattern.search(key)), None)


@functools.lru_cache(maxsize=4096)
def names_no_role(text: str) -> bool:
    """A label the vocabulary knows as no role of the contract ("So sánh (%)", "Tỷ lệ %",
    "Mã nhiệm vụ"): a header's word, unlike a label it does not know at all."""
    return _rule_roles(header_key(text)) == ("unknown",)


@functools.lru_cache(maxsize=4096)
def header_candidates(text: str) -> tuple[str, ...]:
    key = header_key(text)
    if not key:
        return ()
    roles = _rule_roles(key)
    if roles is not None:
        return roles
    unit = header_unit(text)
    if unit is not None:
        return header_candidates(text[:text.rindex("(")])
    return ("unknown",)


_BARE_YEAR = lazy(compile_regex, r"^(?:nam )?(?:19|20)\d\d$")


def is_bare_year(label: str) -> bool:
    """A header label that is a year alone: "Năm 2025", "2026"."""
    return bool(_BARE_YEAR.match(header_key(label)))


@functools.lru_cache(maxsize=4096)
def group_names_the_kind(group: str, label: str) -> bool:
    """"Thực hiện" / "Kết quả thực hiện" over "Năm 2024 | Năm 2025": a bare year under a
    group cell naming the kind of value the years hold (results, not the targets a year
    alone heads), so the column is the group's words and the year."""
    if not group.strip() or not is_bare_year(label):
        return False
    joined = first_role(f"{group} {label}")
    return joined in ("target", "baseline") and joined != first_role(label)


@functools.lru_cache(maxsize=4096)
def first_role(text: str) -> str:
    """The first role the header vocabulary gives a label; "unknown" for a label it does not
    know or one without words ("–", "**", a cell left empty)."""
    return (header_candidates(text) or ("unknown",))[0]


@functools.lru_cache(maxsize=4096)
def header_unit(text: str) -> str | None:
    """The unit a header prints in parentheses at its end: "Kế hoạch 2026 (triệu đồng)"."""
    match = _HEADER_UNIT.search(clean_text(text))
    if not match or _NOT_A_UNIT.match(ascii_fold(match[1].strip())):
        return None
    return match[1].strip()


# "ĐVT: Triệu đồng", "(Đơn vị tính: triệu đồng)" printed once over a table (folded text)
_UNIT_LINE = lazy(compile_regex,
                  r"^\(?\s*(?:don vi tinh|dvt)\s*:\s*([^():\d]{1,24}?)\s*\.?\s*\)?$")


def unit_line(text: str) -> str | None:
    """The unit a line over a table gives every value of it ("ĐVT: Triệu đồng"), as
    printed; None for any other line."""
    if ":" not in text or len(text) > 60:
        return None  # cheap: the line of a title, a paragraph, a cell of the table
    text = clean_text(text).strip()
    folded = ascii_fold(text)
    match = _UNIT_LINE.match(folded) if len(folded) == len(text) else None
    if not match or _NOT_A_UNIT.match(match[1]):
        return None
    # ascii_fold keeps length and places: the unit is the same span of the printed text
    return text[match.start(1):match.end(1)]


def assign_roles(headers: list[str]) -> list[str]:
    """Roles for a header row: unambiguous columns first, then the ambiguous ones take the
    first candidate role no other column has claimed."""
    candidates = [header_candidates(h) for h in headers]
    roles: list[str | None] = [c[0] if len(c) == 1 else None for c in candidates]
    claimed = {r for r in roles if r in _UNIQUE_ROLES}
    # a target that is no role beside a clearer one ("Chỉ tiêu Nghị quyết Đại hội" beside
    # "Kế hoạch năm 2026"): the clearer target claims the role
    if "target" in roles:
        claimed.add("target")
    # a column whose last choice is no role ("Lĩnh vực": the names unless another column
    # names the rows) chooses after the others have
    order = sorted(range(len(candidates)), key=lambda i: candidates[i][-1:] == ("unknown",))
    for i in order:
        cands = candidates[i]
        if not cands:
            roles[i] = "unknown"
        elif roles[i] is None:
            free = [r for r in cands if r not in claimed]
            roles[i] = free[0] if free else cands[-1]
            claimed.add(roles[i])
    if _lists_tasks(headers, roles):
        roles = ["note" if c == ("target", "note") else r for c, r in zip(candidates, roles,
                                                                           strict=True)]
    roles = _without_last_years_plan(headers, [r or "unknown" for r in roles])
    return _only_the_latest_result(headers, roles)


_YEAR = lazy(compile_regex, r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _without_last_years_plan(headers: list[str], roles: list[str]) -> list[str]:
    """"Năm 2025" over "Kế hoạch" / "Ước thực hiện", then "Kế hoạch năm 2026": last year's
    plan beside last year's result (the baseline) is no target of this plan when a target
    column names a later year."""
    years = [_YEAR.findall(h) for h in headers]
    baseline_years = {y[-1] for y, r in zip(years, roles, strict=True) if r == "baseline" and y}
    target_years = [y[-1] for y, r in zip(years, roles, strict=True) if r == "target" and y]
    if not baseline_years or not target_years:
        return roles
    latest = max(target_years)
    return ["unknown" if r == "target" and y and y[-1] in baseline_years and y[-1] < latest
            else r for y, r in zip(years, roles, strict=True)]


def _only_the_latest_result(headers: list[str], roles: list[str]) -> list[str]:
    """"Thực hiện năm 2024" beside "Ước thực hiện năm 2025": the baseline is the latest
    result; an earlier year's is no role of the contract."""
    years = [_YEAR.findall(h) for h in headers]
    baseline_years = [y[-1] for y, r in zip(years, roles, strict=True) if r == "baseline" and y]
    if len(baseline_years) < 2:
        return roles
    latest = max(baseline_years)
    return ["unknown" if r == "baseline" and y and y[-1] < latest else r
            for y, r in zip(years, roles, strict=True)]


_TASK_NAME = lazy(compile_regex, r"\b(nhiem vu|noi dung|cong viec|hoat dong|giai phap)\b")


def _lists_tasks(headers: list[str], roles: list[str | None]) -> bool:
    """A table of tasks: its name column names tasks ("Tên nhiệm vụ", "Nội dung"), not
    indicators, and no column gives a unit."""
    if "unit" in roles:
        return False
    return any(role == "name" and _TASK_NAME.search(header_key(h))
               and "chi tieu" not in header_key(h) for h, role in zip(headers, roles, strict=True))
