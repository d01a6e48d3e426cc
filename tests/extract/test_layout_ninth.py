"""The pdftotext -layout reader on the shapes of heldout7's misses (issue 11, ninth round),
in our own typed text: labels crowded on both header lines where a year runs across the
next label's start and the last label's last line past the run's end, beside a narrow
unit column the body crowds into; figure columns as narrow as a numbering column."""

from chitieu import convert_text


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
