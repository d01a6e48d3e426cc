"""The plan header above the table: appendix, title, number, date, issuer, locality."""

import pytest

from chitieu.extract import read_text
from chitieu.interpret.plan import expand_issuer, parse_plan


def _plan(text: str, layout: str = "text"):
    return parse_plan(read_text(text, layout).rows)[0]


def test_markdown_heading_marks_are_not_part_of_the_heading() -> None:
    plan = _plan("# PHỤ LỤC 4\n\n## KẾ HOẠCH TRIỂN KHAI\n\n## NĂM 2026 ##\n\n"
                 "(Kèm theo Kế hoạch số 27/KH-UBND ngày 09/02/2026 của UBND xã Hương Sơn, "
                 "tỉnh Hà Tĩnh)", "markdown")
    assert plan.appendix == "Phụ lục 4"
    assert plan.title == "KẾ HOẠCH TRIỂN KHAI NĂM 2026"
    assert (plan.number, plan.issued_on) == ("27/KH-UBND", "2026-02-09")
    assert plan.locality.code == "18133"


@pytest.mark.parametrize(("attached", "level", "name", "code", "province"), [
    ("của UBND phường Hòa Bình, tỉnh Phú Thọ", "phường", "Hòa Bình", "04795", "Phú Thọ"),
    ("của UBND phường Hòa Bình", "phường", "Hòa Bình", None, None),
    ("của UBND xã Tân An", "xã", "Tân An", None, None),
    ("của Ủy ban nhân dân đặc khu Côn Đảo", "đặc khu", "Côn Đảo", "26732", "Hồ Chí Minh"),
    ("của UBND phường Mông Dương, tỉnh Quảng Ninh", "phường", "Mông Dương", "06760",
     "Quảng Ninh"),
    ("của UBND XÃ ĐẦM DƠI", "xã", "Đầm Dơi", "32152", "Cà Mau"),
    ("của UBND XÃ HƯƠNG SƠN, TỈNH HÀ TĨNH", "xã", "Hương Sơn", "18133", "Hà Tĩnh"),
    ("của UBND xã Hương Sơn (Hà Tĩnh)", "xã", "Hương Sơn", "18133", "Hà Tĩnh"),
    ("của Phòng Văn hóa - Xã hội", None, None, None, None),
])
def test_locality_resolves_only_when_unique(attached: str, level: str, name: str,
                                            code: str | None, province: str | None) -> None:
    plan = _plan(f"PHỤ LỤC 1\nTIÊU ĐỀ\n(Kèm theo Kế hoạch số 1/KH-UBND ngày 2/3/2026 {attached})")
    locality = plan.locality
    assert (locality.level, locality.name, locality.code, locality.province) == (
        level, name, code, province)


@pytest.mark.parametrize(("attached", "warning"), [
    ("của UBND xã Tân An", "plan_locality_ambiguous"),
    ("của UBND phường Hòa Bình", "plan_locality_ambiguous"),
    ("của UBND xã Hoa Hồng Tím", "plan_locality_unlisted"),
    ("của UBND xã Tân Lập, tỉnh Phú Thọ", "plan_locality_unlisted"),  # not a Phú Thọ commune
    ("của UBND phường Hòa Bình, tỉnh Phú Thọ", None),
    ("của Phòng Văn hóa - Xã hội", None),
    ("của UBND tỉnh Phú Thọ", None),
])
def test_a_commune_left_without_its_code_says_why(attached: str, warning: str | None) -> None:
    text = f"PHỤ LỤC 1\nTIÊU ĐỀ\n(Kèm theo Kế hoạch số 1/KH-UBND ngày 2/3/2026 {attached})"
    _, warnings = parse_plan(read_text(text, "text").rows)
    said = [w for w in warnings if w.startswith("plan_locality_")]
    assert said == ([warning] if warning else [])


def test_partial_date_keeps_what_was_printed() -> None:
    plan = _plan("PHỤ LỤC I\nTIÊU ĐỀ\n(Kèm theo Kế hoạch số: 215/KH-UBND ngày    /4/2026 "
                 "của UBND phường Buôn Ma Thuột)")
    assert (plan.number, plan.issued_on, plan.issued_raw) == ("215/KH-UBND", None,
                                                              "ngày /4/2026")


@pytest.mark.parametrize("dated", ["ngày …/…/2026", "ngày ../../2026", "ngày … tháng … năm 2026",
                                   "ngày .../5/2026"])
def test_a_date_left_to_fill_in_with_dots_keeps_what_was_printed(dated: str) -> None:
    plan = _plan(f"PHỤ LỤC I\nTIÊU ĐỀ\n(Kèm theo Quyết định số …/QĐ-SYT {dated} của Giám đốc "
                 "Sở Y tế tỉnh Cao Bằng)")
    assert (plan.number, plan.issued_on, plan.issued_raw) == (None, None, dated)


@pytest.mark.parametrize("heading", [
    "PHỤ LỤC II\nDANH MỤC NHIỆM VỤ NĂM 2026 (Kèm theo Kế hoạch số 19/KH-UBND ngày 22/02/2026 "
    "của UBND xã Tiên Lữ, tỉnh Hưng Yên)",
    "PHỤ LỤC II: DANH MỤC NHIỆM VỤ NĂM 2026 (Kèm theo Kế hoạch số 19/KH-UBND ngày 22/02/2026 "
    "của UBND xã Tiên Lữ, tỉnh Hưng Yên)",
])
def test_a_title_and_its_attachment_line_printed_as_one_line(heading: str) -> None:
    plan = _plan(heading)
    assert (plan.appendix, plan.title) == ("Phụ lục II", "DANH MỤC NHIỆM VỤ NĂM 2026")
    assert (plan.number, plan.issued_on) == ("19/KH-UBND", "2026-02-22")
    assert plan.issuer == "Ủy ban nhân dân xã Tiên Lữ, tỉnh Hưng Yên"
    assert plan.locality.code == "12364"


def test_issuer_abbreviations_expanded() -> None:
    assert expand_issuer("UBND phường Bạch Mai") == "Ủy ban nhân dân phường Bạch Mai"


def test_parentheses_inside_the_attachment_line_are_kept() -> None:
    plan = _plan("PHỤ LỤC 1\nTIÊU ĐỀ\n(Kèm theo Kế hoạch số 12/KH-UBND ngày 12/3/2026 của "
                 "UBND xã Hương Sơn (Hà Tĩnh))")
    assert plan.issuer == "Ủy ban nhân dân xã Hương Sơn (Hà Tĩnh)"


def test_the_heading_is_the_last_appendix_line_above_the_table() -> None:
    # A PDF of the whole plan: its body mentions "kèm theo" long before the appendix.
    plan = _plan("KẾ HOẠCH\nTriển khai đợt cao điểm 100 ngày\n"
                 "Danh mục nhiệm vụ (kèm theo Kế hoạch này) do các sở thực hiện.\n"
                 "Phụ lục\nDANH MỤC NHIỆM VỤ TRỌNG TÂM\n"
                 "(Kèm theo Kế hoạch số 277/KH-UBND ngày 15/7/2026 của UBND thành phố Hà Nội)")
    assert (plan.appendix, plan.title) == ("Phụ lục", "DANH MỤC NHIỆM VỤ TRỌNG TÂM")
    assert (plan.number, plan.issued_on) == ("277/KH-UBND", "2026-07-15")
    assert plan.issuer == "Ủy ban nhân dân thành phố Hà Nội"
    assert (plan.locality.level, plan.locality.code) == ("thành phố", "01")


# ---------------------------------------------------------------- a whole plan's own header

WHOLE_PLAN = """ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ TAM ĐẢO\tĐộc lập - Tự do - Hạnh phúc
{number}\tTam Đảo, {dated}

KẾ HOẠCH
Phát triển du lịch cộng đồng
trên địa bàn xã năm 2026
Căn cứ Kế hoạch số 310/KH-UBND ngày 20/01/2026 của Ủy ban nhân dân tỉnh Phú Thọ;
Căn cứ Nghị quyết số 09/NQ-HĐND ngày 18/12/2025 của Hội đồng nhân dân xã Tam Đảo;
I. MỤC TIÊU
Chỉ tiêu cụ thể tại Phụ lục kèm theo Kế hoạch số 99/KH-UBND ngày 01/01/2026.
II. CHỈ TIÊU
"""


def test_a_whole_plan_is_named_by_its_own_header_not_by_what_it_cites() -> None:
    plan, warnings = parse_plan(read_text(WHOLE_PLAN.format(
        number="Số: 17/KH-UBND", dated="ngày 09 tháng 9 năm 2026"), "text").rows)
    assert plan.appendix is None
    assert plan.title == "Phát triển du lịch cộng đồng trên địa bàn xã năm 2026"
    assert (plan.number, plan.issued_on) == ("17/KH-UBND", "2026-09-09")
    assert plan.issuer == "Ủy ban nhân dân xã Tam Đảo"
    assert (plan.locality.code, plan.locality.province) == ("08911", "Phú Thọ")
    assert warnings == []


