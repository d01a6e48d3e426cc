"""scripts/build_admin_units.py on a small database shaped like vietnamadminunits' own."""

import csv
import importlib.util
import sqlite3
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_admin_units.py"

ROWS = [
    # wardCode, wardShort, wardType, provinceShort, provinceCode, province
    ("13834", "Vũ Dương", "Xã", "Ninh Bình", "37", "Tỉnh Ninh Bình"),
    ("00004", "Ba Đình", "Phường", "Hà Nội", "01", "Thành phố Hà Nội"),
    ("31078", "Phú Quốc", "Đặc khu", "An Giang", "91", "Tỉnh An Giang"),
]


@pytest.fixture(scope="module")
def build():
    spec = importlib.util.spec_from_file_location("build_admin_units", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _database(path: Path) -> Path:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE admin_units (province TEXT, ward TEXT, provinceShort TEXT, "
                     "wardShort TEXT, wardType TEXT, provinceCode TEXT, wardCode TEXT)")
        conn.executemany(
            "INSERT INTO admin_units (wardCode, wardShort, wardType, provinceShort, "
            "provinceCode, province, ward) VALUES (?, ?, ?, ?, ?, ?, '')", ROWS)
    return path


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_builds_both_csvs(build, tmp_path):
    db = _database(tmp_path / "dataset.db")
    assert build.main(["--db", str(db), "--out", str(tmp_path)]) == 0
    assert _read(tmp_path / "admin_units.csv") == [
        {"code": "00004", "name": "Ba Đình", "level": "phường", "province": "Hà Nội",
         "province_code": "01", "province_type": "thành phố"},
        {"code": "13834", "name": "Vũ Dương", "level": "xã", "province": "Ninh Bình",
         "province_code": "37", "province_type": "tỉnh"},
        {"code": "31078", "name": "Phú Quốc", "level": "đặc khu", "province": "An Giang",
         "province_code": "91", "province_type": "tỉnh"},
    ]
    assert _read(tmp_path / "provinces.csv") == [
        {"code": "01", "name": "Hà Nội", "type": "thành phố"},
        {"code": "37", "name": "Ninh Bình", "type": "tỉnh"},
        {"code": "91", "name": "An Giang", "type": "tỉnh"},
    ]


def test_unexpected_province_type_is_refused(build):
    with pytest.raises(ValueError, match="unexpected province name"):
        build.province_type("Khu tự trị X")
