"""Catalog links of a part against its whole, and of points counted against an index: the
poor households of the poorest places, points counted in "điểm" (ninth session)."""

from __future__ import annotations

import pytest

from chitieu.catalog import default_catalog


def _linked(name: str, unit: str) -> str | None:
    match = default_catalog().match(name, unit)
    return None if match is None else match.id


@pytest.mark.parametrize(("name", "unit"), [
    ("Tỷ lệ hộ nghèo ở các xã đặc biệt khó khăn giảm bình quân hằng năm", "%"),
    ("Giảm tỷ lệ hộ nghèo của các huyện nghèo", "%/năm"),
    ("Tỷ lệ hộ nghèo tại các xã có tỷ lệ hộ nghèo cao", "%"),
    ("Tỷ lệ hộ nghèo thôn đặc biệt khó khăn giảm so với năm trước", "%"),
])
def test_the_poorest_places_poverty_is_no_poverty_rate_of_the_whole(name: str, unit: str) -> None:
    # the poverty rate of the poorest communes falls from a higher level and faster: no rate
    # of the commune or province to set beside theirs (condition poorest_areas)
    assert _linked(name, unit) is None


@pytest.mark.parametrize(("name", "unit", "expected"), [
    ("Tỷ lệ hộ nghèo trên địa bàn giảm so với năm trước", "%", "ktxh.giam_ho_ngheo"),
    ("Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều", "%", "ktxh.ho_ngheo"),
])
def test_the_whole_poverty_rate_still_links(name: str, unit: str, expected: str) -> None:
    assert _linked(name, unit) == expected


@pytest.mark.parametrize(("name", "expected"), [
    # points added in the year are no count of all the points there are
    ("Số điểm phát Wi-Fi miễn phí lắp đặt mới trong năm", None),
    ("Số điểm Wi-Fi công cộng xây mới", None),
    # all there are, however said, is the indicator
    ("Số điểm Wi-Fi công cộng miễn phí hiện có", "hts.diem_wifi_cong_cong"),
    ("Số điểm phát Wi-Fi miễn phí nơi công cộng", "hts.diem_wifi_cong_cong"),
    # an index's value in points is no count of points
    ("Điểm chỉ số chuyển đổi số của xã", "cqs.dti_chi_so"),
])
def test_points_counted_in_diem_are_a_count(name: str, expected: str | None) -> None:
    assert _linked(name, "điểm") == expected


def test_a_count_of_points_is_a_count_family_and_an_index_in_points_a_score() -> None:
    from chitieu.catalog.words import default_words, name_family, read

    words = default_words()
    wifi = read("Số điểm Wi-Fi công cộng miễn phí", words)
    assert name_family("điểm", wifi, words) == "count:points"
    assert name_family("điểm", read("Chỉ số chuyển đổi số cấp xã", words), words) == "score"


@pytest.mark.parametrize("name", [
    "Tỷ trọng ngành nông, lâm, thủy sản trong GRDP của xã",
    "Tỷ trọng nông nghiệp trong cơ cấu kinh tế",
    "Tỷ trọng khu vực nông, lâm nghiệp và thủy sản trong GDP",
])
def test_a_sectors_share_of_grdp_is_no_share_of_the_workforce(name: str) -> None:
    # the sector is the same, the whole is not: output, not workers
    assert _linked(name, "%") != "ktxh.lao_dong_nong_nghiep"


@pytest.mark.parametrize(("name", "expected"), [
    ("Tỷ trọng lao động nông, lâm nghiệp, thủy sản trong tổng số lao động",
     "ktxh.lao_dong_nong_nghiep"),
    ("Tỷ lệ lao động nông nghiệp", "ktxh.lao_dong_nong_nghiep"),
    ("Tỷ trọng công nghiệp chế biến, chế tạo trong GRDP tỉnh", "ktxh.ty_trong_cn_che_bien"),
    ("Tỷ trọng giá trị tăng thêm kinh tế số trong GRDP", "kts.ty_trong_kinh_te_so"),
    ("Tỷ trọng kinh tế số", "kts.ty_trong_kinh_te_so"),
])
def test_shares_of_their_own_whole_still_link(name: str, expected: str) -> None:
    assert _linked(name, "%") == expected


def test_a_share_naming_its_whole_is_printed_as_that_share() -> None:
    from chitieu.catalog.words import default_words, name_family, read

    words = default_words()
    assert name_family("%", read("Tỷ trọng dịch vụ trong GRDP", words), words) == "percent:grdp"
    assert name_family("%", read("Tỷ lệ lao động qua đào tạo", words), words) \
        == "percent:lao dong"
    assert name_family("%", read("Tỷ lệ hộ nghèo", words), words) == "percent"