def test_a_blank_number_and_an_unsigned_date_are_null_and_warned() -> None:
    plan, warnings = parse_plan(read_text(WHOLE_PLAN.format(
        number="Số:      /KH-UBND", dated="ngày      tháng 9 năm 2026"), "text").rows)
    assert (plan.number, plan.issued_on) == (None, None)
    assert plan.issued_raw == "ngày tháng 9 năm 2026"
    assert {"plan_number_missing", "plan_date_missing"} <= set(warnings)
    assert plan.issuer == "Ủy ban nhân dân xã Tam Đảo"


def test_an_appendix_under_the_national_header_without_an_attachment_line() -> None:
    plan, _ = parse_plan(read_text(
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "PHƯỜNG CAM ĐƯỜNG Độc lập - Tự do - Hạnh phúc\n"
        "Số: 277 /KH-UBND Cam Đường, ngày 14 / 7 /2026\n\n"
        "PHỤ LỤC I\nDANH MỤC NHIỆM VỤ NĂM 2026\n", "text").rows)
    assert (plan.appendix, plan.title) == ("Phụ lục I", "DANH MỤC NHIỆM VỤ NĂM 2026")
    assert (plan.number, plan.issued_on) == ("277/KH-UBND", "2026-07-14")
    assert (plan.issuer, plan.locality.code) == ("Ủy ban nhân dân phường Cam Đường", "02671")


def test_a_header_date_unread_is_taken_where_the_appendix_cites_the_plan() -> None:
    rows = read_text(WHOLE_PLAN.format(number="Số: 17/KH-UBND",
                                       dated="ngày 37 tháng 9 năm 2026"), "text").rows
    appendix = read_text("PHỤ LỤC\nDANH MỤC\n(Kèm theo Kế hoạch số 17/KH-UBND ngày 09/9/2026 "
                         "của UBND xã Tam Đảo)", "text").rows
    other = read_text("PHỤ LỤC\n(Kèm theo Kế hoạch số 18/KH-UBND ngày 10/9/2026)", "text").rows
    assert parse_plan(rows, [other])[0].issued_on is None
    assert parse_plan(rows, [other, appendix])[0].issued_on == "2026-09-09"


_NATION = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


def _under_header(left: list[str], right: list[str]) -> str:
    """The lines above a whole plan's table: the header's columns read across, the kind, a
    title, the body's first line."""
    rows = max(len(left), len(right))
    left, right = left + [""] * (rows - len(left)), right + [""] * (rows - len(right))
    header = [f"{a}\t{b}".strip() for a, b in zip(left, right, strict=True)]
    return "\n".join([*header, "", "KẾ HOẠCH", "Chuyển đổi số năm 2026", "",
                      "Căn cứ Luật Tổ chức chính quyền địa phương;", "II. NHIỆM VỤ"])


