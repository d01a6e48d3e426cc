"""Tesseract, run once per page image: words with boxes and confidence, plus audit text.

The command-line program is used directly (one process per page, TSV and — for the audit
trail — hOCR and plain text written by the same run), so no Python wrapper is needed.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from chitieu.errors import InputError

LANGUAGE = "vie"
INSTALL_HINT = ("Tesseract OCR with Vietnamese is needed for scans: "
                "apt-get install tesseract-ocr tesseract-ocr-vie")
TIMEOUT_SECONDS = 300


@dataclass(frozen=True, slots=True)
class Word:
    """One word Tesseract read, in the pixel coordinates of the image it was given."""

    text: str
    left: int
    top: int
    right: int
    bottom: int
    conf: float
    block: int = 0
    par: int = 0
    line: int = 0
    note: str = ""  # what a repair of the word's text was ("roman", "spelling"), if any

    @property
    def x_centre(self) -> float:
        return (self.left + self.right) / 2

    @property
    def y_centre(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def height(self) -> int:
        return self.bottom - self.top


@dataclass(slots=True)
class PageText:
    words: list[Word]
    hocr: str | None = None
    text: str | None = None

    def mean_confidence(self) -> float | None:
        confs = [w.conf for w in self.words if w.conf >= 0]
        return sum(confs) / len(confs) if confs else None


@lru_cache(maxsize=4)
def engine_version(language: str = LANGUAGE) -> str:
    """"tesseract 5.3.0 vie" when Tesseract and the language are installed; InputError if not."""
    executable = shutil.which("tesseract")
    if executable is None:
        raise InputError(INSTALL_HINT, code="missing_dependency")
    try:
        langs = subprocess.run([executable, "--list-langs"], capture_output=True, text=True,
                               timeout=30, check=False)
        version = subprocess.run([executable, "--version"], capture_output=True, text=True,
                                 timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise InputError(f"{INSTALL_HINT} ({exc})", code="missing_dependency") from None
    installed = {line.strip() for line in langs.stdout.splitlines()[1:]}
    if language not in installed:
        raise InputError(f"{INSTALL_HINT} (the {language!r} language is missing)",
                         code="missing_dependency")
    first_line = (version.stdout or version.stderr).splitlines()[:1] or ["tesseract"]
    return f"{first_line[0].strip()} {language}"


def recognize(image: np.ndarray, *, dpi: int, language: str = LANGUAGE, psm: int = 3,
              audit: bool = False) -> PageText:
    """OCR one greyscale or binary page (uint8, text dark on white)."""
    engine_version(language)
    with tempfile.TemporaryDirectory(prefix="chitieu-ocr-") as folder:
        source = Path(folder) / "page.pgm"
        _write_pgm(image, source)
        base = Path(folder) / "out"
        outputs = ["tsv", "hocr", "txt"] if audit else ["tsv"]
        # Scanned plans print dark on light: skipping the check of every line for inverted
        # text saves a sixth of Tesseract's time.
        command = ["tesseract", str(source), str(base), "-l", language, "--psm", str(psm),
                   "--dpi", str(dpi), "-c", "tessedit_do_invert=0", *outputs]
        # Tesseract's OpenMP threads make one page slower on a small machine; pages are run
        # in parallel instead (see chitieu.extract.scan).
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
        try:
            done = subprocess.run(command, capture_output=True, text=True, env=env,
                                  timeout=TIMEOUT_SECONDS, check=False)
        except subprocess.TimeoutExpired:
            raise InputError(f"Tesseract took more than {TIMEOUT_SECONDS} s on a page",
                             code="unreadable") from None
        if done.returncode != 0:
            detail = (done.stderr.strip().splitlines() or ["no message"])[-1]
            raise InputError(f"Tesseract failed: {detail}", code="unreadable")
        words = parse_tsv(base.with_suffix(".tsv").read_text(encoding="utf-8"))
        if not audit:
            return PageText(words)
        return PageText(words, base.with_suffix(".hocr").read_text(encoding="utf-8"),
                        base.with_suffix(".txt").read_text(encoding="utf-8"))


def parse_tsv(tsv: str) -> list[Word]:
    """The word rows (level 5) of Tesseract's TSV output."""
    words = []
    for row in csv.DictReader(tsv.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text:
            continue
        left, top = int(row["left"]), int(row["top"])
        words.append(Word(text, left, top, left + int(row["width"]), top + int(row["height"]),
                          float(row["conf"]), int(row["block_num"]), int(row["par_num"]),
                          int(row["line_num"])))
    return words


def _write_pgm(image: np.ndarray, path: Path) -> None:
    """Uncompressed PGM: Tesseract reads it at once, where PNG would cost an encode per page."""
    pixels = np.ascontiguousarray(image, dtype=np.uint8)
    height, width = pixels.shape
    with path.open("wb") as fh:
        fh.write(f"P5\n{width} {height}\n255\n".encode("ascii"))
        fh.write(pixels.tobytes())
