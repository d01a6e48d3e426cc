"""The pdftotext -layout reader on the classes left by the ninth layout session (issue 11,
fourteenth round), in our own typed text: a year's group label over columns whose own labels
are capitalised and printed under the line naming the columns (review r2 R10); the speed of
long tables with group rows and of crowded lines (review r2 R5, R6: the limits that keep
them linear, never timed here); a one-line support printed from its row's top after a
whole known name that a name of the gazetteer writes on ("Sở Tài chính" / "Tỉnh đoàn")."""

from chitieu import convert_text

# "Năm 2025" over "Kế hoạch giao" and "Ước đạt": "Ước đạt" is printed under the line naming
# the columns, capitalised as a group's columns' labels are; the column numbers under them
YEAR_GROUP_BELOW = """\
                                                               Năm 2025
STT               Chỉ tiêu                  Đơn vị     Kế hoạch                  Chỉ tiêu        Cơ quan chủ trì
                                             tính                   Ước đạt      năm 2026
                                                         giao
(1)                  (2)                     (3)         (4)         (5)           (6)                (7)
 1    Sản lượng thủy sản nuôi trồng          Tấn       8.400        8.650         9.000     Sở Nông nghiệp và Môi trường
 2    Diện tích rừng trồng mới tập trung     Ha        1.150        1.210         1.300     Sở Nông nghiệp và Môi trường
 3    Tỷ lệ xã đạt chuẩn nông thôn mới       %           62           64           70       Sở Nông nghiệp và Môi trường
"""  # noqa: E501


def test_a_groups_columns_labelled_under_the_line_naming_columns_are_its_own() -> None:
    document = convert_text(YEAR_GROUP_BELOW, "layout")
    assert [(r.key, r.target.raw, r.baseline.raw, r.target.unit) for r in document.records] == [
        ("1", "9.000", "8.650", "tấn"), ("2", "1.300", "1.210", "ha"), ("3", "70", "64", "%")]


# "Năm 2026" over "Chỉ tiêu" beside the name column's own "Chỉ tiêu": that year's target
YEAR_OVER_TARGET = """\
                                                                Năm 2025          Năm 2026
TT                   Chỉ tiêu                Đơn vị       Kế hoạch                             Cơ quan theo dõi
                                                                      Thực hiện   Chỉ tiêu
                                                            giao
 A    Y TẾ CƠ SỞ
 1    Tỷ lệ trạm y tế xã có bác sĩ làm việc    %            92          93,5         96           Sở Y tế
 2    Số giường bệnh trên 10.000 dân         Giường        31,5          32          33           Sở Y tế
"""  # noqa: E501


def test_a_years_label_over_chi_tieu_heads_that_years_target() -> None:
    document = convert_text(YEAR_OVER_TARGET, "layout")
    assert [(r.key, r.name, r.target.raw, r.baseline.raw, [a.role for a in r.agencies])
            for r in document.records] == [
        ("A/1", "Tỷ lệ trạm y tế xã có bác sĩ làm việc", "96", "93,5", ["monitor"]),
        ("A/2", "Số giường bệnh trên 10.000 dân", "33", "32", ["monitor"])]


def test_a_rows_reach_stays_a_few_lines_however_costly_the_whole_cut() -> None:
    # (review r2 R5) the bound of a long table's cut grows with its rows; the lines a row's
    # group may take beyond its neighbours' numbers must not
    from chitieu.extract.layout import _OUTSIDE_SPARE, _reach_windows
    lines = list(range(0, 3000, 2))
    anchors = list(range(1, 3000, 10))
    windows = _reach_windows(lines, anchors, reach=60, limit=6000.0)
    between = 5  # lines of fragments between two anchors ten lines apart, every other line
    assert max(hi - lo for lo, hi in windows[1:-1]) <= between + 2 * _OUTSIDE_SPARE


def test_a_line_too_crowded_to_cut_by_its_words_is_cut_by_position_and_warned() -> None:
    # (review r2 R6) a merged row run together on one line, far more words than its columns
    # print: cut by where the words stand, the row warned, every other row as it was
    names = ["Phòng", "Kinh", "tế", "Công", "an", "xã", "Hội", "Nông", "dân", "xã"]
    crowd = " ".join(names[k % len(names)] for k in range(400))
    text = (
        "STT  Nhiệm vụ                   Cơ quan chủ trì     Cơ quan phối hợp   Thời hạn\n"
        f" 1   Rà soát hồ sơ địa chính {crowd}\n"
        " 2   Cập nhật bản đồ số        Phòng Kinh tế       Các thôn           Quý II/2026\n")
    document = convert_text(text, "layout")
    first, second = document.records
    assert "crowded_line_cut_by_position" in first.warnings
    assert (second.name, [a.raw for a in second.agencies], second.deadline.raw,
            second.warnings) == ("Cập nhật bản đồ số", ["Phòng Kinh tế", "Các thôn"],
                                 "Quý II/2026", [])


