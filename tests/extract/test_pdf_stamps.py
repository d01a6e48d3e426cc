"""Text a signing system stamps on a plan in annotations (the number and date of a signed
plan, over the blanks the typist left) is read where it prints, as printed."""

import ctypes
import io
from pathlib import Path

import pytest

pypdfium2 = pytest.importorskip("pypdfium2")
pytest.importorskip("pdfplumber")

import pypdfium2.raw as pdfium_c  # noqa: E402

from chitieu import convert  # noqa: E402
from chitieu.extract import pdf  # noqa: E402
from chitieu.extract.pdf_page import page_view, uncovered  # noqa: E402

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _text(document, text: str, x: float, y: float):
    obj = pdfium_c.FPDFPageObj_NewTextObj(document.raw, b"Helvetica", 12.0)
    buffer = ctypes.create_string_buffer((text + "\0").encode("utf-16-le"))
    pdfium_c.FPDFText_SetText(obj, ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR)))
    pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, y)
    return obj


HEADER = "So:          /KH-UBND"
TITLE = "KE HOACH Trien khai chuyen doi so tren dia ban xa nam 2026"
SIGNATURE = "Ky boi: Uy ban nhan dan xa Dinh Lap, Thoi gian ky: 14.07.2026 08:56:57"


def _stamped_pdf(tmp_path, flags: int, stamp: str = "277", scanned: bool = False) -> str:
    """A header line with a blank run for the number and a title (or, `scanned`, a picture
    of the whole page and no text), and a stamp annotation printing `stamp` over the blank
    run, as signing systems stamp the number at issue."""
    document = pypdfium2.PdfDocument.new()
    page = document.new_page(400, 200)
    if scanned:
        _insert_page_picture(document, page)
    else:
        pdfium_c.FPDFPage_InsertObject(page.raw, _text(document, HEADER, 20, 150))
        pdfium_c.FPDFPage_InsertObject(page.raw, _text(document, TITLE, 20, 120))
    pdfium_c.FPDFPage_GenerateContent(page.raw)
    annotation = pdfium_c.FPDFPage_CreateAnnot(page.raw, pdfium_c.FPDF_ANNOT_STAMP)
    pdfium_c.FPDFAnnot_SetRect(annotation, pdfium_c.FS_RECTF(45, 165, 390, 145))
    pdfium_c.FPDFAnnot_AppendObject(annotation, _text(document, stamp, 48, 150))
    pdfium_c.FPDFAnnot_SetFlags(annotation, flags)
    pdfium_c.FPDFPage_CloseAnnot(annotation)
    out = io.BytesIO()
    document.save(out)
    document.close()
    path = tmp_path / "stamped.pdf"
    path.write_bytes(out.getvalue())
    return str(path)


def _insert_page_picture(document, page) -> None:
    bitmap = pypdfium2.PdfBitmap.new_native(400, 200, pdfium_c.FPDFBitmap_BGR)
    bitmap.fill_rect((255, 255, 255, 255), 0, 0, 400, 200)
    image = pdfium_c.FPDFPageObj_NewImageObj(document.raw)
    pdfium_c.FPDFImageObj_SetBitmap(None, 0, image, bitmap.raw)
    pdfium_c.FPDFImageObj_SetMatrix(image, 400, 0, 0, 200, 0, 0)
    pdfium_c.FPDFPage_InsertObject(page.raw, image)


def _lines(path) -> list[str]:
    return [" ".join(cell.text for cell in row.cells) for row in pdf.read(path).rows]


def test_a_number_stamped_in_an_annotation_is_read_in_its_place(tmp_path):
    path = _stamped_pdf(tmp_path, pdfium_c.FPDF_ANNOT_FLAG_PRINT)
    assert _lines(path) == ["So: 277 /KH-UBND", TITLE]


def test_an_annotation_that_does_not_print_is_not_read(tmp_path):
    path = _stamped_pdf(tmp_path, pdfium_c.FPDF_ANNOT_FLAG_NOVIEW)
    assert "277" not in " ".join(_lines(path))


def test_a_signature_stamped_on_a_scanned_page_leaves_it_a_scan(tmp_path):
    # the stamp is in the page's picture for OCR; its words must not pass for a text layer
    path = _stamped_pdf(tmp_path, pdfium_c.FPDF_ANNOT_FLAG_PRINT, SIGNATURE, scanned=True)
    pages, plumber, _ = pdf._pdfium_pages(Path(path))
    assert plumber is None
    assert page_view(pages[0], 1).state == "scan"


