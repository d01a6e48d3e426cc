"""The scan reader on the committed scan fixtures (tests/fixtures/make_scan_fixtures.py).

These run Tesseract. Without it (and its Vietnamese model) they are skipped with the install
line — except under CI, which installs it, so there they must run.
"""

import json
import shutil
from pathlib import Path

import pytest
from rapidfuzz import fuzz
from tesseract_marks import needs_tesseract

import chitieu
from chitieu import extract
from chitieu.errors import InputError
from chitieu.extract.ocr import tesseract
from chitieu.extract.scan import ocr_pdf_pages, read

SCANS = Path(__file__).resolve().parent.parent / "fixtures" / "scans"
SMALL_PNG = SCANS / "small" / "table_200dpi.png"
SMALL_PDF = SCANS / "small" / "table_200dpi_image_only.pdf"



HEADER = ["Số TT", "Chỉ tiêu", "Đơn vị", "Kết quả", "Cơ quan chủ trì theo dõi, đánh giá",
          "Ghi chú"]
NUMBERS = ["I", "1", "2", "3", "4", "5", "6"]
TARGETS = ["", "≥ 70", "≥ 65", "100", "100", "Hoạt động ổn định", "Hoạt động ổn định"]


def table_rows(doc):
    return [r for r in doc.rows if r.table is not None]


def assert_targets(rows):
    """Numbers exactly (signs included); words may carry an accent slip."""
    read = [r.texts[3] for r in rows]
    assert read[:5] == TARGETS[:5]
    assert all(fuzz.ratio(a, b) >= 90 for a, b in zip(read[5:], TARGETS[5:], strict=True))


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    audit = tmp_path_factory.mktemp("audit")
    return read(SMALL_PNG, audit_dir=audit), audit


@needs_tesseract
def test_small_table_cells(small):
    doc, _ = small
    assert (doc.format, doc.ocr, doc.pages) == ("image", True, 1)
    assert doc.meta["dpi"] == "200"
    assert doc.meta["ocr_engine"].startswith("tesseract")
    rows = table_rows(doc)
    assert rows[0].texts == HEADER
    body = rows[1:]
    assert [r.texts[0] for r in body] == NUMBERS
    assert_targets(body)
    assert [r.texts[2] for r in body[1:5]] == ["%"] * 4
    assert fuzz.ratio(body[2].texts[1], "Tỷ lệ người sử dụng có khả năng truy cập băng rộng cố "
                                        "định với tốc độ trên 01 Gbps/s") >= 95
    assert {r.table for r in rows} == {0}
    assert all(len(r.cells) == 6 for r in rows)


@needs_tesseract
def test_small_table_text_above_and_provenance(small):
    doc, _ = small
    above = [r for r in doc.rows if r.table is None]
    assert [len(r.cells) for r in above] == [1, 1, 1]
    assert fuzz.ratio(above[2].texts[0], "(Kèm theo Kế hoạch số 130/KH-UBND ngày 28/4/2026 của "
                                         "Ủy ban nhân dân xã Đình Lập)") >= 95
    width_points = 2339 * 72 / 200
    for row in doc.rows:
        x0, top, x1, bottom = row.bbox
        assert 0 <= x0 < x1 <= width_points and 0 <= top < bottom
        assert row.page == 1
    assert above[-1].bbox[3] <= table_rows(doc)[0].bbox[1]  # reading order: title first
    confidence = json.loads(doc.meta["ocr_row_confidence"])
    assert len(confidence) == len(doc.rows)
    assert all(50 <= value <= 100 for value in confidence.values())


@needs_tesseract
def test_repairs_are_warned_with_their_row(small):
    doc, _ = small
    repairs = json.loads(doc.meta["ocr_repairs"])
    for item in repairs:
        code = f"ocr_repaired:{item['field']}@p1:r{item['row']}"
        assert code in doc.warnings
        assert doc.rows[item["row"] - 1].cells[item["column"]].text == item["after"]


@needs_tesseract
def test_audit_text_beside_the_output(small):
    _, audit = small
    assert "≥" not in (audit / "page-1.txt").read_text(encoding="utf-8")  # what OCR saw
    assert "Kết quả" in (audit / "page-1.txt").read_text(encoding="utf-8")
    assert "ocr_page" in (audit / "page-1.hocr").read_text(encoding="utf-8")


@needs_tesseract
def test_image_only_pdf_pages():
    doc = ocr_pdf_pages(SMALL_PDF, [1])
    assert (doc.format, doc.ocr, doc.pages) == ("image", True, 1)
    assert doc.meta["dpi"] == "200"  # the scan's own resolution, not a fixed 300
    body = table_rows(doc)[1:]
    assert [r.texts[0] for r in body] == NUMBERS
    assert_targets(body)
    with pytest.raises(InputError, match="no page 2"):
        ocr_pdf_pages(SMALL_PDF, [2])


@needs_tesseract
def test_upside_down_page_is_turned():
    doc = read(SCANS / "edge" / "upside_down.png")
    assert "ocr_page_rotated:p1:180" in doc.warnings
    assert [r.texts[0] for r in table_rows(doc)[1:]] == NUMBERS


@needs_tesseract
@pytest.mark.parametrize(("turn", "warning"), [(90, "ocr_page_rotated:p1:90"),
                                               (270, "ocr_page_rotated:p1:270")])