@pytest.mark.parametrize(("left", "right", "number", "issuer", "locality"), [
    # a commune's UBND under its province's: the issuer is the lower body
    (["UBND TỈNH LẠNG SƠN", "ỦY BAN NHÂN DÂN", "XÃ ĐÌNH LẬP", "Số: 12 /KH-UBND"],
     [*_NATION, "Đình Lập, ngày 05 tháng 3 năm 2026"], "12/KH-UBND",
     "Ủy ban nhân dân xã Đình Lập", ("xã", "Đình Lập", "06613", "Lạng Sơn")),
    # a commune whose name nine units share: the managing body names its province
    (["UBND TỈNH LẠNG SƠN", "ỦY BAN NHÂN DÂN", "XÃ TÂN THÀNH", "Số: 27/KH-UBND"],
     [*_NATION, "Tân Thành, ngày 2 tháng 3 năm 2026"], "27/KH-UBND",
     "Ủy ban nhân dân xã Tân Thành", ("xã", "Tân Thành", "06445", "Lạng Sơn")),
    # a department takes its province's name from the body managing it
    (["UBND TỈNH QUẢNG NINH", "SỞ Y TẾ", "Số: 215/KH-SYT"],
     [*_NATION, "Quảng Ninh, ngày 18 tháng 4 năm 2026"], "215/KH-SYT",
     "Sở Y tế tỉnh Quảng Ninh", ("tỉnh", "Quảng Ninh", "22", "Quảng Ninh")),
    (["UBND XÃ BÌNH MINH", "BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ", "Số: 03/KH-BCĐ"],
     [*_NATION, "Bình Minh, ngày 16 tháng 3 năm 2026"], "03/KH-BCĐ",
     "Ban Chỉ đạo chuyển đổi số xã Bình Minh", ("xã", "Bình Minh", None, None)),
    (["ỦY BAN NHÂN DÂN", "ĐẶC KHU PHÚ QUỐC", "Số: 45/KH-UBND"],
     [*_NATION, "Phú Quốc, ngày 02 tháng 4 năm 2026"], "45/KH-UBND",
     "Ủy ban nhân dân đặc khu Phú Quốc", ("đặc khu", "Phú Quốc", "31078", "An Giang")),
    (["UBND TP. HỒ CHÍ MINH", "ỦY BAN NHÂN DÂN", "PHƯỜNG XUÂN HÒA", "Số: 112/KH-UBND"],
     [*_NATION, "Thành phố Hồ Chí Minh, ngày 21 tháng 4 năm 2026"], "112/KH-UBND",
     "Ủy ban nhân dân phường Xuân Hòa", ("phường", "Xuân Hòa", "27139", "Hồ Chí Minh")),
    (["ỦY BAN NHÂN DÂN", "THÀNH PHỐ ĐÀ NẴNG", "Số: 88/KH-UBND"],
     [*_NATION, "Đà Nẵng, ngày 9 tháng 2 năm 2026"], "88/KH-UBND",
     "Ủy ban nhân dân thành phố Đà Nẵng", ("thành phố", "Đà Nẵng", "48", "Đà Nẵng")),
    (["HỘI ĐỒNG NHÂN DÂN", "XÃ ĐÌNH LẬP", "Số: 12/NQ-HĐND"],
     [*_NATION, "Đình Lập, ngày 05 tháng 3 năm 2026"], "12/NQ-HĐND",
     "Hội đồng nhân dân xã Đình Lập", ("xã", "Đình Lập", "06613", "Lạng Sơn")),
    (["CÔNG AN TỈNH LẠNG SƠN", "CÔNG AN XÃ ĐÌNH LẬP", "Số: 12/KH-CAX"],
     [*_NATION, "Đình Lập, ngày 05 tháng 3 năm 2026"], "12/KH-CAX",
     "Công an xã Đình Lập", ("xã", "Đình Lập", "06613", "Lạng Sơn")),
    (["UBMTTQ VIỆT NAM", "XÃ ĐÌNH LẬP", "Số: 12/KH-MTTQ"],
     [*_NATION, "Đình Lập, ngày 05 tháng 3 năm 2026"], "12/KH-MTTQ",
     "Ủy ban Mặt trận Tổ quốc Việt Nam xã Đình Lập", ("xã", "Đình Lập", "06613", "Lạng Sơn")),
    # national bodies: no locality
    (["THỦ TƯỚNG CHÍNH PHỦ", "Số: 1234/QĐ-TTg"], [*_NATION, "Hà Nội, ngày 20 tháng 6 năm 2026"],
     "1234/QĐ-TTg", "Thủ tướng Chính phủ", (None, None, None, None)),
    (["BỘ KHOA HỌC VÀ CÔNG NGHỆ", "Số: 310/KH-BKHCN"],
     [*_NATION, "Hà Nội, ngày 15 tháng 5 năm 2026"], "310/KH-BKHCN",
     "Bộ Khoa học và Công nghệ", (None, None, None, None)),
    # a Party committee: "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 08-KH/ĐU"
    (["ĐẢNG BỘ TỈNH PHÚ THỌ", "ĐẢNG ỦY XÃ TAM ĐẢO", "*", "Số 08-KH/ĐU"],
     ["ĐẢNG CỘNG SẢN VIỆT NAM", "", "Tam Đảo, ngày 10 tháng 3 năm 2026"], "08-KH/ĐU",
     "Đảng ủy xã Tam Đảo", ("xã", "Tam Đảo", "08911", "Phú Thọ")),
    # a province's or a city's party committee, named by its place without a level word
    # (was "Tỉnh ủy lào cai", locality "ủy lào cai")
    (["TỈNH ỦY LÀO CAI", "*", "Số 120-KH/TU"],
     ["ĐẢNG CỘNG SẢN VIỆT NAM", "", "Lào Cai, ngày 09 tháng 01 năm 2026"], "120-KH/TU",
     "Tỉnh ủy Lào Cai", ("tỉnh", "Lào Cai", "15", "Lào Cai")),
    # a name with an apostrophe, typed straight or as Word's curly one (was cut at it:
    # "Ủy ban nhân dân xã CƯ", no code)
    (["ỦY BAN NHÂN DÂN", "XÃ CƯ M'GAR", "Số: 21/KH-UBND"],
     [*_NATION, "Cư M'gar, ngày 16 tháng 3 năm 2026"], "21/KH-UBND",
     "Ủy ban nhân dân xã Cư M'gar", ("xã", "Cư M'gar", "24280", "Đắk Lắk")),
    (["ỦY BAN NHÂN DÂN", "XÃ EA H’LEO", "Số: 21/KH-UBND"],
     [*_NATION, "Ea H’Leo, ngày 16 tháng 3 năm 2026"], "21/KH-UBND",
     "Ủy ban nhân dân xã Ea H'Leo", ("xã", "Ea H'Leo", "24184", "Đắk Lắk")),
    # a province UBND's office: "VĂN PHÒNG" alone is that UBND's office (was "Văn phòng
    # tỉnh Lạng Sơn")
    (["UBND TỈNH LẠNG SƠN", "VĂN PHÒNG", "Số: 88/KH-VP"],
     [*_NATION, "Lạng Sơn, ngày 14 tháng 4 năm 2026"], "88/KH-VP",
     "Văn phòng Ủy ban nhân dân tỉnh Lạng Sơn", ("tỉnh", "Lạng Sơn", "20", "Lạng Sơn")),
    # a number OCR read with its slash doubled (was no number, the line taken for the issuer)
    (["ỦY BAN NHÂN DÂN", "PHƯỜNG PHỦ LÝ", "Số: 35//KH-UBND"],
     [*_NATION, "Phủ Lý, ngày 09 tháng 02 năm 2026"], "35/KH-UBND",
     "Ủy ban nhân dân phường Phủ Lý", ("phường", "Phủ Lý", "13285", "Ninh Bình")),
    # a council's standing committee: its office too (was "THƯỜNG TRỰC xã Đình Lập")
    (["HỘI ĐỒNG NHÂN DÂN", "XÃ ĐÌNH LẬP", "THƯỜNG TRỰC", "Số: 45/KH-TTHĐND"],
     [*_NATION, "Đình Lập, ngày 05 tháng 3 năm 2026"], "45/KH-TTHĐND",
     "Thường trực Hội đồng nhân dân xã Đình Lập", ("xã", "Đình Lập", "06613", "Lạng Sơn")),
    # a dash printed with spaces in the number (was "45/KH")
    (["ỦY BAN NHÂN DÂN", "XÃ ĐÌNH LẬP", "Số: 45/KH - UBND"],
     [*_NATION, "Đình Lập, ngày 05 tháng 3 năm 2026"], "45/KH-UBND",
     "Ủy ban nhân dân xã Đình Lập", ("xã", "Đình Lập", "06613", "Lạng Sơn")),
    # the issuer typed as a sentence is written, not capitals (the unit beside the motto was
    # dropped as specks: "Ủy ban nhân dân", no locality)
    (["Ủy ban nhân dân", "xã Đình Lập", "Số: 45/KH-UBND"],
     [*_NATION, "Đình Lập, ngày 05 tháng 3 năm 2026"], "45/KH-UBND",
     "Ủy ban nhân dân xã Đình Lập", ("xã", "Đình Lập", "06613", "Lạng Sơn")),
    # "Xã hội" of an agency's name is no commune: the commune is the managing body's (was
    # "Phòng Văn hóa - Xã hội", no locality)
    (["UBND XÃ ĐÌNH LẬP", "PHÒNG VĂN HÓA - XÃ HỘI", "Số: 05/KH-VHXH"],
     [*_NATION, "Đình Lập, ngày 05 tháng 3 năm 2026"], "05/KH-VHXH",
     "Phòng Văn hóa - Xã hội xã Đình Lập", ("xã", "Đình Lập", "06613", "Lạng Sơn")),
    # an abbreviation inside a body in capitals is expanded (was "Văn phòng ubnd tỉnh …")
    (["VĂN PHÒNG UBND TỈNH LẠNG SƠN", "Số: 05/KH-VP"],
     [*_NATION, "Lạng Sơn, ngày 05 tháng 3 năm 2026"], "05/KH-VP",
     "Văn phòng Ủy ban nhân dân tỉnh Lạng Sơn", ("tỉnh", "Lạng Sơn", "20", "Lạng Sơn")),
    # the Youth Union's header: its name in the right column as the Party's is (was the
    # issuer "ĐOÀN TNCS HỒ CHÍ MINH ĐOÀN TNCS HỒ CHÍ MINH Ban Chấp hành ĐOÀN xã …")
    (["ĐOÀN TNCS HỒ CHÍ MINH", "BCH ĐOÀN XÃ ĐÌNH LẬP", "***", "Số: 05-KH/ĐTN"],
     ["ĐOÀN TNCS HỒ CHÍ MINH", "", "Đình Lập, ngày 05 tháng 3 năm 2026"], "05-KH/ĐTN",
     "Ban Chấp hành Đoàn xã Đình Lập", ("xã", "Đình Lập", "06613", "Lạng Sơn")),
    # a body of a province's Party committee: the committee names the province (was
    # "Ban tuyên giáo và dân vận Tỉnh ủy lạng sơn", the locality "tỉnh ủy lạng sơn")
    (["TỈNH ỦY LẠNG SƠN", "BAN TUYÊN GIÁO VÀ DÂN VẬN", "*", "Số 05-KH/BTGDV"],
     ["ĐẢNG CỘNG SẢN VIỆT NAM", "", "Lạng Sơn, ngày 05 tháng 3 năm 2026"], "05-KH/BTGDV",
     "Ban Tuyên giáo và Dân vận Tỉnh ủy Lạng Sơn", ("tỉnh", "Lạng Sơn", "20", "Lạng Sơn")),
    (["THÀNH ỦY HẢI PHÒNG", "*", "Số 45-KH/TU"],
     ["ĐẢNG CỘNG SẢN VIỆT NAM", "", "Hải Phòng, ngày 09 tháng 01 năm 2026"], "45-KH/TU",
     "Thành ủy Hải Phòng", ("thành phố", "Hải Phòng", "31", "Hải Phòng")),
    # a school named after its commune, under that commune's UBND: the name printed, an
    # abbreviation kept (was "Trường thcs đình lập xã Đình Lập")
    (["UBND XÃ ĐÌNH LẬP", "TRƯỜNG THCS ĐÌNH LẬP", "Số: 42/KH-THCS"],
     [*_NATION, "Đình Lập, ngày 05 tháng 3 năm 2026"], "42/KH-THCS",
     "Trường THCS Đình Lập", ("xã", "Đình Lập", "06613", "Lạng Sơn")),
    # a capital printed "THỦ ĐÔ" (the level of "thành phố"): a school named after it does
    # not repeat it (was "Trường THCS hà nội thủ đô HÀ NỘI", no locality), a body naming no
    # place takes it as printed, its name as the list writes it
    (["SỞ GD&ĐT THỦ ĐÔ HÀ NỘI", "TRƯỜNG THCS HÀ NỘI", "Số: 42/KH-THCS"],
     [*_NATION, "Hà Nội, ngày 05 tháng 3 năm 2026"], "42/KH-THCS",
     "Trường THCS Hà Nội", ("thành phố", "Hà Nội", "01", "Hà Nội")),
    # a school named by a name of its own: issued under that name, its proper name with its
    # capitals; the managing body's place is its locality (were "Trường THPT phan bội châu
    # tỉnh Nghệ An", "Trường Tiểu học kim đồng xã Đình Lập")
    (["SỞ GD&ĐT NGHỆ AN", "TRƯỜNG THPT PHAN BỘI CHÂU", "Số: 42/KH-THPT"],
     [*_NATION, "Nghệ An, ngày 05 tháng 3 năm 2026"], "42/KH-THPT",
     "Trường THPT Phan Bội Châu", ("tỉnh", "Nghệ An", "40", "Nghệ An")),
    (["UBND XÃ ĐÌNH LẬP", "TRƯỜNG TIỂU HỌC KIM ĐỒNG", "Số: 42/KH-TH"],
     [*_NATION, "Đình Lập, ngày 05 tháng 3 năm 2026"], "42/KH-TH",
     "Trường Tiểu học Kim Đồng", ("xã", "Đình Lập", "06613", "Lạng Sơn")),
    (["UBND TỈNH LẠNG SƠN", "TRƯỜNG PTDTNT THCS&THPT ĐÌNH LẬP", "Số: 42/KH-DTNT"],
     [*_NATION, "Lạng Sơn, ngày 05 tháng 3 năm 2026"], "42/KH-DTNT",
     "Trường PTDTNT THCS&THPT Đình Lập", ("tỉnh", "Lạng Sơn", "20", "Lạng Sơn")),
    # a school whose kind is followed by its level alone, or by a number, has no name of
    # its own: the managing body's place completes it (were "Trường PT DTNT Tỉnh" and
    # "Trường Mầm non Xã", no locality; "Trường Mầm non số 2" without its commune)
    (["SỞ GD&ĐT LẠNG SƠN", "TRƯỜNG PT DTNT TỈNH", "Số: 42/KH-DTNT"],
     [*_NATION, "Lạng Sơn, ngày 05 tháng 3 năm 2026"], "42/KH-DTNT",
     "Trường PT DTNT tỉnh Lạng Sơn", ("tỉnh", "Lạng Sơn", "20", "Lạng Sơn")),
    (["UBND TỈNH LẠNG SƠN", "TRƯỜNG THPT CHUYÊN TỈNH", "Số: 42/KH-THPT"],
     [*_NATION, "Lạng Sơn, ngày 05 tháng 3 năm 2026"], "42/KH-THPT",
     "Trường THPT chuyên tỉnh Lạng Sơn", ("tỉnh", "Lạng Sơn", "20", "Lạng Sơn")),
    (["UBND XÃ ĐÌNH LẬP", "TRƯỜNG MẦM NON XÃ", "Số: 42/KH-MN"],
     [*_NATION, "Đình Lập, ngày 05 tháng 3 năm 2026"], "42/KH-MN",
     "Trường Mầm non xã Đình Lập", ("xã", "Đình Lập", "06613", "Lạng Sơn")),
    (["UBND XÃ ĐÌNH LẬP", "TRƯỜNG MẦM NON SỐ 2", "Số: 42/KH-MN"],
     [*_NATION, "Đình Lập, ngày 05 tháng 3 năm 2026"], "42/KH-MN",
     "Trường Mầm non số 2 xã Đình Lập", ("xã", "Đình Lập", "06613", "Lạng Sơn")),
    # a specialised school's kind, then its own name
    (["SỞ GD&ĐT LẠNG SƠN", "TRƯỜNG THPT CHUYÊN CHU VĂN AN", "Số: 42/KH-THPT"],
     [*_NATION, "Lạng Sơn, ngày 05 tháng 3 năm 2026"], "42/KH-THPT",
     "Trường THPT chuyên Chu Văn An", ("tỉnh", "Lạng Sơn", "20", "Lạng Sơn")),
    # two levels joined by "và" are the kind; a name's Roman number kept (were "Trường TH
    # Và THCS Kim Đồng", "Vĩnh Tuy Ii")
    (["UBND XÃ ĐÌNH LẬP", "TRƯỜNG TH VÀ THCS KIM ĐỒNG", "Số: 42/KH-TH"],
     [*_NATION, "Đình Lập, ngày 05 tháng 3 năm 2026"], "42/KH-TH",
     "Trường TH và THCS Kim Đồng", ("xã", "Đình Lập", "06613", "Lạng Sơn")),
    (["UBND XÃ ĐÌNH LẬP", "TRƯỜNG TIỂU HỌC ĐÌNH LẬP II", "Số: 42/KH-TH"],
     [*_NATION, "Đình Lập, ngày 05 tháng 3 năm 2026"], "42/KH-TH",
     "Trường Tiểu học Đình Lập II", ("xã", "Đình Lập", "06613", "Lạng Sơn")),
    # a school of no name of its own but its kind and place keeps them as printed
    (["UBND TỈNH LẠNG SƠN", "TRƯỜNG CHÍNH TRỊ TỈNH", "Số: 42/KH-TCT"],
     [*_NATION, "Lạng Sơn, ngày 05 tháng 3 năm 2026"], "42/KH-TCT",
     "Trường Chính trị tỉnh Lạng Sơn", ("tỉnh", "Lạng Sơn", "20", "Lạng Sơn")),
    # a province's tax office (2025) under the ministry's tax department: a body of its own
    # (was "Cục Thuế thuế tỉnh Lạng Sơn"), its own offices named with their place
    (["CỤC THUẾ", "THUẾ TỈNH LẠNG SƠN", "Số: 42/KH-TLSO"],
     [*_NATION, "Lạng Sơn, ngày 05 tháng 3 năm 2026"], "42/KH-TLSO",
     "Thuế tỉnh Lạng Sơn", ("tỉnh", "Lạng Sơn", "20", "Lạng Sơn")),
    (["THUẾ TỈNH LẠNG SƠN", "THUẾ CƠ SỞ 2", "Số: 42/KH-TCS"],
     [*_NATION, "Lạng Sơn, ngày 05 tháng 3 năm 2026"], "42/KH-TCS",
     "Thuế cơ sở 2 tỉnh Lạng Sơn", ("tỉnh", "Lạng Sơn", "20", "Lạng Sơn")),
    (["UBND THỦ ĐÔ HÀ NỘI", "BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ", "Số: 03/KH-BCĐ"],
     [*_NATION, "Hà Nội, ngày 05 tháng 3 năm 2026"], "03/KH-BCĐ",
     "Ban Chỉ đạo chuyển đổi số thủ đô Hà Nội", ("thành phố", "Hà Nội", "01", "Hà Nội")),
    # a name ending with its place's level, the managing body naming that place: the name
    # after the level, not the level again (was "Đảng ủy các cơ quan đảng tỉnh tỉnh Lạng
    # Sơn"); a hospital and a labour federation are bodies of their own (were "BỆNH VIỆN ĐA
    # KHOA TỈNH tỉnh …", "Sở y tế bệnh viện …", "TỔNG LĐLĐ VIỆT NAM LIÊN ĐOÀN LAO ĐỘNG …")
    (["ĐẢNG BỘ TỈNH LẠNG SƠN", "ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH", "*", "Số 15-KH/ĐU"],
     ["ĐẢNG CỘNG SẢN VIỆT NAM", "", "Lạng Sơn, ngày 05 tháng 3 năm 2026"], "15-KH/ĐU",
     "Đảng ủy các cơ quan Đảng tỉnh Lạng Sơn", ("tỉnh", "Lạng Sơn", "20", "Lạng Sơn")),
    (["SỞ Y TẾ", "BỆNH VIỆN ĐA KHOA TỈNH", "Số: 12/KH-BV"],
     [*_NATION, "Lạng Sơn, ngày 05 tháng 3 năm 2026"], "12/KH-BV",
     "Bệnh viện Đa khoa tỉnh Lạng Sơn", ("tỉnh", "Lạng Sơn", "20", "Lạng Sơn")),
    (["TỔNG LĐLĐ VIỆT NAM", "LIÊN ĐOÀN LAO ĐỘNG", "TỈNH LẠNG SƠN", "Số: 8/KH-LĐLĐ"],
     [*_NATION, "Lạng Sơn, ngày 05 tháng 3 năm 2026"], "8/KH-LĐLĐ",
     "Liên đoàn Lao động tỉnh Lạng Sơn", ("tỉnh", "Lạng Sơn", "20", "Lạng Sơn")),
    # a body naming the body it belongs to, abbreviated (was "Ban Chấp hành hội lhpn xã …")
    (["HỘI LHPN TỈNH LẠNG SƠN", "BCH HỘI LHPN XÃ ĐÌNH LẬP", "Số: 14/KH-HPN"],
     ["HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM", "Đình Lập, ngày 05 tháng 3 năm 2026"], "14/KH-HPN",
     "Ban Chấp hành Hội Liên hiệp Phụ nữ xã Đình Lập",
     ("xã", "Đình Lập", "06613", "Lạng Sơn")),
    # a department's centre naming no place: the province of its place-date line (was
    # "Trung tâm chuyển đổi số", no locality); a ministry's "Hà Nội, ngày" names none of it
    (["SỞ KHOA HỌC VÀ CÔNG NGHỆ", "TRUNG TÂM CHUYỂN ĐỔI SỐ", "Số: 45/KH-TTCĐS"],
     [*_NATION, "Lạng Sơn, ngày 05 tháng 3 năm 2026"], "45/KH-TTCĐS",
     "Trung tâm Chuyển đổi số tỉnh Lạng Sơn", ("tỉnh", "Lạng Sơn", "20", "Lạng Sơn")),
    (["BỘ Y TẾ", "CỤC QUẢN LÝ KHÁM, CHỮA BỆNH", "Số: 88/KH-KCB"],
     [*_NATION, "Hà Nội, ngày 05 tháng 3 năm 2026"], "88/KH-KCB",
     "Cục Quản lý khám, chữa bệnh", (None, None, None, None)),
    # a Party committee's and a council's own committees, named with them (were "ỦY BAN
    # KIỂM TRA xã Đình Lập", "Ban pháp chế xã Đình Lập")
    (["ĐẢNG ỦY XÃ ĐÌNH LẬP", "ỦY BAN KIỂM TRA", "*", "Số 07-KH/UBKTĐU"],
     ["ĐẢNG CỘNG SẢN VIỆT NAM", "Đình Lập, ngày 05 tháng 3 năm 2026"], "07-KH/UBKTĐU",
     "Ủy ban Kiểm tra Đảng ủy xã Đình Lập", ("xã", "Đình Lập", "06613", "Lạng Sơn")),
    (["HỘI ĐỒNG NHÂN DÂN", "XÃ ĐÌNH LẬP", "BAN PHÁP CHẾ", "Số: 03/KH-BPC"],
     [*_NATION, "Đình Lập, ngày 05 tháng 3 năm 2026"], "03/KH-BPC",
     "Ban Pháp chế Hội đồng nhân dân xã Đình Lập", ("xã", "Đình Lập", "06613", "Lạng Sơn")),
    # a Front committee's standing board printed on its letterhead issues in its own name
    # (was "Ban Thường trực phường Gò Công")
    (["ỦY BAN MTTQ VIỆT NAM", "PHƯỜNG GÒ CÔNG", "BAN THƯỜNG TRỰC", "Số: 19/KH-MTTQ-BTT"],
     [*_NATION, "Gò Công, ngày 05 tháng 8 năm 2026"], "19/KH-MTTQ-BTT",
     "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam phường Gò Công",
     ("phường", "Gò Công", "28306", "Đồng Tháp")),
    # a digital signature's stamp read beside the left column (was "Ủy ban nhân dân xã Tân
    # Lạc Cơ quan: Tỉnh Phú Thọ")
    (["ỦY BAN NHÂN DÂN", "XÃ TÂN LẠC", "Số: 58/KH-UBND"],
     ["Ký bởi: Ủy ban nhân dân xã Tân Lạc", "Cơ quan: Tỉnh Phú Thọ",
      "Thời gian ký: 23.06.2026 10:05:12 +07:00", *_NATION, "Tân Lạc, ngày 22 tháng 6 năm 2026"],
     "58/KH-UBND", "Ủy ban nhân dân xã Tân Lạc", ("xã", "Tân Lạc", "05128", "Phú Thọ")),
    # a number its column broke after the dash (was "512/KH")
    (["UBND TỈNH PHÚ THỌ", "SỞ NÔNG NGHIỆP", "VÀ MÔI TRƯỜNG", "Số: 512/KH-", "SNNMT"],
     [*_NATION, "Phú Thọ, ngày 03 tháng 3 năm 2026"], "512/KH-SNNMT",
     "Sở Nông nghiệp và Môi trường tỉnh Phú Thọ", ("tỉnh", "Phú Thọ", "25", "Phú Thọ")),
    # a steering committee under a commune's Party committee is the commune's, not an organ
    # of the committee (was "Ban Chỉ đạo … Đảng ủy xã Đà Bắc")
    (["ĐẢNG ỦY XÃ ĐÀ BẮC", "BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ", "*", "Số 07-KH/BCĐ"],
     ["ĐẢNG CỘNG SẢN VIỆT NAM", "Đà Bắc, ngày 09 tháng 3 năm 2026"], "07-KH/BCĐ",
     "Ban Chỉ đạo chuyển đổi số xã Đà Bắc", ("xã", "Đà Bắc", "04831", "Phú Thọ")),
    # its name wrapped before its last word "SỐ", alone on a line (was "Sở xã Nghĩa Đàn":
    # read as the number's label, then as a department)
    (["ĐẢNG ỦY XÃ NGHĨA ĐÀN", "BAN CHỈ ĐẠO CHUYỂN ĐỔI", "SỐ", "*", "Số 11-KH/BCĐ"],
     ["ĐẢNG CỘNG SẢN VIỆT NAM", "Nghĩa Đàn, ngày 19 tháng 3 năm 2026"], "11-KH/BCĐ",
     "Ban Chỉ đạo chuyển đổi số xã Nghĩa Đàn", ("xã", "Nghĩa Đàn", "16941", "Nghệ An")),
    # a school's initials joined by "&" in its number (was "17/KH-TH": the rest cut)
    (["UBND XÃ ĐÌNH LẬP", "TRƯỜNG TH&THCS ĐÌNH LẬP", "Số: 17/KH-TH&THCS"],
     [*_NATION, "Đình Lập, ngày 05 tháng 3 năm 2026"], "17/KH-TH&THCS",
     "Trường TH&THCS Đình Lập", ("xã", "Đình Lập", "06613", "Lạng Sơn")),
    # a steering committee whose name's last line opens with a kind's words (was the
    # kind: the header ended there, its number lost, the issuer "Ban Chỉ đạo các tỉnh …")
    (["UBND TỈNH LẠNG SƠN", "BAN CHỈ ĐẠO CÁC", "CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA",
      "Số: 15/KH-BCĐ"],
     [*_NATION, "Lạng Sơn, ngày 05 tháng 3 năm 2026"], "15/KH-BCĐ",
     "Ban Chỉ đạo các chương trình mục tiêu quốc gia tỉnh Lạng Sơn",
     ("tỉnh", "Lạng Sơn", "20", "Lạng Sơn")),
    # an unsigned draft's mark over the right column (was "Ủy ban nhân dân dự thảo xã …")
    (["ỦY BAN NHÂN DÂN", "XÃ ĐÌNH LẬP", "Số:      /KH-UBND"],
     ["DỰ THẢO", *_NATION, "Đình Lập, ngày    tháng    năm 2026"], None,
     "Ủy ban nhân dân xã Đình Lập", ("xã", "Đình Lập", "06613", "Lạng Sơn")),
])
def test_issuers_of_every_level(left: list[str], right: list[str], number: str, issuer: str,
                                locality: tuple) -> None:
    plan = _plan(_under_header(left, right))
    assert (plan.number, plan.issuer, plan.title) == (number, issuer, "Chuyển đổi số năm 2026")
    found = plan.locality
    assert (found.level, found.name, found.code, found.province) == locality


