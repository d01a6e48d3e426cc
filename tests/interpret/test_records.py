"""Interpreting logical rows: section rows in every form, keys, kinds, units from headers."""

import pytest

from chitieu import convert_text

HEADER = "STT\tNội dung\tChỉ tiêu\tCơ quan chủ trì\tThời hạn"


def _records(body: str, header: str = HEADER) -> list:
    return convert_text(f"{header}\n{body}", "text").records


def _chains(records) -> list[tuple[str, list[str]]]:
    return [(r.key, [s.number for s in r.section]) for r in records]


def test_parts_arabic_sections_and_items() -> None:
    records = _records(
        "PHẦN I. CÁC CHỈ TIÊU\t\t\t\t\n1.\tChính quyền số\t\t\t\n"
        "1.1\tTỷ lệ A\t100%\tPhòng Kinh tế\t2026\n2.\tKinh tế số\t\t\t\n"
        "-\tTổ chức hội nghị\t\tPhòng Kinh tế\tQuý I/2026\n"
        "Phần II: Các nhiệm vụ\t\t\t\t\n1.\tXây dựng kế hoạch\t\tPhòng Kinh tế\tQuý I/2026\n")
    assert _chains(records) == [
        ("PHẦN I/1/1.1", ["PHẦN I", "1"]),
        ("PHẦN I/2/#1", ["PHẦN I", "2"]),
        ("Phần II/1", ["Phần II"]),
    ]
    assert records[2].section[0].title == "Các nhiệm vụ"


def test_a_numbered_row_without_values_over_lettered_items_is_their_group() -> None:
    # "2" names what its items a), b) do, with no agency or deadline of its own: their group,
    # whether or not it is printed in bold (a sheet saved as text keeps no bold)
    records = _records(
        "I\tTHỂ CHẾ\t\t\t\n1\tBan hành quy chế dữ liệu\t\tSở Tư pháp\tQuý II/2026\n"
        "2\tRà soát thủ tục hành chính\t\t\t\n"
        "a)\tThủ tục cấp tỉnh\t\tVăn phòng UBND tỉnh\tQuý III/2026\n"
        "b)\tThủ tục cấp xã\t\tUBND các xã, phường\tQuý IV/2026\n"
        "3\tBáo cáo kết quả\t\tSở Nội vụ\t\n"
        "a)\tBáo cáo quý\t\tSở Nội vụ\tHằng quý\n")
    assert _chains(records)[:3] == [("I/1", ["I"]), ("I/2/a)", ["I", "2"]),
                                    ("I/2/b)", ["I", "2"])]
    assert records[1].section[1].title == "Rà soát thủ tục hành chính"


def test_a_roman_section_keeps_being_a_section_under_words_spilled_into_its_deadline() -> None:
    records = _records(
        "III.\tHạ tầng\t\t\t\n1.\tBảo đảm nguồn lực\t\tBộ Tài chính\t2025 và những năm tiếp theo\n"
        "IV.\tPhát triển nhân lực\t\t\tnăm tiếp theo\n"
        "2.\tXây dựng đề án\t\tBộ Nội vụ\t2025\n"
        "V.\tHợp tác\t\tBộ Ngoại giao\tThường xuyên\n")
    assert _chains(records) == [("III/1", ["III"]), ("IV/2", ["IV"]), ("IV/V", ["IV"])]


def test_an_editors_note_in_brackets_is_no_value_of_a_section_row() -> None:
    records = _records("I\tChỉ đạo, điều hành\t\t[đầu mối liên hệ đã lược bỏ]\t\n"
                       "1\tBan hành kế hoạch\t\tSở Nội vụ [đề nghị bỏ]\tQuý I/2026\n")
    assert _chains(records) == [("I/1", ["I"])]
    assert [a.id for a in records[0].agencies] == ["so-noi-vu"]


def test_an_arabic_row_with_values_is_an_item_not_a_section() -> None:
    records = _records("1.\tChính quyền số\t\t\t\n1.1\tTỷ lệ A\t100%\tPhòng Kinh tế\t2026\n"
                       "2\tTỷ lệ B\t90%\tPhòng Kinh tế\t2026\n")
    assert _chains(records) == [("1/1.1", ["1"]), ("2", [])]