# cells printed from their rows' tops, the numbers in the rows' middles: row 3's one-line
# support "Tỉnh đoàn" under row 2's "Sở Tài chính" ("Sở Tài chính tỉnh" is a known name's
# spelling, in lower case: no evidence that the capitalised line goes on it)
SUPPORT_FROM_TOP = """\
TT                Chỉ tiêu                  Đơn vị   Kế hoạch    Cơ quan chủ trì  Cơ quan phối hợp
                                             tính    năm 2026
   Tỷ lệ hộ dân được cung cấp nước            %         95       Sở Xây dựng      UBND các xã,
 1 sạch theo quy chuẩn kỹ thuật quốc                                              phường
   gia
   Số công trình cấp nước tập trung         Công        42       Sở Nông nghiệp   Sở Tài chính
 2 được sửa chữa, nâng cấp trong            trình                và Môi trường
   năm
   Tỷ lệ trường học có công trình vệ          %         100      Sở Giáo dục và   Tỉnh đoàn
 3 sinh đạt chuẩn, có nước uống an                               Đào tạo
   toàn cho học sinh
   Số hộ được hỗ trợ xây dựng nhà             Hộ       1.200     Sở Y tế          Hội Liên hiệp
 4 tiêu hợp vệ sinh                                                               Phụ nữ tỉnh
"""


def test_a_capitalised_support_under_a_whole_known_name_is_the_next_rows() -> None:
    document = convert_text(SUPPORT_FROM_TOP, "layout")
    assert [(r.key, [(a.role, a.raw) for a in r.agencies], r.warnings)
            for r in document.records] == [
        ("1", [("lead", "Sở Xây dựng"), ("support", "UBND các xã, phường")], []),
        ("2", [("lead", "Sở Nông nghiệp và Môi trường"), ("support", "Sở Tài chính")],
         ["indicator_unmatched"]),
        ("3", [("lead", "Sở Giáo dục và Đào tạo"), ("support", "Tỉnh đoàn")],
         ["indicator_unmatched"]),
        ("4", [("lead", "Sở Y tế"), ("support", "Hội Liên hiệp Phụ nữ tỉnh")],
         ["indicator_unmatched"])]


def _page_lines(text: str) -> list:
    from chitieu.extract.layout import _pages
    return _pages(text)[0].lines


def test_a_rows_top_is_told_by_its_own_cells_not_by_one_merged_over_it() -> None:
    # row 1's cells print from line 4; a lead merged over rows 0-2 prints on lines 3 and 5:
    # without it the row starts on line 4
    from chitieu.extract.layout import _row_extents, _Word
    word = _Word(0, 1, "x")
    columns = [[[(1, [word])], [(4, [word]), (5, [word])], [(7, [word])]],  # the name
               [[], [(3, [word]), (5, [word])], []],  # the lead (merged over rows 0-2)
               [[], [(4, [word])], []]]  # the note
    assert _row_extents(columns, 2)[1] == (3, 5)
    assert _row_extents(columns, 2, {(0, 1), (1, 1), (2, 1)})[1] == (4, 5)


def test_the_header_repeated_over_a_cut_row_ends_where_its_labels_do() -> None:
    # page 1's header read with a column of no label of its own (a unit printed off its
    # column there); page 2 repeats the labels, then "phường", the rest of a support the
    # page break cut, which a longer block would take for a label's last word
    from chitieu.extract.layout import _repeated_header_end
    header = ["TT", "Chỉ tiêu", "", "Đơn vị tính", "Cơ quan thực hiện Phối hợp"]
    blocks = {5: ["TT", "Chỉ tiêu", "Đơn vị tính", "Cơ quan thực hiện Phối hợp phường"],
              4: ["TT", "Chỉ tiêu", "Đơn vị tính", "Cơ quan thực hiện Phối hợp"],
              3: ["TT", "Chỉ tiêu", "Đơn vị", "Cơ quan thực hiện"]}
    assert _repeated_header_end(header, 3, 5, blocks.__getitem__) == 4
    assert _repeated_header_end(header, 3, 4, blocks.__getitem__) == 4
