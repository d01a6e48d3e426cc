import json

import pytest

from chitieu.emit import json_out, json_text
from chitieu.models import Document


def test_json_is_byte_identical_for_equal_documents(text_document, build_text_document):
    first = json_out.document_to_json(text_document)
    again = json_out.document_to_json(build_text_document())
    assert first == again
    assert first.encode("utf-8") == again.encode("utf-8")


def test_json_layout(text_document):
    text = json_out.document_to_json(text_document)
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert "Tỷ lệ hồ sơ" in text and "\\u" not in text  # UTF-8, not ASCII escapes
    assert text.startswith('{\n  "schema_version": "1",\n  "source": {\n    "file": ')


def test_key_order_follows_the_models(text_document):
    data = json.loads(json_out.document_to_json(text_document))
    assert list(data) == list(Document.model_fields)
    assert list(data["records"][0]) == ["key", "number", "section", "kind", "name", "target",
                                        "baseline", "deadline", "agencies", "indicator", "note",
                                        "source", "warnings"]
    assert list(data["records"][0]["target"]) == ["op", "value", "upper", "unit", "text", "raw"]


def test_whole_numbers_stay_integers(text_document):
    text = json_out.document_to_json(text_document)
    record = json.loads(text)["records"][0]
    assert record["target"]["value"] == 85 and isinstance(record["target"]["value"], int)
    assert '"value": 85,' in text and '"value": 85.0' not in text
    assert '"value": 70,' in text
    between = json.loads(text)["records"][1]["target"]
    assert (between["value"], between["upper"]) == (1.5, 2)
    assert record["agencies"][0]["score"] == 0.93


def test_json_round_trips_through_the_models(text_document):
    text = json_out.document_to_json(text_document)
    assert json_out.document_to_json(Document.model_validate_json(text)) == text


@pytest.mark.parametrize("batch", [256, 2, 1])
def test_layout_is_that_of_the_standard_json_module(text_document, pdf_document, batch,
                                                    monkeypatch, tmp_path):
    # written a batch of records at a time, spliced at the records' place and indentation:
    # the same text as the whole document dumped at once, with records, without, with one
    monkeypatch.setattr(json_out, "BATCH", batch)
    empty = text_document.model_copy(update={"records": []})
    one = text_document.model_copy(update={"records": text_document.records[:1]})
    for doc in (text_document, pdf_document, empty, one):
        data = json_out.document_to_dict(doc)
        expected = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        assert json_out.document_to_json(doc) == expected
        assert json_out.write_json(doc, tmp_path / "doc.json").read_text("utf-8") == expected
        assert [json.loads(line) for line in json_out.document_to_jsonl_records(doc)] == [
            {"doc_id": data["source"]["sha256"], "file": data["source"]["file"], **record}
            for record in data["records"]]


@pytest.mark.parametrize(("where", "spoil"), [
    ("records/0/target/value", lambda doc: setattr(doc.records[0].target, "value", float("nan"))),
    ("records/1/target/upper", lambda doc: setattr(doc.records[1].target, "upper", float("nan"))),
    ("records/0/agencies/1/score", lambda doc: setattr(doc.records[0].agencies[1], "score",
                                                       float("inf"))),
])
@pytest.mark.parametrize("batch", [256, 1])
def test_non_finite_numbers_are_refused_not_written_as_invalid_json(text_document, where,
                                                                    spoil, batch, monkeypatch):
    monkeypatch.setattr(json_out, "BATCH", batch)
    spoil(text_document)
    with pytest.raises(ValueError, match=where):
        json_out.document_to_json(text_document)


def test_write_json_is_atomic_and_leaves_no_temporary(tmp_path, text_document):
    path = tmp_path / "out" / "002_plan.json"
    assert json_out.write_json(text_document, path) == path
    assert path.read_text(encoding="utf-8") == json_out.document_to_json(text_document)
    assert [p.name for p in path.parent.iterdir()] == ["002_plan.json"]


def test_failed_write_keeps_the_old_file(tmp_path, text_document):
    path = tmp_path / "doc.json"
    path.write_text("old", encoding="utf-8")
    text_document.records[0].target.value = float("inf")
    with pytest.raises(ValueError):
        json_out.write_json(text_document, path)
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["doc.json"]


def test_jsonl_records_carry_the_document_id(text_document):
    lines = list(json_out.document_to_jsonl_records(text_document))
    assert len(lines) == 3 and all("\n" not in line for line in lines)
    first = json.loads(lines[0])
    assert list(first)[:3] == ["doc_id", "file", "key"]
    assert first["doc_id"] == "a" * 64 and first["file"] == "002_plan.txt"
    assert first["target"]["value"] == 85 and isinstance(first["target"]["value"], int)


def test_write_jsonl_concatenates_documents(tmp_path, text_document, pdf_document):
    path = tmp_path / "records.jsonl"
    assert json_out.write_jsonl([text_document, pdf_document], path) == 4
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["doc_id"][0] for line in lines] == ["a", "a", "a", "b"]
    assert path.read_bytes().endswith(b"}\n")


