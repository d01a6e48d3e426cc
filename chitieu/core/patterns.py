"""Patterns compiled on first use.

`regex` and `re` compile in Python, 0.1–5 ms a pattern, and a module that compiles its
patterns at import makes every process pay for all of them: a one-file `chitieu convert`
used fewer than half of the ~130 it compiled. `lazy(regex.compile, r"…", flags)` stands
for the compiled pattern and compiles it the first time one of its attributes is asked
for; each attribute is then kept on the stand-in, so later calls cost what they cost on
the compiled pattern itself.

`compile_re` is `re.compile` with its compiled code kept in the cache folder
(chitieu.core.cache) for the next process: the standard library's compiler is written in
Python (7 ms for the target grammar) and its output, the program `_sre` runs, depends only
on the pattern, the flags and the Python version. A stored program is used only when the
pattern built from it was found equal to `re.compile`'s (patterns compare by their program)
when it was stored.
"""

from __future__ import annotations

import atexit
import hashlib
import re
import sys
from collections.abc import Callable
from typing import Any

from chitieu.core import cache


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
            found = self.__dict__["_compiled"] = self._compile(pattern, flags, **options)
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


def compile_re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from the program an earlier process stored if any."""
    programs = _Programs.get()
    key = (pattern, int(flags))
    stored = programs.known.get(key)
    if stored is not None:
        try:
            found = _from_program(pattern, stored)
        except Exception:  # another Python's program: compile as usual
            programs.known.pop(key, None)
        else:
            programs.used.add(key)
            return found
    compiled = re.compile(pattern, flags)
    programs.learn(key, compiled)
    return compiled


def _from_program(pattern: str, program: tuple) -> re.Pattern[str]:
    import _sre

    flags, code, groups, groupindex, indexgroup = program
    return _sre.compile(pattern, flags, code, groups, groupindex, indexgroup)


def _program(pattern: str, flags: int) -> tuple | None:
    """What re._compiler.compile hands to _sre.compile, or None where it cannot be had."""
    try:
        from re import _compiler, _parser

        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        # plain ints: the compiler's named opcodes do not pickle
        return (int(flags | parsed.state.flags), [int(c) for c in code],
                parsed.state.groups - 1, groupindex, tuple(indexgroup))
    except Exception:
        return None


class _Programs:
    """The stored programs of this Python, loaded once; new ones written at exit, the
    newest and the ones this process used kept (a pattern built from a set changes its
    text from process to process)."""

    _loaded: _Programs | None = None
    NAME = "re-programs"
    KEEP = 500

    def __init__(self) -> None:
        self.key = hashlib.sha256(f"{self.NAME}\0{sys.version}".encode()).hexdigest()
        found = cache.read(self.NAME, self.key)
        self.known: dict[tuple[str, int], tuple] = found[0] if found else {}
        self.new: dict[tuple[str, int], tuple] = {}
        self.used: set[tuple[str, int]] = set()

    @classmethod
    def get(cls) -> _Programs:
        if cls._loaded is None:
            cls._loaded = cls()
        return cls._loaded

    def learn(self, key: tuple[str, int], compiled: re.Pattern[str]) -> None:
        if cache.cache_dir() is None:
            return
        program = _program(*key)
        try:
            same = program is not None and _from_program(key[0], program) == compiled
        except Exception:
            same = False
        if not same:
            return
        if not self.new:
            atexit.register(self.save)
        self.known[key] = self.new[key] = program

    def save(self) -> None:
        found = cache.read(self.NAME, self.key)  # what other processes stored meanwhile
        programs = {k: v for k, v in (found[0] if found else {}).items() if k not in self.used}
        programs |= {k: self.known[k] for k in self.used if k in self.known} | self.new
        cache.write(self.NAME, self.key, dict(list(programs.items())[-self.KEEP:]))
