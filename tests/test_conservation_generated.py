"""No printed cell vanishes, over small generated tables written as each reader's format:
tab-separated text, Markdown, HTML, CSV, DOCX and XLSX (cells as a data office types them:
numbers and dates as real cell values, several agencies on lines of one cell, "1,5" as
text, supports added on a row of their own). Every numbered row becomes a record, every
cell of it (and of a row adding to it) stands in that record (see
tests/conservation.py), every section title in the records' sections.

Deterministic: Hypothesis derandomized, a fixed number of examples per format.
"""

from __future__ import annotations

import datetime as dt
import html
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conservation import found, record_haystack, words
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import chitieu
from chitieu.emit.json_out import document_to_dict

EXAMPLES = settings(max_examples=15, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow])

NAMES = [
    "Tỷ lệ hộ gia đình sử dụng nước sạch",
    "Tỷ lệ hồ sơ thủ tục hành chính giải quyết trực tuyến",
    "Số trường học đạt chuẩn quốc gia",
    "Tỷ lệ người dân có tài khoản định danh điện tử",
    "Xây dựng kế hoạch chuyển đổi số của xã",
    "Tổ chức tập huấn kỹ năng số cho cán bộ, công chức",
    "Tỷ lệ lao động qua đào tạo",
    "Số hộ kinh doanh sử dụng thanh toán không dùng tiền mặt",
    "Rà soát, cập nhật cơ sở dữ liệu đất đai",
    "Tỷ lệ dân số tham gia bảo hiểm y tế",
]
SECTIONS = ["CHỈ TIÊU KINH TẾ", "Chỉ tiêu văn hóa - xã hội", "PHÁT TRIỂN CHÍNH QUYỀN SỐ",
            "Môi trường"]
AGENCIES = ["Phòng Kinh tế", "Phòng Văn hóa - Xã hội", "Văn phòng HĐND và UBND",
            "Công an xã", "Trạm Y tế xã", "Trung tâm Phục vụ hành chính công",
            "Hội Liên hiệp Phụ nữ", "Đoàn Thanh niên"]
NOTES = ["Báo cáo", "Kế hoạch", "Số liệu ước thực hiện", "Chỉ tiêu giao mới"]
UNITS = ["%", "hộ", "trường", "người", "lần"]


@dataclass(frozen=True)
class Value:
    """A cell: the text it prints, and what a spreadsheet holds (a number, a date)."""

    text: str
    stored: object = None

    def cell(self) -> object:
        return self.text if self.stored is None else self.stored


TARGETS = [Value("≥ 90%"), Value("100%"), Value("5"), Value("Đáp ứng"), Value("1.000"),
           Value("Tối thiểu 80%"), Value("70 - 80%"), Value("≤ 2%"), Value("1,5"),
           Value("Hoàn thành"), Value("Trên 95%"),
           Value("90", 90), Value("1,5", 1.5), Value("12,75", 12.75)]
DEADLINES = [Value("Năm 2026"), Value("Quý II/2026"), Value("30/6/2026"), Value("Thường xuyên"),
             Value("Tháng 11/2026"), Value("Hằng quý"), Value("2026 - 2030"),
             Value("Trước ngày 15/12/2026"), Value("2026", 2026),
             Value("Theo kế hoạch"), Value("Khi có yêu cầu"),  # null, the words in a warning
             Value("30/6/2026", dt.datetime(2026, 6, 30)),
             Value("11/2026", dt.datetime(2026, 11, 1))]  # a month typed in a sheet


@dataclass
class Row:
    number: str
    name: str
    unit: str
    target: Value
    lead: str
    support: list[str]
    deadline: Value
    note: str
    more: list[str] = field(default_factory=list)  # supports added on a row of their own


