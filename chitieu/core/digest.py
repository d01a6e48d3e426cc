"""SHA-256 and SHA-1 digests without OpenSSL.

`hashlib` loads OpenSSL (`_hashlib`, ~2.5–3.5 ms and ~4 MB of memory) when imported, which a
one-file `chitieu convert` paid to hash one small file. CPython's own implementations
(`_sha256` and `_sha1`, `_sha2` from Python 3.12) give the same digests and load in ~0.2 ms;
they hash about five times slower (3.6 against 0.65 ms a megabyte), under 1 % of the time
converting any file takes. OpenSSL's serves when `hashlib` is imported already, or when this
Python has no implementation of its own.
"""

from __future__ import annotations

import os
import sys
from typing import Any


def sha256(data: bytes = b"") -> Any:
    """`hashlib.sha256(data)`."""
    return _constructor("sha256")(data)


def sha1(data: bytes = b"") -> Any:
    """`hashlib.sha1(data)`."""
    return _constructor("sha1")(data)


def file_sha256(path: str | os.PathLike[str]) -> str:
    """The hex SHA-256 of a file's bytes (as `hashlib.file_digest(fh, "sha256")`)."""
    digest = sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 18):
            digest.update(chunk)
    return digest.hexdigest()


_OWN: dict[str, Any] = {}
_MODULES = {"sha256": ("_sha2", "_sha256"), "sha1": ("_sha1",)}


def _constructor(name: str) -> Any:
    """CPython's own constructor of `name`, or hashlib's when hashlib is imported already
    (its OpenSSL is the quicker) or this Python has none."""
    if "hashlib" not in sys.modules:
        found = _OWN.get(name)
        if found is not None:
            return found
        for module in _MODULES[name]:
            try:
                found = _OWN[name] = getattr(__import__(module), name)
                return found
            except (ImportError, AttributeError):
                continue
    import hashlib

    return getattr(hashlib, name)
