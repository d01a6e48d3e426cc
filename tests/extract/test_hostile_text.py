"""Text inputs built to hurt: markup nested thousands deep, a line of 300,000 characters.
Each is a Document or one clear line (InputError), never a RecursionError or a hang."""

import time

import pytest

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
