"""Data compiled once: what the package derives from its data files (the catalog's readings,
the gazetteer's folded names, parsed vocabularies) kept in the user's cache folder, so that
a new process loads it (a few ms) instead of building it again (tens of ms).

A cached value is found by a key made of everything it is built from: the bytes of its data
files outside the package, the package's own files — code and data, path, size and
modification time of each (the rule Python uses for its byte-code), so that a data file a
build reads without naming it still counts — and the Python version. A change to any of them makes a
new key, so a stale value is never read. The folder is `$CHITIEU_CACHE_DIR`, else
`$XDG_CACHE_HOME/chitieu`, else `~/.cache/chitieu`; `CHITIEU_CACHE_DIR=""` turns the cache
off. Writers write a temporary file and rename it, so concurrent processes never see half a
file; a file that cannot be read or written is ignored and the value built as before.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from chitieu.core.collector import collector_paused

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

T = TypeVar("T")

PACKAGE = Path(__file__).resolve().parent.parent
# files kept per name: enough for a few source trees sharing one cache folder
KEEP = 8


def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is off."""
    chosen = os.environ.get("CHITIEU_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "chitieu"


def cached(name: str, build: Callable[[], T], data: Iterable[Path | Traversable]) -> T:
    """`build()`, or the value an earlier process built from the same data and code."""
    folder = cache_dir()
    if folder is None:
        return build()
    key = _key(name, data)
    path = folder / f"{name}-{key[:24]}.pickle"
    found = _load(path, key)
    if found is not None:
        return found[0]
    value = build()
    _store(path, key, value)
    return value


def read(name: str, key: str) -> tuple[Any] | None:
    """(value,) stored under `name` and `key` by `write`, else None."""
    folder = cache_dir()
    return None if folder is None else _load(folder / f"{name}-{key[:24]}.pickle", key)


def write(name: str, key: str, value: Any) -> None:
    """Store `value` under `name` and `key` (silently not, when the folder is not writable)."""
    folder = cache_dir()
    if folder is not None:
        _store(folder / f"{name}-{key[:24]}.pickle", key, value)


def _key(name: str, data: Iterable[Path | Traversable]) -> str:
    from chitieu.core.digest import sha256  # here, as pickle below: `--help` needs neither

    digest = sha256(f"{name}\0{sys.version}\0{_package_stamp()}".encode())
    for item in data:
        if isinstance(item, Path) and item.is_relative_to(PACKAGE):
            # a data file of the package: its path, size and modification time are in the
            # stamp already (reading and hashing the files cost a one-file convert ~2 ms)
            digest.update(str(item).encode())
        else:
            digest.update(item.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


@functools.cache
def _package_stamp() -> str:
    """Every file of the package (modules and data, not byte-code), with its size and
    modification time."""
    from chitieu.core.digest import sha256

    parts = []
    for folder, dirs, files in os.walk(PACKAGE):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for file in sorted(files):
            if not file.endswith((".pyc", ".pyo")):
                stat = os.stat(os.path.join(folder, file))
                parts.append(f"{os.path.join(folder, file)}:{stat.st_size}:{stat.st_mtime_ns}")
    return sha256("\n".join(parts).encode()).hexdigest()


def _load(path: Path, key: str) -> tuple[Any] | None:
    import pickle

    try:
        # the collector would go over the objects unpickled so far again and again (tens
        # of thousands in the catalog and gazetteer; none makes a cycle to collect)
        with path.open("rb") as fh, collector_paused():
            stored_key, value = pickle.load(fh)
    except Exception:  # missing, half-written by a killed process, made by other code
        return None
    return (value,) if stored_key == key else None


def _store(path: Path, key: str, value: Any) -> None:
    import pickle

    try:
        data = pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # a value that does not pickle: built again next time
        return
    if _write(path, data):
        _prune(path)


class Store:
    """A file of the cache folder holding many small values by key (compiled patterns,
    compiled methods), each as bytes. Read once per process; what the process adds is
    written once, at its end (`flush`), merged with what other processes added meanwhile.
    Keys and the file are of `marshal`'s types (str, int, tuples): no pickle to import."""

    _pending: ClassVar[list[Store]] = []
    MAX_KEPT = 5000  # entries: past this (values of long-changed code), start again

    def __init__(self, name: str) -> None:
        self.name = name
        self._values: dict[Any, bytes] | None = None
        self._added: dict[Any, bytes] = {}

    def get(self, key: Any) -> bytes | None:
        if self._values is None:
            self._values = self._read()
        return self._values.get(key)

    def put(self, key: Any, value: bytes) -> None:
        if self._values is None:
            self._values = self._read()
        self._values[key] = self._added[key] = value
        if self not in Store._pending:
            if not Store._pending:
                import atexit

                atexit.register(flush)
            Store._pending.append(self)

    def _read(self) -> dict[Any, bytes]:
        import marshal

        folder = cache_dir()
        try:
            values = marshal.loads((folder / self.name).read_bytes()) if folder else {}
        except (OSError, ValueError, EOFError, TypeError):  # none yet, torn or foreign
            return {}
        return values if isinstance(values, dict) else {}

    def _write(self) -> None:
        import marshal

        folder = cache_dir()
        if folder is None or not self._added:
            return
        values = self._read()  # what other processes wrote meanwhile
        if len(values) > self.MAX_KEPT:
            values = {}
        values.update(self._added)
        self._added = {}
        _write(folder / self.name, marshal.dumps(values))


# compiled code by its source (generated methods and writers), for this very Python:
# marshal's code format is the interpreter's own
_CODE = Store(f"code-{sys.implementation.cache_tag}-{sys.hexversion:x}.marshal")


def compiled(source: str, filename: str) -> Any:
    """`compile(source, filename, "exec")`, or the code an earlier process compiled from the
    same source with this Python (kept in the cache folder)."""
    import marshal

    found = _CODE.get(source)
    if found is not None:
        with contextlib.suppress(ValueError, EOFError, TypeError):
            return marshal.loads(found)
    code = compile(source, filename, "exec")
    _CODE.put(source, marshal.dumps(code))
    return code


def flush() -> None:
    """Write what this process added to the stores (run at exit; the CLI, which ends
    without the interpreter's exit, calls it itself)."""
    while Store._pending:
        Store._pending.pop()._write()


def _write(path: Path, data: bytes) -> bool:
    """Write a temporary file and rename it (a concurrent reader sees the old file or the
    new one, never half of one); False when it cannot."""
    import tempfile  # here: only a process that builds a value writes it

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except Exception:  # a read-only or full disk: the value was built, go on without
        return False
    return True


def _prune(path: Path) -> None:
    """Keep the newest KEEP files of this name (older code or data left them)."""
    name = path.name.rsplit("-", 1)[0]
    files = sorted(path.parent.glob(f"{name}-*.pickle"), key=_mtime, reverse=True)
    for old in files[KEEP:]:
        with contextlib.suppress(OSError):
            old.unlink()


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
