"""Catalog readings the eleventh session fixed (each test failed before its change): the
classes batch 29 left — units plans print for tonnes, rankings and sums ("vạn tấn", "vị trí",
"triệu/năm"), sums in US dollars, a value per hectare said of agriculture, the output of "the
economy's sectors", an event's fall said after it, teams "đã thành lập", the 19 criteria of
the new countryside, "Tổng số" as a stock, and a fall to a level. The names are written for
these tests (not batch 29's, nor any held-out batch's)."""

from __future__ import annotations

import pytest

from chitieu.catalog import default_catalog


def _linked(name: str, unit: str | None) -> str | None:
    match = default_catalog().match(name, unit)
    return None if match is None else match.id


@pytest.mark.parametrize(("name", "unit", "expected"), [
    # tonnes in tens of thousands and tonnes a year are tonnes
    ("Sản lượng lương thực bình quân hằng năm", "vạn tấn", "ktxh.san_luong_luong_thuc"),
    ("Tổng sản lượng lương thực cả năm", "tấn/năm", "ktxh.san_luong_luong_thuc"),
    # a place in a ranking ("vị trí", "bậc") is a rank
    ("Chỉ số Đổi mới sáng tạo toàn cầu của Việt Nam", "vị trí", "ktxh.gii"),
    ("Xếp hạng Chỉ số đổi mới sáng tạo toàn cầu (GII)", "bậc", "ktxh.gii"),
    # a sum printed in a bare "triệu", "triệu/năm" is in đồng
    ("Giá trị thu được trên 1 ha đất canh tác", "triệu/năm", "ktxh.gia_tri_tren_ha"),
    ("Thu nhập bình quân đầu người một năm", "triệu", "ktxh.thu_nhap_binh_quan"),
    # the units' near misses stay apart: tonnes are no hectares, a place no index's score
    ("Sản lượng lương thực bình quân hằng năm", "ha", None),
    ("Chỉ số Đổi mới sáng tạo toàn cầu của Việt Nam", "điểm", None),
])
def test_units_plans_print_for_tonnes_rankings_and_sums(name: str, unit: str,
                                                       expected: str | None) -> None:
    assert _linked(name, unit) == expected


@pytest.mark.parametrize(("name", "unit", "expected"), [
    # a sum in US dollars is no sum in đồng …
    ("Giá trị sản xuất toàn địa bàn", "triệu USD", None),
    ("Thu ngân sách nhà nước trên địa bàn", "triệu USD", None),
    ("Tổng kinh phí chi cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
     "nghìn USD", None),
    # … but one per person is (GRDP per head is printed in USD as often as in triệu đồng)
    ("GRDP bình quân đầu người năm 2030", "USD", "ktxh.grdp_binh_quan_dau_nguoi"),
    ("GDP bình quân đầu người (giá hiện hành)", "USD/người", "ktxh.grdp_binh_quan_dau_nguoi"),
    # the đồng sums keep their links
    ("Giá trị sản xuất toàn địa bàn", "tỷ đồng", "ktxh.tong_gia_tri_san_xuat"),
    ("Thu ngân sách nhà nước trên địa bàn", "tỷ đồng", "ktxh.thu_ngan_sach"),
])
def test_a_sum_in_us_dollars_is_no_sum_in_dong(name: str, unit: str,
                                               expected: str | None) -> None:
    assert _linked(name, unit) == expected


@pytest.mark.parametrize(("name", "unit", "expected"), [
    # a value per hectare (per a unit of area) is one of farm land, agriculture said or not
    ("Giá trị sản xuất nông nghiệp bình quân trên 1 ha đất canh tác", "triệu đồng",
     "ktxh.gia_tri_tren_ha"),
    ("Giá trị sản xuất nông nghiệp trên một đơn vị diện tích đất", "triệu đồng/ha",
     "ktxh.gia_tri_tren_ha"),
    # forest land and water for aquaculture stay apart; agriculture's output and its growth
    # keep theirs
    ("Giá trị sản xuất trên 1 ha đất lâm nghiệp", "triệu đồng", None),
    ("Giá trị sản xuất nông nghiệp", "tỷ đồng", None),
    ("Giá trị sản xuất nông nghiệp", "%", "ktxh.tang_gia_tri_nong_nghiep"),
])
def test_a_value_per_hectare_is_one_of_farm_land(name: str, unit: str,
                                                  expected: str | None) -> None:
    assert _linked(name, unit) == expected


@pytest.mark.parametrize(("name", "unit", "expected"), [
    # the output of the economy's sectors is the whole economy's
    ("Tốc độ tăng giá trị sản xuất các ngành kinh tế bình quân hằng năm", "%",
     "ktxh.tang_truong_gia_tri_san_xuat"),
    ("Giá trị sản xuất của các ngành kinh tế trên địa bàn tăng", "%/năm",
     "ktxh.tang_truong_gia_tri_san_xuat"),
    # one sector's is not
    ("Giá trị sản xuất ngành thủy sản tăng", "%/năm", None),
])
def test_the_output_of_the_economy_s_sectors_is_the_total(name: str, unit: str,
                                                          expected: str | None) -> None:
    assert _linked(name, unit) == expected