def test_letter_roman_and_arabic_sections_nest() -> None:
    records = _records("A\tMỤC TIÊU\t\t\t\nI.\tHạ tầng\t\t\t\n"
                       "1\tTỷ lệ A\t100%\tPhòng Kinh tế\t2026\n"
                       "II\tNguồn lực\t\t\t\n1\tTỷ lệ B\t90%\tPhòng Kinh tế\t2026\n"
                       "B\tNHIỆM VỤ\t\t\t\n1\tViệc C\t\tPhòng Kinh tế\t2026\n")
    assert _chains(records) == [("A/I/1", ["A", "I"]), ("A/II/1", ["A", "II"]), ("B/1", ["B"])]


@pytest.mark.parametrize(("header", "cell", "unit"), [
    ("STT\tNội dung\tChỉ tiêu năm 2026 (%)\tCơ quan chủ trì\tThời hạn", "≥ 90", "%"),
    ("STT\tNội dung\tĐVT\tChỉ tiêu năm 2026 (%)\tCơ quan chủ trì", "hộ\t≥ 90", "hộ"),
])
def test_the_unit_column_wins_over_a_unit_in_the_header(header: str, cell: str,
                                                         unit: str) -> None:
    record = _records(f"1\tSố A\t{cell}\tPhòng Kinh tế\t2026", header)[0]
    assert (record.target.op, record.target.value, record.target.unit) == (">=", 90, unit)


@pytest.mark.parametrize("line", ["\t\t\tĐVT: Triệu đồng", "Đơn vị tính: triệu đồng.",
                                  "\t\t(Đơn vị tính: Triệu đồng)"])
def test_a_unit_printed_once_above_the_table_is_every_value_s(line: str) -> None:
    # a budget's "ĐVT: Triệu đồng" right above its table: the values had no unit
    text = (f"PHỤ LỤC\nKẾ HOẠCH THU, CHI NGÂN SÁCH NĂM 2026\n{line}\n"
            "STT\tNội dung\tKế hoạch năm 2026\tThực hiện năm 2025\n"
            "1\tThu ngân sách xã\t12.500\t11.000\n2\tChi thường xuyên\t7.900\t7.100\n")
    records = convert_text(text, "text").records
    assert [(r.target.value, r.target.unit, r.baseline.unit) for r in records] == [
        (12500, "triệu đồng", "triệu đồng"), (7900, "triệu đồng", "triệu đồng")]


def test_a_unit_column_wins_over_a_unit_line_above_the_table() -> None:
    text = ("ĐVT: Triệu đồng\nSTT\tNội dung\tĐơn vị tính\tKế hoạch năm 2026\n"
            "1\tTỷ lệ giải ngân\t%\t100\n2\tThu ngân sách xã\t\t12.500\n")
    records = convert_text(text, "text").records
    assert [r.target.unit for r in records] == ["%", "triệu đồng"]


def test_items_numbered_like_their_section_stay_inside_it() -> None:
    records = _records("<b>1.</b>\t<b>Chính quyền số</b>\t\t\t\n"
                       "1\tTỷ lệ A\t100%\tPhòng Kinh tế\t2026\n"
                       "2\tTỷ lệ B\t90%\tPhòng Kinh tế\t2026\n<b>2.</b>\t<b>Kinh tế số</b>\t\t\t\n"
                       "1\tTỷ lệ C\t80%\tPhòng Kinh tế\t2026\n")
    assert _chains(records) == [("1/1", ["1"]), ("1/2", ["1"]), ("2/1", ["2"])]


