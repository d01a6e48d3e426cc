"""Matching one printed agency name against the gazetteer."""

import csv
import pickle

import pytest

from chitieu.errors import InputError
from chitieu.gazetteer.agencies import (
    AGENCIES_CSV,
    CONFIDENT_SCORE,
    Gazetteer,
    default_gazetteer,
    match_key,
)


@pytest.fixture(scope="module")
def gazetteer():
    return default_gazetteer()


@pytest.mark.parametrize(("printed", "agency_id"), [
    # exact, whatever the case, tone placement, dash or "&"
    ("Phòng Văn hóa - Xã hội", "phong-van-hoa-xa-hoi"),
    ("phòng Văn hóa - Xã hội", "phong-van-hoa-xa-hoi"),
    ("Phòng Văn hoá – Xã hội", "phong-van-hoa-xa-hoi"),
    ("Phòng Văn hóa-Xã hội", "phong-van-hoa-xa-hoi"),
    ("PHÒNG VĂN HÓA - XÃ HỘI", "phong-van-hoa-xa-hoi"),
    ("Văn phòng HĐND&UBND", "van-phong-hdnd-ubnd"),
    ("Văn phòng HĐND & UBND", "van-phong-hdnd-ubnd"),
    ("Văn phòng HĐND - UBND", "van-phong-hdnd-ubnd"),
    ("Văn phòng HĐND và UBND xã", "van-phong-hdnd-ubnd"),
    ("Uỷ ban nhân dân xã", "ubnd-xa"),
    # aliases and abbreviations
    ("Trung tâm PVHCC", "trung-tam-phuc-vu-hanh-chinh-cong"),
    ("UB MTTQ Việt Nam xã", "ubmttq"),
    ("UBMTTQVN xã", "ubmttq"),
    ("Đài PT-TH tỉnh", "bao-phat-thanh-truyen-hinh-tinh"),
    ("Đài PTTH tỉnh", "bao-phat-thanh-truyen-hinh-tinh"),
    # a commune's loudspeaker radio is no national television ("truyền thanh" is not
    # "truyền hình": one word apart, they matched at 0.90)
    ("Đài Truyền thanh xã", "dai-truyen-thanh-xa"),
    ("Đài truyền thanh phường", "dai-truyen-thanh-xa"),
    ("Sở VHTT&DL", "so-van-hoa-the-thao-du-lich"),
    # the statistics office of a province and its local branches since 2025
    ("Thống kê tỉnh", "thong-ke-tinh"),
    ("Chi cục Thống kê khu vực", "thong-ke-tinh"),
    ("Thống kê cơ sở", "thong-ke-tinh"),
    ("Ban Thường trực UBMTTQ xã", "ubmttq"),
    ("Lực lượng tham gia bảo vệ ANTT ở cơ sở", "luc-luong-bao-ve-antt-co-so"),
    ("Trung tâm Y tế khu vực", "trung-tam-y-te"),
    ("Hội Khuyến học", "hoi-khuyen-hoc"),
    ("Các đoàn thể", "to-chuc-chinh-tri-xa-hoi"),
    ("tổ chức chính trị xã hội", "to-chuc-chinh-tri-xa-hoi"),
    ("các đơn vị", "cac-phong-don-vi"),
    ("Các cơ quan, đơn vị liên quan", "cac-don-vi-lien-quan"),
    ("Các cơ quan, đơn vị, địa phương liên quan", "cac-don-vi-lien-quan"),
    # words saying why these bodies, not which
    ("Các cơ quan, đơn vị theo quy định", "cac-phong-don-vi"),
    ("Các đơn vị theo chức năng, nhiệm vụ được giao", "cac-phong-don-vi"),
    ("Trạm y tế", "tram-y-te"),
    ("Sở KH&CN", "so-khoa-hoc-cong-nghe"),
    ("Sở KHCN", "so-khoa-hoc-cong-nghe"),
    ("Phòng VH-XH", "phong-van-hoa-xa-hoi"),
    ("VP HĐND và UBND", "van-phong-hdnd-ubnd"),
    ("Văn phòng Ủy ban nhân dân tỉnh", "van-phong-ubnd-tinh"),
    ("Văn phòng UBND Thành phố", "van-phong-ubnd-tinh"),
    ("Chủ tịch UBND xã", "ubnd-xa"),
    ("Giám đốc, Thủ trưởng các Sở, ban, ngành", "cac-so-ban-nganh"),
    ("UBND các phường xã", "ubnd-cac-xa-phuong"),
    ("các bộ, ngành, địa phương khác có liên quan", "cac-bo-nganh-dia-phuong"),
    ("Viện Hàn lâm Khoa học và Công nghệ", "vien-han-lam-khcn"),
    # a province's party bodies (the commission was read as a commune's and "Tỉnh ủy")
    ("Ủy ban Kiểm tra Tỉnh ủy", "uy-ban-kiem-tra-tinh-uy"),
    ("Văn phòng Thành ủy", "van-phong-tinh-uy"),
    ("Ban cán sự đảng UBND tỉnh", "ban-can-su-dang-ubnd-tinh"),
    # villages as the North and the Central Highlands name them ("xóm", "làng")
    ("Các xóm", "thon-to-dan-pho"),
    ("Các thôn, làng", "thon-to-dan-pho"),
    ("các làng", "thon-to-dan-pho"),
])
def test_exact_and_alias_matches_score_one(gazetteer, printed, agency_id):
    found = gazetteer.match(printed)
    assert (found.id, found.score, found.warnings) == (agency_id, 1.0, ())
    assert found.name == gazetteer.name_of(agency_id)


