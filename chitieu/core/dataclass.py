"""`dataclass` with its methods compiled once, not at every import.

`dataclasses.dataclass` writes each class's `__init__`, `__repr__`, `__eq__` … as Python
source and compiles it when its module is imported: ~0.5 ms a class, a sixth of a one-file
`chitieu convert` (about fifty classes), and `dataclasses` itself imports `inspect` (5 ms).
This `dataclass` writes the same methods the same way and keeps their compiled code in the
cache folder (`chitieu.core.cache`), found by the source itself: a later process loads it.

It does what chitieu's classes ask of `dataclasses.dataclass`: fields with defaults and
default factories, `field(init=False, repr=False, compare=False)`, `__post_init__`,
`frozen`, `slots`, `eq` with the hash that goes with it, pickling. `replace`,
`field_names` and `as_dict` stand for `dataclasses.replace`, `fields` and a shallow
`asdict`. No inheritance between these classes, no `ClassVar`: a class that needs more
uses `dataclasses` itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, dataclass_transform

from chitieu.core import cache

T = TypeVar("T")

_MISSING: Any = type("_Missing", (), {"__repr__": lambda self: "MISSING"})()


class FrozenInstanceError(AttributeError):
    """Assigning to a field of a frozen dataclass."""


class Field:
    """What `field(...)` declares for one attribute."""

    __slots__ = ("compare", "default", "default_factory", "init", "name", "repr")

    def __init__(self, default: Any = _MISSING, default_factory: Any = _MISSING,
                 init: bool = True, repr: bool = True, compare: bool = True) -> None:
        self.name = ""
        self.default, self.default_factory = default, default_factory
        self.init, self.repr, self.compare = init, repr, compare


def field(*, default: Any = _MISSING, default_factory: Callable[[], Any] = _MISSING,
          init: bool = True, repr: bool = True, compare: bool = True) -> Any:
    """A field's default (`default=`, or a fresh `default_factory()` per object) and whether
    `__init__`, `__repr__` and `__eq__` take it, as `dataclasses.field`."""
    return Field(default, default_factory, init, repr, compare)


@dataclass_transform(field_specifiers=(field,))
def dataclass(cls: type[T] | None = None, /, *, frozen: bool = False, slots: bool = False,
              eq: bool = True) -> Any:
    """`dataclasses.dataclass` (with `frozen`, `slots`, `eq`), its methods compiled once."""
    def wrap(cls: type[T]) -> type[T]:
        return _build(cls, frozen=frozen, slots=slots, eq=eq)

    return wrap if cls is None else wrap(cls)


def field_names(obj: Any) -> tuple[str, ...]:
    """The names of the fields of a dataclass (or of one of its objects), in order."""
    return tuple(f.name for f in obj.__record_fields__)


def as_dict(obj: Any) -> dict[str, Any]:
    """A dataclass object's fields by name: the values themselves (`dataclasses.asdict` copies them
    deeply; the callers here only write them out)."""
    return {f.name: getattr(obj, f.name) for f in obj.__record_fields__}


def replace(obj: T, **changes: Any) -> T:
    """A copy of `obj` with `changes`, made by its class's `__init__`."""
    for f in obj.__record_fields__:
        if f.init and f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def _build(cls: type, *, frozen: bool, slots: bool, eq: bool) -> type:
    fields = _fields(cls)
    names = {"_cls": cls, "_setattr": object.__setattr__, "_Frozen": FrozenInstanceError,
             "_MISSING": _MISSING}
    for f in fields:
        names[f"_default_{f.name}"] = f.default
        names[f"_factory_{f.name}"] = f.default_factory
    own_hash = cls.__dict__.get("__hash__", _MISSING)
    # dataclass's rule: a hash the class defines stays; else eq and frozen hash the compared
    # fields, eq alone makes objects unhashable
    explicit_hash = not (own_hash is _MISSING or (own_hash is None and "__eq__" in cls.__dict__))
    wanted = {"__init__": True, "__repr__": True, "__eq__": eq,
              "__hash__": eq and frozen and not explicit_hash,
              "__setattr__": frozen, "__delattr__": frozen,
              # pickle sets no attribute on a frozen object with slots: it asks for its state
              "__getstate__": frozen and slots, "__setstate__": frozen and slots}
    methods = [name for name, want in wanted.items()
               if want and (name == "__hash__" or name not in cls.__dict__)]
    post_init = hasattr(cls, "__post_init__")
    source = "\n".join(_SOURCES[name](fields, frozen, post_init) for name in methods)
    exec(_compiled(source), names)  # our own source, written above
    for name in methods:
        function = names[name]
        function.__qualname__ = f"{cls.__qualname__}.{name}"
        setattr(cls, name, function)
    if eq and not frozen and not explicit_hash:
        cls.__hash__ = None
    cls.__record_fields__ = fields
    cls.__match_args__ = tuple(f.name for f in fields if f.init)
    for f in fields:  # a default stays a class attribute, as with dataclass; a Field goes
        if isinstance(cls.__dict__.get(f.name), Field):
            if f.default is _MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    return _with_slots(cls, fields, frozen) if slots else cls


