"""The output contract (SCHEMA.md v1).

Field order here is the key order of the emitted JSON; the JSON Schema that `chitieu schema`
prints is generated from these classes, so they are the single source of the contract.

The classes are plain Python objects with pydantic's names for what the pipeline uses
(keyword construction, `model_copy`, `model_dump`, `model_fields`): converting a file does
not import pydantic (~80 ms of a one-file `chitieu convert`). The numbers and lists are
taken as pydantic took them (an int given for a float field becomes a float, a list is
copied, a dict given for a model field becomes that model) and nothing else is checked: the
pipeline builds valid records. Each class's constructor is generated from its fields when
the class is made (as fast per record as pydantic's validator in Rust). `model_validate`,
`model_validate_json` and `model_json_schema` go through a pydantic twin of each class,
built on first use from the same declarations, for what comes from outside (corrections, a
JSON read back) and for the schema.
"""

from __future__ import annotations

import copy
import types
import typing
from typing import Any, ClassVar, Literal

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


_REQUIRED: Any = object()
_MODULE_MADE = False  # until the end of this module: see _install_constructors


class _FieldSpec:
    """A field's default and its JSON Schema keywords (description, bounds), as pydantic's
    `Field` takes them."""

    __slots__ = ("annotation", "default", "default_factory", "schema")

    def __init__(self, default: Any, default_factory: Any, schema: dict[str, Any]) -> None:
        self.annotation = ""
        self.default, self.default_factory, self.schema = default, default_factory, schema

    def is_required(self) -> bool:
        return self.default is _REQUIRED and self.default_factory is None


def Field(default: Any = _REQUIRED, *, default_factory: Any = None, **schema: Any) -> Any:
    return _FieldSpec(default, default_factory, schema)


class _Model:
    """Keyword construction in field order; see the module's docstring."""

    model_fields: ClassVar[dict[str, _FieldSpec]] = {}
    # (name, may hold models or lists) per field: plain values are dumped as they are
    _dump_plan: ClassVar[tuple[tuple[str, bool], ...]] = ()
    _types: ClassVar[dict[str, Any]] = {}
    _twin: ClassVar[Any] = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        fields: dict[str, _FieldSpec] = {}
        # the class's own annotations, as inspect.get_annotations gives them (importing
        # inspect costs a one-file convert 5 ms)
        for name, annotation in cls.__dict__.get("__annotations__", {}).items():  # noqa: RUF063
            if annotation.startswith("ClassVar"):
                continue
            spec = cls.__dict__.get(name, _REQUIRED)
            if not isinstance(spec, _FieldSpec):
                spec = _FieldSpec(spec, None, {})
            spec.annotation = annotation
            fields[name] = spec
            if name in cls.__dict__:
                delattr(cls, name)
        cls.model_fields = fields
        cls._types = {name: _evaluated(spec.annotation) for name, spec in fields.items()}
        cls._dump_plan = tuple((name, _may_nest(kind)) for name, kind in cls._types.items())
        if _MODULE_MADE:  # a class made after this module's: its constructor now
            _install_constructors([cls])
        cls._twin = None

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.__dict__ == other.__dict__

    __hash__ = None  # type: ignore[assignment]  # mutable, as pydantic's models

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={self.__dict__[name]!r}" for name in self.model_fields)
        return f"{type(self).__name__}({fields})"

    def model_copy(self, *, update: dict[str, Any] | None = None, deep: bool = False) -> Any:
        """A copy with `update`'s values (taken as given, as pydantic does)."""
        if deep:
            new = copy.deepcopy(self)
        else:
            new = object.__new__(type(self))
            new.__dict__.update(self.__dict__)
        if update:
            new.__dict__.update(update)
        return new

    def model_dump(self, *, mode: str = "python", exclude: set[str] | None = None
                   ) -> dict[str, Any]:
        """Plain values, in field order; `mode` "json" gives the same (every value is a JSON
        value already)."""
        values = self.__dict__
        if exclude is None:
            return {name: _dump(values[name]) if nested else values[name]
                    for name, nested in self._dump_plan}
        return {name: _dump(values[name]) if nested else values[name]
                for name, nested in self._dump_plan if name not in exclude}

    @classmethod
    def model_validate(cls, obj: Any) -> Any:
        """`obj` (a dict) checked against the contract by pydantic: raises its
        ValidationError."""
        return _from_twin(cls.pydantic_model().model_validate(obj))

    @classmethod
    def model_validate_json(cls, data: str | bytes) -> Any:
        return _from_twin(cls.pydantic_model().model_validate_json(data))

    @classmethod
    def model_json_schema(cls, mode: str = "validation") -> dict[str, Any]:
        return cls.pydantic_model().model_json_schema(mode=mode)

    @classmethod
    def pydantic_model(cls) -> Any:
        """The pydantic twin of this class (built once, with pydantic imported then)."""
        if cls._twin is None:
            cls._twin = _build_twin(cls)
        return cls._twin