def test_an_issuing_body_in_capitals_named_as_the_gazetteer_names_it() -> None:
    from chitieu.gazetteer.agencies import default_gazetteer

    text = _under_header(["BỘ KHOA HỌC VÀ CÔNG NGHỆ", "Số: 310/KH-BKHCN"],
                         [*_NATION, "Hà Nội, ngày 15 tháng 5 năm 2026"])
    plan, _ = parse_plan(read_text(text, "text").rows, (), default_gazetteer())
    assert plan.issuer == "Bộ Khoa học và Công nghệ"


@pytest.mark.parametrize(("attached", "issuer", "level"), [
    # the attachment names the body without its place: the header names it
    ("của Sở Y tế)", "Sở Y tế tỉnh Quảng Ninh", "tỉnh"),
    # the attachment names its own place: kept as printed
    ("của Sở Y tế tỉnh Quảng Ninh)", "Sở Y tế tỉnh Quảng Ninh", "tỉnh"),
    # another body than the header's: kept, no place guessed for it
    ("của Bộ Y tế)", "Bộ Y tế", None),
])
def test_an_attachment_issuer_completed_by_the_same_body_in_the_header(
        attached: str, issuer: str, level: str | None) -> None:
    text = "\n".join(["UBND TỈNH QUẢNG NINH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                      "SỞ Y TẾ\tĐộc lập - Tự do - Hạnh phúc",
                      "Số: 215/KH-SYT\tQuảng Ninh, ngày 18 tháng 4 năm 2026", "", "PHỤ LỤC",
                      "CHỈ TIÊU NĂM 2026",
                      f"(Kèm theo Kế hoạch số 215/KH-SYT ngày 18/4/2026 {attached}"])
    plan = _plan(text)
    assert (plan.issuer, plan.locality.level) == (issuer, level)


