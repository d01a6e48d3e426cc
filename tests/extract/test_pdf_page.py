"""A PDF page made ready for reading: duplicate glyphs, text direction, usable text layer."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from chitieu.extract import pdf
from chitieu.extract.pdf_page import _state, dedupe, text_direction

OFFICE = Path(__file__).parent.parent / "fixtures" / "office"


def glyph(text: str, x0: float, top: float, size: float = 12.0) -> dict:
    return {"text": text, "x0": x0, "x1": x0 + 6, "top": top, "bottom": top + size,
            "size": size, "fontname": "Times"}


def run(text: str, x0: float = 10, top: float = 10, dx: float = 6, dy: float = 0) -> list[dict]:
    return [glyph(ch, x0 + i * dx, top + i * dy) for i, ch in enumerate(text)]


def test_a_glyph_drawn_twice_a_hair_apart_counts_once():
    word = run("Tổng")
    shadow = [{**c, "x0": c["x0"] + 0.4, "x1": c["x1"] + 0.4, "top": c["top"] + 0.3}
              for c in word]
    assert dedupe(word + shadow) == word
    assert dedupe(run("TT", dx=6)) == run("TT", dx=6)  # a letter twice in a row is kept


def test_text_direction_follows_the_advance_of_letters():
    assert text_direction(run("Phụ lục 02")) == "right"
    assert text_direction(run("Phụ lục 02", dx=0, dy=6)) == "down"
    assert text_direction(run("Phụ lục 02", dx=0, dy=-6, top=500)) == "up"
    assert text_direction(run("Phụ lục 02", dx=-6, x0=500)) == "left"
    assert text_direction([]) == "right"


def page(images=(), width=842.0, height=595.0):
    return SimpleNamespace(images=list(images), width=width, height=height)


def test_states_of_a_text_layer():
    full_image = {"x0": 0, "x1": 842, "top": 0, "bottom": 595}
    logo = {"x0": 0, "x1": 50, "top": 0, "bottom": 50}
    text = run("Tỷ lệ hộ nghèo theo chuẩn đa chiều, năm 2026, toàn xã") * 2
    assert _state(page(), text) == "text"
    assert _state(page(), []) == "blank"
    assert _state(page([full_image]), []) == "scan"
    assert _state(page([full_image]), run("Ký bởi: UBND")) == "scan"  # a signature stamp
    assert _state(page([logo]), run("Phụ lục")) == "text"
    assert _state(page(), [glyph("(cid:37)", i * 6, 10) for i in range(60)]) == "unmapped"


def test_turned_pages_read_as_upright_ones_and_a_blank_page_is_noted():
    turned = pdf.read(OFFICE / "turned_with_blank_page.pdf")
    upright = pdf.read(OFFICE / "ward_tasks.pdf")
    assert [row.texts for row in turned.rows] == [row.texts for row in upright.rows]
    for a, b in zip(turned.rows, upright.rows, strict=True):
        assert a.bbox == pytest.approx(b.bbox, abs=0.01)  # in the upright frame
    assert turned.warnings == ["page_turned:1:down", "page_turned:2:down", "blank_page:3"]
    assert turned.pages == 3


def test_text_struck_through_is_dropped_and_underlined_text_kept():
    # probe2 P6: a PDF printed with tracked changes shows the deleted "99" struck through
    # beside the inserted, underlined "100"; the cell was read as 99100
    from chitieu.extract.pdf_page import _not_struck

    def char(text, x0):
        return {"text": text, "x0": x0, "x1": x0 + 7, "top": 147.2, "bottom": 158.2}

    chars = [char("9", 349.3), char("9", 356.3), char("1", 363.3), char("0", 370.3),
             char("0", 377.3)]
    edges = [{"orientation": "h", "x0": 349.3, "x1": 363.3, "top": 155.1},  # the strike
             {"orientation": "h", "x0": 363.3, "x1": 384.3, "top": 159.3},  # the underline
             {"orientation": "v", "x0": 340.0, "x1": 340.0, "top": 150.0}]
    assert "".join(c["text"] for c in _not_struck(chars, edges)) == "100"