def _dump(value: Any) -> Any:
    if isinstance(value, _Model):
        return value.model_dump()
    if isinstance(value, list):
        return [_dump(item) for item in value]
    return value


def field_types(cls: type[_Model]) -> dict[str, Any]:
    """Each field's annotation, resolved (the classes' annotations are strings)."""
    return cls._types


# The constructor of each class is generated from its fields (a keyword-only parameter per
# field, defaults in place, each value taken as pydantic took it, inline): a generic loop over
# the fields cost twice pydantic's Rust validator per record. This module's classes get theirs
# at its end, compiled together (~1 ms; the ground floor may not use chitieu.core.cache to
# keep the code, as the JSON writers do).
_MISSING: Any = object()
_INTS = (int, bool)


def _install_constructors(classes: list[type[_Model]]) -> None:
    namespace = dict(globals())
    exec(compile("".join(map(_constructor_source, classes)), "<chitieu.models>", "exec"),
         namespace)
    for cls in classes:
        init = namespace[f"_init_{cls.__name__}"]
        init.__qualname__ = f"{cls.__name__}.__init__"
        init.__module__ = cls.__module__
        cls.__init__ = init  # type: ignore[method-assign]


def _constructor_source(cls: type[_Model]) -> str:
    parameters, body = [], []
    for name, spec in cls.model_fields.items():
        if name in _RESERVED or isinstance(globals().get(name), type):  # a class used here
            raise TypeError(f"{cls.__name__}: a field cannot be named {name!r}")
        take = _taking(cls._types[name], name)
        if spec.default_factory is not None:
            parameters.append(f"{name}=_MISSING")
            made = ("[]" if spec.default_factory is list
                    else f"{cls.__name__}.model_fields[{name!r}].default_factory()")
            body.append(f"    if {name} is _MISSING:\n        {name} = {made}")
            if take:
                body.append("    else:\n" + "\n".join("    " + line for line in take))
        else:
            if spec.default is _REQUIRED:
                parameters.append(name)
            else:
                parameters.append(f"{name}={cls.__name__}.model_fields[{name!r}].default")
            body.extend(take)
        body.append(f"    self.{name} = {name}")
    return (f"def _init_{cls.__name__}(self, *, {', '.join(parameters)}):\n"
            + "\n".join(body or ["    pass"]) + "\n")


# names the generated constructors use, besides the classes: no field may take one
_RESERVED = {"self", "v", "float", "list", "dict", "isinstance", "_MISSING", "_INTS"}