def test_ocr_confidence_and_repairs_reach_the_record() -> None:
    from chitieu.core.types import Cell, RawDocument, RawRow
    from chitieu.pipeline import interpret

    def row(*cells: str, line: int, **extra) -> RawRow:
        return RawRow([Cell(c) for c in cells], first_line=line, last_line=line, page=1,
                      **extra)

    raw = RawDocument(rows=[
        row("TT", "Nội dung", "Đơn vị chủ trì", line=1),
        row("1", "Tỷ lệ hộ dùng ví điện tử", "Phòng Kinh tế", line=2, confidence=0.81,
            warnings=["ocr_repaired:agency"]),
        row("2", "Tỷ lệ hộ có tài khoản", "Phòng Kinh tế", line=3, confidence=0.97),
        row("", "ngân hàng", "", line=4, confidence=0.74),
    ], format="image", ocr=True)
    first, second = interpret(raw, file="scan.png", sha256="0" * 64).records
    assert first.source.ocr_confidence == 0.81
    assert "ocr_repaired:agency" in first.warnings
    assert first.agencies[0].score == 0.9  # the repaired cell's match is less certain
    assert second.name == "Tỷ lệ hộ có tài khoản ngân hàng"
    assert second.source.ocr_confidence == 0.74  # the weakest of its lines
    assert second.agencies[0].score == 1.0


def test_a_section_number_merged_over_two_title_rows_is_one_section() -> None:
    """"I" merged over a section title and a line under it: the second row continues the
    section's title instead of replacing it; a later "I" after records is a new section."""
    html = ("<table><tr><th>TT</th><th>Nhiệm vụ</th><th>Chủ trì</th><th>Thời hạn</th></tr>"
            "<tr><td rowspan='2'>I</td><td colspan='3'><b>Dữ liệu</b></td></tr>"
            "<tr><td colspan='3'>Nhóm nhiệm vụ làm sạch dữ liệu</td></tr>"
            "<tr><td>1</td><td>Số hóa hồ sơ</td><td>Phòng Kinh tế</td><td>Quý II/2026</td></tr>"
            "<tr><td>II</td><td colspan='3'><b>Hạ tầng</b></td></tr>"
            "<tr><td>2</td><td>Phủ sóng 4G</td><td>Phòng Kinh tế</td><td>Quý III/2026</td></tr>"
            "</table>")
    records = convert_text(html, "html").records
    assert [(r.key, [(s.number, s.title) for s in r.section]) for r in records] == [
        ("I/1", [("I", "Dữ liệu Nhóm nhiệm vụ làm sạch dữ liệu")]),
        ("II/2", [("II", "Hạ tầng")])]


@pytest.mark.parametrize(("issuer", "ids"), [
    # a province's plan: its own union and farmers' association, a commune's police as named
    ("UBND tỉnh Nghệ An", ["tinh-doan", "hoi-nong-dan-tinh", "cong-an-xa"]),
    ("UBND xã Nam Đàn", ["doan-thanh-nien", "hoi-nong-dan", "cong-an-xa"]),
])
def test_a_body_printed_without_its_level_is_the_plan_s_level(issuer: str,
                                                              ids: list[str]) -> None:
    # "Đoàn Thanh niên" in a province's table was the commune's union
    text = (f"PHỤ LỤC\nNHIỆM VỤ NĂM 2026\n(Kèm theo Kế hoạch số 15/KH-UBND ngày 03/3/2026 "
            f"của {issuer})\nTT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\n"
            "1\tTuyên truyền chuyển đổi số\tSở Khoa học và Công nghệ\t"
            "Đoàn Thanh niên; Hội Nông dân; Công an xã\n")
    record = convert_text(text, "text").records[0]
    assert [a.id for a in record.agencies if a.role == "support"] == ids


