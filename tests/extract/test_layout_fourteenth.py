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


# the rows' numbers indented under "STT" and printed one space before their names, those
# of section II a character further right: no gutter parts the number column from the name
# column (sections "I", "II" at the margin)
NUMBERS_GLUED_TO_NAMES = """\
    STT                  Nội dung công việc             Đơn vị chủ trì     Đơn vị phối hợp      Thời hạn
I     CHỢ VÀ THƯƠNG MẠI
       1 Sắp xếp lại khu kinh doanh tại chợ trung      Phòng Kinh tế      Ban quản lý chợ     Quý II/2026
         tâm xã theo ngành hàng, bảo đảm phòng cháy
         chữa cháy
       2 Vận động tiểu thương thanh toán không dùng   Phòng Kinh tế      Đoàn Thanh niên     Tháng 8/2026
         tiền mặt qua mã QR và ứng dụng ngân hàng
         số
II    VỆ SINH MÔI TRƯỜNG
        3 Thu gom rác thải tại các tuyến đường liên    Trung tâm Dịch     Các thôn            Thường xuyên
          thôn                                         vụ sự nghiệp công
        4 Trồng cây xanh trên các tuyến đường trục     Phòng Kinh tế      Hội Phụ nữ xã       Quý IV/2026
          chính của xã
"""  # noqa: E501


def test_numbers_printed_one_space_before_their_names_are_the_rows_numbers() -> None:
    document = convert_text(NUMBERS_GLUED_TO_NAMES, "layout")
    assert [(r.key, r.name, [a.raw for a in r.agencies], r.deadline.raw)
            for r in document.records] == [
        ("I/1", "Sắp xếp lại khu kinh doanh tại chợ trung tâm xã theo ngành hàng, bảo đảm "
         "phòng cháy chữa cháy",
         ["Phòng Kinh tế", "Ban quản lý chợ"], "Quý II/2026"),
        ("I/2", "Vận động tiểu thương thanh toán không dùng tiền mặt qua mã QR và ứng "
         "dụng ngân hàng số",
         ["Phòng Kinh tế", "Đoàn Thanh niên"], "Tháng 8/2026"),
        ("II/3", "Thu gom rác thải tại các tuyến đường liên thôn",
         ["Trung tâm Dịch vụ sự nghiệp công", "Các thôn"], "Thường xuyên"),
        ("II/4", "Trồng cây xanh trên các tuyến đường trục chính của xã",
         ["Phòng Kinh tế", "Hội Phụ nữ xã"], "Quý IV/2026")]


def test_a_label_printed_round_its_neighbours_is_that_columns_not_a_group() -> None:
    # "Kế hoạch" / "năm 2026" centred down a header of three lines, round "Đơn vị tính"
    # (one line, the middle one) beside it: two columns, parted between the labels'
    # middles; "Năm 2025" over "Kế hoạch" / "Ước đạt" stays their group
    from chitieu.extract.layout import _split_between_lines, _wraps_round
    header = _page_lines(
        "                                                        Kế hoạch\n"
        "STT              Chỉ tiêu                       Đơn vị tính\n"
        "                                                        năm 2026\n")
    labels = [(48, 59, "Đơn vị tính", 2), (56, 64, "Kế hoạch", 1)]
    assert _wraps_round(labels[1], labels, header)
    assert not _wraps_round(labels[0], labels, header)
    assert _split_between_lines([(0, 2), (5, 40), (46, 66)], header, [0] * 70) == [
        (0, 2), (5, 40), (46, 55), (57, 66)]
    group = _page_lines(
        "                                           Năm 2025\n"
        "STT              Chỉ tiêu            Kế hoạch    Ước đạt\n")
    grouped = [(43, 51, "Năm 2025", 1), (38, 46, "Kế hoạch", 2), (50, 57, "Ước đạt", 2)]
    assert not _wraps_round(grouped[0], grouped, group)


def test_two_cells_drifted_into_one_column_beside_an_empty_one_go_in_order() -> None:
    # a row's cells printed several characters right of the others' (pdftotext): its
    # target, two spaces before its lead, falls in the lead's column, the target's own
    # column left empty on the line: the target goes back, the row warned
    from chitieu.extract.layout import _Alignment, _Grid
    lines = _page_lines(
        " 1   Số bác sĩ trên 10.000 dân        14          Sở Y tế\n"
        " 2   Tỷ lệ xã đạt chuẩn               90          Sở Nội vụ\n"
        " 3   Tỷ lệ tiêm chủng đầy đủ                 Trên 92  Sở Y tế\n")
    alignment = _Alignment(lines, _Grid([(1, 1), (5, 31), (36, 44), (47, 58)]))
    assert [[w.text for w in cell] for cell in alignment.cells(2)] == [
        ["3"], ["Tỷ", "lệ", "tiêm", "chủng", "đầy", "đủ"], ["Trên", "92"], ["Sở", "Y", "tế"]]
    assert alignment.moved == {(2, 2)}


