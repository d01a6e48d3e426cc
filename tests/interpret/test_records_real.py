"""Interpreting the tables of province and national plans: a target column per year,
durations, targets inside an indicator's text, group numbers, role words in agency cells."""

from chitieu import convert_text


def _records(text: str, layout: str = "text"):
    return convert_text(text, layout).records


def test_a_target_column_per_year_gives_a_record_per_year() -> None:
    records = _records("TT\tChỉ tiêu\tĐVT\tƯTH Năm 2025\tNăm 2026\tNăm 2027\n"
                       "I\tCÂY CÔNG NGHIỆP\t\t\t\t\n"
                       "-\tDiện tích\tHa\t26.120\t27.000\t27.500\n"
                       "-\tSản lượng\tTấn\t37.724\t39.800\t\n")
    assert [r.key for r in records] == ["I/#1@2026", "I/#1@2027", "I/#2@2026"]
    first = records[0]
    assert (first.target.value, first.target.unit, first.baseline.value) == (27000, "ha", 26120)
    assert (first.deadline.kind, first.deadline.start, first.deadline.raw) == (
        "year", "2026-01-01", "Năm 2026")
    assert first.number is None  # a dash is a bullet, not a number


def test_a_year_column_headed_with_words_is_that_year() -> None:
    """"Kế hoạch năm 2026", "Dự toán năm 2027": each column's year is its records' deadline
    (the header's words stay in `raw`)."""
    records = _records("TT\tNội dung\tĐơn vị tính\tDự toán năm 2026\tDự toán năm 2027\n"
                       "1\tTổng thu ngân sách xã\tTriệu đồng\t21.000\t23.500\n")
    assert [(r.key, r.target.value, r.deadline.kind, r.deadline.start, r.deadline.raw)
            for r in records] == [
        ("1@2026", 21000, "year", "2026-01-01", "Dự toán năm 2026"),
        ("1@2027", 23500, "year", "2027-01-01", "Dự toán năm 2027")]
    assert not any(w.startswith("deadline") for r in records for w in r.warnings)


def test_a_days_column_holds_durations() -> None:
    [record] = _records("TT\tCông việc\tĐơn vị thực hiện\tSố ngày dự kiến\n"
                        "1\tCài đặt CSDL\tSở Y tế\t10\n")
    assert (record.deadline.kind, record.deadline.raw) == ("duration", "10")


def test_an_indicator_table_without_target_column_reads_a_target_inside_the_text() -> None:
    records = _records("TT\tChỉ tiêu\tChủ trì\n"
                       "1\tKinh tế số chiếm 45% GRDP tỉnh.\tSở Tài chính\n"
                       "2\tTỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo đạt tối thiểu 40%\t"
                       "Sở Tài chính\n")
    assert records[0].name == "Kinh tế số chiếm 45% GRDP tỉnh."
    assert (records[0].target.value, records[0].target.unit) == (45, "% GRDP tỉnh")
    assert records[1].name == "Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo"
    assert (records[1].target.op, records[1].target.value) == (">=", 40)


def test_a_task_keeps_the_numbers_of_its_sentence() -> None:
    [record] = _records("STT\tNhiệm vụ\tCơ quan chủ trì\n"
                        "1\tHoàn thành số hóa 100% hồ sơ trong quý IV\tSở Nội vụ\n")
    assert record.target is None and record.kind == "task"


def test_group_numbers_are_sections() -> None:
    records = _records("TT\tChỉ tiêu\tĐơn vị\tKết quả\n"
                       "I\tGiai đoạn 2025-2027\t\t\nI.1\tDịch vụ số\t\t\n"
                       "1\tTỉ lệ dịch vụ công trực tuyến\t%\t100%\n"
                       "I.2\tDữ liệu\t\t\n1\tTỉ lệ cơ sở dữ liệu kết nối\t%\t90%\n")
    assert [r.key for r in records] == ["I/I.1/1", "I/I.2/1"]


def test_who_presides_leads_and_the_implementers_in_the_same_cell_support() -> None:
    [record] = _records("TT\tChỉ tiêu\tChủ trì\n"
                        "1\tTỷ lệ dữ liệu mở\tSở KH&CN chủ trì hướng dẫn, tổng hợp; Các sở, ngành, "
                        "UBND cấp xã thực hiện công bố dữ liệu mở hằng năm\n")
    assert [(a.role, a.id) for a in record.agencies] == [
        ("lead", "so-khoa-hoc-cong-nghe"), ("support", "cac-so-ban-nganh"),
        ("support", "ubnd-cac-xa-phuong")]


def test_an_issuer_naming_its_level_only() -> None:
    doc = convert_text("PHỤ LỤC\n(Kèm theo Kế hoạch số 617/KH-UBND ngày 01/12/2025 của Ủy ban "
                       "nhân dân tỉnh)\nSTT\tTên nhiệm vụ\tCơ quan chủ trì\n1\tViệc\tSở Nội vụ\n",
                       "text")
    assert (doc.plan.locality.level, doc.plan.locality.name) == ("tỉnh", None)


def test_an_issuer_naming_a_city_with_a_capital() -> None:
    doc = convert_text("PHỤ LỤC\n(Kèm theo Quyết định số 2820/QĐ-UBND ngày 19/11/2025 của Ủy ban "
                       "nhân dân Thành phố Hồ Chí Minh)\nTT\tNhiệm vụ\tCơ quan chủ trì\n"
                       "1\tViệc\tSở Tài chính\n", "text")
    locality = doc.plan.locality
    assert (locality.level, locality.name, locality.code) == ("thành phố", "Hồ Chí Minh", "79")
