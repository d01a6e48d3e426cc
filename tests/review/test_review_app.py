"""The review app over HTTP (no browser): pages, escaping, paths, corrections refused with
a message, cross-site posts, uploads; and the JSON API against records.parquet."""

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient
from review_helpers import PDF, SCRIPT_NAME, TEXT, convert_into

from chitieu.corrections import CORRECTIONS_NAME, load_corrections
from chitieu.review.app import Settings, create_app


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    return convert_into(tmp_path_factory.mktemp("app"), [TEXT, PDF], hostile=True)


@pytest.fixture(scope="module")
def client(out):
    with TestClient(create_app(Settings(out)), base_url="http://127.0.0.1:8765") as client:
        yield client


def _doc_id(out: Path, name: str) -> str:
    return json.loads((out / name).read_text(encoding="utf-8"))["source"]["sha256"]


def test_the_document_list_counts_records(client, out):
    page = client.get("/").text
    for name, records in (("002_96420e20fdffe3f0.json", 45), ("commune_indicators.json", 10)):
        doc_id = _doc_id(out, name)
        assert f'href="/doc/{doc_id}"' in page
        assert f"0/{records}" in page


def test_a_script_named_record_is_text(client, out):
    page = client.get(f"/doc/{_doc_id(out, 'hostile.json')}")
    assert page.status_code == 200
    assert SCRIPT_NAME not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]


