"""The pdftotext -layout reader on the shapes of heldout7's misses (issue 11, ninth round),
in our own typed text: labels crowded on both header lines where a year runs across the
next label's start and the last label's last line past the run's end, beside a narrow
unit column the body crowds into; figure columns as narrow as a numbering column."""

from pathlib import Path

from chitieu import convert_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _agencies(record) -> list[tuple[str, str]]:
    return [(a.role, a.raw) for a in record.agencies]


# the geometry of a LibreOffice rendering with cell margins of 0.05 cm: "hiện 2025" runs
# two characters under "Kế", "hợp" three past "phối"; "ĐVT" over the unit column the
# figures crowd into ("Lượt 1.150.000 1.300.000 Sở Văn hóa,")
YEAR_ACROSS_THE_NEXT_LABEL = """\
                                          Thực Kế hoạch Cơ quan chủ Cơ quan phối
STT                 Tên chỉ tiêu  ĐVT                                                      Ghi chú
                                        hiện 2025 2026           trì            hợp
 1    Số hợp tác xã mới            HTX      52       60  Sở Tài chính     Liên minh Hợp
                                                                          tác xã tỉnh
 2    Lượt khách bảo tàng         Lượt 1.150.000 1.300.000 Sở Văn hóa,    UBND các xã,
                                  khách                    Thể thao và Du phường
                                                           lịch
 3    Số làng nghề mới            Làng      14       18  Sở Công          Hội Nông dân     Mới
                                  nghề                   Thương           tỉnh
"""


def test_labels_crowded_where_a_year_runs_across_the_next_labels_start() -> None:
    document = convert_text(YEAR_ACROSS_THE_NEXT_LABEL, "layout")
    assert [c.role for c in document.columns] == [
        "number", "name", "unit", "baseline", "target", "lead", "support", "note"]
    records = {r.key: r for r in document.records}
    assert [(k, r.baseline.raw, r.target.raw, r.target.unit) for k, r in records.items()] == [
        ("1", "52", "60", "HTX"), ("2", "1.150.000", "1.300.000", "lượt khách"),
        ("3", "14", "18", "làng nghề")]
    assert _agencies(records["2"]) == [("lead", "Sở Văn hóa, Thể thao và Du lịch"),
                                       ("support", "UBND các xã, phường")]
    assert _agencies(records["3"]) == [("lead", "Sở Công Thương"),
                                       ("support", "Hội Nông dân tỉnh")]
    assert records["3"].note == "Mới"


# the estimate's and the plan's columns as narrow as a numbering column (five characters),
# one line crowding the unit and both figures one space apart
NARROW_FIGURE_COLUMNS = """\
STT       Chỉ tiêu        ĐVT   TH 2025  KH 2026  Cơ quan chủ trì
 1    Số hộ thoát nghèo   Hộ     1.200    1.000   Sở Nội vụ
 2    Lượt khách quốc tế  Lượt 450.000 520.000    Sở Văn hóa,
                          khách                   Thể thao và Du
                                                  lịch
 3    Số làng nghề        Làng    35       38     Sở Công Thương
                          nghề
 4    Số hợp tác xã       HTX     61       70     Sở Tài chính
"""


def test_a_figure_column_as_narrow_as_a_number_column_takes_its_figure() -> None:
    records = {r.key: r for r in convert_text(NARROW_FIGURE_COLUMNS, "layout").records}
    assert (records["2"].baseline.raw, records["2"].target.raw, records["2"].target.unit
            ) == ("450.000", "520.000", "lượt khách")
    assert (records["3"].baseline.raw, records["3"].target.raw) == ("35", "38")


# two labels crowded on one header line ("Sản phẩm Thời hạn") over a body whose lines crowd
# alike ("Báo cáo Năm 2026"): one column of the body, two of the table
TWO_LABELS_ON_ONE_LINE = """\
                                           Cơ quan chủ Cơ quan phối
 TT              Nhiệm vụ                                             Sản phẩm Thời hạn
                                                trì          hợp
      Thành lập quỹ đầu tư mạo hiểm    Bộ Khoa học Bộ Công             Quỹ được   Quý
  1
      cho doanh nghiệp khởi nghiệp         và Công nghệ Thương           lập    IV/2026
      Sửa đổi quy định về miễn thuế thu    Bộ Tài chính Bộ Khoa học Nghị định    Tháng
  2   nhập cho nhà đầu tư thiên thần                    và Công nghệ             9/2026
      mới
      Kết nối viện nghiên cứu với các    Bộ Khoa học Các địa           Mạng       Quý
  3
      hợp tác xã                           và Công nghệ phương           lưới   III/2026
      Công bố danh mục công nghệ cần       Bộ Tài chính Các bộ, ngành Đề xuất    Tháng
  4
      chuyển giao                                                               12/2026
      Khảo sát nhu cầu đổi mới công        Bộ Giáo dục Bộ Khoa học    Báo cáo  Năm 2026
  5
      nghệ làng nghề                       và Đào tạo   và Công nghệ
"""