@dataclass
class Table:
    """Optional columns (unit, support, note) and rows under optional section titles."""

    unit: bool
    support: bool
    note: bool
    groups: list[tuple[str | None, list[Row]]] = field(default_factory=list)

    def header(self) -> list[str]:
        return [label for label, kept in (
            ("STT", True), ("Nội dung", True), ("Đơn vị tính", self.unit), ("Chỉ tiêu", True),
            ("Cơ quan chủ trì", True), ("Cơ quan phối hợp", self.support),
            ("Thời gian hoàn thành", True), ("Ghi chú", self.note)) if kept]

    def cells(self, row: Row, *, joiner: str = "; ") -> list[Value]:
        out = [Value(row.number), Value(row.name)]
        out += [Value(row.unit)] if self.unit else []
        out += [row.target, Value(row.lead)]
        out += [Value(joiner.join(row.support))] if self.support else []
        out += [row.deadline]
        out += [Value(row.note)] if self.note else []
        return out

    def lines(self, *, joiner: str = "; ") -> list[tuple[str | None, list[Value]]]:
        """(section number, None) title lines and (None, cells) rows, in order."""
        out: list[tuple[str | None, list[Value]]] = []
        for number, (title, rows) in enumerate(self.groups):
            if title is not None:
                roman = ["I", "II", "III", "IV"][number]
                width = len(self.header())
                out.append((roman, [Value(roman), Value(title)] + [Value("")] * (width - 2)))
            for row in rows:
                out.append((None, self.cells(row, joiner=joiner)))
                if row.more and self.support:  # a row adding supports, nothing else
                    added = [Value("")] * len(self.header())
                    added[self.header().index("Cơ quan phối hợp")] = Value(joiner.join(row.more))
                    out.append((None, added))
        return out


@st.composite
def tables(draw: st.DrawFn) -> Table:
    table = Table(unit=draw(st.booleans()), support=draw(st.booleans()),
                  note=draw(st.booleans()))
    titled = draw(st.booleans())
    count = 0
    for title in draw(st.lists(st.sampled_from(SECTIONS), min_size=1, max_size=3,
                               unique=True)):
        rows = []
        for _ in range(draw(st.integers(1, 3))):
            count += 1
            target = draw(st.sampled_from(TARGETS))
            # any unit: one the "%" printed with the target overrides stands in the
            # warning unit_column_differs
            unit = draw(st.sampled_from(UNITS))
            rows.append(Row(
                number=str(count), name=draw(st.sampled_from(NAMES)), unit=unit,
                target=target,
                lead=draw(st.sampled_from(AGENCIES)),
                support=draw(st.lists(st.sampled_from(AGENCIES), min_size=1, max_size=3,
                                      unique=True)),
                deadline=draw(st.sampled_from(DEADLINES)),
                note=draw(st.sampled_from(NOTES)),
                more=draw(st.lists(st.sampled_from(AGENCIES), max_size=2, unique=True))))
        table.groups.append((title if titled else None, rows))
    return table


TITLE = ["PHỤ LỤC", "DANH MỤC CHỈ TIÊU NĂM 2026",
         "(Kèm theo Kế hoạch số 12/KH-UBND ngày 10/3/2026 của UBND xã Tam Đảo)"]


def _text(table: Table, folder: Path) -> Path:
    lines = [*TITLE, "", "\t".join(table.header())]
    lines += ["\t".join(v.text for v in cells) for _, cells in table.lines()]
    path = folder / "table.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _markdown(table: Table, folder: Path) -> Path:
    def line(texts: list[str]) -> str:
        return "| " + " | ".join(t.replace("|", "\\|") for t in texts) + " |"

    lines = [*TITLE, "", line(table.header()), line(["---"] * len(table.header()))]
    lines += [line([v.text for v in cells]) for _, cells in table.lines()]
    path = folder / "table.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _html(table: Table, folder: Path) -> Path:
    def row(texts: list[str], tag: str = "td") -> str:
        return "<tr>" + "".join(f"<{tag}>{html.escape(t).replace(chr(10), '<br>')}</{tag}>"
                                for t in texts) + "</tr>"

    body = [row(table.header(), "th")]
    body += [row([v.text for v in cells]) for _, cells in table.lines(joiner="\n")]
    title = "".join(f"<p>{html.escape(t)}</p>" for t in TITLE)
    path = folder / "table.html"
    path.write_text(f"<html><body>{title}<table>{''.join(body)}</table></body></html>",
                    encoding="utf-8")
    return path


def _csv(table: Table, folder: Path) -> Path:
    import csv

    path = folder / "table.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerows([[t] for t in TITLE[:2]])
        writer.writerow(table.header())
        writer.writerows([v.text for v in cells] for _, cells in table.lines(joiner="\n"))
    return path


def _docx(table: Table, folder: Path) -> Path:
    import docx

    document = docx.Document()
    for text in TITLE:
        document.add_paragraph(text)
    lines = table.lines(joiner="\n")
    grid = document.add_table(rows=1 + len(lines), cols=len(table.header()))
    for cell, text in zip(grid.rows[0].cells, table.header(), strict=True):
        cell.text = text
    for row, (_, cells) in zip(grid.rows[1:], lines, strict=True):
        for cell, value in zip(row.cells, cells, strict=True):
            cell.text = value.text
    path = folder / "table.docx"
    document.save(path)
    return path


