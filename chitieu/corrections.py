"""Reviewers' corrections: the log OUT/corrections.jsonl, and applying it to a Document.

A reviewer fixes a value once (in `chitieu review`); the fix is appended to the log as one
JSON line naming the document by its content (sha256), the record by its key, the field,
the value found and the value meant. Every later `convert` of the same content applies the
log to the freshly converted document (`apply_corrections`, a pure function), so the fix
survives re-runs; the record then carries the warning `corrected:<field>`. A correction
made on other content (the input changed since) matches no document and is reported, never
applied.

Applying is idempotent: a document that already holds the corrected value (a converted
JSON shown again in the review app) is left as it is, so the same function serves the
pipeline and the app.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import math
import os
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from chitieu.core.dataclass import as_dict, dataclass, field, field_names
from chitieu.core.digest import sha256 as _sha256  # `sha256` names a document's hash here
from chitieu.core.patterns import lazy
from chitieu.models import Document, Record

CORRECTIONS_NAME = "corrections.jsonl"
ACTIONS = ("edit", "verify", "delete", "add")
CORRECTED = "corrected"

_OPS = {">=": ">=", "≥": ">=", ">": ">", "<=": "<=", "≤": "<=", "<": "<", "=": "=",
        "between": "between"}
_KINDS = ("indicator", "task")
_ISO_DATE = lazy(re.compile, r"^\d{4}-\d{2}-\d{2}$")
_AGENCY_ID = lazy(re.compile, r"^agencies\.(\d+)\.id$")
INDICATOR_ID = "indicator.id"

# (kind, id) -> the canonical name of an agency ("agency") or catalog indicator
# ("indicator"), None when there is no such id
NameLookup = Callable[[str, str], "str | None"]


def _no_names(kind: str, identifier: str) -> str | None:
    return None


class CorrectionsError(ValueError):
    """The corrections file cannot be read: one line naming the file and the bad line."""


class CorrectionRefused(ValueError):
    """A correction that breaks the contract (a target value that is no number, an agency
    id the gazetteer does not know, a key that does not exist); the message says why."""


@dataclass(frozen=True, slots=True)
class Correction:
    """One line of the log. `field` is a dotted path into the record ("target.value",
    "agencies.0.id") for `edit`; `new` is the whole record for `add`, inserted after the
    record `after` (first when None)."""

    document: str
    key: str
    action: str
    field: str | None = None
    old: Any = None
    new: Any = None
    after: str | None = None
    time: str = ""
    reviewer: str | None = None
    file: str | None = None

    def to_json(self) -> str:
        data = {name: value for name, value in as_dict(self).items()
                if value is not None or name in ("old", "new")}
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


@dataclass
class Applied:
    """What `apply_corrections` did: the corrected document, the corrections that hold in
    it, and the ones that could not be applied, each with its reason."""

    document: Document
    applied: list[Correction] = field(default_factory=list)
    not_applied: list[tuple[Correction, str]] = field(default_factory=list)


# -- the log -----------------------------------------------------------------------------


def load_corrections(path: str | Path) -> list[Correction]:
    """Every correction in the log, in the order written; [] when there is no log.

    Raises CorrectionsError naming the line when one is not a correction (a line torn by a
    kill at the very end is ignored: it was never acknowledged to the reviewer)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as exc:
        raise CorrectionsError(f"{path}: cannot read the corrections file ({exc})") from None
    lines = text.split("\n")
    corrections = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        torn = number == len(lines) and not text.endswith("\n")
        try:
            corrections.append(_correction_of(json.loads(line)))
        except (ValueError, TypeError) as exc:
            if torn:
                break
            raise CorrectionsError(f"{path}: line {number} is not a correction ({exc}); "
                                   "fix or remove that line") from None
    return corrections


def _correction_of(data: object) -> Correction:
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    unknown = set(data) - set(field_names(Correction))
    if unknown:
        raise ValueError(f"unknown fields {sorted(unknown)}")
    for name in ("document", "key", "action"):
        if not isinstance(data.get(name), str) or not data[name]:
            raise ValueError(f"{name!r} missing")
    if data["action"] not in ACTIONS:
        raise ValueError(f"action {data['action']!r} is none of {', '.join(ACTIONS)}")
    if data["action"] == "edit" and not isinstance(data.get("field"), str):
        raise ValueError("an edit names its 'field'")
    if data["action"] == "add" and not isinstance(data.get("new"), dict):
        raise ValueError("an added record is an object in 'new'")
    return Correction(**data)