@pytest.mark.parametrize(("printed", "agency_id"), [
    # a branch named with its place is its organisation
    ("VNPT Đắk Lắk", "vnpt"),
    ("Viettel Ninh Bình", "viettel"),
    ("Chi nhánh Viettel Ninh Bình", "viettel"),
    ("Viễn thông Ninh Bình", "vnpt"),
    ("Ngân hàng Nhà nước chi nhánh Khu vực II", "ngan-hang-nha-nuoc"),
    ("Bưu điện Vũ Dương", "buu-dien"),
    # a trailing locality does not prevent a match
    ("Phòng Văn hóa - Xã hội xã Vũ Dương", "phong-van-hoa-xa-hoi"),
    ("Phòng Kinh tế xã Đình Lập", "phong-kinh-te"),
    ("Công an xã Vũ Dương", "cong-an-xa"),
    ("Trung tâm Phục vụ hành chính công tỉnh Ninh Bình", "trung-tam-phuc-vu-hanh-chinh-cong"),
    ("Công an TPHN", "cong-an-tinh"),
    ("Ban Quản lý các khu công nghệ cao và khu công nghiệp Hà Nội", "ban-quan-ly-khu-cnc-kcn"),
    ("Hội Nông dân Việt Nam", "hoi-nong-dan"),
    # a branch named after a province merged into another on 1 July 2025
    ("Viettel Kiên Giang", "viettel"),
    ("VNPT Bình Dương", "vnpt"),
])
def test_branches_and_places(gazetteer, printed, agency_id):
    found = gazetteer.match(printed)
    assert found.id == agency_id
    assert CONFIDENT_SCORE <= found.score < 1.0
    assert found.warnings == ()


@pytest.mark.parametrize("printed", ["Bưu điện phường", "Bưu điện xã"])
def test_level_words_listed_as_aliases_stay_exact(gazetteer, printed):
    assert gazetteer.match(printed).id == "buu-dien"


@pytest.mark.parametrize(("printed", "agency_id"), [
    # OCR slips
    ("Phòng Vàn hóa - Xã hội", "phong-van-hoa-xa-hoi"),
    ("Trung tâm Phuc vụ hành chinh công", "trung-tam-phuc-vu-hanh-chinh-cong"),
    ("Trung tam Phuc vu hanh chinh cong", "trung-tam-phuc-vu-hanh-chinh-cong"),
    ("Sở Giáo dục và Đạo tạo", "so-giao-duc-dao-tao"),
    ("Sở Sở Công thương", "so-cong-thuong"),
    # a slip leaves a word that names nothing, even two letters off ("rn" for "m")
    ("Trung tarn Phục vụ hành chính công", "trung-tam-phuc-vu-hanh-chinh-cong"),
    ("Đài Truyền thamh xã", "dai-truyen-thanh-xa"),
])
def test_ocr_slips_match_with_a_score_below_one(gazetteer, printed, agency_id):
    found = gazetteer.match(printed)
    assert found.id == agency_id
    assert 0.85 <= found.score < 1.0