def _xlsx(table: Table, folder: Path) -> Path:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["\n".join(TITLE)])  # a title block in one cell, on lines
    sheet.append(table.header())
    for _, cells in table.lines(joiner="\n"):
        sheet.append([value.cell() for value in cells])
        for cell, value in zip(sheet[sheet.max_row], cells, strict=True):
            if isinstance(value.stored, dt.datetime):
                cell.number_format = "d/m/yyyy" if value.text.count("/") == 2 else "mm/yyyy"
    path = folder / "table.xlsx"
    workbook.save(path)
    return path


WRITERS = {"text": _text, "markdown": _markdown, "html": _html, "csv": _csv,
           "docx": _docx, "xlsx": _xlsx}


def lost_values(table: Table, path: Path) -> list[str]:
    doc = document_to_dict(chitieu.convert(path))
    by_number: dict[str, list[dict]] = {}
    for record in doc["records"]:
        by_number.setdefault(record["number"], []).append(record)
    sections = " " + " ¦ ".join(words(s["title"] or "") for r in doc["records"]
                                for s in r["section"]) + " "
    lost = []
    number = ""
    for section, cells in table.lines():
        if section is not None:
            if not found(cells[1].text, sections):
                lost.append(f"section {section}: {cells[1].text!r}")
            continue
        number = cells[0].text or number  # a row adding supports belongs to the one above
        made = by_number.get(number)
        if not made:
            lost.append(f"row {number}: no record")
            continue
        haystack = record_haystack(made)
        lost += [f"row {number}: {value.text!r}" for value in cells[1:]
                 if value.text and not found(value.text, haystack)]
    return lost


@pytest.mark.parametrize("form", sorted(WRITERS))
@EXAMPLES
@given(table=tables())
def test_every_generated_cell_stands_in_its_record(form: str, table: Table) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = WRITERS[form](table, Path(folder))
        lost = lost_values(table, path)
    assert not lost, "\n".join(lost)


# ---------------------------------------------------------------- targets in a plan's prose

PROSE_HEAD = ["ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
              "XÃ TAM ĐẢO\tĐộc lập - Tự do - Hạnh phúc",
              "Số: 12/KH-UBND\tTam Đảo, ngày 10 tháng 3 năm 2026", "", "KẾ HOẠCH",
              "Chuyển đổi số năm 2026", "", "I. MỤC TIÊU", "1. Mục tiêu chung",
              "- Đẩy mạnh chuyển đổi số toàn diện trên địa bàn xã.", "2. Chỉ tiêu cụ thể"]
PROSE_FOOT = ["III. TỔ CHỨC THỰC HIỆN", "1. Văn phòng HĐND và UBND xã theo dõi, tổng hợp.",
              "Nơi nhận:\tTM. ỦY BAN NHÂN DÂN"]
LEADS = ["đạt", "đạt tối thiểu", "đạt trên", ""]


@st.composite
def prose_plans(draw) -> list[tuple[str | None, list[tuple[str, str]]]]:
    """Sections (a title, or none) of bullets (a name, the target printed after it)."""
    groups = []
    for title in draw(st.lists(st.sampled_from(SECTIONS), min_size=1, max_size=3, unique=True)):
        bullets = []
        for name in draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=3, unique=True)):
            target = draw(st.sampled_from(["80%", "100%", "90%", "1.000 hộ", "5 trường",
                                           "95%", "70%"]))
            bullets.append((name, f"{draw(st.sampled_from(LEADS))} {target}".strip()))
        groups.append((title if draw(st.booleans()) else None, bullets))
    return groups


@EXAMPLES
@given(plan=prose_plans())
def test_every_generated_target_in_prose_stands_in_its_record(plan) -> None:
    lines = list(PROSE_HEAD)
    letters = iter("abcdefgh")
    for title, bullets in plan:
        if title is not None:
            lines.append(f"{next(letters)}) {title}")
        lines += [f"- {name} {target};" for name, target in bullets]
    lines += PROSE_FOOT
    doc = document_to_dict(chitieu.convert_text("\n".join(lines) + "\n", "text"))
    bullets = [(title, name, target) for title, group in plan for name, target in group]
    assert len(doc["records"]) == len(bullets), [r["name"] for r in doc["records"]]
    lost = []
    for record, (title, name, target) in zip(doc["records"], bullets, strict=True):
        haystack = record_haystack([record])
        lost += [f"{name!r}: {text!r}" for text in (name, target) if not found(text, haystack)]
        sections = " " + " ¦ ".join(words(s["title"] or "") for s in record["section"]) + " "
        if title is not None and not found(title, sections):
            lost.append(f"{name!r}: section {title!r}")
    assert not lost, "\n".join(lost)
