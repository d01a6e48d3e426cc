"""chitieu's loggers, with `logging` imported when it is first needed.

A one-file convert logs nothing, and importing `logging` costs ~10 ms (traceback, tokenize,
textwrap, threading and string come with it). The library's modules log through
`get_logger(__name__)`, which stands for `logging.getLogger(__name__)` and imports `logging`
when a message is first logged. The application (the CLI) hands its log settings to
`settings`: they are made at once when `logging` is already imported, else when it is first
needed — by a chitieu logger, or by a reader of a format whose libraries log (`ready`, called
before they are imported).
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

# the settings of the blocks of `settings` not made yet, in the order given
_waiting: list[Callable[[ModuleType], None]] = []


class Logger:
    """`logging.getLogger(name)`, fetched (and `logging` imported) at its first use."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __getattr__(self, attribute: str) -> Any:  # debug, info, warning, isEnabledFor …
        return getattr(ready().getLogger(self.name), attribute)

    def __repr__(self) -> str:
        return f"<chitieu logger {self.name}>"


def get_logger(name: str) -> Logger:
    return Logger(name)


def ready() -> ModuleType:
    """`logging`, imported, with every setting handed to `settings` made."""
    import logging

    while _waiting:
        _waiting.pop(0)(logging)
    return logging


@contextlib.contextmanager
def settings(make: Callable[[ModuleType], Callable[[], None]]) -> Iterator[None]:
    """Within the block, the settings `make(logging)` makes once `logging` is used (at once
    when it is already imported); `make` returns what undoes them, run at the block's end
    if they were made."""
    undo: list[Callable[[], None]] = []

    def apply(logging: ModuleType) -> None:
        undo.append(make(logging))

    if "logging" in sys.modules:
        apply(sys.modules["logging"])
    else:
        _waiting.append(apply)
    try:
        yield
    finally:
        if apply in _waiting:
            _waiting.remove(apply)
        for step in undo:
            step()
