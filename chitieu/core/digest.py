"""SHA-256 and SHA-1 digests without OpenSSL.

`hashlib` loads OpenSSL (`_hashlib`, ~2.5–3.5 ms and ~4 MB of memory) when imported, which a
one-file `chitieu convert` paid to hash one small file. CPython's own implementations
(`_sha256` and `_sha1`, `_sha2` from Python 3.12) give the same digests and load in ~0.2 ms;
they hash about five times slower (3.6 against 0.65 ms a megabyte), under 1 % of the time
converting any file takes. OpenSSL's serves when `hashlib` is imported already, when this
Python has no implementation of its own, or once this process has hashed _OPENSSL_AFTER bytes
(a batch of many documents: there the loading pays for itself, the hashing is ~1 % of a
small text's conversion otherwise).
"""

from __future__ import annotations

import os
import sys
from typing import Any


def sha256(data: bytes = b"") -> Any:
    """`hashlib.sha256(data)`."""
    digest = _constructor("sha256")(data)
    _HASHED[0] += len(data)
    return digest


def sha1(data: bytes = b"") -> Any:
    """`hashlib.sha1(data)`."""
    digest = _constructor("sha1")(data)
    _HASHED[0] += len(data)
    return digest


def file_sha256(path: str | os.PathLike[str]) -> str:
    """The hex SHA-256 of a file's bytes (as `hashlib.file_digest(fh, "sha256")`)."""
    digest = sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 18):
            digest.update(chunk)
    return digest.hexdigest()


_OWN: dict[str, Any] = {}
_MODULES = {"sha256": ("_sha2", "_sha256"), "sha1": ("_sha1",)}
# bytes given to `sha256`/`sha1` in this process so far (the hashes done, not the one asked:
# a process converting one large file never loads OpenSSL for it); OpenSSL's hashing saves
# ~3 ms a megabyte, about what loading it costs once
_HASHED = [0]
_OPENSSL_AFTER = 2 << 20


def _constructor(name: str) -> Any:
    """CPython's own constructor of `name`, or hashlib's when hashlib is imported already
    (its OpenSSL is the quicker), this process has hashed _OPENSSL_AFTER bytes already, or
    this Python has none."""
    if "hashlib" not in sys.modules and _HASHED[0] < _OPENSSL_AFTER:
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