@pytest.mark.parametrize(("name", "unit", "expected"), [
    # an event's fall said after it is the fall of its number of cases
    ("Tai nạn giao thông kéo giảm số vụ so với năm trước", "%", "qpan.tai_nan_giao_thong"),
    ("TNGT giảm về số vụ", "%", "qpan.tai_nan_giao_thong"),
    ("Tình hình phạm pháp hình sự giảm số vụ", "%", "qpan.giam_pham_phap_hinh_su"),
    # a fall of the dead, or on all three counts, is no fall of the cases
    ("Tai nạn giao thông giảm số người chết", "%", None),
    ("Tai nạn giao thông giảm trên cả 3 tiêu chí", "%", None),
])
def test_an_event_s_fall_said_after_it(name: str, unit: str, expected: str | None) -> None:
    assert _linked(name, unit) == expected


@pytest.mark.parametrize(("name", "unit", "expected"), [
    # teams "đã thành lập" are all set up so far: the teams there are
    ("Số tổ công nghệ số cộng đồng đã được thành lập ở thôn", "tổ", "xhs.so_to_cnscd"),
    # the year's new ones are not; nor are the firms set up so far the year's new firms
    ("Số tổ công nghệ số cộng đồng thành lập mới trong năm", "tổ", None),
    ("Số doanh nghiệp đã thành lập trên địa bàn", "doanh nghiệp", None),
    ("Số doanh nghiệp thành lập mới", "doanh nghiệp", "ktxh.doanh_nghiep_moi"),
])
def test_teams_set_up_so_far_are_the_teams_there_are(name: str, unit: str,
                                                     expected: str | None) -> None:
    assert _linked(name, unit) == expected


@pytest.mark.parametrize(("name", "unit", "expected"), [
    # a commune completing the 19 criteria is one up to the new countryside's standard
    ("Tỷ lệ xã đạt 19/19 tiêu chí xã nông thôn mới", "%", "ntm.xa_dat_chuan"),
    ("Tỷ lệ số xã hoàn thành 19 tiêu chí nông thôn mới trên địa bàn huyện", "%",
     "ntm.xa_dat_chuan"),
    # villages are no communes
    ("Tỷ lệ thôn hoàn thành 19/19 tiêu chí", "%", None),
])
def test_the_nineteen_criteria_are_the_standard(name: str, unit: str,
                                                expected: str | None) -> None:
    assert _linked(name, unit) == expected


@pytest.mark.parametrize(("name", "unit", "expected"), [
    # "Tổng số …" counts all there are: no count of the year's new ones …
    ("Tổng số sản phẩm OCOP của phường", "sản phẩm", None),
    ("Tổng số sản phẩm đạt chuẩn OCOP", "sản phẩm", None),
    # … unless it says what happens in the year
    ("Tổng số sản phẩm OCOP được công nhận trong năm", "sản phẩm", "ktxh.ocop_moi"),
    ("Tổng số doanh nghiệp mới được thành lập", "doanh nghiệp", "ktxh.doanh_nghiep_moi"),
    ("Tổng số lượt người dân được hướng dẫn sử dụng VNeID", "lượt",
     "da06.luot_huong_dan_vneid"),
])
def test_a_total_number_is_a_stock(name: str, unit: str, expected: str | None) -> None:
    assert _linked(name, unit) == expected


@pytest.mark.parametrize(("name", "unit", "expected"), [
    # a fall to a level prints that level
    ("Giảm tỷ lệ hộ nghèo xuống còn dưới 2%", "%", "ktxh.ho_ngheo"),
    ("Giảm tỷ lệ hộ cận nghèo xuống dưới 3%", "%", "ktxh.ho_can_ngheo"),
    ("Giảm tỷ lệ thất nghiệp khu vực thành thị xuống dưới 3%", "%",
     "ktxh.that_nghiep_thanh_thi"),
    ("Giảm tỷ lệ hộ nghèo đa chiều (chuẩn giai đoạn 2026-2030) còn", "%", "ktxh.ho_ngheo"),
    ("Giảm tỷ lệ hộ nghèo còn", "%", "ktxh.ho_ngheo"),
    # a fall that names no level stays a fall
    ("Giảm tỷ lệ hộ nghèo", "%", "ktxh.giam_ho_ngheo"),
    ("Giảm tỷ lệ hộ nghèo bình quân 1,5%/năm", "%/năm", "ktxh.giam_ho_ngheo"),
    ("Giảm tỷ lệ hộ nghèo", "điểm %", "ktxh.ho_ngheo_diem_phan_tram"),
    ("Tỷ lệ hộ nghèo giảm", "%", "ktxh.giam_ho_ngheo"),
])
def test_a_fall_to_a_level_prints_the_level(name: str, unit: str,
                                            expected: str | None) -> None:
    assert _linked(name, unit) == expected


