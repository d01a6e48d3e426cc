"""SHA-256 and SHA-1 digests, without OpenSSL's start-up for small data.

`hashlib` loads OpenSSL (`_hashlib`, ~2.5–3.5 ms) when imported, which a one-file
`chitieu convert` paid to hash one small file. CPython's own implementations (`_sha256`
and `_sha1`, `_sha2` from Python 3.12) give the same digests and load in ~0.2 ms, but hash
about five times slower (3.6 against 0.65 ms a megabyte): they serve data under
`SMALL` bytes while `hashlib` is not imported yet; past it, or once something else imported
`hashlib`, OpenSSL's.
"""

from __future__ import annotations

import os
import sys
from typing import Any

SMALL = 1 << 20


def sha256(data: bytes = b"", *, large: bool = False) -> Any:
    """`hashlib.sha256(data)`; `large` when much more is to be added with `update`."""
    own = None if large or len(data) > SMALL else _own("sha256")
    if own is None:
        import hashlib

        return hashlib.sha256(data)
    return own(data)


def sha1(data: bytes = b"") -> Any:
    """`hashlib.sha1(data)`, for short data (a name's tag)."""
    own = None if len(data) > SMALL else _own("sha1")
    if own is None:
        import hashlib

        return hashlib.sha1(data)
    return own(data)


def file_sha256(path: str | os.PathLike[str]) -> str:
    """The hex SHA-256 of a file's bytes (as `hashlib.file_digest(fh, "sha256")`)."""
    with open(path, "rb") as fh:
        if os.fstat(fh.fileno()).st_size > SMALL:
            import hashlib

            return hashlib.file_digest(fh, "sha256").hexdigest()
        return sha256(fh.read()).hexdigest()


def _own(name: str) -> Any:
    """CPython's own constructor of `name`, or None when `hashlib` is imported already (its
    OpenSSL is the quicker) or this Python has none."""
    if "hashlib" in sys.modules:
        return None
    modules = {"sha256": ("_sha2", "_sha256"), "sha1": ("_sha1",)}[name]
    for module in modules:
        try:
            return getattr(__import__(module), name)
        except (ImportError, AttributeError):
            continue
    return None
