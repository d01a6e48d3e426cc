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
    # thousands of billions, a bare "tỷ", a monthly sum; hectares spelled out or in thousands
    ("Tổng thu ngân sách nhà nước trên địa bàn tỉnh", "nghìn tỷ đồng", "ktxh.thu_ngan_sach"),
    ("Thu ngân sách nhà nước trên địa bàn", "tỷ", "ktxh.thu_ngan_sach"),
    ("Thu nhập bình quân đầu người mỗi tháng", "nghìn đồng/tháng",
     "ktxh.thu_nhap_binh_quan"),
    ("Diện tích lúa chất lượng cao", "héc ta", "ktxh.lua_chat_luong_cao"),
    ("Tổng diện tích gieo trồng cây hằng năm", "nghìn ha", "ktxh.dien_tich_gieo_trong"),
    # persons and visits in thousands; a value per hectare a year
    ("Số người tham gia bảo hiểm xã hội tự nguyện", "nghìn người",
     "ktxh.nguoi_bhxh_tu_nguyen"),
    ("Số lượt người dân được hướng dẫn sử dụng dịch vụ công trực tuyến", "nghìn lượt",
     "xhs.luot_huong_dan_dvctt"),
    ("Giá trị sản phẩm thu hoạch trên 1 ha đất trồng trọt", "triệu đồng/ha/năm",
     "ktxh.gia_tri_tren_ha"),
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


@pytest.mark.parametrize(("name", "unit", "expected"), [
    # firms of one sector or of a size are a part of the new firms (found in the fixtures'
    # golds: both linked the new firms' count)
    ("Số doanh nghiệp công nghiệp thành lập mới trong năm", "doanh nghiệp", None),
    ("Số doanh nghiệp thành lập mới có vốn điều lệ từ 10 tỷ đồng", "doanh nghiệp", None),
    # all the new firms keep their link
    ("Số doanh nghiệp được thành lập mới trong năm", "doanh nghiệp", "ktxh.doanh_nghiep_moi"),
])
def test_firms_of_a_sector_or_size_are_a_part(name: str, unit: str,
                                              expected: str | None) -> None:
    assert _linked(name, unit) == expected


@pytest.mark.parametrize(("name", "unit", "expected"), [
    # a share of people printed inside the name is no count per so many people
    ("Trên 90% người dân trưởng thành có tài khoản thanh toán", "%",
     "xhs.tai_khoan_thanh_toan"),
    ("Phấn đấu 95% người dân tham gia bảo hiểm y tế", "%", "ktxh.bhyt"),
    # a count per 5,000 people still has its size unread
    ("Số bác sĩ trên 5.000 dân", "bác sĩ", None),
])
def test_a_share_of_people_inside_the_name_is_no_size(name: str, unit: str,
                                                      expected: str | None) -> None:
    assert _linked(name, unit) == expected


@pytest.mark.parametrize(("name", "unit", "expected"), [
    # "100% người dân", "100% dân số": a share printed inside the name, no count per 100 people
    ("100% người dân tham gia bảo hiểm y tế", "%", "ktxh.bhyt"),
    ("Đến năm 2030, 100% dân số trưởng thành có chữ ký số cá nhân", "%",
     "xhs.chu_ky_so_ca_nhan"),
    # a count per 100 people keeps its size
    ("Số thành viên Tổ công nghệ số cộng đồng trên 100 dân", "người", None),
])
def test_one_hundred_percent_of_people_is_no_size(name: str, unit: str,
                                                  expected: str | None) -> None:
    assert _linked(name, unit) == expected


def test_every_share_with_its_target_printed_inside_links_to_its_indicator() -> None:
    # each catalog share's phrasing "Tỷ lệ X", printed as plans print a target with it
    import csv
    import re

    from chitieu.catalog.catalog import INDICATORS_CSV

    missed = []
    with INDICATORS_CSV.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["unit"] != "%":
                continue
            for text in (row["name"], *(a.strip() for a in row["aliases"].split("|"))):
                found = re.match(r"^(?:Tỷ lệ|Tỉ lệ)\s+(.*)$", text)
                if not found:
                    continue
                rest = found[1].rstrip(".")
                for frame in ("Phấn đấu 90% {}", "Trên 80% {}", "{} đạt 95%",
                              "Đến năm 2030, 100% {}"):
                    if _linked(frame.format(rest), "%") != row["id"]:
                        missed.append((row["id"], frame.format(rest)))
    assert not missed, missed[:10]