def append_correction(path: str | Path, correction: Correction) -> None:
    """Append one correction durably (flushed and fsync'd), under an advisory lock so two
    reviewers saving at once do not interleave their lines."""
    path = Path(path)
    with path.open("a", encoding="utf-8") as handle, _locked(handle):
        handle.write(correction.to_json() + "\n")
        handle.flush()
        os.fsync(handle.fileno())


@contextlib.contextmanager
def _locked(handle):
    try:
        import fcntl
    except ImportError:  # not POSIX
        yield
        return
    fcntl.flock(handle, fcntl.LOCK_EX)
    try:
        yield
    finally:
        fcntl.flock(handle, fcntl.LOCK_UN)


def corrections_for(corrections: Iterable[Correction], sha256: str) -> list[Correction]:
    return [c for c in corrections if c.document == sha256]


def corrections_digest(corrections: Sequence[Correction]) -> str:
    """A short hash of a document's corrections: a converted JSON made with other corrections
    is converted again."""
    if not corrections:
        return ""
    digest = _sha256()
    for correction in corrections:
        digest.update(correction.to_json().encode("utf-8") + b"\n")
    return digest.hexdigest()[:16]


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def log_of(out_dir: str | Path) -> tuple[Correction, ...]:
    """OUT's corrections, read once per process while the file stays the same (a batch
    worker converts many files)."""
    path = Path(out_dir) / CORRECTIONS_NAME
    try:
        stat = path.stat()
    except FileNotFoundError:
        return ()
    return _cached_log(str(path), stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=4)
def _cached_log(path: str, size: int, mtime_ns: int) -> tuple[Correction, ...]:
    return tuple(load_corrections(path))


def apply_log(doc: Document, out_dir: str | Path, names: NameLookup = _no_names
              ) -> tuple[Document, dict[str, Any]]:
    """For the batch: `doc` with OUT's corrections of its content applied, and what to note
    in the manifest (their digest, how many held, the ones that did not and why)."""
    mine = corrections_for(log_of(out_dir), doc.source.sha256)
    if not mine:
        return doc, {}
    result = apply_corrections(doc, mine, names)
    return result.document, {
        "digest": corrections_digest(mine),
        "applied": len(result.applied),
        "not_applied": [describe(c, reason) for c, reason in result.not_applied],
    }


def describe(correction: Correction, reason: str | None = None) -> dict[str, Any]:
    """A correction for a report: what it was on, and why it was not applied."""
    data = {"file": correction.file, "document": correction.document, "key": correction.key,
            "action": correction.action, "field": correction.field}
    if reason:
        data["reason"] = reason
    return {name: value for name, value in data.items() if value is not None}


# -- a reviewer's input, checked against the contract --------------------------------------


def parse_value(field_path: str, text: str | None, names: NameLookup | None = None) -> Any:
    """The value a reviewer typed for `field_path`, as the contract types it; an empty
    text is null. An agency or indicator id must be known to `names` (when given). Raises
    CorrectionRefused with a message for the page."""
    text = (text or "").strip()
    if field_path not in EDITABLE_FIELDS and not _AGENCY_ID.match(field_path):
        raise CorrectionRefused(f"the field {field_path!r} cannot be corrected here")
    if not text:
        if field_path in ("name", "kind"):
            raise CorrectionRefused(f"the {field_path} cannot be empty")
        return None
    if field_path.endswith((".value", ".upper")):
        return _number(text, field_path)
    if field_path.endswith(".op"):
        if text not in _OPS:
            raise CorrectionRefused(f"{field_path} must be one of >=, >, <=, <, =, between "
                                    f"(got {text!r})")
        return _OPS[text]
    if field_path == "kind" and text not in _KINDS:
        raise CorrectionRefused(f"kind must be indicator or task (got {text!r})")
    if field_path.startswith("deadline.") and not _is_date(text):
        raise CorrectionRefused(f"{field_path} must be a date YYYY-MM-DD (got {text!r})")
    _check_id(field_path, text, names)
    return text


