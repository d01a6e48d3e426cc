"""pdfium's chars, rules and images come out as pdfplumber's would (same text, same boxes)."""

from collections import Counter
from pathlib import Path

import pytest

pypdfium2 = pytest.importorskip("pypdfium2")
pdfplumber = pytest.importorskip("pdfplumber")

from chitieu.extract.pdf_objects import PageFrame, read_page  # noqa: E402

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _edge_key(edge: dict) -> tuple:
    return (edge["orientation"], *(round(edge[k], 2) for k in ("x0", "x1", "top", "bottom")))


@pytest.mark.parametrize("name", ["office/ward_tasks.pdf", "office/turned_with_blank_page.pdf",
                                  "office/legacy_vni.pdf"])
def test_chars_and_edges_match_pdfplumber(name):
    path = FIXTURES / name
    document = pypdfium2.PdfDocument(path)
    with pdfplumber.open(path) as pdf:
        for index, theirs in enumerate(pdf.pages):
            ours = read_page(document, index)
            assert ours is not None
            assert (round(ours.width, 2), round(ours.height, 2)) == (
                round(float(theirs.width), 2), round(float(theirs.height), 2))
            assert [c["text"] for c in ours.chars] == [c["text"] for c in theirs.chars]
            for mine, plumber in zip(ours.chars, theirs.chars, strict=True):
                for key in ("x0", "x1", "top", "bottom", "size"):
                    assert mine[key] == pytest.approx(plumber[key], abs=1e-3)
                assert mine["upright"] == plumber["upright"]
            oriented = [e for e in theirs.edges if e["orientation"]]
            assert Counter(map(_edge_key, ours.edges)) == Counter(map(_edge_key, oriented))
    document.close()


def test_a_lone_blank_between_two_words_goes_to_pdfminer():
    # "≥\u00a085": the text page drops the non-breaking space, and one blank glyph could
    # be either kind of space, so the page is left to pdfplumber
    document = pypdfium2.PdfDocument(FIXTURES / "office_variants" / "agency_paragraphs.pdf")
    assert read_page(document, 0) is None
    document.close()


@pytest.mark.parametrize(("rotation", "point", "expected"), [
    (0, (10, 20), (10, 80)),
    (90, (10, 20), (20, 10)),
    (180, (10, 20), (40, 20)),
    (270, (10, 20), (80, 40)),
])
def test_the_frame_turns_a_rotated_page_as_pdfminer_does(rotation, point, expected):
    frame = PageFrame((0, 0, 50, 100), rotation)
    assert frame.point(*point) == pytest.approx(expected)
