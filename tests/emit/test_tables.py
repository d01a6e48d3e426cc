import datetime as dt

import pandas as pd
import pyarrow as pa
import pyarrow.parquet
import pytest

from chitieu.emit import json_out, tables
from chitieu.models import Document, Source


@pytest.fixture
def built(text_document, pdf_document):
    return tables.tables_from_documents([text_document, pdf_document])


@pytest.fixture
def parquet_dir(tmp_path, built):
    tables.write_tables(built, tmp_path)
    return tmp_path


def test_tables_have_their_declared_schemas(built):
    assert set(built) == {"documents", "records", "assignments"}
    for name, table in built.items():
        assert table.schema == tables.table_schemas()[name]
    assert (built["documents"].num_rows, built["records"].num_rows,
            built["assignments"].num_rows) == (2, 4, 3)


def test_column_types_are_stable_when_a_column_is_all_null(pdf_document):
    pdf_document.records[0].agencies = []
    built = tables.tables_from_documents([pdf_document])
    records = built["records"]
    assert records.column("deadline_start").null_count == 1
    assert records.schema.field("deadline_start").type == pa.date32()
    assert records.schema.field("target_value").type == pa.float64()
    assert built["assignments"].num_rows == 0
    assert built["assignments"].schema == tables.table_schemas()["assignments"]


def test_document_row_flattens_source_and_plan(built):
    row = built["documents"].to_pylist()[0]
    assert row == {
        "doc_id": "a" * 64, "file": "002_plan.txt", "format": "text", "pages": 1, "ocr": True,
        "appendix": "Phụ lục 1", "title": "Phân công phụ trách theo dõi chỉ tiêu",
        "number": "46/KH-UBND", "issued_on": dt.date(2026, 3, 26),
        "issued_raw": "ngày 26/3/2026", "issuer": "Ủy ban nhân dân xã Vũ Dương",
        "locality_level": "xã", "locality_name": "Vũ Dương", "locality_code": "13834",
        "locality_province": "Ninh Bình", "n_records": 3, "warnings": ["column_unmapped"],
    }
    blank = built["documents"].to_pylist()[1]
    assert blank["number"] is None and blank["issued_on"] is None
    assert blank["issued_raw"] == "ngày /5/2026"


