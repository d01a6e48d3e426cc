"""Corrections: the log's format, a reviewer's values checked against the contract, and
`apply_corrections` as a pure, idempotent function over a Document."""

from pathlib import Path

import pytest

import chitieu
from chitieu.corrections import (
    Correction,
    CorrectionRefused,
    CorrectionsError,
    append_correction,
    apply_corrections,
    check_correction,
    load_corrections,
    parse_value,
)

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "002_96420e20fdffe3f0.txt"


@pytest.fixture(scope="module")
def doc():
    return chitieu.convert(SAMPLE)


def _edit(doc, key, field, old, new):
    return Correction(document=doc.source.sha256, key=key, action="edit", field=field,
                      old=old, new=new, time="2026-01-01T00:00:00+00:00")


def _record(doc, key):
    return next(r for r in doc.records if r.key == key)


def test_an_edit_sets_the_value_and_marks_the_record(doc):
    first = doc.records[0]
    result = apply_corrections(doc, [_edit(doc, first.key, "target.value",
                                           first.target.value, 77.5)])
    corrected = _record(result.document, first.key)
    assert corrected.target.value == 77.5
    assert "corrected:target.value" in corrected.warnings
    assert first.target.value != 77.5, "the input document is left as it was"
    assert len(result.applied) == 1 and not result.not_applied


def test_applying_twice_changes_nothing_more(doc):
    first = doc.records[0]
    corrections = [_edit(doc, first.key, "target.value", first.target.value, 50),
                   _edit(doc, first.key, "target.value", 50, 60)]
    once = apply_corrections(doc, corrections).document
    twice = apply_corrections(once, corrections)
    assert _record(once, first.key).target.value == 60
    assert twice.document == once and not twice.not_applied


def test_an_edit_on_a_value_the_converter_changed_is_not_applied(doc):
    first = doc.records[0]
    result = apply_corrections(doc, [_edit(doc, first.key, "target.value", 12345, 1)])
    assert result.document == doc
    assert "not the 12345" in result.not_applied[0][1]


def test_corrections_of_other_content_are_ignored(doc):
    other = Correction(document="0" * 64, key=doc.records[0].key, action="delete")
    assert apply_corrections(doc, [other]).document is doc


def test_delete_add_and_verify(doc):
    first, second = doc.records[0], doc.records[1]
    added = {"key": "I/1/1.9", "number": "1.9", "section": [s.model_dump() for s in
                                                             first.section],
             "kind": "task", "name": "Nhiệm vụ bổ sung", "warnings": []}
    result = apply_corrections(doc, [
        Correction(document=doc.source.sha256, key=second.key, action="delete"),
        Correction(document=doc.source.sha256, key="I/1/1.9", action="add", new=added,
                   after=first.key),
        Correction(document=doc.source.sha256, key=first.key, action="verify"),
    ])
    keys = [r.key for r in result.document.records]
    assert second.key not in keys
    assert keys[1] == "I/1/1.9"
    assert result.document.records[1].warnings == ["corrected:added"]
    assert len(keys) == len(doc.records)
    assert apply_corrections(result.document, result.applied).document == result.document


def test_agency_id_edit_takes_the_canonical_name(doc):
    record = next(r for r in doc.records if r.agencies)
    result = apply_corrections(
        doc, [_edit(doc, record.key, "agencies.0.id", record.agencies[0].id, "cong-an-xa")],
        names=lambda kind, agency_id: "Công an xã")
    agency = _record(result.document, record.key).agencies[0]
    assert (agency.id, agency.name, agency.score) == ("cong-an-xa", "Công an xã", 1.0)


@pytest.mark.parametrize(("field", "text", "message"), [
    ("target.value", "tám mươi", "must be a number"),
    ("target.value", "inf", "finite"),
    ("target.op", "about", "must be one of"),
    ("kind", "goal", "indicator or task"),
    ("deadline.end", "31/12/2026", "YYYY-MM-DD"),
    ("name", "  ", "cannot be empty"),
    ("source.page", "2", "cannot be corrected"),
])
def test_reviewer_values_that_break_the_contract_are_refused(field, text, message):
    with pytest.raises(CorrectionRefused, match=message):
        parse_value(field, text)


def test_reviewer_values_are_typed():
    assert parse_value("target.value", "1,5") == 1.5
    assert parse_value("target.value", "80") == 80
    assert parse_value("target.op", "≥") == ">="
    assert parse_value("target.unit", "") is None
    with pytest.raises(CorrectionRefused, match="no agency"):
        parse_value("agencies.0.id", "bo-khong-co", names=lambda kind, identifier: None)


def test_check_refuses_a_key_that_does_not_exist(doc):
    with pytest.raises(CorrectionRefused, match="no record"):
        check_correction(doc, _edit(doc, "Z/99", "name", "x", "y"))


def test_the_log_round_trips_and_a_bad_line_is_one_clear_error(tmp_path, doc):
    log = tmp_path / "corrections.jsonl"
    correction = _edit(doc, doc.records[0].key, "name", doc.records[0].name, "Tên mới")
    append_correction(log, correction)
    assert load_corrections(log) == [correction]
    with log.open("a", encoding="utf-8") as handle:
        handle.write('{"document": "x", "action": "rename"}\n')
    with pytest.raises(CorrectionsError, match=r"line 2 is not a correction"):
        load_corrections(log)


def test_a_line_torn_at_the_end_is_ignored(tmp_path, doc):
    log = tmp_path / "corrections.jsonl"
    append_correction(log, _edit(doc, doc.records[0].key, "note", None, "x"))
    with log.open("a", encoding="utf-8") as handle:
        handle.write('{"document": "abc", "ke')
    assert len(load_corrections(log)) == 1


def test_a_reviewer_links_a_record_to_a_catalog_indicator(doc):
    from chitieu.catalog import default_catalog
    from chitieu.corrections import known_names
    from chitieu.pipeline import load_gazetteer

    names = known_names(load_gazetteer())
    record = doc.records[0]
    wanted = next(iter(default_catalog().indicators.values()))
    old = record.indicator.id if record.indicator else None
    result = apply_corrections(doc, [_edit(doc, record.key, "indicator.id", old, wanted.id)],
                               names)
    link = _record(result.document, record.key).indicator
    assert (link.id, link.name, link.score) == (wanted.id, wanted.name, 1.0)
    assert parse_value("indicator.id", wanted.id, names) == wanted.id
    with pytest.raises(CorrectionRefused, match="no indicator with the id"):
        parse_value("indicator.id", "xyz.khong_co", names)
    assert parse_value("agencies.0.id", "phong-kinh-te", names) == "phong-kinh-te"
