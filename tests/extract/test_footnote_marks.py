"""A footnote mark raised after a figure (probe2 class 1: "Chỉ tiêu năm 2026¹" swapped the
names and targets; "≥ 85²" read 852): no digit of the figure, in DOCX and PDF."""

from pathlib import Path

from docx import Document

from chitieu.extract import read
from chitieu.extract.pdf_grid import line_text


def _cell_texts(tmp_path: Path, header_mark: str, value_mark: str) -> list[list[str]]:
    document = Document()
    table = document.add_table(rows=2, cols=3)
    for c, text in enumerate(["TT", "Tên chỉ tiêu", "Kế hoạch năm 2027"]):
        table.cell(0, c).text = text
    for c, text in enumerate(["1", "Tỷ lệ hộ dùng nước sạch", "≥ 98"]):
        table.cell(1, c).text = text
    for cell, mark in ((table.cell(0, 2), header_mark), (table.cell(1, 2), value_mark)):
        cell.paragraphs[0].add_run(mark).font.superscript = True
    path = tmp_path / "marks.docx"
    document.save(path)
    return [[c.text for c in row.cells] for row in read(path).rows]


def test_a_raised_mark_after_a_figure_is_no_digit_of_it(tmp_path: Path) -> None:
    rows = _cell_texts(tmp_path, "3", "(4)")
    assert rows[-2:] == [["TT", "Tên chỉ tiêu", "Kế hoạch năm 2027"],
                         ["1", "Tỷ lệ hộ dùng nước sạch", "≥ 98"]]


def test_a_raised_digit_after_a_letter_stays(tmp_path: Path) -> None:
    document = Document()
    paragraph = document.add_paragraph("Diện tích sàn 120 m")
    paragraph.add_run("2").font.superscript = True
    path = tmp_path / "unit.docx"
    document.save(path)
    assert read(path).rows[0].cells[0].text == "Diện tích sàn 120 m2"


def _char(text: str, x0: float, size: float = 12.0, bottom: float = 100.0) -> dict:
    return {"text": text, "x0": x0, "x1": x0 + size * 0.5, "size": size, "top": bottom - size,
            "bottom": bottom, "fontname": "Times"}


def test_a_pdfs_small_raised_digit_after_a_figure_is_dropped() -> None:
    chars = [_char("≥", 0), _char(" ", 6), _char("8", 9), _char("5", 15),
             _char("2", 21, size=7.0, bottom=96.0)]
    assert line_text(chars) == "≥ 85"


def test_a_pdfs_digit_of_the_same_size_stays() -> None:
    chars = [_char("8", 9), _char("5", 15), _char("2", 21)]
    assert line_text(chars) == "852"