def test_two_labels_crowded_on_one_line_over_a_crowded_body() -> None:
    document = convert_text(TWO_LABELS_ON_ONE_LINE, "layout")
    assert [c.role for c in document.columns] == [
        "number", "name", "lead", "support", "note", "deadline"]
    assert [(r.key, r.note, r.deadline.raw) for r in document.records] == [
        ("1", "Quỹ được lập", "Quý IV/2026"), ("2", "Nghị định", "Tháng 9/2026"),
        ("3", "Mạng lưới", "Quý III/2026"), ("4", "Đề xuất", "Tháng 12/2026"),
        ("5", "Báo cáo", "Năm 2026")]


# "Phân công" over "Chủ trì theo dõi" and "Phối hợp", centred over the first and ending two
# characters short of the second: the group's, no column's end; the body crowds all three
# last columns one space apart ("6.000 MW Bộ Công Thương Bộ Quốc phòng")
GROUP_OVER_A_CROWDED_BODY = """\
                                                 Mục tiêu                Phân công
TT                    Chỉ tiêu
                                                 năm 2026     Chủ trì theo dõi      Phối hợp
     Công suất điện gió ngoài khơi mới           6.000 MW Bộ Công Thương Bộ Quốc phòng
1
     Tỷ lệ hộ dùng thiết bị tiết kiệm điện         ≥ 60%      Bộ Công Thương Bộ Khoa học và
2
                                                                             Công nghệ
3    Số xe buýt điện vận hành                    1.200 xe       Bộ Xây dựng      Các địa phương
"""


def test_a_group_label_over_a_crowded_body_parts_no_columns() -> None:
    document = convert_text(GROUP_OVER_A_CROWDED_BODY, "layout")
    assert [c.role for c in document.columns] == [
        "number", "name", "target", "monitor", "support"]
    records = {r.key: r for r in document.records}
    assert _agencies(records["1"]) == [("monitor", "Bộ Công Thương"),
                                       ("support", "Bộ Quốc phòng")]
    assert _agencies(records["2"]) == [("monitor", "Bộ Công Thương"),
                                       ("support", "Bộ Khoa học và Công nghệ")]
    assert _agencies(records["3"]) == [("monitor", "Bộ Xây dựng"),
                                       ("support", "Các địa phương")]
    assert records["1"].target.raw == "6.000 MW"


def test_a_page_showing_fewer_columns_than_the_header_names() -> None:
    """A table over two pages whose second page, long enough to show its own gutters,
    fills only the first four of the header's six columns: its rows read (the lead's and
    support's roles are past its last column; this raised IndexError)."""
    first = ["STT   Chỉ tiêu                    ĐVT    KH 2026  Cơ quan chủ trì   Cơ quan phối hợp"]
    first += [f" {i}    Số hộ được hỗ trợ đợt {i}     Hộ       {100 + i}    Sở Xây dựng"
              "       UBND các xã" for i in range(1, 5)]
    second = [f" {i:<4} Số cầu dân sinh đợt {i:<8} Cái      {10 + i}" for i in range(5, 21)]
    records = convert_text("\n".join(first) + "\n\f" + "\n".join(second) + "\n",
                           "layout").records
    assert [r.key for r in records] == [str(i) for i in range(1, 21)]
    assert (records[4].name, records[4].target.raw) == ("Số cầu dân sinh đợt 5", "15")
    assert _agencies(records[0]) == [("lead", "Sở Xây dựng"), ("support", "UBND các xã")]


def test_a_title_centred_over_narrow_figure_columns_keeps_its_last_word() -> None:
    """Group titles centred over narrow figure columns ("Hạ tầng số" over the years): the
    title's last word is no figure of the row under it ("16 số")."""
    text = (FIXTURES / "layout_detect" / "titles_over_narrow_figures.pdftotext-layout.txt"
            ).read_text(encoding="utf-8")
    records = {r.key: r for r in convert_text(text, "layout").records}
    assert records["B/1/1.1@2026"].target.raw == "16"
    assert records["B/1/1.1@2026"].section[-1].title == "Hạ tầng số"
    assert records["B/2/2.1@2027"].target.raw == "90"


# a deadline merged over three tasks, printed once in the middle one (a task of one line
# between two of three), in a short table: one other task names its deadline
DEADLINE_OVER_THREE_TASKS = """\
STT                Nhiệm vụ                 Cơ quan chủ trì  Cơ quan phối hợp   Thời hạn  Sản phẩm
      Lập kế hoạch phát triển đội tàu khai                   Sở Tài chính                 Kế hoạch
 1    thác xa bờ gắn với chuỗi giá trị
      thủy sản, dịch vụ hậu cần nghề cá     Sở Nông nghiệp
                                            và Môi trường
      Cấp phép khai thác thủy sản trực                       Sở Khoa học và       Quý     Hệ thống
 2
      tuyến                                                  Công nghệ          IV/2026
      Tuần tra, kiểm soát khai thác         Sở Nông nghiệp   Biên phòng tỉnh              Biên bản
 3    thủy sản bất hợp pháp, không          và Môi trường
      báo cáo và không theo quy định
 4    Nâng cấp cảng cá Lạch Hới             Sở Xây dựng      Sở Tài chính       Hằng năm  Dự án
"""


def test_a_deadline_merged_over_three_tasks_reaches_each() -> None:
    records = convert_text(DEADLINE_OVER_THREE_TASKS, "layout").records
    assert [(r.key, r.deadline.raw) for r in records] == [
        ("1", "Quý IV/2026"), ("2", "Quý IV/2026"), ("3", "Quý IV/2026"), ("4", "Hằng năm")]
