"""chitieu: appendices of Vietnamese local-government plans → a canonical indicator dataset.

    >>> import chitieu
    >>> doc = chitieu.convert("samples/002_96420e20fdffe3f0.txt")
    >>> doc.records[0].target.value
    100
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["InputError", "__version__", "convert", "convert_text"]

if TYPE_CHECKING:
    from chitieu.errors import InputError
    from chitieu.pipeline import convert, convert_text


def __getattr__(name: str):
    # Lazy: `chitieu --help` must not pay for pydantic, rapidfuzz and the readers.
    if name in ("convert", "convert_text"):
        from chitieu import pipeline

        return getattr(pipeline, name)
    if name == "InputError":
        from chitieu.errors import InputError

        return InputError
    raise AttributeError(name)
