"""Bad input through the CLI: a clear one-line error or a warning, never a traceback, never a
silently dropped numbered row."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HEADER = "TT\tNội dung\tChỉ tiêu\tCơ quan chủ trì\tThời hạn"


def _convert(path: Path, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "chitieu", "convert", str(path), "-o", str(out)],
                          capture_output=True, text=True, cwd=ROOT, check=False)


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "content", "message"), [
    ("empty.txt", "", "empty"),
    ("blank.txt", "\n \n\t\n", "empty"),
    ("junk.bin", os.urandom(4096), "not a text document"),
    ("junk.txt", bytes(range(256)) * 8, "not a text document"),
    ("prose.txt", "ỦY BAN NHÂN DÂN XÃ A\nKế hoạch này không có bảng nào.\n", "no table"),
    ("page.html", "<html><body><p>Không có bảng</p></body></html>", "no table"),
    ("notes.md", "# Ghi chú\n\nChỉ có một đoạn văn.\n", "no table"),
])
def test_unreadable_input_is_one_clear_line(tmp_path: Path, name: str, content: str | bytes,
                                            message: str) -> None:
    path = _write(tmp_path, name, content)
    result = _convert(path, tmp_path / "out")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"chitieu: {path}: ") and message in lines[0]
    assert not (tmp_path / "out" / f"{path.stem}.json").exists()


def _document(tmp_path: Path, text: str) -> dict:
    path = _write(tmp_path, "odd.txt", text)
    result = _convert(path, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    return json.loads((tmp_path / "out" / "odd.json").read_text("utf-8"))


def test_an_unknown_column_is_a_document_warning(tmp_path: Path) -> None:
    doc = _document(tmp_path, f"{HEADER}\tMã định danh\n"
                              "1\tTỷ lệ A\t100%\tPhòng Kinh tế\t2026\tX1\n")
    assert "column_unmapped:Mã định danh" in doc["warnings"]
    assert doc["columns"][-1] == {"header": "Mã định danh", "role": "unknown"}
    assert [r["name"] for r in doc["records"]] == ["Tỷ lệ A"]


def test_a_row_with_too_many_cells_is_kept_and_flagged(tmp_path: Path) -> None:
    doc = _document(tmp_path, f"{HEADER}\n1\tTỷ lệ A\t100%\tPhòng Kinh tế\t2026\tthừa\tthừa nữa\n"
                              "2\tTỷ lệ B\t90%\tPhòng Kinh tế\t2026\n")
    assert "row_too_many_cells:line 2" in doc["warnings"]
    first, second = doc["records"]
    assert "row_too_many_cells" in first["warnings"]
    assert first["target"]["value"] == 100
    assert second["warnings"] == ["indicator_unmatched"]  # "Tỷ lệ B" is no catalog indicator


def test_numbered_rows_that_cannot_be_parsed_are_still_emitted(tmp_path: Path) -> None:
    doc = _document(tmp_path, f"{HEADER}\n1\tTỷ lệ A\t≥ 8O%\tPhòng Kinh tế\tQuý 13/2026\n"
                              "2\t\t\t\t\n"
                              "3\tTỷ lệ C\t>=\tBan Quản lý XYZ\t31/02/2026\n")
    records = {r["number"]: r for r in doc["records"]}
    assert sorted(records) == ["1", "2", "3"]
    assert {"target_unparsed", "deadline_unparsed:Quý 13/2026"} <= set(records["1"]["warnings"])
    assert records["1"]["target"]["raw"] == "≥ 8O%"
    assert records["1"]["deadline"] is None
    assert "name_missing" in records["2"]["warnings"]
    assert "target_unparsed" in records["3"]["warnings"]
    assert "agency_unmatched" in records["3"]["warnings"]
    assert records["3"]["agencies"][0]["id"] is None


def test_rows_command_on_bad_input_is_one_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "junk.bin", os.urandom(2048))
    result = subprocess.run([sys.executable, "-m", "chitieu", "rows", str(path)],
                            capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_table_with_a_header_and_no_rows_says_so(tmp_path: Path) -> None:
    # a template, or a copy cut short under its header: converted, and the document says
    # that nothing was under the header (it said nothing)
    path = _write(tmp_path, "template.md",
                  "| STT | Chỉ tiêu | Đơn vị tính | Chỉ tiêu năm 2026 |\n|---|---|---|---|\n")
    result = _convert(path, tmp_path / "out")
    document = json.loads((tmp_path / "out" / "template.json").read_text("utf-8"))
    assert result.returncode == 0
    assert document["records"] == [] and "table_without_rows" in document["warnings"]
