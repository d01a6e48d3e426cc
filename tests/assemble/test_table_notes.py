"""A line the assembly reads as no row of the table (a caption, a footnote spanning the
table, a line outside it) is never dropped in silence: its words stand in a document
warning `table_note:<text>`; a continuation label ("PHỤ LỤC 01 (tiếp theo)") says nothing
and is no note."""

from chitieu import convert_text
from chitieu.assemble.table import assemble
from chitieu.extract import read_text

_ROW = ("<tr><td>{n}</td><td>Tỷ lệ hộ dùng dịch vụ số {n}</td><td>%</td><td>90</td>"
        "<td>Phòng Kinh tế</td></tr>")
_HEAD = ("<tr><th>TT</th><th>Chỉ tiêu</th><th>Đơn vị tính</th><th>Chỉ tiêu năm 2026</th>"
         "<th>Cơ quan chủ trì</th></tr>")


def _html(body: str) -> str:
    return f"<html><body><p>PHỤ LỤC</p>{body}</body></html>"


def test_a_footnote_row_spanning_the_table_is_kept_in_a_note() -> None:
    doc = convert_text(_html(
        f"<table>{_HEAD}{_ROW.format(n=1)}{_ROW.format(n=2)}"
        "<tr><td colspan='5'>Chỉ tiêu 2 tính trên số hộ có điện lưới quốc gia.</td></tr>"
        "</table>"), "html")
    assert len(doc.records) == 2
    assert "table_note:Chỉ tiêu 2 tính trên số hộ có điện lưới quốc gia." in doc.warnings


def test_a_caption_between_two_tables_is_kept_in_a_note() -> None:
    doc = convert_text(_html(
        f"<table>{_HEAD}{_ROW.format(n=1)}</table>"
        "<p>Biểu 3: Các chỉ tiêu về xã hội số</p>"
        f"<table>{_ROW.format(n=2)}</table>"), "html")
    assert [r.number for r in doc.records] == ["1", "2"]
    assert "table_note:Biểu 3: Các chỉ tiêu về xã hội số" in doc.warnings


def test_a_line_before_the_repeated_header_is_kept_in_a_note() -> None:
    table = assemble(read_text(
        "STT\tNhiệm vụ\tĐơn vị chủ trì\tThời hạn\n"
        "1\tRà soát dữ liệu\tCông an xã\tQuý I/2026\n"
        "\n"
        "Số liệu lấy theo Cơ sở dữ liệu quốc gia về dân cư\n"
        "STT\tNhiệm vụ\tĐơn vị chủ trì\tThời hạn\n"
        "2\tCập nhật dữ liệu\tCông an xã\tQuý II/2026\n", "text"))
    assert len(table.rows) == 2
    assert [w for w in table.warnings if w.startswith("table_note")] == [
        "table_note:Số liệu lấy theo Cơ sở dữ liệu quốc gia về dân cư"]


def test_a_continuation_label_before_the_repeated_header_is_no_note() -> None:
    table = assemble(read_text(
        "STT\tNhiệm vụ\tĐơn vị chủ trì\tThời hạn\n"
        "1\tRà soát dữ liệu\tCông an xã\tQuý I/2026\n"
        "Phụ lục 02 (tiếp theo)\n"
        "STT\tNhiệm vụ\tĐơn vị chủ trì\tThời hạn\n"
        "2\tCập nhật dữ liệu\tCông an xã\tQuý II/2026\n", "text"))
    assert len(table.rows) == 2
    assert not [w for w in table.warnings if w.startswith("table_note")]


def test_a_long_stray_line_is_clipped_in_its_note() -> None:
    # (review) a page of prose spanning the table is found in the source by its opening
    # words: the warning carries 2,000 characters at most, not the whole page
    paragraph = "Số liệu: " + "số liệu tổng hợp từ báo cáo của các thôn, tổ dân phố; " * 50
    doc = convert_text(_html(
        f"<table>{_HEAD}{_ROW.format(n=1)}{_ROW.format(n=2)}"
        f"<tr><td colspan='5'>{paragraph}</td></tr></table>"), "html")
    [note] = [w for w in doc.warnings if w.startswith("table_note:")]
    assert len(note) <= len("table_note:") + 2000 and note.endswith("…")
    assert paragraph.startswith(note.removeprefix("table_note:").removesuffix("…"))


def test_a_note_under_the_table_is_kept_in_a_note() -> None:
    # (review) "Ghi chú: …" ends the table as a note sentence: its words were dropped
    doc = convert_text(_html(
        f"<table>{_HEAD}{_ROW.format(n=1)}{_ROW.format(n=2)}"
        "<tr><td colspan='5'>Ghi chú: số liệu tổng hợp từ báo cáo của các thôn.</td></tr>"
        "</table>"), "html")
    assert len(doc.records) == 2
    assert "table_note:Ghi chú: số liệu tổng hợp từ báo cáo của các thôn." in doc.warnings
