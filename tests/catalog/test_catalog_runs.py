"""Catalog readings the tenth session fixed (each test failed before its change): a phrase
of the poorest places counts within one punctuation-free run of the name (review r1 F6, r2
R8), OCR's double slip "img" for "ưng", a place's whole stock of OCOP products, "HTX" spelled
out, and the rural population's clean water against the rural households'."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from chitieu.catalog import default_catalog

LABELS = Path(__file__).resolve().parent


def _linked(name: str, unit: str | None) -> str | None:
    match = default_catalog().match(name, unit)
    return None if match is None else match.id


@pytest.mark.parametrize("name", [
    # "xã" ends one run and "nghèo" opens the next: no "xã nghèo" (review r1 F6)
    "Tỷ lệ hộ nghèo toàn xã - nghèo đa chiều",
    "Tỷ lệ hộ nghèo trên địa bàn xã (nghèo đa chiều)",
    "Tỷ lệ hộ nghèo của huyện, nghèo đa chiều",
    "Tỷ lệ hộ nghèo toàn thôn – nghèo đa chiều giai đoạn 2026-2030",
])
def test_a_place_and_nghèo_across_punctuation_are_no_poorest_place(name: str) -> None:
    assert _linked(name, "%") == "ktxh.ho_ngheo"


@pytest.mark.parametrize("name", [
    # within one run the poorest places stay a part of the whole (review r2 R8)
    "Tỷ lệ hộ nghèo ở 2 xã nghèo",
    "Tỷ lệ hộ nghèo trên địa bàn huyện nghèo",
    "Tỷ lệ hộ nghèo xã nghèo",
    "Tỷ lệ hộ nghèo thuộc xã nghèo",
    "Tỷ lệ hộ nghèo các xã, thôn nghèo",
    "Tỷ lệ hộ nghèo (các xã nghèo)",
    "Tỷ lệ hộ nghèo - xã đặc biệt khó khăn",
])
def test_the_poorest_places_within_one_run_stay_apart(name: str) -> None:
    assert _linked(name, "%") is None


@pytest.mark.parametrize(("name", "unit", "expected"), [
    # ư read as i and n as m at once ("rừng" → "rimg", "ứng" → "img")
    ("Tỷ lệ che phủ rimg đạt", "%", "ktxh.che_phu_rung"),
    ("Độ che phủ của rimg", "%", "ktxh.che_phu_rung"),
    ("Tỷ lệ doanh nghiệp nhỏ và vừa img dụng công nghệ số", "%", "kts.dnnvv_cong_nghe_so"),
    ("Tỷ lệ hộ kinh doanh img dụng công nghệ số", "%", "kts.ho_kd_cong_nghe_so"),
    # near misses keep apart: a forest of one kind is no forest cover
    ("Tỷ lệ rimg phòng hộ", "%", None),
])
def test_img_is_read_as_ung(name: str, unit: str, expected: str | None) -> None:
    assert _linked(name, unit) == expected


def test_img_reads_ung_and_real_syllables_stay() -> None:
    from chitieu.catalog.words import default_words, read

    words = default_words()
    assert read("che phủ rimg", words).words == ("che", "phu", "rung")
    # real syllables in "ing"-free words, and foreign words, are left as printed
    assert read("Internet băng rộng", words).words[0] == "internet"
    assert read("tỉnh", words).words == ("tinh",)


@pytest.mark.parametrize(("name", "expected"), [
    # all the products a place holds, said of the whole place: a stock, no year's additions
    ("Số sản phẩm OCOP toàn xã", None),
    ("Số sản phẩm OCOP từ 3 sao toàn huyện", None),
    ("Số sản phẩm được chứng nhận OCOP từ 3 sao trở lên toàn tỉnh", None),
    ("Số sản phẩm OCOP trên địa bàn xã", None),
    # the year's additions, wherever the place is said
    ("Số sản phẩm OCOP được công nhận mới toàn huyện", "ktxh.ocop_moi"),
    ("Số sản phẩm OCOP có thêm trong năm trên địa bàn huyện", "ktxh.ocop_moi"),
    ("Số sản phẩm OCOP mới được công nhận", "ktxh.ocop_moi"),
])
def test_a_whole_place_s_ocop_products_are_a_stock(name: str, expected: str | None) -> None:
    assert _linked(name, "sản phẩm") == expected


@pytest.mark.parametrize(("name", "unit", "expected"), [
    # the place says where, not when: what happens in the year keeps its count of additions
    ("Số lao động được giải quyết việc làm mới trên địa bàn", "người", "ktxh.viec_lam_moi"),
    ("Số lao động được giải quyết việc làm trên địa bàn", "người", "ktxh.viec_lam_moi"),
    ("Số lao động được tạo việc làm toàn xã", "người", "ktxh.viec_lam_moi"),
    ("Số doanh nghiệp thành lập mới trên địa bàn xã", "doanh nghiệp", "ktxh.doanh_nghiep_moi"),
    ("Số doanh nghiệp được thành lập toàn huyện", "doanh nghiệp", "ktxh.doanh_nghiep_moi"),
    ("Số tài khoản định danh điện tử được kích hoạt trên địa bàn", "tài khoản",
     "da06.so_tai_khoan_kich_hoat"),
    ("Số sản phẩm OCOP được công nhận toàn huyện", "sản phẩm", "ktxh.ocop_moi"),
    ("Số hộ nghèo được hỗ trợ nhà ở trên địa bàn", "hộ", "ktxh.ho_ngheo_ho_tro_nha_o"),
])
def test_a_place_said_of_what_happens_keeps_its_additions(name: str, unit: str,
                                                          expected: str) -> None:
    assert _linked(name, unit) == expected


def test_htx_is_spelled_out() -> None:
    catalog = default_catalog()
    short = catalog.match("Số HTX nông nghiệp hoạt động hiệu quả", "HTX")
    spelled = catalog.match("Số hợp tác xã nông nghiệp hoạt động hiệu quả", "HTX")
    assert short is not None and spelled is not None
    assert short.id == spelled.id == "ktxh.htx_hieu_qua"
    assert short.score == spelled.score


@pytest.mark.parametrize(("name", "unit", "expected"), [
    ("Số HTX nông nghiệp thành lập mới", "HTX", None),
    ("Tổng số HTX nông nghiệp", "HTX", None),
    ("Tỷ lệ HTX nông nghiệp hoạt động hiệu quả", "%", None),
    ("Số DN, HTX, hộ kinh doanh bán hàng trên sàn TMĐT", "đơn vị", "kts.dn_tmdt"),
])
def test_htx_near_misses_keep_their_links(name: str, unit: str, expected: str | None) -> None:
    assert _linked(name, unit) == expected


_RURAL_POPULATION = re.compile(r"(dân số|dân cư|người dân|số dân) (khu vực )?nông thôn", re.I)


def test_the_rural_population_s_clean_water_is_labelled_apart_from_households() -> None:
    # QĐ 1978/QĐ-TTg counts rural *people* with clean water (65 % by 2030); the NTM criterion
    # and ntm.nuoc_sach_nong_thon count rural *households*: a different denominator, no
    # figure to set beside the other. Every batch labels the population's share none.
    labelled = []
    for path in sorted(LABELS.glob("oos*_labels.csv")):
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                if _RURAL_POPULATION.search(row["name"]) and "nước sạch" in row["name"]:
                    labelled.append((path.name, row["name"], row["indicator"]))
    assert labelled
    assert [item for item in labelled if item[2]] == []
    assert _linked("Tỷ lệ dân cư nông thôn sử dụng nước sạch đạt chuẩn", "%") is None


@pytest.mark.parametrize(("name", "unit", "expected"), [
    # a target printed at the end of a name is no part of its wording: "… giảm 3% trở lên"
    # ends, as a name, with "giảm" (a fall), as "Tỷ lệ hộ nghèo giảm" does
    ("Hộ cận nghèo mỗi năm giảm 3% trở lên", "%", None),
    ("Tỷ lệ hộ cận nghèo giảm 2% trở lên mỗi năm", "%", None),
    ("Tỷ lệ hộ nghèo giảm 1,5%/năm", "%", "ktxh.giam_ho_ngheo"),
    ("Tỷ lệ hộ nghèo giảm 1,5%/năm", "%/năm", "ktxh.giam_ho_ngheo"),
    # a level printed with its number stays the level
    ("Tỷ lệ hộ cận nghèo còn 3%", "%", "ktxh.ho_can_ngheo"),
    ("Tỷ lệ tham gia BHYT đạt 95%", "%", "ktxh.bhyt"),
    ("Tỷ lệ hộ nghèo năm 2025", "%", "ktxh.ho_ngheo"),
])
def test_a_target_printed_at_the_end_is_read_apart(name: str, unit: str,
                                                   expected: str | None) -> None:
    assert _linked(name, unit) == expected


@pytest.mark.parametrize(("name", "expected"), [
    # agencies holding the culture movement's title count no agency of the catalog: the bare
    # title shared "văn" (of "văn bản") with the document system's agencies
    ("Cơ quan, đơn vị văn hóa", None),
    ("Tỷ lệ cơ quan, đơn vị văn hóa", None),
    ("Cơ quan văn hóa", None),
    # the document system's agencies and the titled villages keep their links
    ("Tỷ lệ cơ quan, đơn vị sử dụng hệ thống quản lý văn bản", "cqs.co_quan_quan_ly_van_ban"),
    ("Tỷ lệ thôn, tổ dân phố văn hóa", "ktxh.thon_van_hoa"),
])
def test_agencies_holding_the_culture_title_are_no_agencies_counted(
        name: str, expected: str | None) -> None:
    assert _linked(name, "%") == expected


@pytest.mark.parametrize(("name", "unit", "expected"), [
    # a yearly average ("bình quân") and a price basis ("giá so sánh năm 2010") frame a
    # growth rate; they are no words it is told apart by
    ("Tăng trưởng kinh tế (GRDP giá so sánh năm 2010) bình quân", "%/năm",
     "ktxh.tang_truong_kinh_te"),
    ("Tăng trưởng kinh tế bình quân hằng năm (giá so sánh)", "%", "ktxh.tang_truong_kinh_te"),
    # per head is still said by "đầu người", the price basis still tells values apart
    ("Thu nhập bình quân đầu người", "triệu đồng", "ktxh.thu_nhap_binh_quan"),
    ("Tổng giá trị sản xuất (giá so sánh)", "tỷ đồng", None),
    ("Tổng giá trị sản xuất trên địa bàn (giá hiện hành)", "tỷ đồng",
     "ktxh.tong_gia_tri_san_xuat"),
])
def test_a_yearly_average_and_a_price_basis_are_frames(name: str, unit: str,
                                                       expected: str | None) -> None:
    assert _linked(name, unit) == expected


@pytest.mark.parametrize(("name", "unit"), [
    # what an area holds, of any count indicator of additions (checked on the session's
    # start tree: each linked the additions' indicator)
    ("Số doanh nghiệp trên địa bàn", "doanh nghiệp"),
    ("Số trạm BTS trên địa bàn", "trạm"),
    ("Số tài khoản định danh điện tử trên địa bàn", "tài khoản"),
    ("Số sản phẩm OCOP 3 sao trở lên trên địa bàn", "sản phẩm"),
])
def test_an_area_s_stock_is_no_year_s_additions(name: str, unit: str) -> None:
    assert _linked(name, unit) is None


@pytest.mark.parametrize(("name", "expected"), [
    # a name with no unit opening with a task's verb is a task, a year in it or not (a year
    # says when, not how much): it links to nothing
    ("Tổ chức đặt hàng nhiệm vụ khoa học, công nghệ và chuyển đổi số năm 2026", None),
    ("Rà soát hộ nghèo, hộ cận nghèo năm 2026", None),
    ("Hình thành đội ngũ chuyên trách về khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
     None),
    # a number that is a target keeps it a count; a quantity's own name links
    ("Tổ chức 10 lớp tập huấn kỹ năng số cho người dân", "xhs.lop_ky_nang_so"),
    ("Thu nhập bình quân đầu người năm 2026", "ktxh.thu_nhap_binh_quan"),
])
def test_a_unitless_task_with_a_year_is_a_task(name: str, expected: str | None) -> None:
    assert _linked(name, None) == expected


@pytest.mark.parametrize(("name", "unit", "expected"), [
    # "tăng trưởng" typed without its r ("tưởng" folds to a word of its own, "đối tượng")
    ("Tăng tưởng kinh tế bình quân", "%/năm", "ktxh.tang_truong_kinh_te"),
    # a cultural house "cơ bản đạt chuẩn" (up to the standard in the main) is up to it
    ("Tỷ lệ thôn có nhà văn hóa cơ bản đạt chuẩn", "%", "ktxh.thon_nha_van_hoa"),
    # near misses keep apart: a village having a cultural house, of any standard
    ("Tỷ lệ thôn có nhà văn hóa", "%", None),
])
def test_a_growth_typed_without_r_and_a_house_up_to_standard_in_the_main(
        name: str, unit: str, expected: str | None) -> None:
    assert _linked(name, unit) == expected


@pytest.mark.parametrize(("name", "unit", "expected"), [
    # review r1 F11: "mới" says a count of new ones, wherever the place is said
    ("Số sản phẩm OCOP mới trên địa bàn xã", "sản phẩm", "ktxh.ocop_moi"),
    ("Số hợp tác xã thành lập mới trên địa bàn xã", "hợp tác xã", None),
    # review r1 F13: an export value is no area's total output (the current-price total keeps
    # "giá hiện hành" among its words), nor is a sector's output
    ("Giá trị xuất khẩu thủy sản", "triệu USD", None),
    ("Giá trị sản xuất thủy sản", "tỷ đồng", None),
    ("Giá trị sản xuất lâm nghiệp", "tỷ đồng", None),
    # the area's total and the growth at constant prices keep their links
    ("Tổng giá trị sản xuất trên địa bàn", "tỷ đồng", "ktxh.tong_gia_tri_san_xuat"),
    ("Tăng trưởng kinh tế (GRDP giá so sánh năm 2010) bình quân", "%/năm",
     "ktxh.tang_truong_kinh_te"),
])
def test_review_r1_new_ones_in_a_place_and_an_export_value(name: str, unit: str,
                                                           expected: str | None) -> None:
    assert _linked(name, unit) == expected


@pytest.mark.parametrize(("name", "unit", "expected"), [
    # after batch 29's end scoring (worn from here): households falling (back) into poverty
    # in the year are no share of the poor households there are; accounts "đã cấp" (issued so
    # far) are no count of the year's activations
    ("Tỷ lệ hộ tái nghèo trong năm", "%", None),
    ("Tỷ lệ hộ nghèo phát sinh mới", "%", None),
    # … "mới" printed between (review r2, low: linked the poor households' count at 0.73)
    ("Số hộ nghèo mới phát sinh trên địa bàn", "hộ", None),
    ("Số tài khoản định danh điện tử đã được cấp", "tài khoản", None),
    # the poor households and the year's activations keep their links
    ("Tỷ lệ hộ nghèo", "%", "ktxh.ho_ngheo"),
    ("Số hộ nghèo", "hộ", "ktxh.so_ho_ngheo"),
    ("Số tài khoản định danh điện tử được kích hoạt mới", "tài khoản",
     "da06.so_tai_khoan_kich_hoat"),
])
def test_new_poverty_and_accounts_issued_so_far(name: str, unit: str,
                                                expected: str | None) -> None:
    assert _linked(name, unit) == expected
