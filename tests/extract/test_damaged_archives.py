"""DOCX and XLSX files damaged inside their ZIP container (a member that does not inflate, a
directory asking for a newer ZIP version): one clear error, never a traceback."""

import struct
import zipfile
from pathlib import Path

import pytest

from chitieu import extract
from chitieu.errors import ErrorCode, InputError

OFFICE = Path(__file__).resolve().parents[1] / "fixtures" / "office"
MEMBERS = {"ward_tasks.docx": "word/document.xml",
           "commune_sheet.xlsx": "xl/worksheets/sheet1.xml"}


def _garbled_member(source: Path, target: Path, member: str) -> Path:
    """`member`'s deflated bytes replaced by bytes that are no deflate stream (block type 3)."""
    data = bytearray(source.read_bytes())
    with zipfile.ZipFile(source) as archive:
        info = archive.getinfo(member)
    name_length, extra_length = struct.unpack_from("<HH", data, info.header_offset + 26)
    start = info.header_offset + 30 + name_length + extra_length
    data[start:start + info.compress_size] = b"\xff" * info.compress_size
    target.write_bytes(bytes(data))
    return target


def _newer_zip_version(source: Path, target: Path) -> Path:
    """Every central directory entry asks for ZIP version 7.8 to extract."""
    data = bytearray(source.read_bytes())
    start = 0
    while (start := data.find(b"PK\x01\x02", start)) >= 0:
        data[start + 6:start + 8] = struct.pack("<H", 78)
        start += 4
    target.write_bytes(bytes(data))
    return target


@pytest.mark.parametrize("name", sorted(MEMBERS))
def test_a_member_that_does_not_inflate_is_one_clear_error(tmp_path: Path, name: str) -> None:
    path = _garbled_member(OFFICE / name, tmp_path / name, MEMBERS[name])
    with pytest.raises(InputError) as caught:
        extract.read(path)
    assert caught.value.code == ErrorCode.CORRUPT
    assert "damaged" in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.parametrize("name", sorted(MEMBERS))
def test_a_zip_asking_for_a_newer_version_is_one_clear_error(tmp_path: Path,
                                                              name: str) -> None:
    # the file is what its name says, damaged: not "a ZIP file but not a Word document"
    path = _newer_zip_version(OFFICE / name, tmp_path / name)
    with pytest.raises(InputError) as caught:
        extract.read(path)
    assert caught.value.code == ErrorCode.CORRUPT
    assert "damaged" in str(caught.value) and "\n" not in str(caught.value)


def _with_damaged_thumbnail(tmp_path: Path, name: str) -> Path:
    with_thumbnail = tmp_path / f"thumbnail_{name}"
    with zipfile.ZipFile(OFFICE / name) as source, zipfile.ZipFile(with_thumbnail, "w") as out:
        for info in source.infolist():
            out.writestr(info, source.read(info))
        out.writestr("docProps/preview.jpeg", b"\xff\xd8" * 4000, zipfile.ZIP_DEFLATED)
    return _garbled_member(with_thumbnail, tmp_path / name, "docProps/preview.jpeg")


def test_a_damaged_member_the_workbook_reader_never_opens_leaves_it_read(
        tmp_path: Path) -> None:
    """A thumbnail whose bytes do not inflate: the sheet is still read (it was refused)."""
    path = _with_damaged_thumbnail(tmp_path, "commune_sheet.xlsx")
    assert extract.read(path).rows == extract.read(OFFICE / "commune_sheet.xlsx").rows


def test_a_damaged_thumbnail_in_a_word_document_is_one_clear_error(tmp_path: Path) -> None:
    """python-docx inflates every part: the damage is said, not raised as zlib.error."""
    path = _with_damaged_thumbnail(tmp_path, "ward_tasks.docx")
    with pytest.raises(InputError) as caught:
        extract.read(path)
    assert caught.value.code == ErrorCode.CORRUPT and "preview.jpeg" in str(caught.value)