def test_a_weak_fuzzy_match_is_flagged(gazetteer):
    found = gazetteer.match("Trung tâm Phuc vu hanh chin con")
    assert found.id == "trung-tam-phuc-vu-hanh-chinh-cong"
    assert found.score < CONFIDENT_SCORE
    assert found.warnings == ("agency_low_confidence",)


@pytest.mark.parametrize("printed", [
    "Các cơ quan sử dụng phần mềm, hệ thống thông tin",
    "Viện Nghiên cứu phát triển kinh tế - xã hội",
    # one letter away, but another kind of body: never fuzzy-matched across head words
    "Bộ Du lịch",
    "Sở Ngoại giao",
    "Sở Công an",
    # not the same agency, though the words are close
    "Viện Nghiên cứu A, Trường Đại học B",
    # another real word in place of one of a known name's words: another body
    "Đài Truyền thông Việt Nam",
])
def test_unknown_agencies(gazetteer, printed):
    found = gazetteer.match(printed)
    assert found.id is None
    assert found.name == printed
    assert found.score == 0.0
    assert found.warnings == ("agency_unmatched",)


def test_unknown_agency_keeps_its_cleaned_printed_name(gazetteer):
    found = gazetteer.match("  <b>Hợp tác xã  Nông nghiệp</b>. ")
    assert (found.id, found.name) == (None, "Hợp tác xã Nông nghiệp")


def test_ministry_and_department_are_not_confused(gazetteer):
    assert gazetteer.match("Bộ Khoa học và Công nghệ").id == "bo-khoa-hoc-cong-nghe"
    assert gazetteer.match("Sở Khoa học và Công nghệ").id == "so-khoa-hoc-cong-nghe"
    assert gazetteer.match("Sở Tư pháp").id == "so-tu-phap"
    assert gazetteer.match("Bộ Tư pháp").id == "bo-tu-phap"


def test_every_name_alias_and_abbreviation_matches_its_agency(gazetteer):
    # Where the same words are another agency's canonical name, that agency wins.
    canonical = {match_key(e.name): e.id for e in gazetteer.entries.values()}
    for entry in gazetteer.entries.values():
        for printed in (entry.name, *entry.aliases, *entry.abbreviations):
            expected = canonical.get(match_key(printed), entry.id)
            assert gazetteer.match(printed).id == expected, printed


def test_match_is_cached(gazetteer):
    assert gazetteer.match("Phòng Kinh tế") is gazetteer.match("Phòng Kinh tế")


# ---------------------------------------------------------------- the data file


def test_builtin_csv_keeps_every_reference_agency(shared_dir):
    builtin = {r["id"]: r for r in csv.DictReader(AGENCIES_CSV.open(encoding="utf-8"))}
    reference = shared_dir / "reference" / "agencies.csv"
    for row in csv.DictReader(reference.open(encoding="utf-8")):
        assert builtin[row["id"]]["name"] == row["name"]
        ours = set(builtin[row["id"]]["aliases"].split("|"))
        assert {a for a in row["aliases"].split("|") if a} <= ours


def test_builtin_ids_are_unique_kebab_case():
    ids = [r["id"] for r in csv.DictReader(AGENCIES_CSV.open(encoding="utf-8"))]
    assert len(ids) == len(set(ids))
    for agency_id in ids:
        assert agency_id == agency_id.lower()
        assert all(part.isalnum() and part.isascii() for part in agency_id.split("-"))


# ---------------------------------------------------------------- user gazetteers


FIELDS = ["id", "name", "kind", "scope", "aliases", "abbreviations"]


def _write(path, rows):
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIELDS)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: row.get(k, "") for k in FIELDS})
    return path


def test_user_gazetteer_adds_agencies_and_aliases(tmp_path):
    user = _write(tmp_path / "mine.csv", [
        {"id": "htx-nong-nghiep", "name": "Hợp tác xã Nông nghiệp Vũ Dương",
         "aliases": "HTX Nông nghiệp", "abbreviations": "HTXNN"},
        {"id": "phong-kinh-te", "name": "Phòng Kinh tế", "aliases": "Phòng Nông nghiệp xã"},
    ])
    gazetteer = Gazetteer.load([user])
    assert gazetteer.match("Hợp tác xã Nông nghiệp Vũ Dương").id == "htx-nong-nghiep"
    assert gazetteer.match("HTXNN").id == "htx-nong-nghiep"
    extended = gazetteer.match("Phòng Nông nghiệp xã")
    assert (extended.id, extended.name, extended.score) == ("phong-kinh-te", "Phòng Kinh tế", 1.0)
    assert gazetteer.split("Phòng Kinh tế, HTX Nông nghiệp") == ["Phòng Kinh tế",
                                                                  "HTX Nông nghiệp"]
    # the built-in gazetteer is not changed by loading a user's file
    assert default_gazetteer().match("HTXNN").id is None
    assert default_gazetteer().match("Phòng Nông nghiệp xã").id != "phong-kinh-te"