@pytest.mark.parametrize(("issuer", "lead"), [
    # a ministry's own centre, printed bare: no province's centre of like words
    ("Bộ Dân tộc và Tôn giáo", (None, "Trung tâm Chuyển đổi số")),
    # a province's plan: its centre, named without its level
    ("UBND tỉnh Nghệ An", ("trung-tam-cntt-tinh",
                           "Trung tâm Công nghệ thông tin và Chuyển đổi số tỉnh")),
])
def test_a_national_body_s_own_unit_printed_bare_is_no_local_body(
        issuer: str, lead: tuple[str | None, str]) -> None:
    text = (f"PHỤ LỤC\nNHIỆM VỤ NĂM 2026\n(Kèm theo Kế hoạch số 15/KH-UBND ngày 03/3/2026 "
            f"của {issuer})\nTT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\n"
            "1\tXây dựng cơ sở dữ liệu\tTrung tâm Chuyển đổi số\tSở Tài chính\n")
    document = convert_text(text, "text")
    record = document.records[0]
    assert [(a.id, a.name) for a in record.agencies if a.role == "lead"] == [lead]
    # a local body matched as printed stays the local body
    assert [a.id for a in record.agencies if a.role == "support"] == ["so-tai-chinh"]
    assert ("agency_unmatched" in record.warnings) == (lead[0] is None)


@pytest.mark.parametrize("items", [("a)", "b)"), ("1.1", "1.2")])
def test_a_second_numbering_column_numbers_groups_and_their_items(
        items: tuple[str, str]) -> None:
    # "STT" runs 1, 2 beside "Chi tiết": the group "1" (no running number) is a section,
    # its items "a)" or "1.1" records keeping their running number
    records = _records(f"\t1\tCơ sở dữ liệu chuyên ngành\t\t\n"
                       f"1\t{items[0]}\tDữ liệu đất đai\tSở Tài chính\tQuý III/2026\n"
                       f"2\t{items[1]}\tDữ liệu hộ tịch\tSở Tư pháp\tQuý IV/2026\n",
                       header="STT\tChi tiết\tNhiệm vụ\tCơ quan chủ trì\tThời hạn")
    assert _chains(records) == [("1/1", ["1"]), ("1/2", ["1"])]
    assert records[0].section[0].title == "Cơ sở dữ liệu chuyên ngành"


_STT_OVER_TWO = ("<table><tr><td colspan='2'>STT</td><td>Nhiệm vụ</td><td>Cơ quan chủ trì</td>"
                 "<td>Thời hạn</td></tr>{body}</table>")


@pytest.mark.parametrize("group", [
    "<tr><td>{n}</td><td></td><td colspan='3'>{title}</td></tr>",  # beside an empty slot
    "<tr><td>{n}</td><td colspan='4'>{title}</td></tr>",  # merged from the second column
])
def test_stt_over_two_columns_roman_groups_and_items_numbered_again(group: str) -> None:
    # "STT" merged over two columns: a Roman group in the first, the items numbered again
    # from 1 in each group in the second (the items were read as groups: no record; or as
    # records without a number)
    rows = [group.format(n="I", title="DỮ LIỆU"),
            "<tr><td></td><td>1</td><td>Số hóa sổ hộ tịch</td><td>Sở Tư pháp</td>"
            "<td>Quý III/2026</td></tr>",
            "<tr><td></td><td>2</td><td>Làm sạch dữ liệu đất đai</td>"
            "<td>Sở Nông nghiệp và Môi trường</td><td>Năm 2026</td></tr>",
            group.format(n="II", title="DỊCH VỤ SỐ"),
            "<tr><td></td><td>1</td><td>Thanh toán học phí trực tuyến</td>"
            "<td>Sở Tài chính</td><td>Quý IV/2026</td></tr>"]
    records = convert_text(_STT_OVER_TWO.format(body="".join(rows)), "html").records
    assert [(r.key, r.number, [(s.number, s.title) for s in r.section], r.name)
            for r in records] == [
        ("I/1", "1", [("I", "DỮ LIỆU")], "Số hóa sổ hộ tịch"),
        ("I/2", "2", [("I", "DỮ LIỆU")], "Làm sạch dữ liệu đất đai"),
        ("II/1", "1", [("II", "DỊCH VỤ SỐ")], "Thanh toán học phí trực tuyến")]
    assert [r.deadline.raw for r in records] == ["Quý III/2026", "Năm 2026", "Quý IV/2026"]


