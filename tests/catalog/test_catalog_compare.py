"""`chitieu compare`: plans side by side per indicator, units kept apart unless convertible."""

from pathlib import Path

import pytest

from chitieu.cli import main
from chitieu.compare import compare, convert, read_output, to_markdown
from chitieu.emit.json_out import write_json
from chitieu.emit.tables import write_tables_from_json_files
from chitieu.models import Document, IndicatorLink, Locality, Plan, Record, Source, Target

ROOT = Path(__file__).resolve().parents[2]
ACCOUNTS = "xhs.tai_khoan_thanh_toan"   # national: ≥ 95 % by 2030 (NQ 03/NQ-CP)
BUDGET = "ktxh.thu_ngan_sach"           # in tỷ đồng


def _record(key: str, ind: str, value: float | None, unit: str | None,
            raw: str | None = None) -> Record:
    target = None if raw is None and value is None else Target(
        op=">=" if value is not None else None, value=value, unit=unit,
        text=None if value is not None else raw, raw=raw or f"{value}")
    return Record(key=key, kind="indicator", name=f"chỉ tiêu {key}", target=target,
                  indicator=IndicatorLink(id=ind, name=ind, score=1.0))


def _document(folder: Path, stem: str, locality: str, province: str, number: str | None,
              records: list[Record]) -> Path:
    # plans of 2026: a target with no deadline is held against the national target of the
    # plan's year or later (not one of 2025)
    doc = Document(source=Source(file=f"{stem}.txt", sha256=stem * 8, format="text"),
                   plan=Plan(number=number, issued_on="2026-03-26",
                             locality=Locality(level="xã", name=locality, province=province)),
                   records=records)
    return write_json(doc, folder / f"{stem}.json")


@pytest.fixture
def out(tmp_path: Path) -> Path:
    _document(tmp_path, "a1", "Vũ Dương", "Ninh Bình", "46/KH-UBND", [
        _record("1", ACCOUNTS, 80, "%"), _record("2", BUDGET, 12.5, "tỷ đồng")])
    # the same commune's second plan: a share printed as a fraction, the budget in millions
    _document(tmp_path, "a2", "Vũ Dương", "Ninh Bình", "12/KH-UBND", [
        _record("1", ACCOUNTS, 0.97, None), _record("2", BUDGET, 9800, "triệu đồng")])
    # a unit that does not convert to % and a target with no number: listed apart
    _document(tmp_path, "b1", "Đình Lập", "Lạng Sơn", "7/KH-UBND", [
        _record("1", ACCOUNTS, 1200, "người"), _record("2", BUDGET, None, None, "Vượt dự toán")])
    return tmp_path


def test_units_convert_by_the_table_or_not_at_all() -> None:
    assert convert(0.8, None, "%") == 80
    assert convert(80, None, "%") == 80
    assert convert(80, "% dân số", "%") == 80
    assert convert(9800, "triệu đồng", "tỷ đồng") == pytest.approx(9.8)
    assert convert(3, "% GDP", "% GRDP") == 3
    assert convert(1200, "người", "%") is None
    assert convert(5, "ngày làm việc", "ngày") is None


def test_a_conversion_row_naming_indicators_converts_for_them_only() -> None:
    # money per hectare is the per-hectare indicator's "triệu đồng", no other sum's
    assert convert(150, "triệu đồng/ha", "triệu đồng") is None
    assert convert(150, "triệu đồng/ha", "triệu đồng", "ktxh.tong_gia_tri_san_xuat") is None
    assert convert(150, "triệu đồng/ha", "triệu đồng", "ktxh.gia_tri_tren_ha") == 150
    assert convert(5000, "người", "lượt") is None
    assert convert(5000, "người", "lượt", "ktxh.luot_bhxh_tu_nguyen") == 5000
    assert convert(30, "m2", "m2 sàn/người") is None
    assert convert(30, "m2", "m2 sàn/người", "ktxh.nha_o_binh_quan") == 30
    assert convert(5, "chỉ số", "điểm", "hts.diem_wifi_cong_cong") is None
    # a row naming none converts for every indicator
    assert convert(9800, "triệu đồng", "tỷ đồng",
                   "ktxh.tong_gia_tri_san_xuat") == pytest.approx(9.8)


