"""Python's cyclic garbage collector paused around work that builds many objects and no
cycles worth collecting."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic collector off for the block, back on after it (also on error) when it was
    on before. Objects are freed as ever by reference counting; the collector, run each
    time enough objects were made, would go over every live object of a large document
    again and again (conversion time grew faster than the input: 8 MB took 10.5× 1 MB).
    Nested or concurrent blocks leave it on once the block that turned it off ends."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
