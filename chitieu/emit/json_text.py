"""JSON text written in Python with the layout and number spelling of pydantic-core's
`to_json`: 2-space indent (or compact, "," and ":"), UTF-8 without ASCII escapes, a float as
Python's repr except 1e-05 → 0.00001 and 2.5e-06 → 2.5e-6.

`to_json` writes any plain value (dict, list, str, number, bool, None). The contract's
objects are written by a function generated once per class and indentation from the class's
fields (`object_writer`): each field's key and layout are constant text, its value a
conditional expression for the kind it is declared as (a string, a number, an object of a
class, a list of them), anything unexpected handed to `to_json`. That writes a record faster
than building its dict and handing it to pydantic-core's Rust writer, and needs no pydantic.
"""

from __future__ import annotations

import math
import types
import typing
from collections.abc import Callable
from json.encoder import encode_basestring
from typing import Any

from chitieu.core.cache import compiled
from chitieu.models import MODELS, Target, field_types

STEP = "  "
# fields written as measures: a whole number as a JSON integer (70, not 70.0)
_MEASURE_FIELDS = {Target: ("value", "upper")}


def to_json(value: Any, indent: int | None = None) -> str:
    """JSON text of plain values (dict, list, str, int, float, bool, None): compact, or
    indented by `indent` spaces a level with ", " → ",\n" and ": " after keys."""
    out: list[str] = []
    _write(value, out.append, "\n" if indent else "", " " * (indent or 0))
    return "".join(out)