@pytest.mark.parametrize(("left", "attached", "issuer"), [
    # the standing committee acts for the committee its letterhead names (the Party's rules
    # on documents: the committee's name is the issuer's)
    (["ĐẢNG BỘ TỈNH THANH HÓA", "ĐẢNG ỦY XÃ NGA SƠN", "*"],
     "của Ban Thường vụ Đảng ủy xã Nga Sơn)", "Đảng ủy xã Nga Sơn"),
    (["ĐẢNG BỘ TỈNH LẠNG SƠN", "TỈNH ỦY", "*"], "của Ban Thường vụ Tỉnh ủy)",
     "Tỉnh ủy Lạng Sơn"),
    (["ĐẢNG BỘ TỈNH LẠNG SƠN", "TỈNH ỦY", "*"], "của Ban Thường vụ Tỉnh ủy Lạng Sơn)",
     "Tỉnh ủy Lạng Sơn"),
    (["HỘI NÔNG DÂN TỈNH GIA LAI", "BCH HỘI NÔNG DÂN XÃ IA GRAI"],
     "của Ban Thường vụ Hội Nông dân xã Ia Grai)", "Ban Chấp hành Hội Nông dân xã Ia Grai"),
    # the committee's province added, "Ban" left out: the same organ of the same committee
    (["ĐẢNG BỘ TỈNH NGHỆ AN", "ĐẢNG ỦY XÃ DIỄN CHÂU", "*"],
     "của Ban Thường vụ Đảng ủy xã Diễn Châu, tỉnh Nghệ An)", "Đảng ủy xã Diễn Châu"),
    (["ĐẢNG BỘ TỈNH NGHỆ AN", "ĐẢNG ỦY XÃ DIỄN CHÂU", "*"],
     "của Thường vụ Đảng ủy xã Diễn Châu)", "Đảng ủy xã Diễn Châu"),
    # another committee's standing organ: kept as printed
    (["ĐẢNG BỘ TỈNH NGHỆ AN", "ĐẢNG ỦY XÃ DIỄN CHÂU", "*"],
     "của Ban Thường vụ Đảng ủy xã Diễn Châu Bắc)", "Ban Thường vụ Đảng ủy xã Diễn Châu Bắc"),
    (["ĐẢNG BỘ TỈNH THANH HÓA", "ĐẢNG ỦY XÃ NGA SƠN", "*"],
     "của Ban Thường vụ Đảng ủy xã Nga Thắng)", "Ban Thường vụ Đảng ủy xã Nga Thắng"),
])
def test_a_standing_organ_in_the_attachment_line_issues_for_the_letterhead_s_committee(
        left: list[str], attached: str, issuer: str) -> None:
    rows = [*left, "Số 15-KH/ĐU"]
    right = ["ĐẢNG CỘNG SẢN VIỆT NAM", "Lạng Sơn, ngày 18 tháng 4 năm 2026", *[""] * len(rows)]
    text = "\n".join([*(f"{a}\t{b}" for a, b in zip(rows, right[:len(rows)], strict=True)), "",
                      "PHỤ LỤC", "NHIỆM VỤ NĂM 2026",
                      f"(Kèm theo Kế hoạch số 15-KH/ĐU ngày 18/4/2026 {attached}"])
    assert _plan(text).issuer == issuer


