"""SHA digests without OpenSSL: the digests `hashlib` gives."""

import hashlib
import os
import subprocess
import sys

import pytest

from chitieu.core import digest


@pytest.mark.parametrize("size", [0, 1, 55, 64, 1000, (1 << 18) + 3, (1 << 20) + 1])
def test_the_digests_are_hashlib_digests(size: int, tmp_path) -> None:
    data = os.urandom(size)
    assert digest.sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()
    assert digest.sha1(data).hexdigest() == hashlib.sha1(data).hexdigest()
    grown = digest.sha256()
    grown.update(data)
    grown.update(b"\0tail")
    assert grown.hexdigest() == hashlib.sha256(data + b"\0tail").hexdigest()
    (tmp_path / "f").write_bytes(data)
    assert digest.file_sha256(tmp_path / "f") == hashlib.sha256(data).hexdigest()


def test_hashing_imports_no_openssl() -> None:
    code = ("import sys\n"
            "from chitieu.core import digest\n"
            "print(digest.sha256(b'abc').hexdigest(), digest.sha1(b'abc').hexdigest())\n"
            "digest.sha256(bytes(3 << 20)).hexdigest()\n"
            "print('hashlib' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == [hashlib.sha256(b"abc").hexdigest(), hashlib.sha1(b"abc").hexdigest(),
                   "False"]


def test_openssl_serves_once_a_batch_has_hashed_enough() -> None:
    # one large file is hashed without OpenSSL (above); a process that has hashed
    # _OPENSSL_AFTER bytes already loads it for the next hash, with the same digests
    code = ("import sys\n"
            "from chitieu.core import digest\n"
            "for _ in range(2):\n"
            "    digest.sha256(bytes(digest._OPENSSL_AFTER // 2 + 1))\n"
            "print('hashlib' in sys.modules)\n"
            "print(digest.sha256(b'abc').hexdigest(), digest.sha1(b'abc').hexdigest())\n"
            "print('hashlib' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["False", hashlib.sha256(b"abc").hexdigest(), hashlib.sha1(b"abc").hexdigest(),
                   "True"]
