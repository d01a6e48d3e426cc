"""The pdftotext -layout reader on the shapes of heldout4's misses (issue 11, sixth round),
in our own text: section titles wrapped over two lines, group cells over bare years, units
and deadlines merged over rows, a column empty in every row, appendices side by side on a
page."""

from chitieu import convert_text

# a section's title on two lines, its number printed between them (a cell centred
# vertically), the titles longer than the name column: across the figure columns' gutters
WRAPPED_SECTIONS = """\
TT                 Chỉ tiêu                   Đơn vị    Kết quả    Kế hoạch     Cơ quan chủ trì
                                               tính     năm 2025   năm 2026
     CHỈ TIÊU VỀ NÔNG NGHIỆP, NÔNG THÔN VÀ PHÁT TRIỂN CÁC VÙNG SẢN XUẤT HÀNG HÓA TẬP
I
     TRUNG QUY MÔ LỚN GẮN VỚI CHẾ BIẾN
1    Giá trị sản phẩm trên một héc-ta đất       Triệu      125        130      Sở Nông nghiệp và
     trồng trọt                                 đồng                           Môi trường
2    Tỷ lệ diện tích cây trồng có mã vùng        %         35          40       Sở Nông nghiệp và
                                                                                Môi trường
     CHỈ TIÊU VỀ Y TẾ, DÂN SỐ VÀ CHĂM SÓC SỨC KHỎE NHÂN DÂN, BẢO ĐẢM AN SINH XÃ HỘI
II
     TRÊN ĐỊA BÀN TỈNH
3    Số bác sĩ trên một vạn dân                 Bác sĩ     10,5        11       Sở Y tế
"""


def test_a_section_title_wrapped_around_its_number_is_one_section_row() -> None:
    document = convert_text(WRAPPED_SECTIONS, "layout")
    assert [c.role for c in document.columns] == [
        "number", "name", "unit", "baseline", "target", "lead"]
    records = {r.key: r for r in document.records}
    assert sorted(records) == ["I/1", "I/2", "II/3"]
    assert records["I/1"].section[0].title == (
        "CHỈ TIÊU VỀ NÔNG NGHIỆP, NÔNG THÔN VÀ PHÁT TRIỂN CÁC VÙNG SẢN XUẤT HÀNG HÓA TẬP "
        "TRUNG QUY MÔ LỚN GẮN VỚI CHẾ BIẾN")
    assert records["II/3"].section[0].title.endswith("AN SINH XÃ HỘI TRÊN ĐỊA BÀN TỈNH")
    assert records["I/1"].name == "Giá trị sản phẩm trên một héc-ta đất trồng trọt"
    assert (records["I/1"].target.raw, records["I/1"].baseline.raw) == ("130", "125")
    assert records["I/1"].target.unit == "triệu đồng"
    assert records["II/3"].name == "Số bác sĩ trên một vạn dân"
    assert records["I/2"].target.unit == "%"


# two group cells in one header row — "Mục tiêu từng năm" over the bare years, wrapped,
# and "Đơn vị" over "Chủ trì theo dõi" / "Phối hợp", printed a line above the others —
# and the number column's "STT" wrapped ("ST" / "T")
TWO_GROUPS = """\
                                          Thực    Mục tiêu từng
                                                                             Đơn vị
ST                               Đơn vị   hiện        năm
              Chỉ tiêu
T                                 tính    năm                      Chủ trì theo
                                                  2026    2027                        Phối hợp
                                          2025                         dõi
     Tỷ lệ hộ gia đình sử dụng     %      98,5     99     99,5    Sở Công         Công ty Điện
1
     điện an toàn                                                 Thương          lực
     Sản lượng điện thương       Triệu    4.200   4.500   4.800   Sở Công         Công ty Điện
2
     phẩm                        kWh                              Thương          lực
     Số cụm công nghiệp có hạ    Cụm       12      14      16     Sở Công
3                                                                                 Sở Xây dựng
     tầng kỹ thuật đồng bộ                                        Thương

"""


def test_two_group_cells_in_one_header_row_and_a_wrapped_number_label() -> None:
    document = convert_text(TWO_GROUPS, "layout")
    assert [c.role for c in document.columns] == [
        "number", "name", "unit", "baseline", "target", "target", "monitor", "support"]
    records = {r.key: r for r in document.records}
    assert sorted(records) == ["1@2026", "1@2027", "2@2026", "2@2027", "3@2026", "3@2027"]
    assert (records["2@2027"].target.value, records["2@2027"].baseline.value) == (4800, 4200)
    assert str(records["2@2027"].deadline.end) == "2027-12-31"
    assert [(a.role, a.raw) for a in records["3@2026"].agencies] == [
        ("monitor", "Sở Công Thương"), ("support", "Sở Xây dựng")]