def test_rollup_compares_converted_values_and_lists_the_rest_apart(out: Path) -> None:
    result = compare(*read_output(out))
    rows = {row["indicator"]: row for row in result.rollup_rows()}
    accounts = rows[ACCOUNTS]
    assert (accounts["min"], accounts["max"]) == (80, 97)  # 0.97 read as 97 %
    assert accounts["not_comparable"] == "xã Đình Lập (Lạng Sơn): 1200 người"
    assert accounts["national"] == ">= 80 % (2025, QĐ 411/QĐ-TTg); >= 95 % (2030, NQ 03/NQ-CP)"
    # a 2026 plan is held against the first target not before its deadline (95 % by 2030):
    # only the plan below it is named, with that target
    assert accounts["below_national"].startswith("xã Vũ Dương (Ninh Bình) — 46/KH-UBND: 80")
    assert "12/KH-UBND" not in accounts["below_national"]
    budget = rows[BUDGET]
    assert (budget["min"], budget["max"]) == (9.8, 12.5) and budget["unit"] == "tỷ đồng"
    assert "Vượt dự toán (no number)" in budget["not_comparable"]


def test_a_locality_with_two_plans_counts_once_and_keeps_both_columns(out: Path) -> None:
    result = compare(*read_output(out))
    accounts = {row["indicator"]: row for row in result.rollup_rows()}[ACCOUNTS]
    assert (accounts["localities"], accounts["plans"]) == (2, 3)
    plans = [row["plan"] for row in result.wide_rows()]
    assert plans == ["xã Đình Lập (Lạng Sơn)", "xã Vũ Dương (Ninh Bình) — 46/KH-UBND",
                     "xã Vũ Dương (Ninh Bình) — 12/KH-UBND"]  # by province, place, file
    wide = {row["plan"]: row for row in result.wide_rows()}
    assert wide["xã Vũ Dương (Ninh Bình) — 12/KH-UBND"][ACCOUNTS] == "≥0.97"
    assert wide["xã Vũ Dương (Ninh Bình) — 46/KH-UBND"][ACCOUNTS] == "≥80 %"


def test_parquet_and_json_give_the_same_comparison(out: Path, tmp_path: Path) -> None:
    from_json = compare(*read_output(out)).rollup_rows()
    write_tables_from_json_files(sorted(out.glob("*.json")), out)
    assert (out / "indicators.parquet").is_file()
    assert compare(*read_output(out)).rollup_rows() == from_json


def test_filters_by_indicator_group_and_province(out: Path) -> None:
    plans, targets, indicators = read_output(out)
    only = compare(plans, targets, indicators, province="ninh binh", indicator=ACCOUNTS)
    assert [r["indicator"] for r in only.rollup_rows()] == [ACCOUNTS]
    assert {p.province for p in only.plans} == {"Ninh Bình"}
    group = compare(plans, targets, indicators, indicator="ktxh.")
    assert [r["indicator"] for r in group.rollup_rows()] == [BUDGET]
    text = to_markdown(only)
    assert "## Roll-up per indicator" in text and "| xhs.tai_khoan_thanh_toan |" in text


def test_cli_on_a_folder_of_converted_fixtures(tmp_path: Path, capsys) -> None:
    fixtures = ROOT / "tests" / "fixtures" / "appendices"
    converted = tmp_path / "out"
    assert main(["convert", str(fixtures), "-o", str(converted), "--format", "json,parquet",
                 "--workers", "1", "-q"]) in (0, 1)
    capsys.readouterr()
    assert main(["compare", str(converted)]) == 0
    text = capsys.readouterr().out
    assert text.startswith("## Targets by indicator and plan")
    assert text.count("\n| ") > 20
    assert main(["compare", str(converted), "--indicator", "no.such", "--format", "md"]) == 2
    assert main(["compare", str(converted), "--format", "csv", "-o", str(tmp_path / "c")]) == 0
    assert (tmp_path / "c" / "comparison.csv").is_file()
    assert (tmp_path / "c" / "comparison_rollup.csv").is_file()
    assert main(["compare", str(tmp_path / "missing")]) == 2
