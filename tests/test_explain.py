"""`chitieu rows FILE --explain`: under each row as read, what assembly and interpretation
made of it and why."""

from __future__ import annotations

from pathlib import Path

from chitieu.cli import main

HEADER = "TT\tNội dung\tĐơn vị tính\tChỉ tiêu\tCơ quan chủ trì\tThời gian hoàn thành"
TEXT = "\n".join([
    "PHỤ LỤC I",
    "(Kèm theo Kế hoạch số 12/KH-UBND ngày 02/3/2026 của UBND xã Vũ Dương)",
    HEADER,
    "(1)\t(2)\t(3)\t(4)\t(5)\t(6)",
    # a section title and the first row on one line: a line break lost
    "I\tPHÁT TRIỂN HẠ TẦNG 1\tTỷ lệ hộ gia đình có cáp quang\t%\t80\tPhòng Kinh tế\tNăm 2026",
    "2\tTỷ lệ thôn có điểm phát wifi công cộng\t%\t60\tPhòng Kinh tế\t",
    HEADER,  # the next page
    "\t\t\t\t\tNăm 2027",
    "3\tSố hộ kinh doanh dùng hóa đơn điện tử\thộ\t120\tPhòng Kinh tế\tQuý IV/2026",
    "KT. CHỦ TỊCH",
]) + "\n"


def _explained(tmp_path: Path, capsys) -> dict[str, list[str]]:
    """The decisions printed under each row, by the row's first line number."""
    path = tmp_path / "plan.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert main(["rows", str(path), "--explain"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"# {path}: format=text")
    by_line: dict[str, list[str]] = {}
    where = ""
    for line in out[1:]:
        if "→" in line:
            by_line[where].append(line.split("→", 1)[1].strip())
        else:
            where = line.split("|", 1)[0].split()[-1] if "L" in line.split("|", 1)[0] else ""
            by_line.setdefault(where, [])
    return by_line


def test_each_row_says_what_it_became_and_why(tmp_path: Path, capsys) -> None:
    got = _explained(tmp_path, capsys)
    assert got["L1"] == got["L2"] == ["preamble: above the table: the plan's fields"]
    assert got["L3"][0].startswith("header: table 1: TT=number, Nội dung=name, Đơn vị tính=unit")
    assert got["L4"] == ["dropped: the columns' numbering, (1) (2) (3) …"]
    assert got["L5"][0].startswith("split: two rows on one line")
    assert got["L6"] == ["record: I/2"]
    assert got["L7"] == ["dropped: the header repeated (a page break)"]
    assert got["L8"] == ["joined: to the row above, across a page break"]
    assert got["L9"] == ["record: I/3"]
    assert got["L10"][0].startswith("after: below the table's end")


def test_a_split_line_shows_its_two_rows(tmp_path: Path, capsys) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(TEXT, encoding="utf-8")
    main(["rows", str(path), "--explain"])
    out = capsys.readouterr().out.splitlines()
    at = next(i for i, line in enumerate(out) if "PHÁT TRIỂN HẠ TẦNG 1" in line)
    parts = [line.strip() for line in out[at + 2:at + 8]]
    assert parts[0].endswith("| I | PHÁT TRIỂN HẠ TẦNG")
    assert parts[1] == "→ section: I PHÁT TRIỂN HẠ TẦNG"
    assert any(p.endswith("| 1 | Tỷ lệ hộ gia đình có cáp quang | % | 80 | Phòng Kinh tế | "
                          "Năm 2026") for p in parts)
    assert "→ record: I/1" in parts


def test_without_explain_rows_are_printed_as_read(tmp_path: Path, capsys) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert main(["rows", str(path)]) == 0
    out = capsys.readouterr().out
    assert "→" not in out and out.count("\n") == 11


def test_a_file_without_a_table_is_an_error_line(tmp_path: Path, capsys) -> None:
    path = tmp_path / "letter.txt"
    path.write_text("Kính gửi các phòng ban\nĐề nghị báo cáo trước ngày 05/3.\n", "utf-8")
    assert main(["rows", str(path), "--explain"]) == 1
    assert "no table header" in capsys.readouterr().err


def test_a_header_glued_to_the_first_row_is_shown_as_two_rows(tmp_path: Path, capsys) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("PHỤ LỤC I\n" + HEADER + " 1\tTỷ lệ hộ gia đình có cáp quang\t%\t80\t"
                    "Phòng Kinh tế\tNăm 2026\n", encoding="utf-8")
    assert main(["rows", str(path), "--explain"]) == 0
    out = [line.strip() for line in capsys.readouterr().out.splitlines()]
    header = out.index("p1 L2    | " + HEADER.replace("\t", " | "))
    assert out[header + 1].startswith("→ header: table 1")
    assert out[header + 2].startswith("→ split: the header and the first row were one line")
    assert out[header + 3].endswith("| 1 | Tỷ lệ hộ gia đình có cáp quang | % | 80 | "
                                    "Phòng Kinh tế | Năm 2026")
    assert out[header + 4] == "→ record: 1"