def test_user_alias_wins_over_a_builtin_alias(tmp_path):
    user = _write(tmp_path / "mine.csv", [{"id": "cong-doan", "name": "Công đoàn cơ sở",
                                           "aliases": "Đoàn thanh niên"}])
    assert default_gazetteer().match("Đoàn thanh niên").id == "doan-thanh-nien"
    assert Gazetteer.load([user]).match("Đoàn thanh niên").id == "cong-doan"


def test_user_file_needs_id_and_name_columns(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("code,label\nx,y\n", encoding="utf-8")
    with pytest.raises(InputError, match="not an agencies CSV"):
        Gazetteer.load([bad])


def test_missing_user_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="cannot read"):
        Gazetteer.load([tmp_path / "nowhere.csv"])


def test_gazetteer_pickles_for_worker_processes(tmp_path):
    user = _write(tmp_path / "mine.csv", [{"id": "x-agency", "name": "Ban Quản lý chợ"}])
    copy = pickle.loads(pickle.dumps(Gazetteer.load([user])))
    assert copy.match("Ban Quản lý chợ").id == "x-agency"
    assert copy.split("Ban Quản lý chợ; Phòng Kinh tế") == ["Ban Quản lý chợ", "Phòng Kinh tế"]


@pytest.mark.parametrize(("printed", "agency_id"), [
    # the youth union of a province or centrally-run city, not a commune's
    ("Đoàn Thanh niên tỉnh", "tinh-doan"),
    ("Đoàn Thanh niên thành phố", "tinh-doan"),
    ("Đoàn Thanh niên xã", "doan-thanh-nien"),
])
def test_a_youth_union_by_its_level(gazetteer, printed, agency_id):
    assert gazetteer.match(printed).id == agency_id


@pytest.mark.parametrize(("printed", "agency_id"), [
    # bodies every commune, ward or province plan names, of kinds the list lacked
    ("Trường Mầm non", "truong-mam-non"),
    ("Trường Tiểu học", "truong-tieu-hoc"),
    ("Trường THCS", "truong-thcs"),
    ("Trường Trung học cơ sở", "truong-thcs"),
    ("Hạt Kiểm lâm", "hat-kiem-lam"),
    ("Trung tâm Văn hóa, Thông tin và Thể thao", "trung-tam-van-hoa-thong-tin-the-thao"),
    ("Liên minh Hợp tác xã tỉnh", "lien-minh-hop-tac-xa"),
    ("Các cơ sở khám bệnh, chữa bệnh", "cac-co-so-kham-chua-benh"),
    ("Ngân hàng Nông nghiệp và Phát triển nông thôn", "agribank"),
    # the commune's own departments, not a province's (which "Các sở, ban, ngành" are)
    ("Các cơ quan chuyên môn thuộc UBND xã", "cac-phong-don-vi"),
    ("Các phòng chuyên môn thuộc UBND phường", "cac-phong-don-vi"),
])
def test_agencies_of_kinds_plans_name_often(gazetteer, printed, agency_id):
    found = gazetteer.match(printed)
    assert (found.id, found.score) == (agency_id, 1.0)


@pytest.mark.parametrize(("printed", "agency_id"), [
    ("Trường Tiểu học xã Mường Phăng", "truong-tieu-hoc"),
    ("Hạt Kiểm lâm khu vực Yên Thủy", "hat-kiem-lam"),
    ("Agribank chi nhánh Tiên Du", "agribank"),
])
def test_a_school_or_unit_named_with_its_place(gazetteer, printed, agency_id):
    assert gazetteer.match(printed).id == agency_id


