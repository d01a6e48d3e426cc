"""What the templates show: values as text, record boxes placed on pages, records on lines,
and a reviewer's added record built from the form."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment

from chitieu.corrections import CorrectionRefused, parse_value
from chitieu.review.flags import corrected_fields, flagged_fields
from chitieu.review.source import PageSize

_OP_SIGNS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "=", "between": ""}


def register(env: Environment) -> None:
    env.filters.update(measure=measure_text, deadline=deadline_text, number=number_text)
    env.globals.update(flagged_fields=flagged_fields, corrected_fields=corrected_fields,
                       section_text=section_text)


def number_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def measure_text(measure: dict | None) -> str:
    """A target or baseline as read: "≥ 80 %", "10–20 km", or its words."""
    if not measure:
        return ""
    if measure.get("value") is None:
        return measure.get("text") or ""
    value = number_text(measure["value"])
    if measure.get("op") == "between" and measure.get("upper") is not None:
        value = f"{value}–{number_text(measure['upper'])}"
    sign = _OP_SIGNS.get(measure.get("op") or "", "")
    unit = measure.get("unit") or ""
    return " ".join(part for part in (sign, value, unit) if part)


def deadline_text(deadline: dict | None) -> str:
    if not deadline:
        return ""
    if deadline.get("kind") == "recurring":
        return deadline.get("recurrence") or "recurring"
    start, end = deadline.get("start"), deadline.get("end")
    if start and end and start != end:
        return f"{start} → {end}"
    return end or start or ""


def section_text(record: dict) -> str:
    return " / ".join(section["number"] for section in record.get("section") or ())


@dataclass
class Box:
    record: int  # index in the records
    left: float  # percent of the page
    top: float
    width: float
    height: float


@dataclass
class PageView:
    number: int
    width: float  # points
    height: float
    boxes: list[Box] = field(default_factory=list)


def page_boxes(records: list[dict], sizes: list[PageSize]) -> list[PageView]:
    """Each page with the boxes of the records printed on it, as percentages of the page
    (so they stay on the image at any display size)."""
    pages = {size.number: PageView(size.number, size.width, size.height) for size in sizes}
    for index, record in enumerate(records):
        source = record.get("source") or {}
        page, bbox = pages.get(source.get("page")), source.get("bbox")
        if page is None or not bbox:
            continue
        x0, top, x1, bottom = bbox
        page.boxes.append(Box(index, _percent(x0, page.width), _percent(top, page.height),
                              _percent(x1 - x0, page.width), _percent(bottom - top,
                                                                       page.height)))
    return list(pages.values())


def _percent(value: float, whole: float) -> float:
    return round(100 * value / whole, 3) if whole else 0.0


@dataclass
class LineView:
    number: int
    text: str
    records: list[int]


def line_records(records: list[dict], lines: list[str]) -> list[LineView]:
    """Every line of a text input, with the records printed on it."""
    views = [LineView(number, text, []) for number, text in enumerate(lines, start=1)]
    for index, record in enumerate(records):
        span = (record.get("source") or {}).get("lines")
        if not span:
            continue
        for number in range(max(1, span[0]), min(len(views), span[1]) + 1):
            views[number - 1].records.append(index)
    return views


def new_record(form: dict[str, str], records: list[dict]) -> tuple[dict, str | None]:
    """A record a reviewer adds (one the converter missed), placed after the record
    `after`, in its sections; its key is those sections' numbers and its number."""
    number = form.get("number", "").strip()
    name = form.get("name", "").strip()
    if not number or not name:
        raise CorrectionRefused("a record to add needs its number and its name")
    after = form.get("after", "").strip() or None
    above = next((r for r in records if r["key"] == after), None)
    if after and above is None:
        raise CorrectionRefused(f"no record {after!r} to add after")
    sections = above["section"] if above else []
    key = "/".join([*(s["number"] for s in sections), number])
    kind = parse_value("kind", form.get("kind") or "task")
    record: dict[str, Any] = {
        "key": key, "number": number, "section": sections, "kind": kind, "name": name,
        "target": None, "baseline": None, "deadline": None, "agencies": [], "note": None,
        "source": {"page": None, "lines": None, "bbox": None, "ocr_confidence": None},
        "warnings": [],
    }
    value = parse_value("target.value", form.get("target_value"))
    if value is not None:
        unit = form.get("target_unit", "").strip() or None
        record["target"] = {"op": "=", "value": value, "upper": None, "unit": unit,
                            "text": None, "raw": form.get("target_value", "").strip()}
    return record, after


@dataclass(frozen=True)
class Links:
    """The URLs of the pages: the served app's, or the exported folder's (OUT/review/, which
    opens from disk and so takes relative links and short, flat file names)."""

    static_site: bool
    home_url: str
    static_url: str  # format fields: name
    doc_url: str  # doc_id
    page_url: str  # doc_id, number

    def home(self) -> str:
        return self.home_url

    def static(self, name: str) -> str:
        return self.static_url.format(name=name)

    def doc(self, doc_id: str) -> str:
        return self.doc_url.format(doc_id=doc_id)

    def page(self, doc_id: str, number: int) -> str:
        return self.page_url.format(doc_id=doc_id, number=number)


SERVER_LINKS = Links(False, "/", "/static/{name}", "/doc/{doc_id}",
                     "/doc/{doc_id}/page/{number}.png")
STATIC_LINKS = Links(True, "index.html", "static/{name}", "doc-{doc_id:.16}.html",
                     "pages/{doc_id:.16}/page-{number}.png")
