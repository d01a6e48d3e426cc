"""Finding the inputs below the folders named on the command line.

Only regular files are read: a FIFO would hang the run, a link to /dev/zero would read
until memory runs out. A link leading outside the folder it was found in is skipped with a
warning unless `follow_links` (a folder of plans should not pull in the rest of the disk
silently); followed links to folders are walked once, whatever loops they make. What is
skipped this way is returned as `Skipped` entries, so the report can list it.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath

from chitieu.core.dataclass import dataclass
from chitieu.core.logs import get_logger
from chitieu.errors import display_path

logger = get_logger(__name__)

MANIFEST_NAME = "manifest.jsonl"

# Inputs recognised by their name; any other file is opened and kept if its content is a
# document (a PDF saved as ".dat", a text appendix with no extension).
INPUT_SUFFIXES = frozenset({
    ".txt", ".text", ".tsv", ".md", ".markdown", ".html", ".htm", ".xhtml", ".pdf", ".docx",
    ".doc", ".odt", ".rtf", ".xlsx", ".xls", ".ods", ".csv", ".png", ".jpg", ".jpeg", ".tif",
    ".tiff", ".bmp", ".gif", ".webp",
})
# Never documents, not even opened: our own outputs, code, archives, databases, editor files.
NOT_INPUT_SUFFIXES = frozenset({
    ".json", ".jsonl", ".parquet", ".py", ".pyc", ".log", ".yaml", ".yml", ".toml", ".ini",
    ".cfg", ".zip", ".gz", ".bz2", ".xz", ".tar", ".7z", ".rar", ".exe", ".dll", ".so", ".db",
    ".sqlite", ".lock", ".tmp", ".bak", ".swp", ".js", ".css", ".sh", ".bat", ".ps1",
})
_DOCUMENT_KINDS = frozenset({"pdf", "image", "docx", "xlsx", "textfile"})
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file found but not read, and why."""

    path: str
    reason: str


def collect_inputs(paths: Iterable[Path], exclude: Iterable[Path] = (), *,
                   follow_links: bool = False) -> list[Path]:
    """Files named directly, and the documents below the named folders, in a stable order.

    Hidden files and folders, the folders in `exclude`, and any folder holding a chitieu
    manifest (an output folder) are skipped. A file is kept by its extension, or, when the
    extension says nothing, by its content."""
    return [path for path, _ in walk_inputs(paths, exclude, follow_links=follow_links)]


def walk_inputs(paths: Iterable[Path], exclude: Iterable[Path] = (), *,
                follow_links: bool = False, skipped: list[Skipped] | None = None
                ) -> Iterator[tuple[Path, PurePosixPath]]:
    """(file, where its output goes relative to OUT, with the suffix still on) for each input.
    Files found but not read are appended to `skipped` (and logged)."""
    walk = _Walk({Path(p).resolve() for p in exclude}, follow_links,
                 skipped if skipped is not None else [])
    for root in paths:
        root = Path(root)
        if root.is_dir():
            yield from walk.folder(root)
        elif not root.exists() or walk.readable(root, root.parent, named=True):
            # named on purpose: kept whatever it is; a missing one fails in the report
            yield root, PurePosixPath(_output_name(root.name))


class _Walk:
    def __init__(self, excluded: set[Path], follow_links: bool, skipped: list[Skipped]):
        self.excluded, self.follow_links, self.skipped = excluded, follow_links, skipped
        self.visited: set[tuple[int, int]] = set()  # (device, inode) of folders walked

    def folder(self, root: Path) -> Iterator[tuple[Path, PurePosixPath]]:
        if root.resolve() in self.excluded or _is_output_folder(root):
            return
        for folder, subfolders, files in os.walk(root, followlinks=self.follow_links):
            subfolders[:] = [name for name in sorted(subfolders)
                             if self._walks_into(Path(folder, name), root)]
            relative = PurePosixPath(_output_name(Path(folder).relative_to(root).as_posix()))
            for name in sorted(files):
                path = Path(folder, name)
                if not name.startswith(".") and self.readable(path, root) \
                        and _is_document(path):
                    yield path, relative / _output_name(name)

    def _walks_into(self, path: Path, root: Path) -> bool:
        if path.name.startswith(".") or path.resolve() in self.excluded \
                or _is_output_folder(path):
            return False
        if path.is_symlink() and not self.follow_links:
            if not _inside(path, root):
                self._skip(path, "a link to a folder outside the input folder "
                                 "(use --follow-links to read it)")
            return False  # inside: its files are walked where they really are
        try:
            info = path.stat()
        except OSError:
            return False
        key = (info.st_dev, info.st_ino)
        if key in self.visited:  # a loop of links, or the same folder reached twice
            return False
        self.visited.add(key)
        return True

    def readable(self, path: Path, root: Path, *, named: bool = False) -> bool:
        """A regular file, reached without leaving `root` through a link (unless allowed)."""
        try:
            mode = path.stat().st_mode
        except OSError as exc:  # a dangling link, a loop of links
            self._skip(path, f"cannot be read ({exc.strerror or exc})")
            return False
        if path.is_symlink() and not self.follow_links and not named \
                and not _inside(path, root):
            self._skip(path, "a link to a file outside the input folder "
                             "(use --follow-links to read it)")
            return False
        if not stat.S_ISREG(mode):
            self._skip(path, f"not a regular file ({_kind(mode)}): not read")
            return False
        return True

    def _skip(self, path: Path, reason: str) -> None:
        shown = display_path(path)
        logger.warning("%s: skipped: %s", shown, reason)
        self.skipped.append(Skipped(shown, reason))


def _inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a loop of links
        return False


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISDIR, "a folder")):
        if test(mode):
            return name
    return "a special file"


def _output_name(name: str) -> str:
    """A file name usable in OUT and in UTF-8 JSON: a name that is not valid UTF-8 gets
    its stray bytes as _xNN (the input itself is still read under its real name)."""
    shown = display_path(name)
    return shown.replace("\\x", "_x") if shown != name else name


def _is_output_folder(folder: Path) -> bool:
    try:
        with (folder / MANIFEST_NAME).open("rb") as fh:
            return fh.read(40).startswith(b'{"chitieu_manifest"')
    except OSError:
        return False


def _is_document(path: Path) -> bool:
    suffix = path.suffix.lower()
    if suffix in INPUT_SUFFIXES:
        return True
    if suffix in NOT_INPUT_SUFFIXES:
        return False
    from chitieu.extract.detect import ZIP_MAGIC, sniff_file_type, starts_with

    try:
        kind = sniff_file_type(path)
        if kind in ("docx", "xlsx", "ods") or (kind == "doc" and starts_with(path, ZIP_MAGIC)):
            return _is_office_zip(path)  # an OpenDocument text sniffs as "doc"
        if kind == "textfile":
            with path.open("rb") as fh:
                head = fh.read(2048)
            return bool(head.strip()) and (b"\x00" not in head or head.startswith(_UTF16_BOMS))
    except OSError:
        return False
    return kind in _DOCUMENT_KINDS


def _is_office_zip(path: Path) -> bool:
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError):
        return False
    if "word/document.xml" in names or "xl/workbook.xml" in names:
        return True
    from chitieu.extract.detect import opendocument_kind

    return opendocument_kind(path, names) is not None
