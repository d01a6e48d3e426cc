"""Patterns compiled on first use.

`regex` and `re` compile in Python, 0.1–5 ms a pattern, and a module that compiles its
patterns at import makes every process pay for all of them: a one-file `chitieu convert`
used fewer than half of the ~130 it compiled. `lazy(regex.compile, r"…", flags)` stands
for the compiled pattern and compiles it the first time one of its attributes is asked
for; each attribute is then kept on the stand-in, so later calls cost what they cost on
the compiled pattern itself.

A pattern is also compiled once across processes: its compiled program (the list of
codes the engine runs) is kept in the cache folder, and a later process hands it to the
engine's C constructor without parsing the pattern again (~0.01 ms, not 0.1–5): `regex`
pickles a pattern with its program (`compile_regex`); for `re`, whose patterns pickle as
their text, `compile_re` keeps the arguments `re` gives `_sre.compile`. A one-file convert
compiled ~60 `re` patterns (~12 ms).
"""

from __future__ import annotations

import contextlib
import copyreg
import os
import re
import sys
from collections.abc import Callable
from typing import Any

from chitieu.core import cache
from chitieu.core.dataclass import dataclass

_REGEX_STORE: cache.Store | None = None
_RE_STORE: cache.Store | None = None


class LazyPattern:
    """A compiled pattern, compiled when first used (match, search, sub, pattern …)."""

    def __init__(self, compile_: Callable[..., Any], pattern: Any, flags: int = 0,
                 **options: Any) -> None:
        self._compile = compile_
        self._arguments = (pattern, flags, options)

    def compiled(self) -> Any:
        """The compiled pattern itself (for an API that wants a real one)."""
        found = self.__dict__.get("_compiled")
        if found is None:
            pattern, flags, options = self._arguments
            regex = sys.modules.get("regex")
            compile_ = (compile_re if self._compile is re.compile
                        else compile_regex if regex is not None and self._compile is regex.compile
                        else self._compile)
            found = self.__dict__["_compiled"] = compile_(pattern, flags, **options)
        return found

    def __getattr__(self, name: str) -> Any:
        # only for attributes not found on the stand-in: each is fetched once
        if name.startswith("__") or name in ("_compile", "_arguments", "_compiled"):
            raise AttributeError(name)
        value = getattr(self.compiled(), name)
        setattr(self, name, value)
        return value

    def __repr__(self) -> str:
        return f"lazy({self._arguments[0]!r})"


def lazy(compile_: Callable[..., Any], pattern: Any, flags: int = 0, **options: Any) -> Any:
    """`compile_(pattern, flags, **options)` on first use (typed as the pattern it gives)."""
    return LazyPattern(compile_, pattern, flags, **options)


@dataclass(frozen=True, slots=True)
class Written:
    """A pattern as written, to compile when first used: how a grammar built from data files
    keeps its patterns in the cache folder (writing them is what costs; see `lazy_fields`)."""

    pattern: str
    flags: int = 0


def lazy_fields(values: dict[str, Any], compile_: Callable[..., Any]) -> dict[str, Any]:
    """`values` with each `Written` pattern made `lazy(compile_, pattern, flags)`."""
    return {name: lazy(compile_, value.pattern, value.flags) if isinstance(value, Written)
            else value for name, value in values.items()}


# `regex`'s flags that chitieu's patterns use (the same numbers as `re`'s): named here so
# that a module does not import `regex` for them
IGNORECASE = 2
DOTALL = 16
# what `regex.escape` escapes by default (with any white space)
_REGEX_SPECIAL = frozenset("()[]{}?*+|^$\\.-#&~")


def escape(text: str) -> str:
    """`regex.escape(text)`: its special characters and white space behind a backslash."""
    return "".join("\\" + c if c in _REGEX_SPECIAL or c.isspace() else c for c in text)


