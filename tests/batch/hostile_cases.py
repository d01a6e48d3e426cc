"""Hostile inputs, built at test time into a folder (small on disk: the big ones are sparse
or compress to almost nothing), with what `chitieu convert` must say about each.

Used by tests/batch/test_hostile.py (under a memory cap, in `make test`) and by
benchmarks/bench_hostile.py (one run per case: peak memory and time).
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from batch_helpers import ROOT, SAMPLES, variation

BASE_DOCX = ROOT / "tests" / "fixtures" / "office" / "000_68f49e6b942cac21.docx"
NOT_UTF8_NAME = b"k\xe9_ho\xe1ch.txt"  # Latin-1 bytes: not a valid UTF-8 file name


@dataclass
class Case:
    """One hostile file (or link) in the input folder and what the run must say of it.

    `outcome`: "converted", "failed" (with `code` in report.json) or "skipped".
    `says`: a phrase the stderr line about it must hold."""

    name: str
    make: Callable[[Path, Limits], Path]
    outcome: str
    says: str
    code: str | None = None
    options: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Limits:
    """The limits a run is given (small in `make test`, so the inputs stay cheap to build)."""

    inflated_mb: int = 16
    text_mb: int = 1
    input_mb: int = 50

    def options(self) -> list[str]:
        return ["--max-inflated-mb", str(self.inflated_mb), "--max-text-mb", str(self.text_mb),
                "--max-input-mb", str(self.input_mb)]


QUICK = Limits()
DEFAULT = Limits(inflated_mb=256, text_mb=20, input_mb=200)  # chitieu's own defaults


def good_text(number: int = 1) -> str:
    return variation(SAMPLES[0].read_text(encoding="utf-8"), number)


# -- spreadsheets ----------------------------------------------------------------------------


def _workbook(number: int):
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for line in good_text(number).splitlines():
        sheet.append(line.split("\t"))
    return workbook


def stray_cell(folder: Path, limits: Limits) -> Path:
    """One value at the last cell a sheet can have, XFD1048576 (24 GB before the fix)."""
    workbook = _workbook(101)
    workbook.active["XFD1048576"] = "x"
    workbook.save(folder / "stray_cell.xlsx")
    return folder / "stray_cell.xlsx"


def stray_row(folder: Path, limits: Limits) -> Path:
    """One value at row 200,000, column 200 (8.6 GB before the fix)."""
    workbook = _workbook(102)
    workbook.active.cell(200_000, 200, "x")
    workbook.save(folder / "stray_row.xlsx")
    return folder / "stray_row.xlsx"


def _patch_sheet(source: Path, target: Path, patch: Callable[[str], str]) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = patch(data.decode("utf-8")).encode("utf-8")
            new.writestr(info.filename, data)
    return target


def declared_dimension(folder: Path, limits: Limits) -> Path:
    """A sheet declaring A1:XFD1048576 and merging a column down to row 1,048,576."""
    plain = folder / ".plain.xlsx"
    _workbook(103).save(plain)

    def patch(xml: str) -> str:
        xml = re.sub(r'<dimension ref="[^"]*"\s*/>', '<dimension ref="A1:XFD1048576"/>', xml)
        merge = '<mergeCells count="1"><mergeCell ref="G3:G1048576"/></mergeCells>'
        return xml.replace("</sheetData>", "</sheetData>" + merge, 1)

    target = _patch_sheet(plain, folder / "declared_dimension.xlsx", patch)
    plain.unlink()
    return target


# -- ZIP members that inflate past the limit, or lie about their size ---------------------


def inflated_docx(folder: Path, limits: Limits) -> Path:
    """A DOCX whose document.xml inflates with empty paragraphs past --max-inflated-mb
    (the issue's 340 KB file took 4.6 GB); built streaming, never whole in memory."""
    target = folder / "inflated.docx"
    paragraphs = b"<w:p/>" * (1 << 16)
    with zipfile.ZipFile(BASE_DOCX) as old, \
            zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename != "word/document.xml":
                new.writestr(info.filename, data)
                continue
            head, tail = data.rsplit(b"</w:body>", 1)
            with new.open("word/document.xml", "w", force_zip64=True) as member:
                member.write(head)
                for _ in range(int(limits.inflated_mb * 1.25 * (1 << 20)) // len(paragraphs) + 1):
                    member.write(paragraphs)
                member.write(b"</w:body>" + tail)
    return target


def lying_docx(folder: Path, limits: Limits) -> Path:
    """A DOCX whose document.xml declares a quarter of its real inflated size."""
    target = folder / "lying_size.docx"
    shutil.copyfile(BASE_DOCX, target)
    data = bytearray(target.read_bytes())
    with zipfile.ZipFile(BASE_DOCX) as archive:
        info = archive.getinfo("word/document.xml")
    small = struct.pack("<I", info.file_size // 4)
    local = info.header_offset + 22  # local file header: uncompressed size
    data[local:local + 4] = small
    central = _central_entry(data, b"word/document.xml")
    data[central + 24:central + 28] = small  # central directory: uncompressed size
    target.write_bytes(bytes(data))
    return target


def _central_entry(data: bytearray, name: bytes) -> int:
    start = 0
    while (start := data.find(b"PK\x01\x02", start)) >= 0:
        length = struct.unpack_from("<H", data, start + 28)[0]
        if data[start + 46:start + 46 + length] == name:
            return start
        start += 4
    raise ValueError(name)


# -- images --------------------------------------------------------------------------------


def _png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit greyscale
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b""))


def png_over_limit(folder: Path, limits: Limits) -> Path:
    """13,000 × 13,000 pixels announced by a 100-byte file: past chitieu's pixel limit,
    below Pillow's own guard."""
    (folder / "bomb.png").write_bytes(_png(13_000, 13_000))
    return folder / "bomb.png"


def png_giant(folder: Path, limits: Limits) -> Path:
    """100,000 × 100,000 pixels: Pillow's own guard refuses it first."""
    (folder / "giant.png").write_bytes(_png(100_000, 100_000))
    return folder / "giant.png"


# -- sizes -----------------------------------------------------------------------------------


def big_text(folder: Path, limits: Limits) -> Path:
    """A text file just past --max-text-mb (a 50 MB text took 7 minutes and 2.8 GB)."""
    target = folder / "big.txt"
    block = good_text(104).encode("utf-8")
    with target.open("wb") as out:
        for _ in range(int(limits.text_mb * (1 << 20)) // len(block) + 1):
            out.write(block)
    return target


def big_pdf(folder: Path, limits: Limits) -> Path:
    """A PDF past --max-input-mb, sparse: it takes no room on disk."""
    target = folder / "big.pdf"
    with target.open("wb") as out:
        out.write(b"%PDF-1.4\n")
        out.truncate(int(limits.input_mb * 1.2 * (1 << 20)))
    return target


# -- special files and links -------------------------------------------------------------


def fifo(folder: Path, limits: Limits) -> Path:
    os.mkfifo(folder / "pipe.txt")
    return folder / "pipe.txt"


def dev_zero(folder: Path, limits: Limits) -> Path:
    (folder / "zero.txt").symlink_to("/dev/zero")
    return folder / "zero.txt"


def outside_link(folder: Path, limits: Limits) -> Path:
    outside = folder.parent / "elsewhere"
    outside.mkdir(exist_ok=True)
    (outside / "secret.txt").write_text(good_text(105), encoding="utf-8")
    (folder / "outside.txt").symlink_to(outside / "secret.txt")
    return folder / "outside.txt"


def link_loop(folder: Path, limits: Limits) -> Path:
    (folder / "loop_a.txt").symlink_to(folder / "loop_b.txt")
    (folder / "loop_b.txt").symlink_to(folder / "loop_a.txt")
    (folder / "up").symlink_to("..")  # a folder link back up: never walked twice
    return folder / "loop_a.txt"


def not_utf8_name(folder: Path, limits: Limits) -> Path:
    path = Path(os.fsdecode(os.path.join(os.fsencode(folder), NOT_UTF8_NAME)))
    path.write_text(good_text(106), encoding="utf-8")
    return path


def copy_of_good(folder: Path, limits: Limits) -> Path:
    shutil.copyfile(folder / "good.txt", folder / "copy_of_good.txt")
    return folder / "copy_of_good.txt"


CASES = [
    Case("xlsx stray cell at XFD1048576", stray_cell, "converted", ""),
    Case("xlsx stray cell at row 200,000", stray_row, "converted", ""),
    Case("xlsx declared dimension and merge to row 1,048,576", declared_dimension,
         "converted", ""),
    Case("docx inflating past the limit", inflated_docx, "failed", "decompression bomb",
         "decompression_bomb"),
    Case("docx member lying about its size", lying_docx, "failed", "damaged", "corrupt"),
    Case("png past the pixel limit", png_over_limit, "failed", "decompression bomb",
         "decompression_bomb"),
    Case("png past Pillow's guard", png_giant, "failed", "decompression bomb",
         "decompression_bomb"),
    Case("text past --max-text-mb", big_text, "failed", "--max-text-mb", "too_large"),
    Case("pdf past --max-input-mb", big_pdf, "failed", "--max-input-mb", "too_large"),
    Case("fifo", fifo, "skipped", "not a regular file (a named pipe)"),
    Case("link to /dev/zero", dev_zero, "skipped", "outside the input folder"),
    Case("link to a file outside the folder", outside_link, "skipped",
         "use --follow-links"),
    Case("loop of links", link_loop, "skipped", "cannot be read"),
    Case("file name not UTF-8", not_utf8_name, "converted", ""),
    Case("two identical files", copy_of_good, "converted", "of another (same content"),
]


def build(folder: Path, cases: list[Case] = CASES, limits: Limits = QUICK
          ) -> dict[str, Path]:
    """The good files and every case's file in `folder`; returns case name -> path."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "good.txt").write_text(good_text(1), encoding="utf-8")
    (folder / "good_too.txt").write_text(good_text(2), encoding="utf-8")
    return {case.name: case.make(folder, limits) for case in cases}
