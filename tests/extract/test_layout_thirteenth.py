"""The pdftotext -layout reader on the shapes of heldout11's layout misses (issue 11,
thirteenth round), in our own typed text: a national task list whose narrow lead and support
columns (cell margins of 0.05 cm) run a task's last words, the lead ministry and the support
ministry together one space apart on a line."""

from chitieu import convert_text
from chitieu.extract.detect import _centred_numbers

# "… đối với   Bộ Nông nghiệp Bộ Tài chính; Ngân": the lead wraps ("và Môi trường" crowded
# against the task's next line), the support starts one space after it; "… thủy  Bộ Công
# Thương Bộ Khoa học và": lead and support one space apart
CROWDED_MINISTRIES = """\
TT                            Nhiệm vụ                          Cơ quan chủ trì    Cơ quan phối hợp   Sản phẩm    Thời hạn
 I                                                 HOÀN THIỆN QUY ĐỊNH
   Rà soát, sửa đổi quy định về phí bảo vệ môi trường đối với   Bộ Nông nghiệp Bộ Tài chính; Ngân     Thông tư       Quý
 1 nước thải công nghiệp, khuyến khích tái sử dụng nước và Môi trường              hàng Nhà nước Việt              II/2026
   sau xử lý                                                                       Nam
   Hướng dẫn thu gom, phân loại chất thải rắn sinh hoạt tại        Bộ Nông nghiệp Các bộ, ngành, địa    Hướng dẫn Hằng năm
 2
   các khu dân cư tập trung                                        và Môi trường   phương
   Kiểm tra việc xả thải của các cơ sở chế biến thủy         Bộ Công Thương Bộ Khoa học và            Báo cáo      Thường
 3 sản ven biển, các làng nghề tái chế giấy, nhựa và kim loại                      Công nghệ          kiểm tra      xuyên
"""  # noqa: E501


def test_a_crowded_line_is_not_cut_after_a_known_names_first_word() -> None:
    document = convert_text(CROWDED_MINISTRIES, "layout")
    assert [(r.key, r.name, [(a.role, a.raw) for a in r.agencies])
            for r in document.records] == [
        ("I/1", "Rà soát, sửa đổi quy định về phí bảo vệ môi trường đối với nước thải công "
         "nghiệp, khuyến khích tái sử dụng nước sau xử lý",
         [("lead", "Bộ Nông nghiệp và Môi trường"), ("support", "Bộ Tài chính"),
          ("support", "Ngân hàng Nhà nước Việt Nam")]),
        ("I/2", "Hướng dẫn thu gom, phân loại chất thải rắn sinh hoạt tại các khu dân cư tập "
         "trung", [("lead", "Bộ Nông nghiệp và Môi trường"),
                   ("support", "Các bộ, ngành, địa phương")]),
        ("I/3", "Kiểm tra việc xả thải của các cơ sở chế biến thủy sản ven biển, các làng "
         "nghề tái chế giấy, nhựa và kim loại",
         [("lead", "Bộ Công Thương"), ("support", "Bộ Khoa học và Công nghệ")])]


# a unit wrapped in its narrow column after a slash
WRAPPED_UNIT = """\
STT              Chỉ tiêu                 Đơn vị tính   Kế hoạch năm 2026   Cơ quan chủ trì
 1   Lượng nước sạch bình quân đầu người   Lít/người/          85           Sở Xây dựng
     khu vực đô thị                        ngày
 2   Số hộ dùng nước sạch                  Hộ                  9.000        Sở Xây dựng
"""


def test_a_unit_wrapped_after_a_slash_is_one_word() -> None:
    document = convert_text(WRAPPED_UNIT, "layout")
    assert [(r.key, r.target.value, r.target.unit) for r in document.records] == [
        ("1", 85, "lít/người/ngày"), ("2", 9000, "hộ")]


# "… Sở Công Thương Quý III/2026": a support and a deadline crowded one space apart
CROWDED_DATE = """\
                                                                                   Thời gian
STT             Nội dung nhiệm vụ                Đơn vị chủ trì Đơn vị phối hợp                      Ghi chú
                                                                                  hoàn thành
   Khảo sát nhu cầu tiêu thụ nông sản tại các       Sở Công Thương Sở Tài chính   Năm 2026
1
   chợ đầu mối trong tỉnh
   Chứng nhận vùng trồng xoài xuất khẩu theo   Sở Nông nghiệp Sở Công Thương Quý III/2026
2
   chuẩn thị trường nhập khẩu                      và Môi trường
   Kiểm tra an toàn thực phẩm tại các bếp ăn         Sở Y tế      Công an tỉnh    Hằng quý        Theo kế hoạch liên ngành
3
   tập thể
"""  # noqa: E501


def test_a_crowded_line_is_not_cut_after_a_dates_first_word() -> None:
    document = convert_text(CROWDED_DATE, "layout")
    assert [(r.key, [a.raw for a in r.agencies], r.deadline.raw)
            for r in document.records] == [
        ("1", ["Sở Công Thương", "Sở Tài chính"], "Năm 2026"),
        ("2", ["Sở Nông nghiệp và Môi trường", "Sở Công Thương"], "Quý III/2026"),
        ("3", ["Sở Y tế", "Công an tỉnh"], "Hằng quý")]


# a row number printed on the line of its row's centred figures, between the row's wrapped
# lines: as telling of pdftotext -layout as a number alone (a whole plan's appendix)
FIGURES_BESIDE_NUMBERS = """\
       Số câu lạc bộ thể dục thể thao hoạt động          Câu lạc              Phòng Văn hóa -
  1                                                                 12
       thường xuyên ở các thôn                           bộ                   Xã hội
       Tỷ lệ học sinh biết bơi an toàn theo               %                   Phòng Văn hóa -
  2                                                                ≥ 85
       chương trình của ngành                                                 Xã hội
"""


def test_a_row_number_beside_only_its_rows_figures_counts_as_centred() -> None:
    lines = [ln for ln in FIGURES_BESIDE_NUMBERS.split("\n") if ln.strip()]
    assert _centred_numbers(lines) == 2
    # a number before a name is no centred number
    assert _centred_numbers(["       a", "  1   Số câu lạc bộ          12", "       b"]) == 0
