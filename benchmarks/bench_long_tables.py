"""Seconds of CPU to convert one long table, by its number of rows: linear in its size.

Generates one appendix table of N rows in each form asked for and converts it in a fresh
process (after a warm-up conversion of the 10-row table of the same form, so imports and
data loading are not counted), printing the CPU seconds of `chitieu.convert` per size:
- `layout`: as `pdftotext -layout` prints a table, one line per row (number, task, lead,
  support, deadline in columns, some cells empty);
- `layoutgroups`: the same rows' cells wrapped over three lines, centred on the rows'
  numbers, a group row over every third row (review r2 R5);
- `layoutcrowd`: a six-row table whose first row prints N words one space apart on one
  line (N given as the rows; review r2 R6);
- `raw`: as `pdftotext` without -layout prints a LibreOffice table, column after column,
  each cell of two words or more wrapped over two lines, empty cells not printed;
- `rawrows`: as `pdftotext -raw` prints it, row after row, the cells printed level joined
  on one line, a name wrapped over two lines and its number on a line of its own;
- `md`: the same table as a Markdown pipe table;
- `join`: the raw cells reader's joining of one agency column's N lines (every 5th with a
  number, none repeating) down to 5 cells (`cells._joined_to`), alone, in the process;
- not by default: `text` (tab-separated), `html`, `portal` (a portal page's text), `docx`,
  `xlsx`: the same table in the other readers' forms.
Issue 15 / 11: a 2,000-row table in well under a minute in every form; the time of 2N rows
about twice that of N.

    .venv/bin/python benchmarks/bench_long_tables.py [--rows 100 250 500 1000 2000]
        [--form layout raw rawrows md join text html portal docx xlsx] [--timeout 900]
        [--tree /tmp/base] [--keep DIR]

`--tree` converts with another source tree (e.g. `git archive main | tar -x -C /tmp/base`);
`--keep DIR` writes the generated inputs there (to convert them with `chitieu convert`).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LEADS = ["Công an xã", "Phòng Kinh tế", "Phòng Văn hóa - Xã hội", "Hội Nông dân xã",
         "Văn phòng HĐND và UBND"]
QUARTERS = ["II", "III", "I", "II", "IV", "I", "III", "IV"]
HEADER = ("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành")
WIDTHS = (6, 42, 25, 20)

_MEASURE = """
import json, sys, time
import chitieu
chitieu.convert(sys.argv[2])
start = time.process_time()
doc = chitieu.convert(sys.argv[1])
print(json.dumps({"seconds": time.process_time() - start, "records": len(doc.records)}))
"""
_MEASURE_JOIN = """
import json, sys, time
from chitieu.extract.cells import _joined_to
texts = open(sys.argv[1], encoding="utf-8").read().splitlines()
_joined_to(texts[:50], 5, "lead")
start = time.process_time()
cells = _joined_to(texts, 5, "lead")
print(json.dumps({"seconds": time.process_time() - start, "records": len(cells)}))
"""


def _row(n: int) -> tuple[str, str, str, str, str]:
    """Row n's cells: every 7th row without a lead, every other one without a support,
    every 3rd without a deadline."""
    lead = "" if n % 7 == 0 else LEADS[(n - 1) % len(LEADS)]
    quarter = QUARTERS[(n - 1 - (n - 1) // 3) % len(QUARTERS)]
    return (str(n), f"Nhiệm vụ số {n} về chuyển đổi số", lead, "Các thôn" if n % 2 else "",
            "" if n % 3 == 0 else f"Quý {quarter}/2026")


def layout_text(rows: int) -> str:
    """A one-page-per-table `pdftotext -layout` print: every row on one line."""
    def line(cells: tuple[str, ...]) -> str:
        return " " + "".join(c.ljust(w) for c, w in zip(cells, WIDTHS, strict=False)) + cells[-1]
    body = [line(_row(n)) for n in range(1, rows + 1)]
    return "\n".join(["PHỤ LỤC", "NHIỆM VỤ NĂM 2026", line(HEADER), *body]) + "\n"


def layout_groups_text(rows: int) -> str:
    """`pdftotext -layout` of a task list whose cells wrap, printed centred on their rows'
    numbers, a group row ("I" / "II" in turn) over every third row: each task over three
    lines, its number, lead and deadline on the middle one, its support over two."""
    def line(cells: tuple[str, ...]) -> str:
        return " " + "".join(c.ljust(w) for c, w in zip(cells, WIDTHS, strict=False)) + cells[-1]
    body = []
    for n in range(1, rows + 1):
        if n % 3 == 1:
            body.append(line(("I" if n % 2 else "II", f"NHÓM NHIỆM VỤ {n // 3 + 1}", "", "",
                              "")))
        number, task, lead, _, deadline = _row(n)
        body += [line(("", task, "", "Phòng Văn hóa -", "")),
                 line((number, "trên địa bàn và cải cách hành", lead or "Công an xã", "Xã hội",
                       deadline)),
                 line(("", "chính năm 2026", "", "", ""))]
    return "\n".join(["PHỤ LỤC", "NHIỆM VỤ NĂM 2026", line(HEADER), *body]) + "\n"


def layout_crowded_text(words: int) -> str:
    """`pdftotext -layout` of a six-row task list whose first row prints `words` agencies'
    words one space apart after its task on one line (a merged cell run together)."""
    names = " ".join(LEADS).split()
    crowd = " ".join(names[k % len(names)] for k in range(words))
    lines = layout_text(6).splitlines()
    lines[3] = f"{lines[3][:WIDTHS[0] + 1]}{_row(1)[1]} {crowd}"
    return "\n".join(lines) + "\n"


def raw_text(rows: int) -> str:
    """`pdftotext -raw` of a LibreOffice table: the numbers, then each column's label and
    its cells (empty ones not printed), a cell wrapped over two lines."""
    cells = [_row(n) for n in range(1, rows + 1)]
    blocks = [["STT", *(c[0] for c in cells)]]
    for col, label in enumerate(HEADER[1:], start=1):
        lines = [label]
        for row in cells:
            text = row[col]
            if not text:
                continue
            words = text.split(" ")
            half = (len(words) + 1) // 2
            lines += [" ".join(words[:half])] + ([" ".join(words[half:])] if words[half:] else [])
        blocks.append(lines)
    head = ["PHỤ LỤC", "NHIỆM VỤ NĂM 2026"]
    return "\n".join(head) + "\n" + "\n\n".join("\n".join(b) for b in blocks) + "\n"


def raw_rows_text(rows: int) -> str:
    """`pdftotext -raw` of a PDF's table: the header's labels printed level on one line,
    then each row's number alone, its name over two lines, the rest of its cells level."""
    lines = ["PHỤ LỤC", "NHIỆM VỤ NĂM 2026", " ".join(HEADER)]
    for n in range(1, rows + 1):
        cells = _row(n)
        words = cells[1].split(" ")
        lines += [cells[0], " ".join(words[:4]), " ".join(words[4:])]
        rest = " ".join(c for c in cells[2:] if c)
        if rest:
            lines.append(rest)
    return "\n".join(lines) + "\n"