def _taking(annotation: Any, name: str) -> list[str]:
    """Source lines taking the value `name` as its field takes it: an int given for a float
    becomes a float, a dict given for a model becomes that model, a list given is copied."""
    options = [a for a in _union(annotation) if a is not type(None)]
    if len(options) != 1:
        return []  # `float | int`: a number is kept as it is
    kind = options[0]
    if kind is float:
        return [f"    if {name}.__class__ in _INTS:", f"        {name} = float({name})"]
    if isinstance(kind, type) and issubclass(kind, _Model):
        return [f"    if {name}.__class__ is not {kind.__name__} and isinstance({name}, dict):",
                f"        {name} = {kind.__name__}(**{name})"]
    if typing.get_origin(kind) is list:
        item = _item_taking(typing.get_args(kind)[0])
        return [f"    if {name} is not None:",
                f"        {name} = {f'[{item} for v in {name}]' if item else f'list({name})'}"]
    return []


def _item_taking(annotation: Any) -> str | None:
    """An expression taking a list's item `v` as the list's field takes it, or None."""
    options = [a for a in _union(annotation) if a is not type(None)]
    if len(options) != 1:
        return None
    kind = options[0]
    if kind is float:
        return "float(v) if v.__class__ in _INTS else v"
    if isinstance(kind, type) and issubclass(kind, _Model):
        return f"{kind.__name__}(**v) if isinstance(v, dict) else v"
    return None


_EVALUATED: dict[str, Any] = {}


def _evaluated(annotation: str) -> Any:
    """An annotation's type, evaluated once per text ("str | None" is half the fields)."""
    found = _EVALUATED.get(annotation)
    if found is None:
        found = _EVALUATED[annotation] = eval(annotation, globals())
    return found


def _may_nest(annotation: Any) -> bool:
    """Whether a field's value may hold models or lists (is not dumped as it is)."""
    options = [a for a in _union(annotation) if a is not type(None)]
    if len(options) != 1:
        return False
    kind = options[0]
    return (isinstance(kind, type) and issubclass(kind, _Model)) or \
        typing.get_origin(kind) is list


def _union(annotation: Any) -> tuple:
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        return typing.get_args(annotation)
    return (annotation,)


def _build_twin(cls: type[_Model]) -> Any:
    import pydantic

    namespace = dict(globals())
    for name, value in globals().items():
        if (isinstance(value, type) and issubclass(value, _Model) and value not in (_Model, cls)
                and value.__name__ in _mentioned(cls)):
            namespace[name] = value.pydantic_model()
    fields = {}
    for name, spec in cls.model_fields.items():
        default = ... if spec.is_required() else spec.default
        info = (pydantic.Field(default_factory=_twin_factory(spec.default_factory), **spec.schema)
                if spec.default_factory is not None else pydantic.Field(default, **spec.schema))
        fields[name] = (eval(spec.annotation, namespace), info)
    return pydantic.create_model(cls.__name__, __config__=pydantic.ConfigDict(extra="forbid"),
                                 __doc__=cls.__doc__, __module__=cls.__module__, **fields)


def _mentioned(cls: type[_Model]) -> set[str]:
    return {word for spec in cls.model_fields.values()
            for word in spec.annotation.replace("[", " ").replace("]", " ").replace("|", " ")
            .replace(",", " ").split()}


def _twin_factory(factory: Any) -> Any:
    if isinstance(factory, type) and issubclass(factory, _Model):
        return factory.pydantic_model()
    return factory


def _from_twin(value: Any) -> Any:
    """pydantic's validated object as these classes (values kept as pydantic made them)."""
    if isinstance(value, list):
        return [_from_twin(item) for item in value]
    plain = _PLAIN.get(type(value).__name__) if hasattr(value, "__pydantic_fields__") else None
    if plain is None:
        return value
    new = object.__new__(plain)
    new.__dict__.update((name, _from_twin(getattr(value, name))) for name in plain.model_fields)
    return new


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


_PLAIN = {cls.__name__: cls for cls in (Source, Locality, Plan, Column, Section, Target,
                                        Deadline, Agency, IndicatorLink, RecordSource, Record,
                                        Document)}
MODELS = tuple(_PLAIN.values())
_install_constructors(list(MODELS))
_MODULE_MADE = True


def json_schema() -> dict:
    """The JSON Schema of one output document."""
    schema = Document.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "chitieu canonical indicator document, contract v1"
    return schema