def test_stt_copied_into_both_numbering_columns_numbers_the_items() -> None:
    # a converter printing a merged "STT" in both slots it covers
    text = ("| STT | STT | Nhiệm vụ | Cơ quan chủ trì | Thời hạn |\n|---|---|---|---|---|\n"
            "| I |  | DỮ LIỆU |  |  |\n"
            "|  | 1 | Số hóa sổ hộ tịch | Sở Tư pháp | Quý III/2026 |\n"
            "|  | 2 | Làm sạch dữ liệu đất đai | Sở Tư pháp | Năm 2026 |\n")
    records = convert_text(text, "markdown").records
    assert [(r.key, r.number) for r in records] == [("I/1", "1"), ("I/2", "2")]


@pytest.mark.parametrize(("label", "second", "keys"), [
    # (review r2) a year column, labelled or not, beside Roman groups is no items' number
    ("Năm", ("2026", "2027", "2026"), [("I/#1", None), ("I/#2", None), ("II/#1", None)]),
    ("", ("2025", "2030", "2030"), [("I/#1", None), ("I/#2", None), ("II/#1", None)]),
    # items numbered again in each group, or running on from the group above, are
    ("", ("1", "2", "1"), [("I/1", "1"), ("I/2", "2"), ("II/1", "1")]),
    ("", ("1", "2", "3"), [("I/1", "1"), ("I/2", "2"), ("II/3", "3")]),
])
def test_a_second_column_is_the_items_numbers_only_where_they_count_from_one(
        label: str, second: tuple[str, str, str], keys: list[tuple[str, str | None]]) -> None:
    text = (f"| STT | {label} | Chỉ tiêu | Đơn vị tính | Kế hoạch | Cơ quan chủ trì |\n"
            "|---|---|---|---|---|---|\n"
            "| I |  | KINH TẾ |  |  |  |\n"
            f"|  | {second[0]} | Thu ngân sách nhà nước | Tỷ đồng | 12.500 | Sở Tài chính |\n"
            f"|  | {second[1]} | Tổng vốn đầu tư toàn xã hội | Tỷ đồng | 9.000 | Sở Tài chính |\n"
            "| II |  | XÃ HỘI |  |  |  |\n"
            f"|  | {second[2]} | Tỷ lệ hộ nghèo | % | 1,5 | Sở Y tế |\n")
    records = convert_text(text, "markdown").records
    assert [(r.key, r.number) for r in records] == keys


@pytest.mark.parametrize(("groups", "items", "keys"), [
    # arabic groups, items numbered "1.1", "1.2" under each (the groups were read as records
    # and the items lost their numbers)
    (("1", "2"), ("1.1", "1.2", "2.1"), ["1/1.1", "1/1.2", "2/2.1"]),
    # Roman groups, items lettered "a)", "b)" (no numbers: "I/#1", and column_unmapped)
    (("I", "II"), ("a)", "b)", "a)"), ["I/a)", "I/b)", "II/a)"]),
])
def test_stt_over_two_columns_with_dotted_or_lettered_items(
        groups: tuple[str, str], items: tuple[str, str, str], keys: list[str]) -> None:
    for form, text in (("html", _STT_OVER_TWO.format(body="".join([
            f"<tr><td>{groups[0]}</td><td colspan='4'>HẠ TẦNG SỐ</td></tr>",
            f"<tr><td></td><td>{items[0]}</td><td>Lắp đặt camera</td><td>Công an tỉnh</td>"
            "<td>Quý III/2026</td></tr>",
            f"<tr><td></td><td>{items[1]}</td><td>Nâng cấp mạng</td><td>Sở Tài chính</td>"
            "<td>Năm 2026</td></tr>",
            f"<tr><td>{groups[1]}</td><td></td><td colspan='3'>DỮ LIỆU SỐ</td></tr>",
            f"<tr><td></td><td>{items[2]}</td><td>Số hóa hộ tịch</td><td>Sở Tư pháp</td>"
            "<td>Quý IV/2026</td></tr>"]))),
                       ("markdown", "| STT | STT | Nhiệm vụ | Cơ quan chủ trì | Thời hạn |\n"
                        "|---|---|---|---|---|\n"
                        f"| {groups[0]} | HẠ TẦNG SỐ | HẠ TẦNG SỐ | HẠ TẦNG SỐ | HẠ TẦNG SỐ |\n"
                        f"|  | {items[0]} | Lắp đặt camera | Công an tỉnh | Quý III/2026 |\n"
                        f"|  | {items[1]} | Nâng cấp mạng | Sở Tài chính | Năm 2026 |\n"
                        f"| {groups[1]} |  | DỮ LIỆU SỐ |  |  |\n"
                        f"|  | {items[2]} | Số hóa hộ tịch | Sở Tư pháp | Quý IV/2026 |\n")):
        doc = convert_text(text, form)
        assert [r.key for r in doc.records] == keys, form
        assert not [w for w in doc.warnings if w.startswith("column_unmapped")], form

