"""Small converted output folders for the review app's tests."""

import shutil
from pathlib import Path

from chitieu.cli import main

ROOT = Path(__file__).resolve().parents[2]
TEXT = ROOT / "samples" / "002_96420e20fdffe3f0.txt"
PDF = ROOT / "tests" / "fixtures" / "office" / "commune_indicators.pdf"
SCAN = ROOT / "tests" / "fixtures" / "scans" / "small" / "table_200dpi.png"
SCRIPT_NAME = "<script>alert(1)</script>"
# a plan whose first record is named like a script: it must show as text
HOSTILE = (
    "STT\tChỉ tiêu\tĐơn vị\tChỉ tiêu năm 2026\tCơ quan chủ trì\n"
    f"1\t{SCRIPT_NAME}\t%\t80\tPhòng Kinh tế\n"
    "2\tTỷ lệ hộ dân có điện\t%\t≥ 99\tCâu lạc bộ Thơ Đường Xuân Lộc\n"  # not in the gazetteer
)


def convert_into(folder: Path, files: list[Path], hostile: bool = False) -> Path:
    """Copy `files` into folder/in, convert them into folder/out; returns OUT."""
    inputs, out = folder / "in", folder / "out"
    inputs.mkdir(parents=True, exist_ok=True)
    for path in files:
        shutil.copy(path, inputs / path.name)
    if hostile:
        (inputs / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    code = main(["convert", str(inputs), "-o", str(out), "--format", "json,parquet",
                 "--workers", "1", "--quiet"])
    assert code == 0
    return out