def _stamp_over(source: Path, out: Path, left: float, top: float, lines: list[str]) -> None:
    """`source` with a printed stamp annotation of `lines` whose top-left corner is at
    (`left`, `top`), measured from the page's top."""
    document = pypdfium2.PdfDocument(source)
    page = document[0]
    height = page.get_height()
    annotation = pdfium_c.FPDFPage_CreateAnnot(page.raw, pdfium_c.FPDF_ANNOT_STAMP)
    pdfium_c.FPDFAnnot_SetRect(annotation, pdfium_c.FS_RECTF(
        left, height - top + 2, left + 200, height - top - 12 * len(lines) - 4))
    for i, line in enumerate(lines):
        pdfium_c.FPDFAnnot_AppendObject(
            annotation, _text(document, line, left + 2, height - top - 10 - 12 * i))
    pdfium_c.FPDFAnnot_SetFlags(annotation, pdfium_c.FPDF_ANNOT_FLAG_PRINT)
    pdfium_c.FPDFPage_CloseAnnot(annotation)
    page.close()
    with out.open("wb") as handle:
        document.save(handle)
    document.close()


def test_a_stamp_over_a_tables_cells_is_left_out_and_said(tmp_path):
    # a signature stamped over the right cells of rows 1-2: merged, its glyphs would
    # interleave with the cells' glyph by glyph and corrupt deadlines and agencies
    source = FIXTURES / "office" / "ward_tasks.pdf"
    stamped = tmp_path / "ward_tasks.pdf"
    _stamp_over(source, stamped, 420, 150, SIGNATURE.split(", "))
    plain, over = convert(source), convert(stamped)
    assert [r.model_dump(exclude={"source"}) for r in over.records] == [
        r.model_dump(exclude={"source"}) for r in plain.records]
    assert "annotation_over_text:p1" in over.warnings


def test_a_stamp_on_the_blank_part_of_a_tables_cell_is_left_out_and_said(tmp_path):
    # right of the last line of row 4's name, inside its ruled cell: merged, the stamp's
    # words would end the task's name (review r2)
    source = FIXTURES / "office" / "ward_tasks.pdf"
    stamped = tmp_path / "ward_tasks.pdf"
    _stamp_over(source, stamped, 250, 350, ["Ky boi: VP UB"])
    plain, over = convert(source), convert(stamped)
    assert [r.model_dump(exclude={"source"}) for r in over.records] == [
        r.model_dump(exclude={"source"}) for r in plain.records]
    assert "annotation_over_text:p1" in over.warnings


def test_a_stamp_on_blank_paper_beside_a_table_is_read(tmp_path):
    source = FIXTURES / "office" / "ward_tasks.pdf"
    stamped = tmp_path / "ward_tasks.pdf"
    _stamp_over(source, stamped, 600, 20, SIGNATURE.split(", "))
    lines = _lines(stamped)
    assert any(line.startswith("Ky boi: Uy ban nhan dan xa Dinh Lap") for line in lines)
    assert not any(w.startswith("annotation_over_text") for w in convert(stamped).warnings)


def _char(text: str, x0: float, x1: float, bottom: float = 50.0) -> dict:
    return {"text": text, "x0": x0, "x1": x1, "top": bottom - 12, "bottom": bottom,
            "upright": True}


def test_spaces_under_a_stamped_glyph_go_and_other_spaces_stay():
    chars = [_char("S", 0, 7), _char(" ", 7, 10), _char(" ", 10, 13), _char(" ", 13, 16),
             _char("2", 9, 16, bottom=50.4), _char(" ", 16, 19), _char("/", 19, 23),
             _char(" ", 11, 14, bottom=70.0)]
    kept = uncovered(chars)
    assert [(c["text"], c["x0"], c["bottom"]) for c in kept] == [
        ("S", 0, 50.0), (" ", 7, 50.0), ("2", 9, 50.4), (" ", 16, 50.0), ("/", 19, 50.0),
        (" ", 11, 70.0)]


def test_the_pdf_readers_use_only_each_others_public_names() -> None:
    """The stamp reader collects a page's rules with pdf_objects' public walk of its objects
    (a private name imported across modules is a dependency nobody sees when changing it)."""
    import ast

    folder = Path(pdf.__file__).resolve().parent
    private = []
    for name in ("pdf", "pdf_grid", "pdf_objects", "pdf_stamps", "pdf_page"):
        tree = ast.parse((folder / f"{name}.py").read_text(encoding="utf-8"))
        private += [f"{name}: {node.module}.{alias.name}" for node in ast.walk(tree)
                    if isinstance(node, ast.ImportFrom)
                    and (node.module or "").startswith("chitieu.extract.pdf")
                    for alias in node.names if alias.name.startswith("_")]
    assert private == []