@pytest.mark.parametrize("url", [
    "/files/../../../etc/passwd", "/files/..%2f..%2f..%2fetc%2fpasswd",
    "/files/%2e%2e/%2e%2e/etc/passwd", "/doc/..%2f..%2fetc%2fpasswd",
    "/doc/../../etc/passwd/page/1.png", "/static/../app.py",
])
def test_paths_outside_the_output_folder_are_refused(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "root:" not in response.text and "import" not in response.text


def test_files_inside_the_output_folder_are_served(client):
    assert client.get("/files/report.json").json()["dataset"]["documents"] == 3


def test_a_target_that_is_no_number_is_refused_with_a_message(client, out):
    doc_id = _doc_id(out, "002_96420e20fdffe3f0.json")
    response = client.post(f"/doc/{doc_id}/corrections", data={
        "action": "edit", "key": "I/1/1.1", "field": "target.value", "value": "nhiều"})
    assert response.status_code == 422
    assert "target.value must be a number" in response.text
    response = client.post(f"/doc/{doc_id}/corrections", data={
        "action": "edit", "key": "I/1/1.1", "field": "agencies.0.id", "value": "no-such-body"})
    assert "no agency with the id" in response.text
    assert not (out / CORRECTIONS_NAME).exists()


def test_a_correction_is_logged_and_shown(client, out):
    doc_id = _doc_id(out, "commune_indicators.json")
    response = client.post(f"/doc/{doc_id}/corrections", data={
        "action": "edit", "key": "A/1", "field": "target.value", "value": "9,5",
        "reviewer": "Lan"}, follow_redirects=False)
    assert response.status_code == 303
    [correction] = load_corrections(out / CORRECTIONS_NAME)
    assert (correction.key, correction.field, correction.old, correction.new,
            correction.reviewer) == ("A/1", "target.value", 8, 9.5, "Lan")
    page = client.get(f"/doc/{doc_id}").text
    assert "≥ 9.5 %" in page and "corrected target" in page
    assert "1/10" in client.get("/").text


def test_a_post_from_another_site_is_refused(client, out):
    doc_id = _doc_id(out, "commune_indicators.json")
    response = client.post(f"/doc/{doc_id}/corrections", headers={
        "Origin": "http://evil.example"}, data={"action": "verify", "key": "A/2"})
    assert response.status_code == 403


def test_a_malformed_corrections_file_is_one_clear_error(tmp_path):
    out = convert_into(tmp_path, [TEXT])
    (out / CORRECTIONS_NAME).write_text("[1, 2]\n{}\n", encoding="utf-8")
    with TestClient(create_app(Settings(out))) as client:
        page = client.get(f"/doc/{_doc_id(out, '002_96420e20fdffe3f0.json')}")
    assert page.status_code == 500
    assert "corrections.jsonl: line 1 is not a correction" in page.text


def test_the_api_answers_the_records_of_records_parquet(client, out):
    expected = pq.read_table(out / "records.parquet").to_pylist()
    answered = client.get("/api/records", params={"limit": 100000}).json()
    assert len(answered) == len(expected) == 57
    for row in expected:
        for name in ("deadline_start", "deadline_end"):
            row[name] = row[name].isoformat() if row[name] else None
    assert answered == expected


def test_the_api_filters(client, out):
    doc_id = _doc_id(out, "commune_indicators.json")
    assert len(client.get("/api/records", params={"doc_id": doc_id}).json()) == 10
    by_agency = client.get("/api/records", params={"agency": "phong-kinh-te"}).json()
    assignments = pq.read_table(out / "assignments.parquet").to_pylist()
    keys = {(a["doc_id"], a["key"]) for a in assignments if a["agency_id"] == "phong-kinh-te"}
    assert {(r["doc_id"], r["key"]) for r in by_agency} == keys and keys
    records = pq.read_table(out / "records.parquet").to_pylist()
    code = next(w.split(":")[0] for r in records for w in r["warnings"])
    warned = client.get("/api/records", params={"warning": code}).json()
    assert [r["key"] for r in warned] == [
        r["key"] for r in records if any(w.split(":")[0] == code for w in r["warnings"])]
    province = client.get("/api/documents", params={"province": "Lạng Sơn"}).json()
    assert doc_id in {d["doc_id"] for d in province}
    assert client.get(f"/api/documents/{doc_id}").json()["n_records"] == 10
    assert client.get("/api/documents/nope").status_code == 404
    assert client.get("/api/records", params={"limit": 0}).status_code == 422


def test_the_api_is_documented(client):
    spec = client.get("/api/openapi.json").json()
    assert {"/api/documents", "/api/records", "/api/assignments", "/api/indicators"} \
        <= set(spec["paths"])
    assert "agency" in client.get("/api/docs").text


def test_the_page_says_when_corrections_wait_for_the_next_convert(client, out):
    doc_id = _doc_id(out, "002_96420e20fdffe3f0.json")
    assert 'id="pending"' not in client.get(f"/doc/{doc_id}").text
    client.post(f"/doc/{doc_id}/corrections", data={"action": "edit", "key": "I/1/1.2",
                                                     "field": "note", "value": "đã kiểm tra"})
    assert 'id="pending"' in client.get(f"/doc/{doc_id}").text


def test_the_api_serves_the_indicator_catalog_and_its_links(client, out):
    catalog = pq.read_table(out / "indicators.parquet").to_pylist()
    assert len(client.get("/api/indicators", params={"limit": 100000}).json()) == len(catalog)
    records = pq.read_table(out / "records.parquet").to_pylist()
    linked = next(r["indicator_id"] for r in records if r["indicator_id"])
    answered = client.get("/api/records", params={"indicator": linked}).json()
    assert [(r["doc_id"], r["key"]) for r in answered] == [
        (r["doc_id"], r["key"]) for r in records if r["indicator_id"] == linked]


def test_a_word_document_is_shown_as_its_rows_beside_its_records(tmp_path):
    docx = Path(__file__).parents[1] / "fixtures" / "office" / "commune_indicators.docx"
    out = convert_into(tmp_path, [docx])
    with TestClient(create_app(Settings(out)), base_url="http://127.0.0.1:8765") as client:
        page = client.get(f"/doc/{_doc_id(out, 'commune_indicators.json')}").text
    assert 'class="text-source"' in page
    assert page.count('class="line has-rec"') == 10
    assert "STT │ " in page
