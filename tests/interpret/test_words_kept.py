"""A printed value that is no record field stands in a warning: a deadline left null keeps
its words (`deadline_unparsed:<words>`), a unit column the target's own unit overrides
keeps its words when the two differ (`unit_column_differs:<words>`)."""

from chitieu import convert_text

_HEADER = "STT\tNhiệm vụ\tChỉ tiêu\tCơ quan chủ trì\tThời hạn\n"


def _records(text: str):
    return convert_text(text, "text").records


def test_an_unread_deadline_keeps_its_words_in_its_warning() -> None:
    records = _records(_HEADER + "1\tRà soát quy trình\t\tSở Tư pháp\tKhi cấp trên yêu cầu\n"
                                 "2\tKiểm tra định kỳ\t\tSở Nội vụ\tTheo lịch của Ban\n"
                                 "3\tCập nhật dữ liệu\t\tSở Y tế\t31/02/2026\n")
    assert [r.deadline for r in records] == [None, None, None]
    assert [[w for w in r.warnings if w.startswith("deadline")] for r in records] == [
        ["deadline_unparsed:Khi cấp trên yêu cầu"], ["deadline_unparsed:Theo lịch của Ban"],
        ["deadline_invalid_date:31/02/2026"]]


def test_a_deadline_without_its_year_keeps_its_words() -> None:
    [record] = _records(_HEADER + "1\tTổng kết\t\tSở Nội vụ\tTrước 20/11\n")
    assert record.deadline is None
    assert "deadline_year_missing:Trước 20/11" in record.warnings


def test_a_read_deadline_carries_no_words_warning() -> None:
    [record] = _records(_HEADER + "1\tTổng kết\t\tSở Nội vụ\tQuý III/2026\n")
    assert record.deadline.kind == "quarter"
    assert not [w for w in record.warnings if w.startswith("deadline")]


def test_words_under_a_quarter_grid_are_kept() -> None:
    header = ("TT\tNhiệm vụ\tĐơn vị chủ trì\tThời gian thực hiện năm 2026\t\n"
              "\t\t\tQuý I\tQuý II\n")
    records = _records(header + "1\tLập kế hoạch\tSở Nội vụ\tx\t\n"
                                "2\tBáo cáo\tSở Y tế\t\tbáo cáo giữa kỳ\n")
    assert records[0].deadline.kind == "quarter"
    assert records[1].deadline is None
    assert ("deadline_unparsed:Thời gian thực hiện năm 2026 Quý II: báo cáo giữa kỳ"
            in records[1].warnings)


_UNITS = "STT\tChỉ tiêu\tĐơn vị tính\tChỉ tiêu năm 2026\tCơ quan chủ trì\n"


def test_a_unit_column_the_printed_unit_overrides_is_kept_in_a_warning() -> None:
    records = _records(_UNITS + "1\tTrường học có phòng máy\ttrường\t≥ 90%\tSở GD&ĐT\n"
                                "2\tDoanh thu bưu chính\tTỷ đồng\tTăng 10% so với năm 2025"
                                "\tSở KH&CN\n")
    assert [r.target.unit for r in records] == ["%", "%"]
    assert [[w for w in r.warnings if w.startswith("unit")] for r in records] == [
        ["unit_column_differs:trường"], ["unit_column_differs:Tỷ đồng"]]


def test_a_unit_column_agreeing_with_the_printed_unit_is_no_warning() -> None:
    records = _records(_UNITS + "1\tTỷ lệ A\t%\t≥ 90%\tSở GD&ĐT\n"
                                "2\tTỷ lệ B\tTỷ lệ\t80%\tSở Y tế\n"
                                "3\tTỷ lệ C\t(%)\t70 %\tSở Y tế\n"
                                "4\tTỷ lệ D\t%\t100% dân số\tSở Y tế\n"
                                "5\tSố hộ\thộ\t500\tSở Y tế\n"
                                "6\tTỷ lệ E\tTỷ lệ %\t60%\tSở Y tế\n")
    assert [r.target.unit for r in records] == ["%", "%", "%", "% dân số", "hộ", "%"]
    assert not [w for r in records for w in r.warnings if w.startswith("unit")]


def test_a_section_rows_other_cells_are_kept_in_document_warnings() -> None:
    doc = convert_text(
        "STT\tNhiệm vụ\tĐơn vị chủ trì\tSản phẩm\tThời hạn\n"
        "I\tHẠ TẦNG SỐ\t\tĐạt các mốc sau:\t\n"
        "1\tNâng cấp mạng nội bộ\tSở Tài chính\tMạng được nâng cấp\tQuý II/2026\n", "text")
    assert [r.key for r in doc.records] == ["I/1"]
    assert "section_cell:Sản phẩm (I): Đạt các mốc sau:" in doc.warnings


def test_a_cell_merged_over_a_section_row_and_its_rows_is_no_warning() -> None:
    # a merged cell a reader copies into each row it covers: the records carry it
    doc = convert_text(
        "STT\tNhiệm vụ\tĐơn vị chủ trì\tGhi chú\n"
        "I\tHẠ TẦNG SỐ\t\tTheo Nghị quyết\n"
        "1\tNâng cấp mạng nội bộ\tSở Tài chính\tTheo Nghị quyết\n", "text")
    assert doc.records[0].note == "Theo Nghị quyết"
    assert not [w for w in doc.warnings if w.startswith("section_cell")]


def test_a_group_labels_other_cells_are_kept_in_document_warnings() -> None:
    doc = convert_text(
        "TT\tChi tiết\tTên nhiệm vụ\tĐơn vị chủ trì\tThời hạn\n"
        "\t1\tSố hóa hồ sơ:\t\tTheo mốc dưới đây\n"
        "1\ta)\tSố hóa sổ hộ tịch\tSở Tư pháp\tQuý III/2026\n"
        "2\tb)\tSố hóa hồ sơ đất đai\tSở Nông nghiệp và Môi trường\t31/12/2026\n", "text")
    assert [r.key for r in doc.records] == ["1/1", "1/2"]
    assert "section_cell:Thời hạn (1): Theo mốc dưới đây" in doc.warnings


def test_a_unit_printed_for_no_target_is_kept_in_a_warning() -> None:
    records = _records(_UNITS + "1\tSố điểm wifi công cộng\tđiểm\t\tSở KH&CN\n"
                                "2\tSố trường học\t-\t\tSở GD&ĐT\n")
    assert [r.target for r in records] == [None, None]
    assert "unit_without_target:điểm" in records[0].warnings
    assert not [w for w in records[1].warnings if w.startswith("unit")]