@pytest.mark.parametrize(("left", "attached", "issuer"), [
    # a council's Thường trực and a Front committee's Ban Thường trực issue in their own name
    # (were the council and the committee, their letterhead not printing the organ's line)
    (["HỘI ĐỒNG NHÂN DÂN", "XÃ NGA SƠN"], "của Thường trực HĐND xã Nga Sơn)",
     "Thường trực Hội đồng nhân dân xã Nga Sơn"),
    (["ỦY BAN MTTQ VIỆT NAM", "XÃ NGA SƠN"],
     "của Ban Thường trực Ủy ban MTTQ Việt Nam xã Nga Sơn)",
     "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã Nga Sơn"),
    # a People's Committee's standing members act for it
    (["ỦY BAN NHÂN DÂN", "XÃ NGA SƠN"], "của Thường trực Ủy ban nhân dân xã Nga Sơn)",
     "Ủy ban nhân dân xã Nga Sơn"),
])
def test_a_standing_organ_issuing_in_its_own_name_stays_the_issuer(
        left: list[str], attached: str, issuer: str) -> None:
    right = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
             "Nga Sơn, ngày 18 tháng 4 năm 2026"]
    text = "\n".join([*(f"{a}\t{b}" for a, b in zip([*left, "Số: 15/KH"], right, strict=True)),
                      "", "PHỤ LỤC", "NHIỆM VỤ NĂM 2026",
                      f"(Kèm theo Kế hoạch số 15/KH ngày 18/4/2026 {attached}"])
    assert _plan(text).issuer == issuer


def test_a_letter_carrying_the_table_is_titled_by_its_subject() -> None:
    # a "công văn" has no kind line: its "V/v …" under the number is what it is about
    # (the title was null); a wrapped subject goes on in lower case
    text = "\n".join([
        "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "XÃ MƯỜNG NHÉ\tĐộc lập - Tự do - Hạnh phúc",
        "Số: 245/UBND-VP\tMường Nhé, ngày 18 tháng 6 năm 2026",
        "V/v triển khai làm sạch dữ liệu dân cư", "trên địa bàn xã", "",
        "Kính gửi: Các phòng, đơn vị thuộc UBND xã."])
    plan = _plan(text)
    assert (plan.number, plan.issued_on, plan.issuer, plan.title) == (
        "245/UBND-VP", "2026-06-18", "Ủy ban nhân dân xã Mường Nhé",
        "triển khai làm sạch dữ liệu dân cư trên địa bàn xã")


def test_a_curly_apostrophe_in_the_attachment_line_is_the_list_s() -> None:
    plan = _plan("PHỤ LỤC\nCHỈ TIÊU NĂM 2026\n(Kèm theo Kế hoạch số 21/KH-UBND ngày 16/3/2026 "
                 "của UBND xã Cư M’gar)\nTT\tNội dung\tChỉ tiêu\n1\tTỷ lệ A\t100%")
    assert (plan.issuer, plan.locality.code) == ("Ủy ban nhân dân xã Cư M'gar", "24280")


DECISION_AND_PLAN = """ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
PHƯỜNG PHỦ LÝ\tĐộc lập - Tự do - Hạnh phúc
Số: 35/QĐ-UBND\tPhủ Lý, ngày 09 tháng 02 năm 2026

QUYẾT ĐỊNH
Về việc ban hành Kế hoạch phát triển xã hội số phường Phủ Lý năm 2026

CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG PHỦ LÝ
Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phát triển xã hội số phường Phủ Lý.
Điều 2. Quyết định có hiệu lực kể từ ngày ký./.
Nơi nhận:\tCHỦ TỊCH
- Lưu: VT.

KẾ HOẠCH
Phát triển xã hội số phường Phủ Lý năm 2026
(Ban hành kèm theo Quyết định số {number} ngày 09/02/2026 của {issuer})
I. MỤC TIÊU
Người dân được tiếp cận dịch vụ số.
II. NHIỆM VỤ
"""


@pytest.mark.parametrize("issuer", ["Chủ tịch Ủy ban nhân dân phường Phủ Lý",
                                    "UBND phường Phủ Lý"])
def test_a_plan_issued_with_a_decision_is_named_by_its_own_heading(issuer: str) -> None:
    # the table is in the body of the plan the decision issues: the title is the plan's
    # (was the decision's "Về việc ban hành …"), and the number and date the attachment
    # line's; a chairman's decision is his UBND's (its header's body)
    plan, warnings = parse_plan(read_text(DECISION_AND_PLAN.format(
        number="35/QĐ-UBND", issuer=issuer), "text").rows)
    assert (plan.appendix, plan.title) == (None, "Phát triển xã hội số phường Phủ Lý năm 2026")
    assert (plan.number, plan.issued_on) == ("35/QĐ-UBND", "2026-02-09")
    assert (plan.issuer, plan.locality.code) == ("Ủy ban nhân dân phường Phủ Lý", "13285")
    assert warnings == []


def test_the_attachment_line_under_the_plans_heading_is_read_not_the_decision_s_article() -> None:
    # "Điều 1. Ban hành kèm theo …" is a sentence of the decision: the plan's own
    # "(Ban hành kèm theo Quyết định số 36/QĐ-UBND …)" names it (was the header's number)
    plan, _ = parse_plan(read_text(DECISION_AND_PLAN.format(
        number="36/QĐ-UBND", issuer="UBND phường Phủ Lý"), "text").rows)
    assert plan.number == "36/QĐ-UBND"


def test_a_portal_header_cell_with_line_breaks_reads_as_its_lines() -> None:
    # a portal's header: each column one cell, its lines apart by <br/> (was read as one line:
    # "Ủy ban nhân dân tỉnh LẠNG SƠN VĂN PHÒNG", no locality code)
    from chitieu.extract.html import read_text as read_html

    page = ('<table><tr><td>UBND TỈNH BẮC NINH<br/><b>CÔNG AN XÃ LẠNG GIANG</b><br/>'
            'Số: 09/KH-CAX</td><td><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br/>Độc lập - Tự do - '
            'Hạnh phúc</b><br/><i>Lạng Giang, ngày 17 tháng 3 năm 2026</i></td></tr></table>'
            '<p><b>KẾ HOẠCH</b><br/><b>Bảo đảm an ninh trật tự năm 2026</b></p>'
            '<p>Căn cứ Kế hoạch số 45/KH-CAT ngày 12/01/2026 của Công an tỉnh Bắc Ninh;</p>'
            '<p><b>II. NHIỆM VỤ</b></p>')
    plan, _ = parse_plan(read_html(page).rows)
    assert (plan.number, plan.issued_on) == ("09/KH-CAX", "2026-03-17")
    assert plan.title == "Bảo đảm an ninh trật tự năm 2026"
    assert (plan.issuer, plan.locality.code) == ("Công an xã Lạng Giang", "07375")