@pytest.mark.parametrize(("name", "unit", "expected"), [
    # two things had, joined by "và", are no share of those having one of them
    ("Tỷ lệ hộ gia đình có địa chỉ số và có tài khoản thanh toán điện tử", "%", None),
    ("Tỷ lệ cán bộ, công chức có máy tính và chữ ký số", "%", None),
    ("Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử và hóa đơn điện tử", "%", None),
    ("Tỷ lệ hộ kinh doanh dùng hóa đơn điện tử và thanh toán không dùng tiền mặt", "%", None),
    ("Tỷ lệ doanh nghiệp sử dụng HĐĐT", "%", "kts.dn_hoa_don_dien_tu"),
    ("Tỷ lệ thôn có loa truyền thanh thông minh và wifi miễn phí", "%", None),
    ("Số điểm truy cập internet miễn phí", "điểm", "hts.diem_wifi_cong_cong"),
    ("Tỷ lệ thôn có wifi miễn phí", "%", "hts.thon_wifi"),
    ("Tỷ lệ thôn có sóng di động 4G và loa truyền thanh hoạt động", "%", None),
    ("Tỷ lệ hộ gia đình sử dụng Internet cáp quang và nước sạch", "%", None),
    ("Tỷ lệ thôn có loa truyền thanh hoạt động và Tổ công nghệ số cộng đồng", "%", None),
    ("Tỷ lệ thôn có loa truyền thanh thông minh", "%", "hts.loa_thong_minh"),
    ("Tỷ lệ hộ dân sử dụng nước sạch đạt quy chuẩn", "%", "ktxh.nuoc_sach"),
    ("Số thôn có Tổ công nghệ số cộng đồng hoạt động hiệu quả", "thôn", "xhs.so_thon_to_cnscd"),
    # each alone keeps its link; a cash register is no computer
    ("Tỷ lệ hộ gia đình có địa chỉ số", "%", "hts.ho_dia_chi_so"),
    ("Tỷ lệ cán bộ, công chức được trang bị máy tính kết nối mạng", "%", "cqs.cbcc_may_tinh"),
    ("Tỷ lệ hộ kinh doanh dùng hóa đơn điện tử khởi tạo từ máy tính tiền", "%",
     "kts.ho_kd_hoa_don_dien_tu"),
])
def test_two_things_had_are_no_share_of_one(name: str, unit: str,
                                            expected: str | None) -> None:
    assert _linked(name, unit) == expected


@pytest.mark.parametrize(("name", "unit", "expected"), [
    # a unit wrapped inside its words in a narrow column (triage C11: the record also lost its
    # indicator) reads as the unit it is
    ("Thu nhập bình quân đầu người", "triệu đồng/n gười/nă m", "ktxh.thu_nhap_binh_quan"),
    # an unknown unit stays a count of its own noun
    ("Thu nhập bình quân đầu người", "con/n gười", None),
])
def test_a_unit_wrapped_inside_its_words(name: str, unit: str, expected: str | None) -> None:
    assert _linked(name, unit) == expected


@pytest.mark.parametrize(("name", "unit", "expected"), [
    # an account "tại ngân hàng" is a bank account
    ("Tỷ lệ người dân có tài khoản tại ngân hàng hoặc tổ chức tín dụng", "%",
     "xhs.tai_khoan_thanh_toan"),
    # procedures cut are no count of the licensing ones cut
    ("Thủ tục hành chính được cắt giảm, đơn giản hóa", "%", None),
    ("Tỷ lệ thủ tục hành chính được cắt giảm", "%", None),
    ("Tỷ lệ cắt giảm thủ tục hành chính về cấp phép", "%", "cchc.cat_giam_tthc_cap_phep"),
    ("Thời gian cấp phép xây dựng", "ngày", "cchc.ngay_cap_phep_xay_dung"),
])
def test_accounts_at_banks_and_licensing_procedures(name: str, unit: str,
                                                    expected: str | None) -> None:
    assert _linked(name, unit) == expected
