"""Generate chitieu/data/admin_units.csv and provinces.csv.

The source is the list of administrative units in force since 1 July 2025 (3,321 communes,
wards and special zones in 34 provinces) as shipped by the MIT-licensed PyPI package
`vietnamadminunits` (its SQLite file vietnamadminunits/data/dataset.db, table admin_units).

This is a dev-time script, not part of chitieu's runtime: install the package only to run it,
for example in a throw-away virtual environment:

    python -m venv /tmp/vau && /tmp/vau/bin/pip install vietnamadminunits
    /tmp/vau/bin/python scripts/build_admin_units.py

or point at the database file directly with --db. The generated CSVs are committed.
"""

from __future__ import annotations

import argparse
import csv
import sqlite3
import sys
from pathlib import Path

OUT_DIR = Path(__file__).resolve().parent.parent / "chitieu" / "data"
UNIT_COLUMNS = ["code", "name", "level", "province", "province_code", "province_type"]
PROVINCE_COLUMNS = ["code", "name", "type"]
PROVINCE_TYPES = ("Thành phố", "Tỉnh")
QUERY = """
    SELECT wardCode, wardShort, wardType, provinceShort, provinceCode, province
    FROM admin_units ORDER BY wardCode
"""


def default_db() -> Path:
    try:
        import vietnamadminunits
    except ImportError:
        sys.exit("vietnamadminunits is not installed: pip install it in a temporary venv, "
                 "or give --db PATH/TO/dataset.db")
    return Path(vietnamadminunits.__file__).parent / "data" / "dataset.db"


def province_type(full_name: str) -> str:
    """ "Thành phố Hà Nội" → "thành phố", "Tỉnh Lạng Sơn" → "tỉnh"."""
    for prefix in PROVINCE_TYPES:
        if full_name.startswith(prefix + " "):
            return prefix.lower()
    raise ValueError(f"unexpected province name {full_name!r}")


def read_units(db: Path) -> list[dict[str, str]]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        rows = conn.execute(QUERY).fetchall()
    return [
        {"code": code, "name": name, "level": level.lower(), "province": province,
         "province_code": province_code, "province_type": province_type(province_full)}
        for code, name, level, province, province_code, province_full in rows
    ]


def provinces_of(units: list[dict[str, str]]) -> list[dict[str, str]]:
    seen: dict[str, dict[str, str]] = {}
    for unit in units:
        seen.setdefault(unit["province_code"], {"code": unit["province_code"],
                                                "name": unit["province"],
                                                "type": unit["province_type"]})
    return [seen[code] for code in sorted(seen)]


def write_csv(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="path to vietnamadminunits' dataset.db")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="output folder")
    args = parser.parse_args(argv)
    units = read_units(args.db or default_db())
    provinces = provinces_of(units)
    write_csv(args.out / "admin_units.csv", UNIT_COLUMNS, units)
    write_csv(args.out / "provinces.csv", PROVINCE_COLUMNS, provinces)
    print(f"{len(units)} units in {len(provinces)} provinces → {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