def markdown_text(rows: int) -> str:
    lines = ["# Phụ lục", "", "| " + " | ".join(HEADER) + " |", "|---" * len(HEADER) + "|"]
    lines += ["| " + " | ".join(_row(n)) + " |" for n in range(1, rows + 1)]
    return "\n".join(lines) + "\n"


def agency_lines(lines: int) -> str:
    """An agency column's lines as `pdftotext` prints them, for `join`."""
    texts = [*LEADS, "và các thôn", "tổ dân phố"]
    return "\n".join(texts[k % len(texts)] + ("" if k % 5 else f" {k}")
                     for k in range(lines)) + "\n"


def tab_text(rows: int) -> str:
    """The table as tab-separated text (the text reader's form)."""
    lines = ["PHỤ LỤC", "NHIỆM VỤ NĂM 2026", "\t".join(HEADER)]
    return "\n".join([*lines, *("\t".join(_row(n)) for n in range(1, rows + 1))]) + "\n"


def html_text(rows: int) -> str:
    """The table as a portal's HTML page."""
    def tr(cells: tuple[str, ...]) -> str:
        return "<tr>" + "".join(f"<td><p>{c}</p></td>" for c in cells) + "</tr>"
    body = "\n".join([tr(HEADER), *(tr(_row(n)) for n in range(1, rows + 1))])
    return ("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"></head><body>"
            f"<p><b>PHỤ LỤC</b></p><p><b>NHIỆM VỤ NĂM 2026</b></p><table border=\"1\">\n{body}"
            "\n</table></body></html>\n")