# a deadline merged over three tasks across the page break: the page's part of the merged
# cell prints its text on the first task's top line (the other deadlines centred), the
# next page's part is empty
MERGED_OVER_THE_BREAK = """\
 TT   Nhiệm vụ                         Cơ quan chủ trì    Thời gian hoàn thành
      Rà soát quy chế quản lý
 1    nước thải khu công nghiệp        Sở Xây dựng          Quý II/2026
      tập trung
      Kiểm tra các cơ sở xả thải       Sở Nông nghiệp       Năm 2026
 2    lớn trên địa bàn tỉnh,           và Môi trường
      công bố kết quả
      Quan trắc chất lượng nước
 3    các sông chính                   Sở Nông nghiệp
                                       và Môi trường
\f TT   Nhiệm vụ                         Cơ quan chủ trì    Thời gian hoàn thành
      Tập huấn cán bộ môi trường
 4    cấp xã                           Sở Nội vụ
      Công bố báo cáo hiện trạng       Sở Nông nghiệp
 5    môi trường                       và Môi trường        Quý IV/2026
"""


def test_a_deadline_merged_over_rows_across_the_page_break_goes_to_each() -> None:
    document = convert_text(MERGED_OVER_THE_BREAK, "layout")
    deadlines = {r.key: r.deadline.raw if r.deadline else None for r in document.records}
    assert deadlines == {"1": "Quý II/2026", "2": "Năm 2026", "3": "Năm 2026",
                         "4": "Năm 2026", "5": "Quý IV/2026"}


# a header over a column no row fills ("Cơ quan phối hợp", its label wrapped: "Cơ quan
# phối" / "hợp"), beside a number column whose "STT" wraps ("ST" / "T")
EMPTY_COLUMN = """\
                                                                    Thời hạn
ST                                    Cơ quan chủ    Cơ quan phối
           Nội dung công việc                                         hoàn
T                                         trì            hợp
                                                                     thành
     Tổng hợp số liệu dịch vụ công    Văn phòng                      Tháng
1
     trực tuyến quý IV                UBND tỉnh                     12/2026
     Rà soát danh mục cơ sở dữ liệu   Sở Khoa học                     Quý
2
     dùng chung                       và Công nghệ                  IV/2026

"""


def test_a_labelled_column_empty_in_every_row_keeps_the_table() -> None:
    document = convert_text(EMPTY_COLUMN, "layout")
    assert [c.role for c in document.columns] == [
        "number", "name", "lead", "support", "deadline"]
    records = {r.key: r for r in document.records}
    assert sorted(records) == ["1", "2"]
    assert records["1"].name == "Tổng hợp số liệu dịch vụ công trực tuyến quý IV"
    assert [(a.role, a.raw) for a in records["2"].agencies] == [
        ("lead", "Sở Khoa học và Công nghệ")]
    assert records["2"].deadline.raw == "Quý IV/2026"


# two appendices printed on one page, each under its label and title, with a header of
# its own: each its own table (its records under its label)
TWO_APPENDICES = """\
                                           Phụ lục I
                      CHỈ TIÊU AN TOÀN THỰC PHẨM NĂM 2026
STT                                                Đơn vị          Chỉ tiêu
                        Chỉ tiêu                                              Cơ quan chủ trì
                                                    tính          năm 2026
         Tỷ lệ cơ sở sản xuất thực phẩm được         %
 1                                                                  ≥ 80          Sở Y tế
         kiểm tra
 2       Số vụ ngộ độc thực phẩm tập thể               Vụ            <3           Sở Y tế

                                           Phụ lục II
              NHIỆM VỤ BẢO ĐẢM AN TOÀN THỰC PHẨM NĂM 2026
 STT                                                                          Thời gian hoàn
                           Nhiệm vụ                         Cơ quan chủ trì
                                                                                  thành
     1    Kiểm tra liên ngành dịp Tết Nguyên đán              Sở Y tế           Quý I/2026
          Tập huấn kiến thức cho người chế biến thực    Sở Công Thương         Tháng 6/2026
     2
          phẩm

"""


def test_appendices_on_one_page_are_tables_of_their_own() -> None:
    document = convert_text(TWO_APPENDICES, "layout")
    records = {r.key: r for r in document.records}
    assert sorted(records) == ["Phụ lục I/1", "Phụ lục I/2", "Phụ lục II/1", "Phụ lục II/2"]
    assert records["Phụ lục I/2"].target.raw == "<3"
    assert records["Phụ lục II/2"].name == "Tập huấn kiến thức cho người chế biến thực phẩm"
    assert records["Phụ lục II/2"].deadline.raw == "Tháng 6/2026"
    assert [a.raw for a in records["Phụ lục II/2"].agencies] == ["Sở Công Thương"]


# a letter's closing sentence printed at the margin right under its table, in the number
# column, with no note word ("Ghi chú", "Nguồn") nor signature before it
CLOSING_SENTENCE = """\
 TT   Nhiệm vụ                          Cơ quan chủ trì      Thời gian hoàn thành
 1    Rà soát hồ sơ hộ tịch             Công an xã           Quý II/2026
 2    Tổng hợp kết quả số hóa           Văn phòng            Quý III/2026
                                        HĐND và UBND
Đề nghị các cơ quan, đơn vị triển khai thực hiện./.
"""


def test_a_closing_sentence_at_the_margin_under_the_table_is_no_cell() -> None:
    document = convert_text(CLOSING_SENTENCE, "layout")
    records = {r.key: r for r in document.records}
    assert records["2"].name == "Tổng hợp kết quả số hóa"
    assert [a.raw for a in records["2"].agencies] == ["Văn phòng HĐND và UBND"]