def _fields(cls: type) -> tuple[Field, ...]:
    fields = []
    # the class's own annotations (inspect.get_annotations would import inspect: 5 ms)
    for name, annotation in cls.__dict__.get("__annotations__", {}).items():  # noqa: RUF063
        if str(annotation).startswith(("ClassVar", "InitVar", "typing.ClassVar")):
            raise TypeError(f"{cls.__name__}.{name}: no ClassVar or InitVar here: use dataclasses")
        value = cls.__dict__.get(name, _MISSING)
        declared = value if isinstance(value, Field) else Field(default=value)
        declared.name = name
        fields.append(declared)
    return tuple(fields)


def _init(fields: tuple[Field, ...], frozen: bool, post_init: bool) -> str:
    parameters, body = ["self"], []
    for f in fields:
        if f.init:
            if f.default is not _MISSING:
                parameters.append(f"{f.name}=_default_{f.name}")
            elif f.default_factory is not _MISSING:
                parameters.append(f"{f.name}=_MISSING")
            else:
                parameters.append(f.name)
        value = f.name
        if f.default_factory is not _MISSING:
            value = (f"_factory_{f.name}() if {f.name} is _MISSING else {f.name}" if f.init
                     else f"_factory_{f.name}()")
        elif not f.init:
            if f.default is _MISSING:
                continue  # set by __post_init__, as with dataclass
            value = f"_default_{f.name}"
        body.append(f"_setattr(self, {f.name!r}, {value})" if frozen
                    else f"self.{f.name} = {value}")
    defaults = ["=" in p for p in parameters[1:]]
    if any(defaults[i] and not defaults[i + 1] for i in range(len(defaults) - 1)):
        raise TypeError(f"a field without a default follows one with a default: {parameters}")
    if post_init:
        body.append("self.__post_init__()")
    return _function("__init__", ", ".join(parameters), body or ["pass"])


def _repr(fields: tuple[Field, ...], frozen: bool, post_init: bool) -> str:
    shown = ", ".join(f"{f.name}={{self.{f.name}!r}}" for f in fields if f.repr)
    return _function("__repr__", "self",
                     [f'return f"{{self.__class__.__qualname__}}({shown})"'])


def _eq(fields: tuple[Field, ...], frozen: bool, post_init: bool) -> str:
    mine = "".join(f"self.{f.name}," for f in fields if f.compare)
    theirs = "".join(f"other.{f.name}," for f in fields if f.compare)
    return _function("__eq__", "self, other", [
        "if other.__class__ is self.__class__:",
        f"    return ({mine}) == ({theirs})",
        "return NotImplemented"])


def _setattr_frozen(fields: tuple[Field, ...], frozen: bool, post_init: bool) -> str:
    return _function("__setattr__", "self, name, value", [
        f"if type(self) is _cls or name in {tuple(f.name for f in fields)!r}:",
        "    raise _Frozen(f'cannot assign to field {name!r}')",
        "super(_cls, self).__setattr__(name, value)"])


def _delattr_frozen(fields: tuple[Field, ...], frozen: bool, post_init: bool) -> str:
    return _function("__delattr__", "self, name", [
        f"if type(self) is _cls or name in {tuple(f.name for f in fields)!r}:",
        "    raise _Frozen(f'cannot delete field {name!r}')",
        "super(_cls, self).__delattr__(name)"])


def _hash(fields: tuple[Field, ...], frozen: bool, post_init: bool) -> str:
    return _function("__hash__", "self",
                     [f"return hash(({''.join(f'self.{f.name},' for f in fields if f.compare)}))"])


def _getstate(fields: tuple[Field, ...], frozen: bool, post_init: bool) -> str:
    return _function("__getstate__", "self",
                     [f"return [{', '.join(f'self.{f.name}' for f in fields)}]"])


def _setstate(fields: tuple[Field, ...], frozen: bool, post_init: bool) -> str:
    names = "".join(f"{f.name}, " for f in fields)
    return _function("__setstate__", "self, state", [f"{names}= state"] + [
        f"_setattr(self, {f.name!r}, {f.name})" for f in fields] if fields else ["pass"])


_SOURCES = {"__init__": _init, "__repr__": _repr, "__eq__": _eq, "__hash__": _hash,
            "__setattr__": _setattr_frozen, "__delattr__": _delattr_frozen,
            "__getstate__": _getstate, "__setstate__": _setstate}


def _function(name: str, parameters: str, body: list[str]) -> str:
    return f"def {name}({parameters}):\n" + "".join(f"    {line}\n" for line in body)


def _with_slots(cls: type, fields: tuple[Field, ...], frozen: bool) -> type:
    """The class made again with `__slots__` (as dataclass's slots=True does)."""
    namespace = dict(cls.__dict__)
    names = tuple(f.name for f in fields)
    for name in (*names, "__dict__", "__weakref__"):
        namespace.pop(name, None)
    namespace["__slots__"] = names
    made = type(cls)(cls.__name__, cls.__bases__, namespace)
    made.__qualname__ = cls.__qualname__
    for method in ("__setattr__", "__delattr__"):  # they name the class they guard
        function = namespace.get(method)
        if function is not None and getattr(function, "__globals__", {}).get("_cls") is cls:
            function.__globals__["_cls"] = made
    return made


# -- compiled once ------------------------------------------------------------------------


def _compiled(source: str) -> Any:
    """The code of `source`, as an earlier process compiled it with this Python."""
    return cache.compiled(source, "<chitieu.core.dataclass>")


__all__ = ["FrozenInstanceError", "as_dict", "dataclass", "field", "field_names", "replace"]
