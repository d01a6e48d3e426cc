"""Text files in the encodings Vietnamese Windows tools save: each decodes to the same
records as the UTF-8 file, with a document warning naming what was decoded; bytes that no
encoding reads as Vietnamese are one clear error, never mojibake records."""

from pathlib import Path

import pytest
from mutations import encode, legacy_pasted, representable

import chitieu
from chitieu.errors import InputError
from chitieu.extract.unicode import decode_text

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "samples").glob("*.txt"))
WARNING = {
    "utf-8": None, "utf-8-sig": None, "utf-16": None,
    "utf-16-le": "encoding_decoded:utf-16-le", "utf-16-be": "encoding_decoded:utf-16-be",
    "windows-1258": "encoding_decoded:windows-1258",
    "tcvn3": "legacy_font_decoded:tcvn3", "vni": "legacy_font_decoded:vni",
}


def _records(doc) -> list[dict]:
    return [r.model_dump(exclude={"source"}) for r in doc.records]


@pytest.mark.parametrize("encoding", sorted(WARNING))
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_a_seed_saved_in_any_encoding_gives_the_same_records(tmp_path: Path, seed: Path,
                                                             encoding: str) -> None:
    text = seed.read_text("utf-8")
    expected = chitieu.convert_text(representable(text, encoding))
    path = tmp_path / seed.name
    path.write_bytes(encode(text, encoding))
    doc = chitieu.convert(path)
    assert _records(doc) == _records(expected)
    assert doc.plan == expected.plan
    decoded = [w for w in doc.warnings if w.startswith(("encoding_", "legacy_font_"))]
    assert decoded == ([WARNING[encoding]] if WARNING[encoding] else [])


def test_utf16_without_bom_starting_with_a_vietnamese_letter(tmp_path: Path) -> None:
    # "Ủ" is 0xE6 0x1E in UTF-16-LE: no zero byte where the first ASCII letter would have one
    text = "ỦY BAN NHÂN DÂN XÃ A\n\nTT\tNội dung\tChỉ tiêu\n1\tTỷ lệ hộ dùng nước sạch\t100%\n"
    path = tmp_path / "plan.txt"
    path.write_bytes(text.encode("utf-16-le"))
    doc = chitieu.convert(path)
    assert [r.name for r in doc.records] == ["Tỷ lệ hộ dùng nước sạch"]
    assert "encoding_decoded:utf-16-le" in doc.warnings


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_legacy_font_text_pasted_into_a_utf8_file_is_decoded(tmp_path: Path,
                                                             encoding: str) -> None:
    text = SEEDS[1].read_text("utf-8")
    path = tmp_path / "pasted.txt"
    path.write_text(legacy_pasted(text, encoding), encoding="utf-8")
    doc = chitieu.convert(path)
    assert _records(doc) == _records(chitieu.convert_text(representable(text, encoding)))
    assert f"legacy_font_decoded:{encoding}" in doc.warnings


def test_utf8_read_as_windows_1252_and_saved_again_is_repaired(tmp_path: Path) -> None:
    # a page's text copied through a tool that took its UTF-8 for Windows-1252 ("Tá»· lá»‡"
    # for "Tỷ lệ"): was "not a text document (binary content)"
    text = SEEDS[1].read_text("utf-8")
    garbled = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b)
                      for b in text.encode("utf-8"))
    path = tmp_path / "copied.txt"
    path.write_text(garbled, encoding="utf-8")
    doc = chitieu.convert(path)
    assert _records(doc) == _records(chitieu.convert_text(text))
    assert "encoding_repaired:utf-8-read-as-windows-1252" in doc.warnings


def test_utf8_read_as_windows_1252_with_letters_lost_is_a_clear_error(tmp_path: Path) -> None:
    # the bytes Windows-1252 leaves undefined dropped on the way: "ề", "ọ", "ờ" cannot be
    # told back; a one-line error, never a table of broken names
    text = SEEDS[1].read_text("utf-8")
    path = tmp_path / "copied.txt"
    path.write_text(text.encode("utf-8").decode("cp1252", errors="replace"), encoding="utf-8")
    with pytest.raises(InputError) as error:
        chitieu.convert(path)
    assert error.value.code == "encoding" and "Windows-1252" in str(error.value)


def test_vietnamese_capitals_are_never_taken_for_utf8_read_as_windows_1252() -> None:
    text = "XÃ ĐÌNH LẬP\nTT\tNội dung\n1\tTỷ lệ hộ gia đình\n" * 3
    assert decode_text(text.encode("utf-8")).warnings == []


def test_unicode_vietnamese_is_never_taken_for_a_legacy_font() -> None:
    text = SEEDS[0].read_text("utf-8")
    assert decode_text(text.encode("utf-8")).warnings == []


def test_a_few_broken_bytes_in_utf8_keep_the_text_utf8() -> None:
    data = "TT\tNội dung\n1\tTỷ lệ hộ gia đình được hỗ trợ\n".encode() * 5 + b"\xff\n"
    decoded = decode_text(data)
    assert "Tỷ lệ hộ gia đình được hỗ trợ" in decoded.text
    assert decoded.warnings == ["encoding_invalid_bytes:1"]


def test_ascii_with_a_stray_byte_is_read_whole() -> None:
    decoded = decode_text(b"TT\tNoi dung\tChi tieu\n1\tTy le\xa0ho\t100%\n")
    assert decoded.text.splitlines()[1] == "1\tTy le\u00a0ho\t100%"
    assert decoded.warnings == ["encoding_guessed:windows-1258"]


def test_text_in_a_foreign_code_page_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "german.txt"
    path.write_bytes(("Größe\tÄpfel für Öl, ça va très bien\n" * 20).encode("cp1252"))
    with pytest.raises(InputError) as raised:
        chitieu.convert(path)
    message = str(raised.value)
    assert "encoding is not recognised" in message and "\n" not in message
    assert raised.value.code == "encoding"