def test_an_attachment_line_without_the_date_takes_the_headers_for_the_same_number() -> None:
    # "(Kèm theo Kế hoạch số 52/KH-UBND của …)" under the plan's own header "Số: 52/KH-UBND"
    # dated 06/5/2026: that date (was null, plan_date_missing); another number's is not taken
    text = "\n".join([
        "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "XÃ DI LINH\tĐộc lập - Tự do - Hạnh phúc",
        "Số: 52/KH-UBND\tDi Linh, ngày 06 tháng 5 năm 2026", "", "KẾ HOẠCH", "Chuyển đổi số", "",
        "I. MỤC TIÊU", "", "PHỤ LỤC", "NHIỆM VỤ",
        "(Kèm theo Kế hoạch số {number} của Ủy ban nhân dân xã Di Linh)"])
    plan, warnings = parse_plan(read_text(text.format(number="52/KH-UBND"), "text").rows)
    assert (plan.number, plan.issued_on) == ("52/KH-UBND", "2026-05-06")
    assert "plan_date_missing" not in warnings
    plan, _ = parse_plan(read_text(text.format(number="53/KH-UBND"), "text").rows)
    assert (plan.number, plan.issued_on) == ("53/KH-UBND", None)


@pytest.mark.parametrize("plan_heading", [
    # the attachment line on the title's line
    "KẾ HOẠCH\nPhát triển xã hội số phường Phủ Lý năm 2026 (Kèm theo Quyết định số 35/QĐ-UBND "
    "ngày 09/02/2026)",
    # no attachment line: the plan's kind and title under the decision are enough
    "KẾ HOẠCH\nPhát triển xã hội số phường Phủ Lý năm 2026",
])
def test_the_issued_plans_title_however_its_heading_is_printed(plan_heading: str) -> None:
    # (were the decision's title "Về việc ban hành Kế hoạch …")
    text = DECISION_AND_PLAN.format(number="35/QĐ-UBND", issuer="UBND phường Phủ Lý")
    start = text.index("KẾ HOẠCH\n")
    text = text[:start] + plan_heading + text[text.index("\nI. MỤC TIÊU"):]
    plan, _ = parse_plan(read_text(text, "text").rows)
    assert plan.title == "Phát triển xã hội số phường Phủ Lý năm 2026"
    assert (plan.number, plan.issued_on) == ("35/QĐ-UBND", "2026-02-09")


@pytest.mark.parametrize(("header", "issuer"), [
    # the Front's name wrapped before "NAM" beside a national name wrapped alike, as a PDF's
    # lines are read (was "Ủy ban Mặt trận tổ quốc việt xã Kỳ Anh")
    (["ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT", "NAM", "NAM",
      "XÃ KỲ ANH", "Độc lập - Tự do - Hạnh phúc", "Số: 12/KH-MTTQ-BTT"],
     "Ủy ban Mặt trận Tổ quốc Việt Nam xã Kỳ Anh"),
    # pdftotext without -layout: the left column's lines first
    (["ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT", "NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT", "NAM",
      "XÃ KỲ ANH", "Độc lập - Tự do - Hạnh phúc", "Số: 12/KH-MTTQ-BTT"],
     "Ủy ban Mặt trận Tổ quốc Việt Nam xã Kỳ Anh"),
    # a commune named "… Việt": the one "NAM" is the national name's
    (["ỦY BAN NHÂN DÂN", "XÃ CỬA VIỆT CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT", "NAM",
      "Số: 12/KH-UBND Độc lập - Tự do - Hạnh phúc"], "Ủy ban nhân dân xã Cửa Việt"),
])
def test_an_issuer_wrapped_before_nam_keeps_it(header: list[str], issuer: str) -> None:
    text = "\n".join([*header, "Kỳ Anh, ngày 20 tháng 5 năm 2026", "", "KẾ HOẠCH",
                      "Chuyển đổi số năm 2026", "", "Căn cứ Luật Tổ chức chính quyền địa phương;",
                      "II. NHIỆM VỤ"])
    assert _plan(text).issuer == issuer


@pytest.mark.parametrize("opening", [
    "Ngày 12 tháng 3 năm 2026, Chủ tịch Ủy ban nhân dân xã chủ trì họp về chuyển đổi số.",
    "Ngày 12/3/2026, Ban Chỉ đạo chuyển đổi số xã họp phiên thứ nhất.",
])
def test_a_body_opening_with_a_date_is_no_part_of_the_title(opening: str) -> None:
    # a notice's first sentence ("Ngày …, Chủ tịch … chủ trì cuộc họp") under its title in
    # text without bold marks (was taken into the title)
    text = "\n".join(["ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                      "XÃ ĐÌNH LẬP\tĐộc lập - Tự do - Hạnh phúc",
                      "Số: 21/TB-UBND\tĐình Lập, ngày 14 tháng 3 năm 2026", "",
                      "THÔNG BÁO", "Kết luận của Chủ tịch Ủy ban nhân dân xã", "", opening,
                      "Chủ tịch Ủy ban nhân dân xã giao nhiệm vụ như sau:"])
    assert _plan(text).title == "Kết luận của Chủ tịch Ủy ban nhân dân xã"


def _column_after_column(lines: list[str]) -> str:
    """The lines above a whole plan's table as `pdftotext` or a PDF's words read them: the
    header's two columns interleaved by height, one cell a line, then the kind and title."""
    return "\n".join([*lines, "", "KẾ HOẠCH", "Chuyển đổi số năm 2026", "",
                      "Căn cứ Luật Tổ chức chính quyền địa phương;", "II. NHIỆM VỤ"])


@pytest.mark.parametrize(("header", "issuer", "locality"), [
    # the signer's name wrapped at its comma (was issuer "tỉnh Phú Thọ", the province)
    (["ỦY BAN NHÂN DÂN", "Ký bởi: Ủy ban Nhân dân xã Tân Lạc,", "tỉnh Phú Thọ", "XÃ TÂN LẠC",
      "Cơ quan: Tỉnh Phú Thọ", "Số: 131/KH-UBND",
      "Thời gian ký: 05.05.2026 09:30:00 +07:00", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT", "NAM",
      "Độc lập - Tự do - Hạnh phúc", "Tân Lạc, ngày 04 tháng 5 năm 2026"],
     "Ủy ban nhân dân xã Tân Lạc", ("xã", "Tân Lạc", "05128", "Phú Thọ")),
    # within the ward's name (was "phường Hạ Long" alone)
    (["ỦY BAN NHÂN DÂN", "Ký bởi: Ủy ban Nhân dân phường Hạ", "Long, tỉnh Quảng Ninh",
      "PHƯỜNG HẠ LONG", "Cơ quan: Tỉnh Quảng Ninh", "Số: 955/KH-UBND",
      "Thời gian ký: 02.10.2026 08:00:00 +07:00", *_NATION,
      "Hạ Long, ngày 01 tháng 10 năm 2026"],
     "Ủy ban nhân dân phường Hạ Long", ("phường", "Hạ Long", "06688", "Quảng Ninh")),
    # after the level, the place's name in capitals and small letters (was "SỞ KHOA HỌC VÀ
    # CÔNG NGHỆ Thái Nguyên")
    (["UBND TỈNH THÁI NGUYÊN", "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
      "Người ký: Sở Khoa học và Công nghệ tỉnh", "Thái Nguyên",
      "Email: skhcn@thainguyen.gov.vn", "Số: 1287/KH-SKHCN", "Cơ quan: Tỉnh Thái Nguyên",
      *_NATION, "Thái Nguyên, ngày 16 tháng 6 năm 2026"],
     "Sở Khoa học và Công nghệ tỉnh Thái Nguyên",
     ("tỉnh", "Thái Nguyên", "19", "Thái Nguyên")),
    # above a Party committee's name, across a blank line (was "phố Đà Nẵng Đảng ủy …")
    (["ĐẢNG BỘ THÀNH PHỐ ĐÀ NẴNG", "ĐẢNG ỦY PHƯỜNG HẢI CHÂU", "",
      "Ký bởi: Đảng ủy phường Hải Châu, thành", "phố Đà Nẵng", "Cơ quan: Thành phố Đà Nẵng",
      "", "*", "Thời gian ký: 12.05.2026 16:00:00 +07:00", "Số 64-KH/ĐU",
      "ĐẢNG CỘNG SẢN VIỆT NAM", "Hải Châu, ngày 12 tháng 5 năm 2026"],
     "Đảng ủy phường Hải Châu", ("phường", "Hải Châu", "20242", "Đà Nẵng")),
    # its rest read across beside the issuer's line, the columns apart
    (["ỦY BAN NHÂN DÂN\tKý bởi: Ủy ban Nhân dân xã Tân Lạc,", "XÃ TÂN LẠC\ttỉnh Phú Thọ",
      "Số: 131/KH-UBND\tCơ quan: Tỉnh Phú Thọ", *_NATION,
      "Tân Lạc, ngày 04 tháng 5 năm 2026"],
     "Ủy ban nhân dân xã Tân Lạc", ("xã", "Tân Lạc", "05128", "Phú Thọ")),
])
def test_a_stamps_name_wrapped_onto_the_next_line_is_no_part_of_the_issuer(
        header: list[str], issuer: str, locality: tuple) -> None:
    plan = _plan(_column_after_column(header))
    found = plan.locality
    assert (plan.issuer, plan.title) == (issuer, "Chuyển đổi số năm 2026")
    assert (found.level, found.name, found.code, found.province) == locality


