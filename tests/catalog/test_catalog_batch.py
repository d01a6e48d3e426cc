"""`chitieu convert --catalog FILE`: the user's indicators link, reach indicators.parquet,
and a changed catalog reconverts."""

import json
from pathlib import Path

import pyarrow.parquet as pq

from chitieu.cli import main

TEXT = ("STT\tNội dung\tChỉ tiêu\tCơ quan chủ trì\tThời hạn\n"
        "1\tDiện tích cây cà phê\t500 ha\tPhòng Kinh tế\tNăm 2026\n"
        "2\tTỷ lệ hồ sơ TTHC xử lý trực tuyến\t85%\tPhòng Kinh tế\tNăm 2026\n")


def _ids(out: Path) -> list[str | None]:
    doc = json.loads((out / "plan.json").read_text(encoding="utf-8"))
    return [(r["indicator"] or {}).get("id") for r in doc["records"]]


def test_a_users_catalog_in_a_batch(tmp_path: Path, capsys) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "plan.txt").write_text(TEXT, encoding="utf-8")
    mine = tmp_path / "mine.csv"
    mine.write_text("id,name,unit\nktxh.dien_tich_ca_phe,Diện tích cà phê,ha\n",
                    encoding="utf-8")
    out = tmp_path / "out"
    args = ["convert", str(plans), "-o", str(out), "--format", "json,parquet", "--workers", "1",
            "-q"]
    assert main(args) == 0
    assert _ids(out) == [None, "cqs.ho_so_truc_tuyen"]
    assert main([*args, "--catalog", str(mine)]) == 0  # a new catalog: converted again
    assert _ids(out) == ["ktxh.dien_tich_ca_phe", "cqs.ho_so_truc_tuyen"]
    ids = pq.read_table(out / "indicators.parquet").column("id").to_pylist()
    assert "ktxh.dien_tich_ca_phe" in ids and "xhs.tai_khoan_thanh_toan" in ids
    records = pq.read_table(out / "records.parquet").to_pylist()
    assert [r["indicator_id"] for r in records] == _ids(out)
    assert records[1]["indicator_score"] == 1.0
    capsys.readouterr()
    assert main([*args, "--catalog", str(tmp_path / "missing.csv")]) == 2
    assert "no such file" in capsys.readouterr().err
    mine.write_text("ma,ten\n1,x\n", encoding="utf-8")
    assert main([*args, "--catalog", str(mine)]) == 2
    assert "not an indicator catalog" in capsys.readouterr().err
