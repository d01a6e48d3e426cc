"""Text inputs built to hurt: markup nested thousands deep, a line of 300,000 characters.
Each is a Document or one clear line (InputError), never a RecursionError or a hang."""

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chitieu import convert_text
from chitieu.errors import InputError

TABLE = ("<table><tr><td>TT</td><td>Nội dung</td><td>Chỉ tiêu</td></tr>"
         "<tr><td>1</td><td>Tỷ lệ hộ dùng nước sạch</td><td>≥ 90%</td></tr></table>")
CASES = {
    "tables nested 5,000 deep": "<table><tr><td>" * 5_000 + "x" + "</td></tr></table>" * 5_000,
    "a table under 20,000 divs": "<div>" * 20_000 + TABLE + "</div>" * 20_000,
    "20,000 unclosed list items": "<ul><li>" * 20_000 + TABLE,
    "bold 50,000 deep": "<b>" * 50_000 + "TT</b>",
    "Markdown quoted 50,000 deep": ">" * 50_000 + " | a | b |\n" + ">" * 50_000 + "|---|---|\n",
    "a list nested 1,000 deep": "".join("  " * i + "- x\n" for i in range(1_000)),
    "a line of 300,000 characters": "x" * 300_000,
}


@pytest.mark.parametrize("text", CASES.values(), ids=list(CASES))
def test_hostile_text_is_a_document_or_one_clear_line(text: str) -> None:
    started = time.process_time()
    try:
        doc = convert_text(text)
    except InputError as exc:
        assert str(exc).strip() and "\n" not in str(exc)
    else:
        assert doc.records is not None
    assert time.process_time() - started < 20


def test_a_layout_line_of_34000_characters_reads_within_five_seconds() -> None:
    # pdftotext's layout text with one row printed 400 times on its line: the reader
    # compared each word with every word of its line, and each column's line with every
    # other (4 s to read, 6.8 s to convert; now 2 s)
    from pathlib import Path

    source = (Path(__file__).resolve().parents[1] / "fixtures" / "real" / "imitations"
              / "quoc_gia_chi_tieu_thuc_hien_hep.pdftotext-layout.txt")
    lines = source.read_text("utf-8").split("\n")
    lines[6] *= 400
    started = time.process_time()
    doc = convert_text("\n".join(lines), "layout")
    assert doc.records
    assert time.process_time() - started < 5


@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 60), st.integers(0, 60)),
                max_size=12))
def test_left_alignment_counts_as_the_pairwise_comparison_did(chunks) -> None:
    from chitieu.extract.layout import _Alignment

    chunks = [(line, x0, x0 + width) for line, x0, width in chunks]
    if len(chunks) < 2:
        assert not _Alignment._left_aligned(chunks)
        return
    starts = [x0 for _, x0, _ in chunks]
    centres = [(x0 + x1) / 2 for _, x0, x1 in chunks]
    pairwise = max(starts.count(x) for x in starts) > max(
        sum(abs(c - m) <= 0.5 for c in centres) for m in centres)
    assert _Alignment._left_aligned(chunks) == pairwise


@pytest.mark.parametrize("head", ["–", "**", ""])
def test_a_portal_header_cell_without_words_is_no_group_and_no_error(head: str) -> None:
    # a damaged portal text: a first header row cell holding no word ("**" left of a bold
    # label) over a two-row header raised IndexError (header_candidates gives no role)
    from chitieu.extract.portal import _group_position

    assert _group_position(["STT", head, "Cơ quan thực hiện", "Thời hạn"],
                           ["Chủ trì", "Phối hợp"]) == 2


def test_a_layout_header_wider_than_a_pages_columns_is_no_error() -> None:
    # a damaged layout text: the page break (form feed) and the header's last wrapped line
    # ("thành" of "Thời gian hoàn thành") swapped, the title line blanked: the rows read
    # under a header of more labels than their page's columns, whose deadline column was
    # looked for there (IndexError)
    from pathlib import Path

    source = (Path(__file__).resolve().parents[1] / "fixtures" / "real" / "imitations"
              / "quoc_gia_de_an_nhiem_vu_doc.pdftotext-layout.txt")
    lines = source.read_text("utf-8").split("\n")
    assert lines[8].strip() == "thành" and lines[-1] == "\f"
    lines[8], lines[-1] = lines[-1], lines[8]
    lines[0] = " " * 45
    doc = convert_text("\n".join(lines), "layout")
    assert doc.records


def test_a_long_cell_is_judged_as_a_header_label_in_linear_time() -> None:
    # a pattern of header_roles.yaml opened with ".*", which a search tried from every start
    # to every end: a 6,400-character cell (the cells reader's raw text with a line repeated)
    # took 1.5 s, 20,000 characters 15 s
    from chitieu.core.headers import header_candidates

    started = time.process_time()
    assert header_candidates("Rà soát cơ sở vật chất các trường học " * 550) == ("unknown",)
    assert time.process_time() - started < 1