def _write(value: Any, put: Callable[[str], None], newline: str, step: str) -> None:
    # `newline` is "\n" plus the current indentation ("" when compact); strings and null,
    # most of a document's values, are written in the loops without a call
    kind = type(value)
    if kind is dict:
        if not value:
            put("{}")
            return
        inner = newline + step
        colon = ": " if newline else ":"
        between = "{" + inner
        for key, item in value.items():
            put(between)
            put(encode_basestring(key))
            put(colon)
            if type(item) is str:
                put(encode_basestring(item))
            elif item is None:
                put("null")
            else:
                _write(item, put, inner, step)
            between = "," + inner
        put(newline + "}")
    elif kind is list or kind is tuple:
        if not value:
            put("[]")
            return
        inner = newline + step
        between = "[" + inner
        for item in value:
            put(between)
            if type(item) is str:
                put(encode_basestring(item))
            else:
                _write(item, put, inner, step)
            between = "," + inner
        put(newline + "]")
    elif isinstance(value, str):
        put(encode_basestring(value))
    elif isinstance(value, dict):
        _write(dict(value), put, newline, step)
    elif isinstance(value, list | tuple):
        _write(list(value), put, newline, step)
    elif kind in MODELS and step in ("", STEP):  # an object in a tuple, a dict …
        put(object_writer(kind, (len(newline) - 1) // len(STEP) if newline else None)(value))
    elif hasattr(kind, "model_fields"):
        _write(value.model_dump(), put, newline, step)
    else:
        put(_scalar(value))


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    raise TypeError(f"{type(value).__name__} cannot be written as JSON")


def _float(value: float) -> str:
    # the same few scores and values recur in every record: each spelled once. (0.0 and
    # -0.0 are one key with two spellings: never kept; NaN is no key: it is never found)
    text = _FLOAT_TEXTS.get(value)
    if text is None:
        text = _spelled_float(value)
        if value:
            if len(_FLOAT_TEXTS) >= _MAX_FLOAT_TEXTS:
                _FLOAT_TEXTS.clear()
            _FLOAT_TEXTS[value] = text
    return text


_FLOAT_TEXTS: dict[float, str] = {}
_MAX_FLOAT_TEXTS = 4096


def _spelled_float(value: float) -> str:
    if not math.isfinite(value):
        raise ValueError(f"{value} cannot be written as JSON")
    text = float.__repr__(value)
    mark = text.find("e-")
    if mark < 0:
        return text
    exponent = int(text[mark + 2:])
    if exponent > 5:
        return f"{text[:mark]}e-{exponent}"
    # 1e-05, 1.5e-05: written out in full
    sign, digits = ("-", text[1:mark]) if text[0] == "-" else ("", text[:mark])
    return f"{sign}0.0000{digits.replace('.', '')}"


def _measure(value: float) -> str:
    """A measure's float: a whole number as an integer (NaN and infinity are not whole)."""
    if value.is_integer():
        return int.__repr__(int(value))
    return _float(value)


# ---------------------------------------------------------------- generated writers


def _newline(depth: int | None) -> str:
    """What goes before a line at `depth` (its indentation level); "" when compact."""
    return "" if depth is None else "\n" + STEP * depth


def any_value(value: Any, depth: int | None) -> str:
    """The JSON of any value ending at `depth` (the indentation of its closing bracket)."""
    if type(value) in MODELS:
        return object_writer(type(value), depth)(value)
    out: list[str] = []
    _write(value, out.append, _newline(depth), "" if depth is None else STEP)
    return "".join(out)


_WRITERS: dict[tuple[str, int | None], Callable[[Any], str]] = {}
_FIELD_WRITERS: dict[tuple[str, int | None], dict[str, Callable[[Any], str]]] = {}


def object_writer(cls: type, depth: int | None) -> Callable[[Any], str]:
    """The function writing an object of `cls` whose closing brace is at `depth` (None:
    compact), its fields in declaration order."""
    found = _WRITERS.get((cls.__name__, depth))
    if found is None:
        _load(cls, depth)
        found = _WRITERS[(cls.__name__, depth)]
    return found


def field_writers(cls: type, depth: int) -> dict[str, Callable[[Any], str]]:
    """For each field of `cls`, the function writing its value ending at `depth` (the
    object's own fields are at `depth` when the object ends at `depth` - 1)."""
    found = _FIELD_WRITERS.get((cls.__name__, depth))
    if found is None:
        _load(cls, depth - 1)
        found = _FIELD_WRITERS[(cls.__name__, depth)]
    return found


def _load(cls: type, depth: int | None) -> None:
    """Compile (or find in the cache folder, as an earlier process compiled them) the
    writers of `cls` at `depth` and of every object it holds, and register them."""
    code = compiled(_Source(cls, depth).text(), "<chitieu.emit.json_text>")
    namespace = {"_enc": encode_basestring, "_float": _float, "_measure": _measure,
                 "_float_texts": _FLOAT_TEXTS.get,
                 "_any": any_value, "_int": int.__repr__, "_null": "null", "_empty": "[]",
                 **{f"_{model.__name__}": model for model in MODELS}}
    exec(code, namespace)
    for (model, at), function in namespace["OBJECTS"].items():
        _WRITERS.setdefault((model, at), function)
    for (model, at), functions in namespace["FIELDS"].items():
        _FIELD_WRITERS.setdefault((model, at), functions)


def _inner(depth: int | None) -> int | None:
    return None if depth is None else depth + 1


class _Source:
    """The source of a module defining the writers of `cls` at `depth` and of each object
    in it (`write_<class>_<depth>`), and of `cls`'s fields' values (`FIELDS`)."""

    def __init__(self, cls: type, depth: int | None) -> None:
        self.constants: dict[str, str] = {}
        self.functions: list[str] = []
        self.objects: dict[tuple[str, int | None], str] = {}
        self.root = (cls, depth)

    def text(self) -> str:
        cls, depth = self.root
        self.object(cls, depth)
        fields = []
        for index, (name, annotation) in enumerate(field_types(cls).items()):
            expression = self.expression(annotation, "v", _inner(depth),
                                         name in _MEASURE_FIELDS.get(cls, ()))
            self.functions.append(f"def field_{index}(v):\n    return {expression}\n")
            fields.append(f"{name!r}: field_{index}")
        objects = ", ".join(f"{key!r}: {function}" for key, function in self.objects.items())
        return "".join([
            *(f"{name} = {value!r}\n" for name, value in self.constants.items()),
            *self.functions,
            f"OBJECTS = {{{objects}}}\n",
            f"FIELDS = {{({cls.__name__!r}, {_inner(depth)!r}): {{{', '.join(fields)}}}}}\n"])

    def constant(self, value: str) -> str:
        name = f"_text_{len(self.constants)}"
        for known, text in self.constants.items():
            if text == value:
                return known
        self.constants[name] = value
        return name

    def object(self, cls: type, depth: int | None) -> str:
        """The name of the function writing an object of `cls` ending at `depth`."""
        key = (cls.__name__, depth)
        if key in self.objects:
            return self.objects[key]
        function = self.objects[key] = f"write_{cls.__name__}_{'c' if depth is None else depth}"
        inner = _inner(depth)
        colon = ":" if depth is None else ": "
        lines, pieces, keys = [], [], []
        for index, (name, annotation) in enumerate(field_types(cls).items()):
            lines.append(f"    v{index} = o.{name}\n")
            expression = self.expression(annotation, f"v{index}", inner,
                                         name in _MEASURE_FIELDS.get(cls, ()))
            lead = ("{" if index == 0 else ",") + _newline(inner) + encode_basestring(name) \
                + colon
            kind = _scalar_kind(annotation)
            if kind == "number":  # its key is its text: 0.0 and -0.0, 1 and 1.0 are apart
                lines.append(f"    n{index} = {expression}\n")
                expression = f"n{index}"
            keys.append(f"n{index}" if kind == "number" else f"v{index}" if kind else None)
            pieces.append(_literal(lead) + "{" + expression + "}")
        text = "".join(pieces) + _literal(_newline(depth) + "}") if pieces else "{{}}"
        if keys and None not in keys:
            self.functions.append(_kept_writer(function, lines, keys, text))
        else:
            self.functions.append(f"def {function}(o):\n" + "".join(lines)
                                  + f"    return f'{text}'\n")
        return function

    def expression(self, annotation: Any, var: str, depth: int | None,
                   measure: bool = False) -> str:
        """Source of an expression writing `var`, declared as `annotation`, ending at
        `depth`: the declared kind written inline, None as null, anything else by
        `any_value`."""
        options = [a for a in _union(annotation) if a is not type(None)]
        other = f"_null if {var} is None else _any({var}, {depth})"
        kind = options[0] if len(options) == 1 else None
        if kind is int:
            return f"(_int({var}) if {var}.__class__ is int else {other})"
        if kind is float or (options and all(o in (float, int) for o in options)):
            # a float field may be given an int, kept as it is (as pydantic keeps it)
            # (a float spelled before is looked up in C first: no call of `_float`)
            writer = (f"_measure({var})" if measure
                      else f"(_float_texts({var}) or _float({var}))")
            return (f"({writer} if {var}.__class__ is float else _int({var}) if "
                    f"{var}.__class__ is int else {other})")
        if kind is str or (typing.get_origin(kind) is typing.Literal and all(
                isinstance(a, str) for a in typing.get_args(kind))):
            return f"(_enc({var}) if {var}.__class__ is str else {other})"
        if kind in MODELS:
            return (f"({self.object(kind, depth)}({var}) if {var}.__class__ is "
                    f"_{kind.__name__} else {other})")
        if typing.get_origin(kind) is list:
            item = self.expression(typing.get_args(kind)[0], "x", _inner(depth))
            opening = self.constant("[" + _newline(_inner(depth)))
            between = self.constant("," + _newline(_inner(depth)))
            closing = self.constant(_newline(depth) + "]")
            return (f"((({opening} + {between}.join([{item} for x in {var}]) + {closing})"
                    f" if {var} else _empty) if {var}.__class__ is list else {other})")
        return f"_any({var}, {depth})"


def _scalar_kind(annotation: Any) -> str | None:
    """"text" for a field declared a string (or strings' Literal), "number" for an int or a
    float (with None or not), None for anything else."""
    options = [a for a in _union(annotation) if a is not type(None)]
    if options and all(o in (float, int) for o in options):
        return "number"
    if len(options) == 1 and (options[0] is str or (
            typing.get_origin(options[0]) is typing.Literal
            and all(isinstance(a, str) for a in typing.get_args(options[0])))):
        return "text"
    return None


# Objects of only text and number fields (an agency, a target, a section, the indicator
# link) recur from record to record: each one's text is kept by its values (`keys`: a text
# field's value — a string says its own text —, a number field's text). At most this many
# are kept per writer.
_MAX_KEPT = 8192


def _kept_writer(function: str, lines: list[str], keys: list[str], text: str) -> str:
    """The source of a writer that writes each object's text once per set of values."""
    kept = f"_kept_{function}"
    return (f"{kept} = {{}}\n"
            f"def {function}(o):\n" + "".join(lines)
            + f"    key = ({', '.join(keys)},)\n"
            f"    text = {kept}.get(key)\n"
            f"    if text is None:\n"
            f"        if len({kept}) >= {_MAX_KEPT}:\n"
            f"            {kept}.clear()\n"
            f"        text = {kept}[key] = f'{text}'\n"
            f"    return text\n")


def _literal(text: str) -> str:
    """`text` as the literal part of an f-string between single quotes."""
    assert "'" not in text and "\\" not in text.replace("\n", "")
    return text.replace("{", "{{").replace("}", "}}").replace("\n", "\\n")


def _union(annotation: Any) -> tuple:
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        return typing.get_args(annotation)
    return (annotation,)
