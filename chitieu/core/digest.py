"""SHA-256 and SHA-1 digests, without OpenSSL's start-up for small data.

`hashlib` loads OpenSSL (`_hashlib`, ~2.5–3.5 ms) when imported, which a one-file
`chitieu convert` paid to hash one small file. CPython's own implementations (`_sha256`
and `_sha1`, `_sha2` from Python 3.12) give the same digests and load in ~0.2 ms, but hash
about five times slower (3.6 against 0.65 ms a megabyte): they serve the first `SMALL`
bytes a process hashes while `hashlib` is not imported yet; past them (a large file, a
batch of many: their data handed at once counts), or once something else imported
`hashlib`, OpenSSL's.
"""

from __future__ import annotations

import os
import sys
from typing import Any

SMALL = 1 << 20
_own_budget = SMALL  # bytes the own implementations may still hash in this process


def sha256(data: bytes = b"", *, large: bool = False) -> Any:
    """`hashlib.sha256(data)`; `large` when much more is to be added with `update`."""
    own = None if large else _own("sha256", len(data))
    if own is None:
        import hashlib

        return hashlib.sha256(data)
    return own(data)


def sha1(data: bytes = b"") -> Any:
    """`hashlib.sha1(data)`, for short data (a name's tag)."""
    own = _own("sha1", len(data))
    if own is None:
        import hashlib

        return hashlib.sha1(data)
    return own(data)


def file_sha256(path: str | os.PathLike[str]) -> str:
    """The hex SHA-256 of a file's bytes (as `hashlib.file_digest(fh, "sha256")`)."""
    with open(path, "rb") as fh:
        if os.fstat(fh.fileno()).st_size > _own_budget:
            import hashlib

            return hashlib.file_digest(fh, "sha256").hexdigest()
        return sha256(fh.read()).hexdigest()


def _own(name: str, size: int) -> Any:
    """CPython's own constructor of `name` for `size` bytes, or None when they are past
    the budget, `hashlib` is imported already (its OpenSSL is the quicker) or this Python
    has none."""
    global _own_budget
    if size > _own_budget or "hashlib" in sys.modules:
        return None
    found = _OWN.get(name)
    if found is None:
        for module in {"sha256": ("_sha2", "_sha256"), "sha1": ("_sha1",)}[name]:
            try:
                found = _OWN[name] = getattr(__import__(module), name)
                break
            except (ImportError, AttributeError):
                continue
        else:
            return None
    _own_budget -= size
    return found


_OWN: dict[str, Any] = {}