def compile_regex(pattern: str, flags: int = 0, **options: Any) -> Any:
    """`regex.compile(pattern, flags, **options)`, as an earlier process compiled it when
    one did: the program `regex` pickles a pattern with (`_pickled_data`, what its C
    compile takes) is kept in the cache folder and handed to the C module alone
    (`_regex_engine`): `regex`'s Python half, its parser and compiler (~9 ms to import),
    is imported only to compile a pattern no earlier process kept."""
    global _REGEX_STORE
    if options:  # named lists: compiled here
        return _regex_package().compile(pattern, flags, **options)
    import marshal

    engine = _regex_engine()
    if _REGEX_STORE is None:
        _REGEX_STORE = cache.Store(f"regex-{_file_stamp(engine.__file__)}-"
                                   f"{sys.implementation.cache_tag}.marshal")
    key = (pattern, int(flags))
    found = _REGEX_STORE.get(key)
    if found is not None:
        try:
            compiled = engine.compile(*marshal.loads(found))
        except Exception:  # made by another regex: compiled again below
            pass
        else:
            if type(compiled) not in copyreg.dispatch_table:  # regex's own not imported
                copyreg.pickle(type(compiled), _pickle_regex)
            return compiled
    regex = _regex_package()
    compiled = regex.compile(pattern, flags)
    with contextlib.suppress(AttributeError, ValueError):  # a regex that keeps no program
        _REGEX_STORE.put(key, marshal.dumps(compiled._pickled_data))
    return compiled


def _regex_engine() -> Any:
    """`regex._regex`, the C module that runs compiled programs, loaded without the Python
    modules of its package when they are not imported yet (`import regex` later takes this
    one from sys.modules)."""
    engine = sys.modules.get("regex._regex")
    if engine is not None:
        return engine
    from importlib import machinery, util

    try:
        package = util.find_spec("regex")
        spec = machinery.PathFinder.find_spec("regex._regex",
                                              package.submodule_search_locations)
        engine = util.module_from_spec(spec)
        spec.loader.exec_module(engine)
    except Exception:  # installed some other way: the whole package
        import regex  # noqa: F401

        return sys.modules["regex._regex"]
    sys.modules["regex._regex"] = engine
    return engine


def _regex_package() -> Any:
    """`regex` itself (its parser and compiler), imported when a pattern must be compiled;
    the C module loaded alone before is its `_regex` (the import found it in sys.modules,
    which leaves the package's attribute unset)."""
    import regex

    if not hasattr(regex, "_regex"):
        regex._regex = sys.modules["regex._regex"]
    return regex


def _pickle_regex(pattern: Any) -> tuple[Any, Any]:
    """How `regex` pickles a pattern (`regex._main._pickle`): its C compile and program."""
    return sys.modules["regex._regex"].compile, pattern._pickled_data


def _file_stamp(path: str) -> str:
    """A file's size and modification time (a new build of the engine, a new stamp)."""
    stat = os.stat(path)
    return f"{stat.st_size:x}{stat.st_mtime_ns:x}"


def compile_re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)` (an equal pattern: same text, flags and program), with
    the program an earlier process compiled when one did.

    `re.compile` parses the pattern (`re._parser.parse`), writes its program
    (`re._compiler._code`) and hands both to `_sre.compile`, whose arguments are plain
    values: they are kept, keyed by the pattern, for this very Python (`_sre.MAGIC` and the
    version name the program format). Anything unexpected falls back to `re.compile`."""
    global _RE_STORE
    flags = int(flags)
    if not isinstance(pattern, str) or flags & (re.DEBUG | re.TEMPLATE):
        return re.compile(pattern, flags)
    import _sre
    import marshal

    if _RE_STORE is None:
        _RE_STORE = cache.Store(f"re-{sys.implementation.cache_tag}-{sys.hexversion:x}-"
                                f"{_sre.MAGIC}.marshal")
    key = (pattern, flags)
    found = _RE_STORE.get(key)
    if found is not None:
        try:
            return _sre.compile(pattern, *marshal.loads(found))
        except Exception:  # made by other code: compiled again below
            pass
    try:
        arguments = _program(pattern, flags)
        compiled = _sre.compile(pattern, *arguments)
    except Exception:  # another `re` than the one written for: its own compile
        return re.compile(pattern, flags)
    _RE_STORE.put(key, marshal.dumps(arguments))
    return compiled


def _program(pattern: str, flags: int) -> tuple[Any, ...]:
    """What `re._compiler.compile` passes `_sre.compile` after the pattern: flags, program,
    group count, the groups by name and by number (errors as `re.compile` raises them)."""
    from re import _compiler, _parser

    parsed = _parser.parse(pattern, flags)
    # the codes are ints, some of them named (`re._constants`): plain ints for marshal
    code = [int(c) for c in _compiler._code(parsed, flags)]
    by_name = parsed.state.groupdict
    by_number: list[str | None] = [None] * parsed.state.groups
    for name, number in by_name.items():
        by_number[number] = name
    return (flags | parsed.state.flags, code, parsed.state.groups - 1, by_name,
            tuple(by_number))