def test_page_fed_sideways_is_turned(turn, warning, tmp_path):
    """A sheet scanned a quarter turned, either way: its text runs up or down the page."""
    from PIL import Image

    path = SCANS / "edge" / "turned_90.png"
    if turn == 270:  # the committed page turned on round to the other side
        path = tmp_path / "turned_270.png"
        with Image.open(SCANS / "edge" / "turned_90.png") as image:
            image.rotate(180).save(path, dpi=(200, 200))
    doc = read(path)
    assert warning in doc.warnings
    assert [r.texts[0] for r in table_rows(doc)[1:]] == NUMBERS
    assert table_rows(doc)[0].texts == HEADER


def test_upright_pages_are_not_turned():
    """Text lines, not rules or page shape, say a page is turned."""
    import numpy as np
    from PIL import Image

    from chitieu.extract.ocr.page import binarize, runs_vertically

    with Image.open(SMALL_PNG) as image:
        upright = binarize(np.asarray(image.convert("L")))
    assert not runs_vertically(upright, 200)
    assert runs_vertically(np.ascontiguousarray(np.rot90(upright)), 200)
    assert not runs_vertically(np.full((800, 600), 255, np.uint8), 200)  # blank: no opinion


@needs_tesseract
def test_blank_scan_is_a_clear_error():
    with pytest.raises(InputError, match="blank") as caught:
        read(SCANS / "edge" / "blank.png")
    assert caught.value.code == "empty"


@needs_tesseract
def test_blank_page_of_an_image_only_pdf_is_blank(tmp_path):
    """A 200 dpi blank scan in a PDF, rasterised at 300 dpi: its specks grow past a speck's
    size but are still no text."""
    from PIL import Image

    pdf = tmp_path / "blank.pdf"
    with Image.open(SCANS / "edge" / "blank.png") as image:
        image.save(pdf, resolution=200)
    with pytest.raises(InputError, match="blank") as caught:
        extract.read(pdf)
    assert caught.value.code == "empty"


@needs_tesseract
@pytest.mark.parametrize("size", [(1, 1), (20, 300)])
def test_image_too_small_for_a_document(size, tmp_path):
    from PIL import Image

    path = tmp_path / "icon.png"
    Image.new("L", size, 0).save(path, dpi=(1200, 1200))
    with pytest.raises(InputError, match="too small") as caught:
        read(path)
    assert caught.value.code == "empty"


@needs_tesseract
def test_photo_without_a_table_is_a_clear_error():
    with pytest.raises(InputError, match="no table") as caught:
        extract.read(SCANS / "edge" / "photo_no_table.jpg")
    assert caught.value.code == "no_table"


def test_missing_tesseract_says_how_to_install(monkeypatch):
    tesseract.engine_version.cache_clear()
    monkeypatch.setattr(shutil, "which", lambda name: None)
    try:
        with pytest.raises(InputError, match="apt-get install tesseract-ocr tesseract-ocr-vie"):
            read(SMALL_PNG)
    finally:
        monkeypatch.undo()
        tesseract.engine_version.cache_clear()


def test_not_an_image(tmp_path):
    broken = tmp_path / "scan.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    with pytest.raises(InputError, match="not a readable image"):
        read(broken)


@needs_tesseract
def test_seed_scan_matches_its_gold(shared_dir):
    """A four-page photocopy of a seed, end to end: the records of its gold file."""
    stem = "004_0020e8dd3583fe02"
    gold = json.loads((shared_dir / "gold" / f"{stem}.gold.json").read_text(encoding="utf-8"))
    doc = chitieu.convert(SCANS / "200dpi" / f"{stem}.tif")
    assert (doc.source.format, doc.source.ocr, doc.source.pages) == ("image", True, 4)
    assert doc.plan.number == gold["plan"]["number"]
    predicted = {r.key: r for r in doc.records}
    right = 0
    for record in gold["records"]:
        got = predicted.get(record["key"])
        if got is None:
            continue
        target = got.target.model_dump() if got.target else None
        same_target = (target is None) == (record["target"] is None) and (
            target is None or (target["op"], target["value"]) ==
            (record["target"]["op"], record["target"]["value"]))
        agencies = sorted((a.role, a.id) for a in got.agencies)
        same_agencies = agencies == sorted((a["role"], a["id"]) for a in record["agencies"])
        right += same_target and same_agencies
    assert right >= 0.9 * len(gold["records"])


def test_an_image_only_pdf_page_is_its_scans_own_pixels():
    """The PDF holds the PNG's page as its one image: the reader gets the scanner's pixels at
    its resolution, not a resampled rendering."""
    import numpy as np

    from chitieu.extract.ocr.page import load_image_pages, render_pdf_pages

    (png,) = load_image_pages(SMALL_PNG)
    (pdf,) = render_pdf_pages(SMALL_PDF, None)
    assert (pdf.dpi, pdf.pixels.shape) == (200, png.pixels.shape)
    assert np.array_equal(pdf.pixels, png.pixels)
    (fixed,) = render_pdf_pages(SMALL_PDF, [1], dpi=300)
    assert fixed.dpi == 300 and abs(fixed.pixels.shape[1] - png.pixels.shape[1] * 1.5) <= 2


def test_a_page_is_read_at_the_resolution_of_its_scan(tmp_path):
    import pypdfium2
    from PIL import Image

    from chitieu.extract.ocr.page import image_dpi, render_pdf_pages

    # an A4 sheet scanned at 150 dpi
    sheet = Image.new("L", (1240, 1754), 255)
    target = tmp_path / "sheet.pdf"
    sheet.save(target, resolution=150)
    document = pypdfium2.PdfDocument(str(target))
    page = document[0]
    assert image_dpi(page) == 150
    page.close()
    document.close()
    (rendered,) = render_pdf_pages(target, None)
    assert rendered.dpi == 150 and rendered.pixels.shape == (1754, 1240)