def test_stt_over_two_columns_with_parts_under_an_item() -> None:
    # "Trong đó:" and "-" parts under an item numbered in the second column (the parts made
    # the column no items' numbers: every record number-less)
    rows = ("<tr><td>A</td><td colspan='4'>KINH TẾ</td></tr>"
            "<tr><td></td><td>1</td><td>Tổng vốn đầu tư toàn xã hội</td><td>Sở Tài chính</td>"
            "<td>Năm 2026</td></tr>"
            "<tr><td></td><td></td><td>Trong đó:</td><td></td><td></td></tr>"
            "<tr><td></td><td>-</td><td>Vốn đầu tư công</td><td>Sở Tài chính</td>"
            "<td>Năm 2026</td></tr>"
            "<tr><td></td><td>2.</td><td>Thu ngân sách nhà nước</td><td>Sở Tài chính</td>"
            "<td>Năm 2026</td></tr>")
    records = convert_text(_STT_OVER_TWO.format(body=rows), "html").records
    assert [(r.key, r.number) for r in records] == [("A/1", "1"), ("A/#1", None), ("A/2", "2")]


def test_a_second_column_of_labels_beside_running_numbers_is_not_the_items_number() -> None:
    # the running number stays the record's number where the first column holds it
    rows = ("<tr><td>1</td><td>a</td><td>Số hóa sổ hộ tịch</td><td>Sở Tư pháp</td>"
            "<td>Quý III/2026</td></tr>"
            "<tr><td>2</td><td>b</td><td>Làm sạch dữ liệu</td><td>Sở Tư pháp</td>"
            "<td>Năm 2026</td></tr>")
    records = convert_text(_STT_OVER_TWO.format(body=rows), "html").records
    assert [(r.key, r.number) for r in records] == [("1", "1"), ("2", "2")]


def test_a_section_title_printed_beside_an_empty_name_cell_is_kept() -> None:
    # a grouping column ("Nhóm ngành") before the name column: the Roman section's title
    # stands there, the name cell empty — it was lost (every record's section titled "")
    text = ("STT\tNhóm ngành\tTên chỉ tiêu\tĐVT\tKế hoạch năm 2026\tCơ quan theo dõi\n"
            "I\tNÔNG NGHIỆP\t\t\t\t\n"
            "1\tTrồng trọt\tDiện tích lúa cả năm\tha\t52.000\tSở Nông nghiệp và Môi trường\n"
            "II\tGIÁO DỤC\t\t\t\t\n"
            "2\tMầm non\tTỷ lệ trẻ em đến trường\t%\t98\tSở Giáo dục và Đào tạo\n")
    doc = convert_text(text)
    assert [[(s.number, s.title) for s in r.section] for r in doc.records] == [
        [("I", "NÔNG NGHIỆP")], [("II", "GIÁO DỤC")]]


def test_a_note_or_an_editors_mark_beside_an_empty_name_cell_is_no_section_title() -> None:
    # the words of a note column, or "[…]" an editor wrote, title no section (were the
    # titles of every record under them)
    text = ("STT\tNội dung\tĐơn vị chủ trì\tThời hạn\tGhi chú\n"
            "I\t\t\t\tNhiệm vụ chuyển tiếp từ năm 2025\n"
            "1\tTập huấn kỹ năng số\tPhòng Văn hóa - Xã hội\t2026\t\n"
            "II\t\t\t[đã lược bỏ]\t\n"
            "2\tSố hóa hồ sơ\tVăn phòng HĐND và UBND\t2026\t\n")
    doc = convert_text(text)
    assert [[(s.number, s.title) for s in r.section] for r in doc.records] == [
        [("I", "")], [("II", "")]]