def _check_id(field_path: str, value: Any, names: NameLookup | None) -> None:
    if names is None or value is None:
        return
    if _AGENCY_ID.match(field_path) and names("agency", value) is None:
        raise CorrectionRefused(f"no agency with the id {value!r} in the gazetteer")
    if field_path == INDICATOR_ID and names("indicator", value) is None:
        raise CorrectionRefused(f"no indicator with the id {value!r} in the catalog")


def _number(text: str, field_path: str) -> int | float:
    # the Vietnamese decimal comma, as the converter reads it
    cleaned = text.replace(" ", "").replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        raise CorrectionRefused(f"{field_path} must be a number (got {text!r})") from None
    if not math.isfinite(value):
        raise CorrectionRefused(f"{field_path} must be a finite number (got {text!r})")
    return int(value) if value.is_integer() else value


def _is_date(text: str) -> bool:
    if not _ISO_DATE.match(text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


# Fields a reviewer may correct; agencies.N.id too (checked against the gazetteer).
EDITABLE_FIELDS = (
    "name", "kind", "number", "note",
    "target.op", "target.value", "target.upper", "target.unit", "target.text",
    "baseline.op", "baseline.value", "baseline.unit",
    "deadline.start", "deadline.end", INDICATOR_ID,
)


def check_correction(doc: Document, correction: Correction,
                     names: NameLookup | None = None) -> Document:
    """The document with `correction` applied, or CorrectionRefused saying why not."""
    if correction.document != doc.source.sha256:
        raise CorrectionRefused("the correction names another document")
    if correction.action == "edit":
        _check_id(correction.field or "", correction.new, names)
    result = apply_corrections(doc, [correction], names or _no_names)
    if result.not_applied:
        raise CorrectionRefused(result.not_applied[0][1])
    return result.document


# -- applying ------------------------------------------------------------------------------


def apply_corrections(doc: Document, corrections: Iterable[Correction],
                      names: NameLookup = _no_names) -> Applied:
    """`doc` with the corrections made on its content applied (others are ignored: the
    caller reports them). Pure: `doc` itself is not changed.

    Edits of one field are taken together, from the first value found to the last value
    meant, and applied when the field holds any value of that chain (so a document that
    already holds them stays as it is); a field holding something else was changed by the
    converter since, and the edit is not applied. `names` gives the canonical name of an
    agency or indicator id set by an edit."""
    mine = corrections_for(corrections, doc.source.sha256)
    result = Applied(document=doc)
    if not mine:
        return result
    records = [record.model_dump(mode="json") for record in doc.records]
    done: set[tuple[str, str]] = set()
    for correction in mine:
        if correction.action == "edit":
            chain_key = (correction.key, correction.field or "")
            if chain_key in done:
                result.applied.append(correction)
                continue
            done.add(chain_key)
            chain = [c for c in mine if c.action == "edit"
                     and (c.key, c.field) == chain_key]
            reason = _edit(records, chain, names)
        else:
            reason = _ACTIONS[correction.action](records, correction)
        if reason:
            result.not_applied.append((correction, reason))
        else:
            result.applied.append(correction)
    from pydantic import ValidationError  # here: a document without corrections never needs it

    try:
        corrected = [Record.model_validate(record) for record in records]
    except ValidationError as exc:
        # reachable only through a hand-written log: every correction is checked when made
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"])
        reason = f"the corrected record breaks the contract at {where}: {error['msg']}"
        return Applied(document=doc, not_applied=[(c, reason) for c in mine])
    result.document = doc.model_copy(update={"records": corrected})
    return result


def _find(records: list[dict], key: str) -> dict | None:
    return next((record for record in records if record["key"] == key), None)


def _edit(records: list[dict], chain: list[Correction], names: NameLookup) -> str | None:
    first = chain[0]
    record = _find(records, first.key)
    if record is None:
        return f"no record {first.key!r} in the document"
    path = first.field or ""
    try:
        current = _get(record, path)
    except (KeyError, IndexError, TypeError):
        return f"the record {first.key!r} has no {path}"
    final = chain[-1].new
    values = [value for c in chain for value in (c.old, c.new)]
    if not any(_same(current, value) for value in values):
        return (f"{first.key} {path} is now {current!r}, not the {first.old!r} the "
                "correction was made on")
    if not _same(current, final):
        try:
            _set(record, path, final, names)
        except (KeyError, IndexError, TypeError):
            return f"the record {first.key!r} has no {path}"
    if not _same(first.old, final):
        _warn(record, f"{CORRECTED}:{path}")
    return None


def _verify(records: list[dict], correction: Correction) -> str | None:
    return None if _find(records, correction.key) else f"no record {correction.key!r}"


def _delete(records: list[dict], correction: Correction) -> str | None:
    record = _find(records, correction.key)
    if record is not None:  # absent: deleted already
        records.remove(record)
    return None


def _add(records: list[dict], correction: Correction) -> str | None:
    new = dict(correction.new)
    new["warnings"] = list(dict.fromkeys([*new.get("warnings", []), f"{CORRECTED}:added"]))
    existing = _find(records, correction.key)
    if existing is not None:
        if _without_warnings(existing) == _without_warnings(new):
            return None  # added already
        return f"the document already has a record {correction.key!r}"
    from pydantic import ValidationError

    try:
        Record.model_validate(new)
    except ValidationError as exc:
        return f"the added record breaks the contract: {exc.errors()[0]['msg']}"
    above = _find(records, correction.after) if correction.after else None
    position = records.index(above) + 1 if above is not None else 0
    records.insert(position, new)
    return None


_ACTIONS = {"verify": _verify, "delete": _delete, "add": _add}


def _without_warnings(record: dict) -> dict:
    return {k: v for k, v in record.items() if k != "warnings"}


def _warn(record: dict, warning: str) -> None:
    if warning not in record["warnings"]:
        record["warnings"].append(warning)


def _same(a: Any, b: Any) -> bool:
    # 80 and 80.0 are one value; a bool is no number
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    return a == b


def get_value(record: dict, path: str) -> Any:
    """The value at a dotted path of a record as JSON ("target.value"); None when a part on
    the way is null."""
    try:
        return _get(record, path)
    except (KeyError, IndexError, TypeError):
        return None


def _get(record: dict, path: str) -> Any:
    value: Any = record
    for part in path.split("."):
        if value is None:
            return None
        value = value[int(part)] if isinstance(value, list) else value[part]
    return value


def _set(record: dict, path: str, value: Any, names: NameLookup) -> None:
    parts = path.split(".")
    if path == INDICATOR_ID:  # a reviewer's link is certain; none unlinks
        record["indicator"] = None if value is None else {
            "id": value, "name": names("indicator", value) or value, "score": 1.0}
        return
    if parts[0] in ("target", "baseline", "deadline") and len(parts) == 2:
        holder = record.get(parts[0])
        if holder is None:
            if value is None:
                return
            holder = record[parts[0]] = _new_part(parts[0], value)
        holder[parts[1]] = value
        return
    if _AGENCY_ID.match(path):
        agency = record["agencies"][int(parts[1])]
        agency["id"] = value
        if value is not None:
            agency["name"] = names("agency", value) or agency["name"]
            agency["score"] = 1.0
        return
    record[parts[0]] = value


def _new_part(name: str, value: Any) -> dict:
    """A target or deadline the converter did not find, started by a reviewer's value; its
    `raw` is what the reviewer typed (nothing was printed)."""
    if name == "deadline":
        return {"kind": "date", "start": None, "end": None, "recurrence": None,
                "raw": str(value)}
    return {"op": "=" if isinstance(value, int | float) else None, "value": None,
            "upper": None, "unit": None, "text": None, "raw": str(value)}


def known_names(gazetteer, catalog=None) -> NameLookup:
    """The canonical names of the ids a reviewer may set: agencies of `gazetteer`,
    indicators of `catalog` (the built-in catalog by default)."""
    def name(kind: str, identifier: str) -> str | None:
        if kind == "agency":
            return gazetteer.name_of(identifier) if identifier in gazetteer else None
        from chitieu.catalog import default_catalog

        indicator = (catalog or default_catalog()).indicators.get(identifier)
        return indicator.name if indicator is not None else None

    return name
