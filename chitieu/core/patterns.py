"""Patterns compiled on first use.

`regex` and `re` compile in Python, 0.1–5 ms a pattern, and a module that compiles its
patterns at import makes every process pay for all of them: a one-file `chitieu convert`
used fewer than half of the ~130 it compiled. `lazy(regex.compile, r"…", flags)` stands
for the compiled pattern and compiles it the first time one of its attributes is asked
for; each attribute is then kept on the stand-in, so later calls cost what they cost on
the compiled pattern itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


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
