"""Legacy Vietnamese font encodings (TCVN3, VNI) read back as Unicode."""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chitieu.extract.pdf_legacy import (
    codec,
    decode_chars,
    detect_encoding,
    encoding_of_font,
    font_encodings,
    is_capitals_font,
)

DATA = Path(__file__).resolve().parents[2] / "chitieu" / "data"


def encoder(name: str) -> dict[str, str]:
    """Unicode letter → how the legacy bytes read in Windows-1252 (the test's own inverse)."""
    table = {}
    with (DATA / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            try:
                table.setdefault(row["unicode"], bytes.fromhex(row["bytes"]).decode("cp1252"))
            except UnicodeDecodeError:
                continue
    return table


def encode(text: str, name: str) -> str:
    table = encoder(name)
    return "".join(table.get(ch, ch) for ch in text)


@pytest.mark.parametrize(("legacy", "encoding", "unicode"), [
    ("Tû lÖ", "tcvn3", "Tỷ lệ"),
    ("M\u00adêng Kh\u00ad¬ng", "tcvn3", "Mường Khương"),  # ư is the soft-hyphen byte
    ("Phßng V¨n hãa - X· héi", "tcvn3", "Phòng Văn hóa - Xã hội"),
    ("Tyû leä", "vni", "Tỷ lệ"),
    ("Phoøng Vaên hoùa - Xaõ hoäi", "vni", "Phòng Văn hóa - Xã hội"),
    ("ÑAÛNG UÛY", "vni", "ĐẢNG ỦY"),
    ("ñôn vò", "vni", "đơn vị"),
])
def test_known_words_decode(legacy, encoding, unicode):
    assert codec(encoding).decode(legacy) == unicode


VIETNAMESE = ("aăâbcdđeêghiklmnoôơpqrstuưvxy"
              "àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ")


@given(st.text(alphabet=VIETNAMESE + " ,.-0123456789", max_size=60))
def test_tcvn3_round_trip(text):
    legacy = encode(text, "tcvn3")
    assert codec("tcvn3").decode(legacy) == unicodedata.normalize("NFC", text)


@given(st.text(alphabet=VIETNAMESE + VIETNAMESE.upper() + " ,.-0123456789", max_size=60))
def test_vni_round_trip(text):
    assert codec("vni").decode(encode(text, "vni")) == text


@pytest.mark.parametrize(("fontname", "encoding"), [
    (".VnTime", "tcvn3"), ("ABCDEF+.VnTimeH", "tcvn3"), ("#2EVnArial,Bold", "tcvn3"),
    ("VNI-Times", "vni"), ("QWERTY+VNI-Helve-Bold", "vni"),
    ("TimesNewRomanPSMT", None), ("BAAAAA+LiberationSerif-Bold", None), ("Vnexpress", None),
])
def test_font_names_announce_their_encoding(fontname, encoding):
    assert encoding_of_font(fontname) == encoding


def test_capitals_fonts():
    assert is_capitals_font(".VnTimeH") and is_capitals_font("ABCDEF+.VnArialH,Bold")
    assert not is_capitals_font(".VnTime") and not is_capitals_font("TimesNewRomanPS-BoldMT")


@pytest.mark.parametrize(("text", "encoding"), [
    ("Phô lôc 02 C¸c chØ tiªu ph¸t triÓn kinh tÕ - x· héi n¨m 2026 (KÌm theo KÕ ho¹ch", "tcvn3"),
    ("Phuï luïc 02 CAÙC CHÆ TIEÂU PHAÙT TRIEÅN KINH TEÁ - XAÕ HOÄI NAÊM 2026 (Keøm theo", "vni"),
    ("Phụ lục 02: Các chỉ tiêu phát triển kinh tế - xã hội năm 2026 của xã", None),
    ("The quick brown fox jumps over the lazy dog 1234567890", None),
    ("Café crème brûlée à la française, déjà vu, naïve façade", None),
])
def test_detection_from_the_text_alone(text, encoding):
    assert detect_encoding(text) == encoding


def char(text, x0, fontname=".VnTime", top=100.0):
    return {"text": text, "x0": x0, "x1": x0 + 5, "top": top, "bottom": top + 10,
            "size": 12.0, "fontname": fontname}


def test_decode_chars_merges_a_vni_vowel_and_its_tone_mark():
    chars = [char("T", 0, "VNI-Times"), char("y", 5, "VNI-Times"), char("û", 9, "VNI-Times"),
             char(" ", 14, "VNI-Times"), char("l", 17, "Arial"), char("e", 22, "VNI-Times"),
             char("ä", 26, "VNI-Times")]
    out = decode_chars(chars, font_encodings(chars))
    assert "".join(c["text"] for c in out) == "Tỷ lệ"
    assert out[1]["x1"] == chars[2]["x1"]  # the merged letter covers its mark
    assert out[3]["fontname"] == "Arial"


def test_decode_chars_keeps_unicode_fonts_and_capitalises_h_fonts():
    chars = [char("P", 0, ".VnTimeH"), char("h", 5, ".VnTimeH"), char("ô", 10, ".VnTimeH"),
             char("ụ", 20, "TimesNewRomanPSMT")]
    out = decode_chars(chars, font_encodings(chars))
    assert [c["text"] for c in out] == ["P", "H", "Ụ", "ụ"]
    assert decode_chars(chars[3:], font_encodings(chars[3:])) == chars[3:]
