"""The error type readers raise for input that cannot be converted, and the codes a batch
reports: `ErrorCode` names why one file failed, `ExitCode` how a run ended (ocrmypdf's
pattern: enums, not free strings and bare integers)."""

from __future__ import annotations

import os
from enum import IntEnum, StrEnum


class ErrorCode(StrEnum):
    """Why a file could not be converted; the `code` of a failure in OUT/report.json."""

    UNREADABLE = "unreadable"  # the reader cannot make sense of the bytes
    CORRUPT = "corrupt"  # damaged or truncated (a ZIP, PDF or image that does not open)
    EMPTY = "empty"  # no content, no pages
    BINARY = "binary"  # binary junk where text was expected
    ENCODING = "encoding"  # text in an encoding that cannot be decoded
    ENCRYPTED = "encrypted"  # a password-protected PDF
    NO_TABLE = "no_table"  # read, but no indicator table in it
    NO_TEXT = "no_text"  # a PDF without a text layer and no OCR available
    UNSUPPORTED = "unsupported"  # a format chitieu does not read
    MISSING = "missing"  # the file is gone
    MISSING_DEPENDENCY = "missing_dependency"  # a package or program is not installed
    GAZETTEER = "gazetteer"  # a user's gazetteer file cannot be used
    CATALOG = "catalog"  # a user's indicator catalog file cannot be used
    TOO_LARGE = "too_large"  # over a documented limit (input size, pixels, cells)
    DECOMPRESSION_BOMB = "decompression_bomb"  # inflates far beyond the limit
    OUT_OF_MEMORY = "out_of_memory"  # needed more than the per-file memory limit
    TIMEOUT = "timeout"  # took longer than the per-file time limit
    IO = "io"  # the operating system refused a read or a write
    WORKER_DIED = "worker_died"  # the process converting it died (a crash in a C library)
    INTERNAL = "internal"  # a bug in chitieu: the report carries the traceback


class ExitCode(IntEnum):
    """How `chitieu convert` ends."""

    OK = 0  # every input converted
    FILES_FAILED = 1  # some inputs failed (OUT/report.json says which and why)
    USAGE = 2  # the run could not start: bad arguments, busy or unusable output folder
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT): what was converted is kept
    TERMINATED = 143  # SIGTERM (128 + SIGTERM), as `timeout`, systemd and CI stop jobs


def display_path(path: str | os.PathLike) -> str:
    """A path as text that can be printed and written as UTF-8: the bytes of a file name
    that is not valid UTF-8 (which Python keeps as surrogates) become \\xNN escapes."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


class InputError(Exception):
    """An input file that cannot be read: empty, binary junk, encrypted, no table, …

    The message is one line a user can act on; the CLI prints it as is.
    """

    def __init__(self, message: str, *, path: str | None = None,
                 code: ErrorCode | str = ErrorCode.UNREADABLE):
        super().__init__(message)
        self.path = path
        self.code = ErrorCode(code)

    def __str__(self) -> str:
        message = super().__str__()
        return f"{self.path}: {message}" if self.path else message


# the optional extra that installs each third-party module a reader or writer imports
EXTRA_OF_MODULE = {
    "pdfplumber": "pdf", "pdfminer": "pdf", "pypdfium2": "pdf", "playa": "pdf",
    "camelot": "camelot",
    "cv2": "scan", "numpy": "scan", "PIL": "scan",
    "docx": "office", "openpyxl": "office",
    "pyarrow": "parquet", "pandas": "parquet",
    "dask": "dask", "distributed": "dask",
    "fastapi": "review", "starlette": "review", "uvicorn": "review", "jinja2": "review",
    "multipart": "review", "duckdb": "review",
}


def install_hint(module: str | None) -> str | None:
    """"pip install 'chitieu[pdf]'" for a module an extra installs, else None."""
    extra = EXTRA_OF_MODULE.get((module or "").partition(".")[0])
    return f"pip install 'chitieu[{extra}]'" if extra else None


def missing_module_error(what: str, exc: ModuleNotFoundError) -> InputError:
    """One line naming the extra (or the package) that `what` needs."""
    hint = install_hint(exc.name) or f"pip install {exc.name}"
    return InputError(f"{what} needs the Python module {exc.name!r}; install it with: {hint}",
                      code="missing_dependency")