def portal_text(rows: int) -> str:
    """The table as a portal page's text copies it: a cell a line after a "|" line."""
    def row(cells: tuple[str, ...]) -> list[str]:
        return [line for cell in cells for line in ("|", cell)] + ["|"]
    lines = ["**PHỤ LỤC**", "", "**NHIỆM VỤ NĂM 2026**", ""]
    lines += row(tuple(f"**{c}**" for c in HEADER))
    for n in range(1, rows + 1):
        lines += row(_row(n))
    return "\n".join(lines) + "\n"


def docx_bytes(rows: int) -> bytes:
    """The table in a DOCX (python-docx)."""
    import io

    import docx

    document = docx.Document()
    document.add_paragraph("PHỤ LỤC")
    document.add_paragraph("NHIỆM VỤ NĂM 2026")
    table = document.add_table(rows=rows + 1, cols=len(HEADER))
    # (row by row: `table.cell(r, c)` lays out the whole grid each time)
    for row, cells in zip(table.rows, [HEADER, *(_row(n) for n in range(1, rows + 1))],
                          strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def xlsx_bytes(rows: int) -> bytes:
    """The table in a worksheet (openpyxl)."""
    import io

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["PHỤ LỤC"])
    sheet.append(["NHIỆM VỤ NĂM 2026"])
    for cells in [HEADER, *(_row(n) for n in range(1, rows + 1))]:
        sheet.append(list(cells))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


FORMS = {"layout": (layout_text, "txt"), "layoutgroups": (layout_groups_text, "txt"),
         "layoutcrowd": (layout_crowded_text, "txt"), "raw": (raw_text, "txt"),
         "rawrows": (raw_rows_text, "txt"), "md": (markdown_text, "md"),
         "join": (agency_lines, "txt"), "text": (tab_text, "txt"), "html": (html_text, "html"),
         "portal": (portal_text, "portal.md"), "docx": (docx_bytes, "docx"),
         "xlsx": (xlsx_bytes, "xlsx")}
DEFAULT_FORMS = ["layout", "raw", "rawrows", "md", "join"]


def write(path: Path, form: str, rows: int) -> None:
    made = FORMS[form][0](rows)
    if isinstance(made, bytes):
        path.write_bytes(made)
    else:
        path.write_text(made, encoding="utf-8")


def measure(path: Path, warm: Path, tree: Path, timeout: float, form: str = "layout"
            ) -> dict | None:
    env = {**os.environ, "PYTHONPATH": str(tree), "CHITIEU_CACHE_DIR": ""}
    script = _MEASURE_JOIN if form == "join" else _MEASURE
    try:
        out = subprocess.run([sys.executable, "-c", script, str(path), str(warm)],
                             check=True, capture_output=True, text=True, env=env, cwd=tree,
                             timeout=timeout).stdout
    except subprocess.TimeoutExpired:
        return None
    return json.loads(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[100, 250, 500, 1000, 2000])
    parser.add_argument("--form", nargs="+", choices=tuple(FORMS), default=DEFAULT_FORMS)
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds per conversion")
    parser.add_argument("--tree", type=Path, default=ROOT)
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        print("| form | rows (join: lines) | CPU s | records (join: cells) |\n|---|---|---|---|",
              flush=True)
        for form in args.form:
            suffix = FORMS[form][1]
            warm = folder / f"{form}_10.{suffix}"
            write(warm, form, 10)
            for rows in args.rows:
                path = folder / f"{form}_{rows}.{suffix}"
                write(path, form, rows)
                result = measure(path, warm, args.tree, args.timeout, form)
                shown = (f"{result['seconds']:.2f} | {result['records']}" if result
                         else f"> {args.timeout:g} (stopped) | –")
                print(f"| {form} | {rows} | {shown} |", flush=True)


if __name__ == "__main__":
    main()