def test_a_second_number_column_read_into_no_field_is_said() -> None:
    # "Mã số" codes beside the "STT": the record's number is the STT's; the codes stand in no
    # field, so the document names the column (column_unmapped), as for a column of no role
    doc = convert_text("STT\tMã số\tTên chỉ tiêu\tĐơn vị tính\tChỉ tiêu năm 2026\n"
                       "1\t2101\tTỷ lệ A\t%\t90\n2\t2102\tTỷ lệ B\t%\t80\n", "text")
    assert [r.number for r in doc.records] == ["1", "2"]
    assert "column_unmapped:Mã số" in doc.warnings


def test_a_second_baseline_column_read_into_no_field_is_said() -> None:
    doc = convert_text("STT\tChỉ tiêu\tĐơn vị tính\tƯớc thực hiện\tThực trạng\tKế hoạch 2026\n"
                       "1\tTỷ lệ A\t%\t88\t85\t90\n", "text")
    assert doc.records[0].baseline.value == 88
    assert "column_unmapped:Thực trạng" in doc.warnings


def test_items_numbers_and_year_columns_are_read_and_not_said_unmapped() -> None:
    doc = convert_text("STT\tChỉ tiêu\tĐơn vị tính\tNăm 2026\tNăm 2027\n"
                       "1\tTỷ lệ A\t%\t90\t95\n", "text")
    assert [r.key for r in doc.records] == ["1@2026", "1@2027"]
    assert not [w for w in doc.warnings if w.startswith("column_unmapped")]


def test_the_items_numbers_under_a_stt_over_two_columns_are_no_unread_column() -> None:
    doc = convert_text("STT\t\tNội dung\tChủ trì\tThời hạn\n"
                       "I\tHẠ TẦNG\t\t\t\n\t1\tLắp wifi\tPhòng Kinh tế\tQuý II/2026\n"
                       "\t2\tNâng cấp đường truyền\tPhòng Kinh tế\tQuý III/2026\n", "text")
    assert [r.key for r in doc.records] == ["I/1", "I/2"]
    assert not [w for w in doc.warnings if w.startswith("column_unmapped")]


START_END = "STT\tNhiệm vụ\tCơ quan chủ trì\tBắt đầu\tHoàn thành"


@pytest.mark.parametrize(("start", "end", "expected"), [
    # from the start's first day to the end's last (not the start read as the deadline)
    ("Quý II/2026", "Quý IV/2027", ("period", "2026-04-01", "2027-12-31",
                                     "Quý II/2026 - Quý IV/2027")),
    ("2026", "2028", ("period", "2026-01-01", "2028-12-31", "2026 - 2028")),
    ("2026", "2026", ("year", "2026-01-01", "2026-12-31", "2026")),  # one span
    ("", "Tháng 9/2026", ("month", "2026-09-01", "2026-09-30", "Tháng 9/2026")),
])
def test_a_time_printed_as_its_start_and_its_end(start: str, end: str, expected) -> None:
    [record] = _records(f"1\tSố hóa hồ sơ\tSở Nội vụ\t{start}\t{end}", START_END)
    deadline = record.deadline
    assert (deadline.kind, deadline.start, deadline.end, deadline.raw) == expected


@pytest.mark.parametrize(("start", "end", "words"), [
    ("Quý I/2026", "", "Quý I/2026"),  # a start alone is no deadline
    ("2028", "2026", "2028 - 2026"),  # an end before its start
])
def test_a_start_without_an_end_after_it_is_no_deadline_and_is_said(
        start: str, end: str, words: str) -> None:
    [record] = _records(f"1\tSố hóa hồ sơ\tSở Nội vụ\t{start}\t{end}", START_END)
    assert record.deadline is None
    assert f"deadline_unparsed:{words}" in record.warnings