@pytest.mark.parametrize(("name", "unit", "expected"), [
    # a network covering households, its target printed inside the name, is coverage: no
    # share of households with a line, nor of villages
    ("Mạng cáp quang băng rộng phủ đến 90% hộ gia đình", "%", None),
    ("Hạ tầng cáp quang phủ trên 95% hộ gia đình và 100% xã", "%", None),
    # a village reached by fibre has it; households with a line and the forest's cover keep
    # their links, a number inside them or not
    ("Hạ tầng cáp quang phủ tới 100% thôn, bản", "%", "hts.thon_cap_quang"),
    ("Tỷ lệ hộ gia đình có kết nối Internet cáp quang", "%", "hts.ho_cap_quang"),
    ("Tỷ lệ che phủ rừng đạt 42%", "%", "ktxh.che_phu_rung"),
])
def test_coverage_with_its_target_inside_the_name(name: str, unit: str,
                                                  expected: str | None) -> None:
    assert _linked(name, unit) == expected


@pytest.mark.parametrize(("name", "unit", "expected"), [
    # two targets, one per clause, are neither alone
    ("Mỗi người dân đều có tài khoản định danh điện tử, sử dụng được dịch vụ công trực tuyến",
     "%", None),
    ("Tỷ lệ hộ gia đình có điện thoại thông minh, truy cập Internet", "%", None),
    # verbs listed after one object set one target
    ("Số người dân được hướng dẫn cài đặt, sử dụng ứng dụng VNeID", "người",
     "da06.nguoi_huong_dan_vneid"),
    ("Tỷ lệ khai thác, sử dụng lại dữ liệu số", "%", "cqs.tai_su_dung_du_lieu"),
    ("Tỷ lệ người dân, doanh nghiệp sử dụng dịch vụ công trực tuyến", "%",
     "cqs.su_dung_dvctt"),
])
def test_two_targets_in_one_name_are_neither(name: str, unit: str,
                                             expected: str | None) -> None:
    assert _linked(name, unit) == expected


@pytest.mark.parametrize(("name", "unit", "expected"), [
    # a level kept ("Duy trì … ở mức thấp") is the rate's level
    ("Duy trì tỷ lệ thất nghiệp ở mức thấp dưới 3%", "%", "ktxh.that_nghiep"),
    ("Giữ vững tỷ lệ người dân tham gia bảo hiểm y tế ở mức trên 95%", "%", "ktxh.bhyt"),
    # a level kept of a sex ratio keeps its link
    ("Tỷ số giới tính khi sinh duy trì ở mức", "bé trai/100 bé gái", "ktxh.ty_so_gioi_tinh"),
])
def test_a_level_kept_prints_the_level(name: str, unit: str, expected: str | None) -> None:
    assert _linked(name, unit) == expected


@pytest.mark.parametrize(("name", "unit", "expected"), [
    # the SIPAS index by its official name, people and organisations alike
    ("Mức độ hài lòng của tổ chức, cá nhân đối với sự phục vụ của cơ quan hành chính nhà nước",
     "%", "cchc.sipas"),
    # satisfaction with procedures settled, or with health services, is another thing
    ("Tỷ lệ người dân, doanh nghiệp hài lòng về việc giải quyết thủ tục hành chính", "%",
     "cchc.hai_long_tthc"),
    ("Mức độ hài lòng của người dân đối với dịch vụ y tế", "%", None),
])
def test_the_satisfaction_index_by_its_official_name(name: str, unit: str,
                                                     expected: str | None) -> None:
    assert _linked(name, unit) == expected


@pytest.mark.parametrize(("name", "unit", "expected"), [
    # a share of identity accounts is no share of the citizens who hold one
    ("Tỷ lệ tài khoản định danh điện tử mức 2 được kích hoạt trên tổng số hồ sơ đăng ký", "%",
     None),
    ("Tỷ lệ công dân có tài khoản định danh điện tử mức 2", "%",
     "da06.tai_khoan_dinh_danh_muc2"),
    ("Số tài khoản định danh điện tử được kích hoạt mới trong năm", "tài khoản",
     "da06.so_tai_khoan_kich_hoat"),
])
def test_a_share_of_accounts_is_no_share_of_citizens(name: str, unit: str,
                                                     expected: str | None) -> None:
    assert _linked(name, unit) == expected


@pytest.mark.parametrize(("name", "unit", "expected"), [
    # satisfaction with what is unsaid is no indicator's (the catalog's are with online public
    # services, procedures settled, the administration's service, digital services)
    ("Mức độ hài lòng của người dân, doanh nghiệp", "%", None),
    ("Tỷ lệ người dân hài lòng", "%", None),
    # said with what, each keeps its link
    ("Tỷ lệ người dân hài lòng với dịch vụ công trực tuyến", "%", "cqs.hai_long_dvctt"),
    ("Tỷ lệ tổ chức, cá nhân hài lòng khi giải quyết TTHC", "%", "cchc.hai_long_tthc"),
    ("Mức độ hài lòng của người dân với dịch vụ số", "điểm", "xhs.hai_long_dich_vu_so"),
])
def test_satisfaction_must_say_with_what(name: str, unit: str, expected: str | None) -> None:
    assert _linked(name, unit) == expected