# (review r1 F15) numbers on the rows' top lines, cells printed from the top: row 2's
# support wraps ("Trung tâm phát triển quỹ" / "đất"), row 3's opens in lower case ("các tổ
# dân phố liên" / "quan"): "đất", above row 3's number, is row 2's
WRAPPED_REST_OVER_LOWER_CASE = """\
STT  Nhiệm vụ                         Cơ quan chủ trì          Cơ quan phối hợp          Thời hạn
 1   Kiểm kê đất công                  Phòng Kinh tế            Công an xã                Quý II/2026
 2   Lập bản đồ giá đất                Phòng Kinh tế            Trung tâm phát triển quỹ  Quý III/2026
                                                                đất
 3   Chỉnh lý hồ sơ địa chính          Phòng Kinh tế            các tổ dân phố liên       Năm 2027
                                                                quan
 4   Cấp đổi giấy chứng nhận quyền     Phòng Kinh tế            Các thôn                  Năm 2027
     sử dụng đất
"""  # noqa: E501


def test_a_wrapped_rest_stays_with_its_row_over_a_next_cell_in_lower_case() -> None:
    document = convert_text(WRAPPED_REST_OVER_LOWER_CASE, "layout")
    assert [(r.key, [a.raw for a in r.agencies if a.role == "support"])
            for r in document.records] == [
        ("1", ["Công an xã"]), ("2", ["Trung tâm phát triển quỹ đất"]),
        ("3", ["các tổ dân phố liên quan"]), ("4", ["Các thôn"])]


# (review r2 G4, its repro) row 2's support wraps, its second line printing two agencies two
# spaces apart, the lead and deadline columns empty on that line: one cell's, not a drift
TWO_CHUNKS_ONE_CELL = """\
STT  Nhiệm vụ                         Cơ quan chủ trì          Cơ quan phối hợp              Thời hạn
 1   Số hóa hồ sơ hộ tịch              Văn phòng HĐND và UBND   Công an xã                    Quý II/2026
 2   Cập nhật dữ liệu dân cư trên      Phòng Văn hóa - Xã hội   Sở Nội vụ, Sở Y tế,           Quý III/2026
     địa bàn xã                                                 Sở Tư pháp,  Công an tỉnh
 3   Đo đạc bản đồ địa chính           Phòng Kinh tế            Các thôn                      Năm 2027
"""  # noqa: E501


def test_two_chunks_of_one_cell_on_a_wrapped_line_stay_together() -> None:
    document = convert_text(TWO_CHUNKS_ONE_CELL, "layout")
    assert [(r.key, [(a.role, a.raw) for a in r.agencies]) for r in document.records][1:] == [
        ("2", [("lead", "Phòng Văn hóa - Xã hội"), ("support", "Sở Nội vụ"),
               ("support", "Sở Y tế"), ("support", "Sở Tư pháp"), ("support", "Công an tỉnh")]),
        ("3", [("lead", "Phòng Kinh tế"), ("support", "Các thôn")])]


# A Title Case line of 26 words over a header (review r2 G9): the labels crowded on a line are
# looked for part by part, each part's reading once — not every set of cuts (2^25 readings)
TITLE_CASE_OVER_HEADER = """\
                                                          Danh Sách Các Phòng Ban Chuyên Môn Và Đơn Vị Sự Nghiệp Trực Thuộc Ủy Ban Nhân Dân Xã Tân Hiệp Huyện Cũ Tỉnh Mới Sau Sắp
STT  Nhiệm vụ                         Cơ quan chủ trì          Cơ quan phối hợp          Thời hạn
 1   Số hóa hồ sơ hộ tịch              Văn phòng HĐND và UBND   Công an xã                Quý II/2026
 2   Cập nhật dữ liệu đất đai          Phòng Kinh tế            Các thôn                  Quý III/2026
"""  # noqa: E501


def test_a_long_title_case_line_over_the_header_is_read_part_by_part(monkeypatch) -> None:
    from chitieu.extract import layout

    readings = []
    first_role = layout.first_role
    monkeypatch.setattr(layout, "first_role", lambda text: readings.append(text) or
                        first_role(text))
    document = convert_text(TITLE_CASE_OVER_HEADER, "layout")
    assert [(r.key, r.deadline.raw) for r in document.records] == [
        ("1", "Quý II/2026"), ("2", "Quý III/2026")]
    assert len(readings) < 2_000
