"""The output contract (SCHEMA.md v1) as pydantic models.

Field order here is the key order of the emitted JSON; the JSON Schema that `chitieu schema`
prints is generated from these classes, so they are the single source of the contract.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"

SourceFormat = Literal["text", "markdown", "html", "pdf", "docx", "image", "xlsx", "csv"]
ColumnRole = Literal[
    "number", "name", "unit", "target", "baseline", "lead", "support", "monitor",
    "deadline", "note", "unknown",
]
AgencyRole = Literal["lead", "support", "monitor"]
Op = Literal[">=", ">", "<=", "<", "=", "between"]
DeadlineKind = Literal["year", "month", "quarter", "date", "period", "recurring", "duration"]
Recurrence = Literal["continuous", "yearly", "quarterly", "monthly"]
LocalityLevel = Literal["xã", "phường", "đặc khu", "tỉnh", "thành phố"]
RecordKind = Literal["indicator", "task"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(_Model):
    file: str
    sha256: str
    format: SourceFormat
    pages: int | None = None
    ocr: bool = False


class Locality(_Model):
    level: LocalityLevel | None = None
    name: str | None = None
    code: str | None = Field(None, description="official administrative-unit code, as a string")
    province: str | None = None


class Plan(_Model):
    appendix: str | None = None
    title: str | None = None
    number: str | None = None
    issued_on: str | None = Field(
        None, description="ISO date, only when day, month and year are all printed")
    issued_raw: str | None = None
    issuer: str | None = None
    locality: Locality = Field(default_factory=Locality)


class Column(_Model):
    header: str
    role: ColumnRole


class Section(_Model):
    number: str
    title: str


class Target(_Model):
    op: Op | None = None
    value: float | int | None = None
    upper: float | int | None = None
    unit: str | None = None
    text: str | None = None
    raw: str


class Deadline(_Model):
    kind: DeadlineKind
    start: str | None = Field(None, description="first day of the period, ISO date")
    end: str | None = Field(None, description="last day, ISO date (the date for a date)")
    recurrence: Recurrence | None = None
    raw: str


class Agency(_Model):
    role: AgencyRole
    id: str | None = None
    name: str
    raw: str
    score: float = Field(ge=0, le=1)


class IndicatorLink(_Model):
    """The catalog indicator a record measures (v1.1): records of several plans that carry
    the same id can be compared side by side."""

    id: str = Field(description="the catalog id, e.g. xhs.tai_khoan_thanh_toan")
    name: str = Field(description="the catalog's canonical name of the indicator")
    score: float = Field(ge=0, le=1, description="match confidence, 0–1")


class RecordSource(_Model):
    page: int | None = None
    lines: list[int] | None = Field(None, min_length=2, max_length=2)
    bbox: list[float] | None = Field(None, min_length=4, max_length=4)
    ocr_confidence: float | None = Field(
        None, ge=0, le=1, description="OCR'd rows: the lowest mean word confidence of the "
                                      "row's lines, 0–1; null for text that was not OCR'd")


class Record(_Model):
    key: str
    number: str | None = None
    section: list[Section] = Field(default_factory=list)
    kind: RecordKind
    name: str
    target: Target | None = None
    baseline: Target | None = None
    deadline: Deadline | None = None
    agencies: list[Agency] = Field(default_factory=list)
    indicator: IndicatorLink | None = Field(
        None, description="v1.1: the catalog indicator this record measures; null for a task "
                          "or when no catalog indicator fits (warning indicator_unmatched)")
    note: str | None = None
    source: RecordSource = Field(default_factory=RecordSource)
    warnings: list[str] = Field(default_factory=list)


class Document(_Model):
    schema_version: Literal["1"] = SCHEMA_VERSION
    source: Source
    plan: Plan = Field(default_factory=Plan)
    columns: list[Column] = Field(default_factory=list)
    records: list[Record] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


def json_schema() -> dict:
    """The JSON Schema of one output document."""
    schema = Document.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "chitieu canonical indicator document, contract v1"
    return schema