def test_a_stamps_time_and_e_mail_wrapped_onto_the_next_line_are_no_part_of_the_issuer(
        ) -> None:
    # (was "ỦY BAN NHÂN DÂN gov.vn 09:30:00 +07:00 xã Tân Lạc")
    plan = _plan(_column_after_column([
        "ỦY BAN NHÂN DÂN", "Email: tanlac@phutho.", "gov.vn", "Thời gian ký: 05.05.2026",
        "09:30:00 +07:00", "XÃ TÂN LẠC", "Số: 131/KH-UBND", *_NATION,
        "Tân Lạc, ngày 04 tháng 5 năm 2026"]))
    assert (plan.issuer, plan.number, plan.issued_on) == (
        "Ủy ban nhân dân xã Tân Lạc", "131/KH-UBND", "2026-05-04")


def test_a_letters_subject_wrapped_under_a_stamps_time_stays_the_subject() -> None:
    # the signing time is no name: the line under it is not the stamp's
    text = "\n".join(["ỦY BAN NHÂN DÂN", "XÃ TÂN LẠC", "Số: 131/UBND-VP",
                      "V/v triển khai nền tảng số", "Thời gian ký: 05.05.2026 09:30:00 +07:00",
                      "dùng chung của xã", *_NATION, "Tân Lạc, ngày 04 tháng 5 năm 2026", "",
                      "Kính gửi: Các thôn.", "Ủy ban nhân dân xã đề nghị:", "II. NHIỆM VỤ"])
    plan = _plan(text)
    assert (plan.title, plan.issuer) == ("triển khai nền tảng số dùng chung của xã",
                                         "Ủy ban nhân dân xã Tân Lạc")


def test_a_stamps_lines_do_not_push_the_date_out_of_the_header() -> None:
    # sixteen lines down: the stamp's five lines, a number cut at its dash, a two-line
    # subject (was issued_on None)
    text = "\n".join([
        "UBND TỈNH THÁI NGUYÊN", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "",
        "Người ký: Sở Khoa học và Công nghệ tỉnh", "Thái Nguyên",
        "Email: skhcn@thainguyen.gov.vn", "", "Số: 1287/SKHCN-", "", "Cơ quan: Tỉnh Thái Nguyên",
        "", "CĐS", "V/v đôn đốc kết nối camera an ninh", "với trung tâm giám sát của tỉnh", "",
        "Thời gian ký: 16.06.2026 15:05:10 +07:00", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT", "NAM",
        "Độc lập - Tự do - Hạnh phúc", "Thái Nguyên, ngày 16 tháng 6 năm 2026", "",
        "Kính gửi: Ủy ban nhân dân các xã, phường.", "Sở đề nghị:", "II. NHIỆM VỤ"])
    plan = _plan(text)
    assert (plan.number, plan.issued_on, plan.issuer) == (
        "1287/SKHCN-CĐS", "2026-06-16", "Sở Khoa học và Công nghệ tỉnh Thái Nguyên")
    assert plan.title == "đôn đốc kết nối camera an ninh với trung tâm giám sát của tỉnh"


@pytest.mark.parametrize(("left", "number"), [
    # `pdftotext` joins a word its line broke at a dash, the number's too ("Số: 512/KH-" /
    # "SNNMT" → "512/KHSNNMT"): the issuing body's initials tell where the dash was
    (["UBND TỈNH PHÚ THỌ", "SỞ NÔNG NGHIỆP", "VÀ MÔI TRƯỜNG", "Số: 512/KHSNNMT"],
     "512/KH-SNNMT"),
    (["ỦY BAN NHÂN DÂN", "PHƯỜNG HẠ LONG", "Số: 955/UBNDVHXH"], "955/UBND-VHXH"),
    (["UBND TỈNH NGHỆ AN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 1733/SGDĐTGDPT"],
     "1733/SGDĐT-GDPT"),
    # a symbol that is no body's initials and a kind's is printed as it is
    (["ỦY BAN NHÂN DÂN", "PHƯỜNG HẠ LONG", "Số: 18/BC"], "18/BC"),
    (["UBND TỈNH THÁI NGUYÊN", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Số: 40/KHCN"], "40/KHCN"),
    (["ỦY BAN NHÂN DÂN", "PHƯỜNG HẠ LONG", "Số: 18/KH-UBND"], "18/KH-UBND"),
])
def test_a_numbers_dash_lost_where_its_line_broke_is_put_back(left: list[str],
                                                               number: str) -> None:
    plan = _plan(_under_header(left, [*_NATION, "Hạ Long, ngày 05 tháng 3 năm 2026"]))
    assert plan.number == number


@pytest.mark.parametrize(("left", "number", "issuer"), [
    # digits a typist or OCR spaced in the number (was no number, the issuer "Số: 2
    # 18/KH-Ủy ban nhân dân xã Lai Hòa")
    (["ỦY BAN NHÂN DÂN", "XÃ LAI HÒA", "Số: 2 18/KH-UBND"], "218/KH-UBND",
     "Ủy ban nhân dân xã Lai Hòa"),
    (["UBND TỈNH SƠN LA", "SỞ Y TẾ", "Số: 1 045/KH-SYT"], "1045/KH-SYT", "Sở Y tế tỉnh Sơn La"),
    (["ĐẢNG BỘ TỈNH SƠN LA", "ĐẢNG ỦY XÃ TÀ XÙA", "*", "Số 0 9-KH/ĐU"], "09-KH/ĐU",
     "Đảng ủy xã Tà Xùa"),
])
def test_a_numbers_digits_spaced_are_one_number(left: list[str], number: str,
                                                issuer: str) -> None:
    plan = _plan(_under_header(left, [*_NATION, "Sơn La, ngày 05 tháng 3 năm 2026"]))
    assert (plan.number, plan.issuer) == (number, issuer)


@pytest.mark.parametrize("left", [
    # the Governor who signs for the State Bank printed over its name (was the issuer
    # "THỐNG ĐỐC NGÂN HÀNG NHÀ NƯỚC VIỆT NAM")
    ["THỐNG ĐỐC NGÂN HÀNG NHÀ NƯỚC", "VIỆT NAM", "Số: 05/CT-NHNN"],
    ["NGÂN HÀNG NHÀ NƯỚC VIỆT NAM", "Số: 05/CT-NHNN"],
])
def test_the_state_bank_issues_whoever_signs_for_it(left: list[str]) -> None:
    plan = _plan(_under_header(left, [*_NATION, "Hà Nội, ngày 02 tháng 4 năm 2026"]))
    assert (plan.number, plan.issuer) == ("05/CT-NHNN", "Ngân hàng Nhà nước Việt Nam")


def test_an_attachment_line_naming_the_governor_names_the_state_bank() -> None:
    # an appendix sent on its own, its header without a number (was the issuer "Thống đốc
    # Ngân hàng Nhà nước Việt Nam")
    plan = _plan("\n".join([
        "NGÂN HÀNG NHÀ NƯỚC VIỆT NAM\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "\tĐộc lập - Tự do - Hạnh phúc", "", "PHỤ LỤC", "NHIỆM VỤ NĂM 2026",
        "(Kèm theo Quyết định số 2345/QĐ-NHNN ngày 14/11/2025 của Thống đốc Ngân hàng Nhà "
        "nước Việt Nam)"]))
    assert (plan.number, plan.issued_on, plan.issuer) == (
        "2345/QĐ-NHNN", "2025-11-14", "Ngân hàng Nhà nước Việt Nam")