@pytest.mark.parametrize(("name", "unit", "expected"), [
    # OCR's "m" for a final "n" where no syllable ends so: before "h", after "uyê", "uâ"
    ("Tỷ lệ thủ tục hành chímh có phát sinh hồ sơ trực tuyến", "%", "cqs.dvctt_phat_sinh_ho_so"),
    ("Tỷ lệ văn bản đi được ký số và gửi trên môi trường mạng, truyềm qua trục liên thông", "%",
     "cqs.van_ban_ky_so_gui_dien_tu"),
    ("Tỷ lệ trường học đạt chuẩm quốc gia mức độ 1 trở lên", "%", "ktxh.truong_chuan_quoc_gia"),
    # … and for the final "n" of "dân" after a size: the denominator is read
    ("Số giường bệnh trên 1 vạn dâm", "giường", "ktxh.giuong_benh_van_dan"),
    ("Số bác sĩ", "bác sĩ/vạn dâm", "ktxh.bac_si_van_dan"),
    # a size no indicator has stays apart, however "dân" is printed
    ("Số bác sĩ trên 1.000 dâm", "bác sĩ", None),
])
def test_ocr_m_for_a_final_n_is_read_back(name: str, unit: str, expected: str | None) -> None:
    assert _linked(name, unit) == expected


def test_m_for_n_is_read_back_only_where_no_syllable_spells_it() -> None:
    from chitieu.catalog.words import default_words, tokens

    words = default_words()
    assert tokens("hành chímh, truyềm, chuẩm", words) == ("hanh", "chinh", "truyen", "chuan")
    # real syllables ending in "m" are left: "khám", "tiêm", "làm", "đảm"
    assert tokens("khám tiêm làm đảm", words) == ("kham", "tiem", "lam", "dam")


@pytest.mark.parametrize(("name", "expected"), [
    # all the cooperatives are no count of those rated as working well
    ("Tổng số hợp tác xã nông nghiệp trên địa bàn xã", None),
    ("Số hợp tác xã nông nghiệp hiện có", None),
    ("Số hợp tác xã nông nghiệp đang hoạt động trên địa bàn", None),
    # those rated so, however the rating is said, are the indicator
    ("Số hợp tác xã nông nghiệp hoạt động có hiệu quả", "ktxh.htx_hieu_qua"),
    ("Số HTX nông nghiệp hoạt động hiệu quả", "ktxh.htx_hieu_qua"),
])
def test_effective_cooperatives_are_a_part_of_all(name: str, expected: str | None) -> None:
    assert _linked(name, "hợp tác xã") == expected


def test_a_community_team_working_well_is_no_class_of_its_own() -> None:
    # "hoạt động hiệu quả" says nothing more of a community digital team (labels of batches
    # 5, 16, 18): only the cooperatives' rating is a condition
    assert _linked("Số Tổ công nghệ số cộng đồng", "tổ") == "xhs.so_to_cnscd"
    assert _linked("Số Tổ công nghệ số cộng đồng hoạt động hiệu quả", "tổ") == "xhs.so_to_cnscd"


@pytest.mark.parametrize(("name", "expected"), [
    # a fall to below a level prints that level: no fall of the rate
    ("Giảm tỷ lệ hộ nghèo theo chuẩn đa chiều còn dưới 3%", "ktxh.ho_ngheo"),
    ("Giảm tỷ lệ thất nghiệp ở khu vực thành thị xuống dưới mức 4%", None),
    # a fall said alone is the fall
    ("Giảm tỷ lệ hộ nghèo đa chiều bình quân mỗi năm", "ktxh.giam_ho_ngheo"),
])
def test_a_fall_to_below_a_level_is_that_level(name: str, expected: str | None) -> None:
    assert _linked(name, "%") == expected


@pytest.mark.parametrize("name", [
    "Tỷ lệ chất thải rắn nguy hại được thu gom, xử lý đúng quy định",
    "Tỷ lệ che phủ của rừng và cây ăn quả lâu năm",
    "Độ che phủ rừng, cây lâu năm",
])
def test_hazardous_waste_and_perennial_crops_are_other_things(name: str) -> None:
    assert _linked(name, "%") not in {"ktxh.chat_thai_ran", "ktxh.che_phu_rung"}


def test_a_sub_rows_opening_leaves_its_counted_object_read() -> None:
    # "Trong đó, số xã …" counts communes, no villages
    assert _linked("Trong đó: số xã đạt chuẩn nông thôn mới nâng cao", "%") is None
    assert _linked("Trong đó: tỷ lệ thôn đạt chuẩn nông thôn mới nâng cao", "%") \
        == "ntm.thon_nang_cao"


@pytest.mark.parametrize(("name", "unit", "expected"), [
    # folded, "đầu tư xã hội" holds "tư xã hội": society's investment is no funding from it
    ("Đầu tư xã hội cho R&D", "% GDP", None),
    # R&D is what the spending is for: no growth of the total investment
    ("Tổng vốn đầu tư xã hội cho nghiên cứu và phát triển", "%", None),
    ("Tỷ lệ kinh phí từ xã hội cho nghiên cứu phát triển (R&D)", "%", "ktxh.rd_tu_xa_hoi"),
    ("Kinh phí chi cho R&D so với GRDP", "%", "ktxh.rd_grdp"),
    ("Tổng vốn đầu tư toàn xã hội tăng bình quân", "%", "ktxh.von_dau_tu_toan_xa_hoi"),
])
def test_societys_investment_in_rd(name: str, unit: str, expected: str | None) -> None:
    assert _linked(name, unit) == expected