def test_record_rows_flatten_target_deadline_and_source(built):
    first, between, task, pdf = built["records"].to_pylist()
    assert first["key"] == "I/5/5.3" and first["section_path"] == "I > 5"
    assert first["section_numbers"] == ["I", "5"]
    assert first["section_titles"] == ["Phân công theo dõi các chỉ tiêu",
                                       "Về phát triển chính quyền số"]
    assert (first["target_op"], first["target_value"], first["target_unit"],
            first["target_raw"]) == (">=", 85.0, "%", "≥85%")
    assert (first["baseline_op"], first["baseline_value"]) == ("=", 70.0)
    assert (first["deadline_kind"], first["deadline_start"], first["deadline_end"]) == (
        "month", dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    assert (first["page"], first["line_first"], first["line_last"]) == (1, 31, 32)
    assert first["bbox"] is None and first["warnings"] == ["agency_unmatched"]
    assert (between["target_op"], between["target_value"], between["target_upper"]) == (
        "between", 1.5, 2.0)
    assert between["deadline_recurrence"] == "continuous" and between["deadline_start"] is None
    assert task["target_op"] is None and task["note"] == "Kế hoạch"
    assert task["baseline_raw"] is None and task["deadline_kind"] is None
    assert pdf["target_text"] == "Hoạt động ổn định" and pdf["target_op"] is None
    assert pdf["bbox"] == [56.5, 100.25, 540.0, 130.0] and pdf["line_first"] is None


def test_assignment_rows_keep_printed_order(built):
    rows = built["assignments"].to_pylist()
    assert [(row["key"], row["position"], row["role"], row["agency_id"]) for row in rows] == [
        ("I/5/5.3", 1, "monitor", "trung-tam-phuc-vu-hanh-chinh-cong"),
        ("I/5/5.3", 2, "lead", None),
        ("1", 1, "lead", "so-khoa-hoc-va-cong-nghe"),
    ]
    assert rows[1]["agency_name"] == "Hợp tác xã Tân Tiến" and rows[1]["raw"] == "HTX Tân Tiến"
    assert rows[0]["score"] == pytest.approx(0.93)


def test_a_document_seen_twice_is_counted_once(text_document, build_text_document):
    copy = build_text_document()
    copy.source = Source(file="copy.txt", sha256=text_document.source.sha256, format="text")
    built = tables.tables_from_documents([text_document, copy])
    assert built["documents"].column("file").to_pylist() == ["002_plan.txt"]
    assert built["records"].num_rows == 3


def test_tables_from_json_files_equal_tables_from_documents(tmp_path, built, text_document,
                                                            pdf_document):
    paths = [json_out.write_json(doc, tmp_path / f"{index}.json")
             for index, doc in enumerate([text_document, pdf_document])]
    rebuilt = tables.tables_from_json_files(paths)
    for name in tables.TABLE_NAMES:
        assert rebuilt[name].equals(built[name]), name


def test_streamed_tables_equal_the_tables_built_at_once(tmp_path, built, text_document,
                                                       pdf_document, build_text_document):
    copy = build_text_document()
    copy.source = Source(file="copy.txt", sha256=text_document.source.sha256, format="text")
    paths = [json_out.write_json(doc, tmp_path / f"{index}.json")
             for index, doc in enumerate([text_document, pdf_document, copy])]
    out = tmp_path / "out"
    written = tables.write_tables_from_json_files(paths, out, csv=True, batch_size=1)
    assert sorted(written) == ["assignments", "csv", "documents", "indicators", "records"]
    for name in tables.TABLE_NAMES:
        streamed = pa.parquet.read_table(out / f"{name}.parquet")
        assert streamed.equals(built[name]), name  # the copy (same sha256) counted once
    assert len(pd.read_csv(out / "records.csv", encoding="utf-8-sig")) == built["records"].num_rows
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_streamed_tables_of_no_document_keep_their_columns(tmp_path):
    tables.write_tables_from_json_files([], tmp_path, csv=True)
    records = pa.parquet.read_table(tmp_path / "records.parquet")
    assert records.num_rows == 0 and records.schema == tables.table_schemas()["records"]
    assert list(pd.read_csv(tmp_path / "records.csv").columns) == records.schema.names


@pytest.mark.parametrize(("content", "message"), [
    ("{not json", "cannot read a JSON document"),
    ('{"schema_version": "1"}', "no source.sha256"),
    ('{"schema_version": "2", "source": {"sha256": "x"}}', "schema_version '2'"),
])
def test_bad_json_file_is_named_in_the_error(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message) as error:
        tables.tables_from_json_files([path])
    assert "bad.json" in str(error.value)


def test_the_garbage_collector_is_on_again_after_tables_are_built(tmp_path, text_document):
    """Rows are built with the cyclic collector paused: it comes back, also after a bad file,
    and stays off where the caller had turned it off."""
    import gc

    good = json_out.write_json(text_document, tmp_path / "good.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert gc.isenabled()
    tables.write_tables_from_json_files([good], tmp_path / "out", csv=True)
    assert gc.isenabled()
    with pytest.raises(ValueError):
        tables.write_tables_from_json_files([good, bad], tmp_path / "out", csv=True)
    assert gc.isenabled()
    gc.disable()
    try:
        tables.tables_from_json_files([good])
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_parquet_files_open_with_pandas(parquet_dir, built):
    assert sorted(p.name for p in parquet_dir.iterdir()) == [
        "assignments.parquet", "documents.parquet", "records.parquet"]
    records = pd.read_parquet(parquet_dir / "records.parquet")
    assert list(records.columns) == built["records"].column_names
    assert records["name"].tolist()[0] == "Tỷ lệ hồ sơ TTHC xử lý trực tuyến"
    documents = pd.read_parquet(parquet_dir / "documents.parquet")
    assert documents["n_records"].tolist() == [3, 1]


def test_tables_join_on_their_ids_in_duckdb(parquet_dir):
    duckdb = pytest.importorskip("duckdb")
    folder = str(parquet_dir)
    rows = duckdb.sql(f"""
        select d.file, r.key, r.target_value, a.position, a.agency_name
        from '{folder}/records.parquet' r
        join '{folder}/assignments.parquet' a using (doc_id, key)
        join '{folder}/documents.parquet' d using (doc_id)
        order by d.file, r.key, a.position
    """).fetchall()
    assert rows == [
        ("002_plan.txt", "I/5/5.3", 85.0, 1, "Trung tâm Phục vụ hành chính công"),
        ("002_plan.txt", "I/5/5.3", 85.0, 2, "Hợp tác xã Tân Tiến"),
        ("tinh.pdf", "1", None, 1, "Sở Khoa học và Công nghệ"),
    ]
    unique = duckdb.sql(f"select count(*) = count(distinct (doc_id, key)) "
                        f"from '{folder}/records.parquet'").fetchall()
    assert unique == [(True,)]


def test_records_csv_opens_with_pandas_and_excel_sees_utf8(tmp_path, built):
    path = tables.write_records_csv(built["records"], tmp_path / "records.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(frame.columns) == built["records"].column_names
    first = frame.iloc[0]
    assert first["name"] == "Tỷ lệ hồ sơ TTHC xử lý trực tuyến"
    assert first["section_numbers"] == "I; 5"
    assert first["target_value"] == "85" and first["deadline_start"] == "2026-12-01"
    assert first["line_first"] == "31" and first["warnings"] == "agency_unmatched"
    assert frame.iloc[1]["target_value"] == "1.5"
    assert frame.iloc[2]["target_value"] == "" and frame.iloc[2]["warnings"] == ""
    assert frame.iloc[3]["bbox"] == "56.5; 100.25; 540; 130"


def test_gold_documents_make_consistent_tables(shared_dir):
    paths = sorted((shared_dir / "gold").glob("*.gold.json"))
    built = tables.tables_from_json_files(paths)
    documents = built["documents"].to_pylist()
    assert len(documents) == len(paths) > 0
    records = built["records"]
    assert records.num_rows == sum(row["n_records"] for row in documents)
    gold = [Document.model_validate_json(path.read_bytes()) for path in paths]
    assert built["assignments"].num_rows == sum(
        len(record.agencies) for doc in gold for record in doc.records)
