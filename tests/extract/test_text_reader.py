"""The OCR'd-text reader, decoding and format sniffing."""

import unicodedata
from pathlib import Path

import pytest

import chitieu
from chitieu import extract
from chitieu.errors import InputError
from chitieu.extract.detect import detect_layout, sniff_file_type

TSV = "Phụ lục 1\n\nTT\tNội dung\tĐơn vị chủ trì\n1\tTỷ lệ hộ\t\tPhòng Kinh tế\n"


def test_rows_keep_cells_and_line_numbers() -> None:
    doc = extract.read_text(TSV, "text")
    assert [r.first_line for r in doc.rows] == [1, 3, 4]
    assert doc.rows[2].texts == ["1", "Tỷ lệ hộ", "", "Phòng Kinh tế"]
    assert doc.format == "text" and doc.ocr


def test_a_text_file_is_hashed_as_it_is_read(tmp_path: Path) -> None:
    # the pipeline names the document by this digest instead of reading the file again
    import hashlib

    path = tmp_path / "plan.txt"
    path.write_bytes(TSV.encode("utf-16"))
    doc = extract.read(path)
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert chitieu.convert(path).source.sha256 == doc.sha256
    assert extract.read_text(TSV, "text").sha256 is None  # no file, no bytes read


def test_form_feed_starts_a_new_page() -> None:
    doc = extract.read_text("TT\tNội dung\n1\ta\n\f2\tb\n", "text")
    assert [r.page for r in doc.rows] == [1, 1, 2]
    assert doc.pages == 2


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_encodings_decode_to_the_same_text(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(TSV.encode(encoding))
    assert extract.read(path).rows[2].texts[1] == "Tỷ lệ hộ"


def test_nfd_text_becomes_nfc(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(unicodedata.normalize("NFD", TSV).encode("utf-8"))
    cell = extract.read(path).rows[2].texts[1]
    assert cell == unicodedata.normalize("NFC", "Tỷ lệ hộ")


def test_empty_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"  \n\n")
    with pytest.raises(InputError, match="empty"):
        extract.read(path)


def test_binary_junk_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.txt"
    path.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(InputError, match="not a text document"):
        extract.read(path)


@pytest.mark.parametrize(
    ("text", "layout"),
    [
        (TSV, "text"),
        ("| TT | Nội dung |\n|---|---|\n| 1 | a |\n", "markdown"),
        ("<table><tr><td>TT</td></tr></table>", "html"),
        ("|\nTT\n|\nNội dung\n|\n|\n1\n|\na\n|\n|\n2\n|\nb\n|\n|\n", "portal"),
    ],
)
def test_layout_is_sniffed_from_content(text: str, layout: str) -> None:
    assert detect_layout(text) == layout


@pytest.mark.parametrize(
    ("head", "kind"),
    [(b"%PDF-1.7\n", "pdf"), (b"\x89PNG\r\n\x1a\n....", "image"), (b"\xff\xd8\xff\xe0", "image"),
     ("TT\tNội dung\n".encode(), "textfile"),
     (b"{\\rtf1\\ansi\\deff0 ", "doc")],  # Rich Text: converted by LibreOffice
)
def test_file_type_is_told_by_content_not_name(tmp_path: Path, head: bytes, kind: str) -> None:
    path = tmp_path / "misnamed.dat"
    path.write_bytes(head + b"\x00" * 16 if kind != "textfile" else head)
    assert sniff_file_type(path) == kind


@pytest.mark.parametrize(("mimetype", "kind"), [
    ("application/vnd.oasis.opendocument.text", "doc"),
    ("application/vnd.oasis.opendocument.spreadsheet", "ods"),
])
def test_an_opendocument_file_is_told_by_its_mimetype(tmp_path: Path, mimetype: str,
                                                      kind: str) -> None:
    import zipfile

    path = tmp_path / "saved_by_libreoffice.dat"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", mimetype)
        zf.writestr("content.xml", "<office:document-content/>")
    assert sniff_file_type(path) == kind