@pytest.mark.parametrize(("printed", "agency_id"), [
    # a province's women's union, farmers' union, veterans' association: not a commune's
    ("Hội Liên hiệp Phụ nữ tỉnh Sơn La", "hoi-lien-hiep-phu-nu-tinh"),
    ("Hội Liên hiệp Phụ nữ thành phố", "hoi-lien-hiep-phu-nu-tinh"),
    ("Hội LHPN tỉnh", "hoi-lien-hiep-phu-nu-tinh"),
    ("Hội Nông dân tỉnh", "hoi-nong-dan-tinh"),
    ("Hội Cựu chiến binh tỉnh", "hoi-cuu-chien-binh-tinh"),
    ("Hội Liên hiệp Phụ nữ xã", "hoi-lien-hiep-phu-nu"),
    ("Hội Nông dân", "hoi-nong-dan"),
])
def test_a_mass_organisation_by_its_level(gazetteer, printed, agency_id):
    assert gazetteer.match(printed).id == agency_id


def test_words_of_one_collective_listed_together_are_that_collective(gazetteer):
    # "Các thôn, ấp" (a southern commune's villages and hamlets) is printed as one agency
    found = gazetteer.match("Các thôn, ấp")
    assert (found.id, found.name) == ("thon-to-dan-pho", "Các thôn, tổ dân phố")
    # two different bodies listed together are not one
    assert gazetteer.match("Phòng Kinh tế, Công an xã").id is None


@pytest.mark.parametrize(("printed", "communes_own"), [
    # "các" inside a name makes it every such body, a collective: not the one commune's
    # (a fuzzy match took the inserted word for a slip)
    ("Hội Nông dân các xã", "hoi-nong-dan"),
    ("Đoàn Thanh niên các xã, phường", "doan-thanh-nien"),
    ("Ban Chỉ huy Quân sự các xã, phường", "ban-chi-huy-quan-su"),
    ("Văn phòng HĐND và UBND các xã, phường", "van-phong-hdnd-ubnd"),
    ("Công an các xã, phường", "cong-an-xa"),
])
def test_a_body_of_every_commune_is_not_the_communes_own(gazetteer, printed, communes_own):
    found = gazetteer.match(printed).id
    assert found != communes_own
    assert found is None  # no list holds it: its printed name is kept
    assert gazetteer.split(printed) == [printed]


@pytest.mark.parametrize("printed", [
    # school levels spelled out or abbreviated, joined by commas or "và": the schools
    "Các trường Mầm non, Tiểu học, Trung học cơ sở",
    "các trường mầm non, tiểu học, THCS",
    "Các trường mầm non, tiểu học và THCS trên địa bàn",
])
def test_the_schools_listed_by_their_levels_are_the_schools(gazetteer, printed):
    assert gazetteer.match(printed).id == "truong-hoc"


@pytest.mark.parametrize("printed", [
    # a few of the levels the schools' list names, under one "Các trường": still the schools
    # (was split into "Các trường mầm non" and an unknown "THCS")
    "Các trường mầm non, THCS",
    "các trường Tiểu học, Trung học cơ sở",
    "Các trường mầm non và tiểu học",
])
def test_some_of_the_schools_levels_are_the_schools(gazetteer, printed):
    assert gazetteer.match(printed).id == "truong-hoc"
    assert gazetteer.split(printed) == [printed]


@pytest.mark.parametrize("printed", [
    # a head over kinds no collective of the list names: the bodies stay apart
    "Các phòng Kinh tế, Văn hóa - Xã hội",
    "Các trường mầm non, Trung tâm Học tập cộng đồng",
])
def test_a_head_over_other_kinds_is_no_collective(gazetteer, printed):
    assert gazetteer.match(printed).id is None


@pytest.mark.parametrize("printed", [
    # a body of every commune, ward and township, named over three levels: one collective
    # (was cut into "Công an các xã" and "phường, thị trấn", read as the communes' UBND)
    "Công an các xã, phường, thị trấn",
    "Hội Cựu chiến binh các xã, phường, đặc khu",
    "Trạm Y tế các phường, xã, thị trấn",
])
def test_a_body_of_every_unit_of_three_levels_is_one(gazetteer, printed):
    assert gazetteer.split(printed) == [printed]
    assert gazetteer.match(printed).id is None