def test_numbers_are_spelled_as_pydantic_core_spells_them():
    """The writer replaced pydantic-core's to_json: the same text for every kind of float."""
    import random
    import struct

    from pydantic_core import to_json

    rng = random.Random(7)
    values = [0.1, 1e-5, 1.5e-5, -2.5e-6, 1e-7, 1e16, 1e22, 5e-324, -0.0, 123456.789, 1e15]
    for _ in range(20000):
        bits = struct.unpack("d", struct.pack("Q", rng.getrandbits(64)))[0]
        if bits == bits and abs(bits) != float("inf"):
            values.append(bits)
        values.append(rng.randint(1, 999) * 10.0 ** rng.randint(-9, 20))
    for value in values:
        assert json_text.to_json(value) == to_json(value).decode(), repr(value)
    nested = {"a": [], "b": {}, "c": [1, {"d": 'x\n"é\x01\x7f\u2028/\\\t'}], "e": None,
              "f": True, "g": [1.5, 2, -3e-6]}
    for indent in (None, 2):
        assert json_text.to_json(nested, indent) == to_json(nested, indent=indent).decode()


def test_the_generated_writers_write_what_pydantic_core_writes(text_document, pdf_document):
    """Documents and JSON Lines are written straight from the objects: byte for byte what
    pydantic-core writes from the same document's dict."""
    from pydantic_core import to_json

    for doc in (text_document, pdf_document):
        data = json_out.document_to_dict(doc)
        assert json_out.document_to_json(doc) == to_json(data, indent=2).decode() + "\n"
        lead = {"doc_id": data["source"]["sha256"], "file": data["source"]["file"]}
        assert list(json_out.document_to_jsonl_records(doc)) == [
            to_json({**lead, **record}).decode() for record in data["records"]]


def test_values_of_an_unexpected_kind_are_written_as_pydantic_core_writes_them(text_document):
    """The generated writers write each field's declared kind inline; a value set later of
    another kind (a tuple, an int for a float, a str subclass, a dict for an object) goes the
    generic way, with the same text."""
    from pydantic_core import to_json

    class Name(str):
        pass

    record = text_document.records[0]
    record.source.lines = (31, 32)
    record.agencies[0].score = 1
    record.target.value = 85  # an int measure stays an int
    record.baseline.upper = 2.5
    record.name = Name("Tỷ lệ")
    record.warnings = ("a", "b")
    record.deadline = {"kind": "year", "raw": "2026"}
    text_document.records[1].section = []
    text_document.records[2].source.bbox = [1e-05, -0.0, 1e16]
    data = json_out.document_to_dict(text_document)
    assert json_out.document_to_json(text_document) == to_json(data, indent=2).decode() + "\n"
    assert json.loads(next(json_out.document_to_jsonl_records(text_document)))["name"] == "Tỷ lệ"


@pytest.mark.parametrize("spoil", [
    lambda doc: setattr(doc.records[0].source, "ocr_confidence", float("nan")),
    lambda doc: setattr(doc.records[0].target, "value", float("-inf")),
])
def test_no_non_finite_number_is_written_anywhere(text_document, spoil):
    spoil(text_document)
    with pytest.raises(ValueError):
        json_out.document_to_json(text_document)
    with pytest.raises(ValueError):
        list(json_out.document_to_jsonl_records(text_document))


def test_objects_in_a_tuple_are_written_as_in_a_list(text_document):
    """Records (or agencies) given as a tuple: the same text, whole measures as integers."""
    text = json_out.document_to_json(text_document)
    text_document.records[0].agencies = tuple(text_document.records[0].agencies)
    assert json_out.document_to_json(text_document) == text
    as_tuple = text_document.model_copy(update={"records": tuple(text_document.records)})
    assert json_out.document_to_json(as_tuple) == text
    assert list(json_out.document_to_jsonl_records(as_tuple)) == list(
        json_out.document_to_jsonl_records(text_document))


def test_objects_kept_by_their_values_are_written_apart_where_their_text_differs(
        text_document):
    """An agency's or a target's text is kept by its values: a score of 0.0 and one of -0.0,
    a value of 1 and one of 1.0 are equal values with other texts, written as pydantic-core
    writes each."""
    from pydantic_core import to_json

    record = text_document.records[0]
    first = record.agencies[0]
    for score, value in [(0.0, 1), (-0.0, 1.0), (0.0, 1.5), (1, 1)]:
        record.agencies = [first.model_copy(update={"score": score}), *record.agencies[1:]]
        record.baseline = record.target.model_copy(update={"value": value, "upper": -0.0})
        data = json_out.document_to_dict(text_document)
        assert json_out.document_to_json(text_document) == to_json(
            data, indent=2).decode() + "\n", (score, value)
