"""Which values of a record a reviewer should look at, and why.

A value is flagged when the converter guessed it or could not read it: a warning on the
record, an agency matched with a score below 0.9, a target or deadline that was printed but
not understood, an OCR repair, a low OCR confidence, a weak (or missing) link to the
indicator catalog. Each flag names the field it concerns, so the page marks that cell.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

WEAK_SCORE = 0.9
LOW_OCR_CONFIDENCE = 0.8
CORRECTED = "corrected"

# warning code prefix -> the field it is about; any other code concerns the whole record
_WARNING_FIELDS = (
    ("target", "target"), ("baseline", "baseline"), ("deadline", "deadline"),
    ("agency", "agencies"), ("indicator", "indicator"), ("unit_column", "target"),
    ("unit_without_target", "target"),
)
# what an OCR repair names (ocr_repaired:<what>) -> the record's field
_OCR_FIELDS = {"text": "name", "name": "name", "number": "number", "agency": "agencies",
               "target": "target", "unit": "target", "deadline": "deadline"}


@dataclass(frozen=True, slots=True)
class Flag:
    field: str  # "target", "deadline", "agencies", "agencies.1", "name", "indicator", "record"
    reason: str


def warning_code(warning: str) -> str:
    return warning.split(":", 1)[0].strip()


def record_flags(record: dict[str, Any]) -> list[Flag]:
    """The flags of one record (as JSON), in the order of its fields."""
    flags = [flag for warning in record.get("warnings") or () if
             (flag := _warning_flag(warning)) is not None]
    for index, agency in enumerate(record.get("agencies") or ()):
        if agency.get("score") is not None and agency["score"] < WEAK_SCORE:
            flags.append(Flag(f"agencies.{index}", f"agency match score {agency['score']:.2f}"))
    target = record.get("target")
    if target and target.get("op") is None and target.get("value") is None \
            and not target.get("text"):
        flags.append(Flag("target", f"target not understood: {target.get('raw')!r}"))
    deadline = record.get("deadline")
    if deadline and deadline.get("kind") not in ("recurring", "duration") \
            and deadline.get("start") is None and deadline.get("end") is None:
        flags.append(Flag("deadline", f"deadline not understood: {deadline.get('raw')!r}"))
    confidence = (record.get("source") or {}).get("ocr_confidence")
    if confidence is not None and confidence < LOW_OCR_CONFIDENCE:
        flags.append(Flag("record", f"low OCR confidence {confidence:.2f}"))
    if "indicator" in record:  # the catalog's link (contract v1.1)
        flags.extend(_indicator_flags(record))
    return list(dict.fromkeys(flags))


def _warning_flag(warning: str) -> Flag | None:
    code = warning_code(warning)
    if code == CORRECTED:  # a reviewer's value: marked, not flagged
        return None
    if code == "ocr_repaired":
        what = warning.split(":", 1)[1] if ":" in warning else ""
        return Flag(_OCR_FIELDS.get(what, "record"), f"OCR repaired the {what or 'row'}")
    for prefix, field in _WARNING_FIELDS:
        if code.startswith(prefix):
            return Flag(field, warning)
    return Flag("record", warning)


def _indicator_flags(record: dict[str, Any]) -> list[Flag]:
    link = record.get("indicator")
    if link is None:  # an indicator left unlinked carries the warning indicator_unmatched
        return []
    score = link.get("score")
    if score is not None and score < WEAK_SCORE:
        return [Flag("indicator", f"weak indicator link {score:.2f}")]
    return []


def flagged_fields(flags: list[Flag]) -> set[str]:
    """The fields to mark: "agencies.1" marks the agencies cell too."""
    fields = {flag.field for flag in flags}
    return fields | {field.split(".", 1)[0] for field in fields}


def corrected_fields(record: dict[str, Any]) -> set[str]:
    """The fields a reviewer corrected (warning corrected:<field>)."""
    return {warning.split(":", 1)[1].split(".", 1)[0]
            for warning in record.get("warnings") or ()
            if warning.startswith(CORRECTED + ":")}
