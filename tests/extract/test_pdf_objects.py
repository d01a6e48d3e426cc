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


def _two_lines_pdf(first: str, second: str) -> bytes:
    """A one-page PDF of two lines of Helvetica, written with pdfium itself."""
    import ctypes
    import io

    import pypdfium2.raw as pdfium_c

    document = pypdfium2.PdfDocument.new()
    page = document.new_page(300, 200)
    for text, y in ((first, 150), (second, 135)):
        obj = pdfium_c.FPDFPageObj_NewTextObj(document.raw, b"Helvetica", 12.0)
        buffer = ctypes.create_string_buffer((text + "\0").encode("utf-16-le"))
        pdfium_c.FPDFText_SetText(obj, ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR)))
        pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, 20, y)
        pdfium_c.FPDFPage_InsertObject(page.raw, obj)
    pdfium_c.FPDFPage_GenerateContent(page.raw)
    out = io.BytesIO()
    document.save(out)
    document.close()
    return out.getvalue()


def test_a_hyphen_ending_a_line_stays_a_hyphen():
    # pdfium's text page writes a hyphen it takes for a word broken at a line end
    # ("NĐ-" / "CP", "KT-" / "HT&ĐT") as U+FFFE; the page shows "-", as pdfplumber reads it
    data = _two_lines_pdf("Theo Nghi dinh 70/ND-", "CP cua Chinh phu")
    document = pypdfium2.PdfDocument(data)
    ours = read_page(document, 0)
    document.close()
    assert ours is not None
    text = "".join(c["text"] for c in ours.chars)
    assert "\ufffe" not in text and "70/ND-CP" in text