def test_an_agency_after_a_list_of_levels_is_its_own(gazetteer):
    assert gazetteer.split("Đoàn Thanh niên các xã, phường, thị trấn, Công an tỉnh") == [
        "Đoàn Thanh niên các xã, phường, thị trấn", "Công an tỉnh"]
    assert gazetteer.split("Sở Y tế; Hội Chữ thập đỏ các xã, phường, đặc khu") == [
        "Sở Y tế", "Hội Chữ thập đỏ các xã, phường, đặc khu"]
    # (review) a level word that opens an agency's name ends the list
    assert gazetteer.split("UBND các xã, phường, Tỉnh đoàn") == [
        "UBND các xã, phường", "Tỉnh đoàn"]
    assert gazetteer.split("Công an các xã, Tỉnh đoàn") == ["Công an các xã", "Tỉnh đoàn"]
    assert gazetteer.split("UBND các xã, Xã đoàn") == ["UBND các xã", "Xã đoàn"]
    assert gazetteer.split("UBND các xã, phường, Tỉnh ủy") == ["UBND các xã, phường", "Tỉnh ủy"]
    # (review, round 2) a list of the units below a commune goes on as one of levels does
    assert gazetteer.split("Hội Phụ nữ các thôn, tổ dân phố") == [
        "Hội Phụ nữ các thôn, tổ dân phố"]
    assert gazetteer.split("Chi hội nông dân các thôn, bản, Hội Nông dân xã") == [
        "Chi hội nông dân các thôn, bản", "Hội Nông dân xã"]


def test_a_school_level_abbreviation_is_its_words(gazetteer):
    assert gazetteer.match("Trường Trung học cơ sở xã").id == "truong-thcs"
    assert gazetteer.match("Trường THCS xã").id == "truong-thcs"


@pytest.mark.parametrize(("name", "collective"), [
    ("Các sở, ban, ngành", True),
    ("UBND các xã, phường", True),
    ("Công an các xã, phường", True),
    ("Các phòng chuyên môn", True),
    # a body the list names whole, whose own name holds "các" (was leaned to support in a
    # portal row as if it named every board)
    ("Ban Quản lý các khu công nghiệp tỉnh", False),
    # (review) bodies of every village are collectives, as those of every commune
    ("Hội Phụ nữ các thôn", True),
    ("Chi hội các thôn, tổ dân phố", True),
    ("Trưởng ban công tác Mặt trận các khu dân cư", True),
    ("Sở Tài chính", False),
    # a body no list holds, "các" a word of its own name (not before a level word): one
    # board, not every board (the portal reader leaned it to support)
    ("Ban Quản lý các dự án giao thông tỉnh", False),
    ("Ban Quản lý các công trình thủy lợi khu vực", False),
    ("Hội Cựu chiến binh các xã, phường, thị trấn", True),
    ("Thủ trưởng các cơ quan, đơn vị", True),
])
def test_a_collective_names_every_body_of_a_kind(name: str, collective: bool) -> None:
    assert default_gazetteer().is_collective(name) is collective


def test_a_principal_is_their_school_as_a_chairman_is_their_committee() -> None:
    # (review, round 2) "Hiệu trưởng" a leader title: "Hiệu trưởng các trường" every
    # school's principal, a collective (was one unknown body), "Hiệu trưởng Trường THCS xã"
    # the school
    from chitieu.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    assert gazetteer.match("Hiệu trưởng Trường THCS xã").id == "truong-thcs"
    assert gazetteer.match("Hiệu trưởng các trường").id == "truong-hoc"
    assert gazetteer.is_collective("Hiệu trưởng các trường")


@pytest.mark.parametrize("printed", [
    # school levels abbreviated as on many commune plans ("MN", "TH"), and the schools of the
    # commune ("trên địa bàn xã"): still the schools (were cut at the first comma)
    "Các trường mầm non, TH trên địa bàn phường",
    "Các trường MN, TH, THCS",
    "Các trường mầm non, THCS trên địa bàn xã",
])
def test_the_schools_with_abbreviated_levels_or_their_commune(gazetteer, printed):
    assert gazetteer.split(printed) == [printed]
    assert gazetteer.match(printed).id == "truong-hoc"


@pytest.mark.parametrize("printed", ["phường Tân Phú", "phường Trường Thi", "xã Đình Lập"])
def test_a_place_alone_is_no_agency(gazetteer, printed):
    # (was the UBND of every commune, through the place read as "xã")
    assert gazetteer.match(printed).id is None


@pytest.mark.parametrize("printed", [
    # a market board: one body, named after the markets it runs (a commune's or a city's
    # "Ban Quản lý các chợ"), not every market's board
    "Ban Quản lý các chợ",
    "Ban Quản lý các chợ thị xã",
])
def test_a_market_board_is_one_body(gazetteer, printed):
    assert gazetteer.split(printed) == [printed]
    assert not gazetteer.is_collective(printed)
