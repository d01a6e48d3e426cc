import json

from chitieu.emit import json_out, schema
from chitieu.models import Document


def test_schema_text_is_deterministic_json():
    text = schema.schema_json()
    assert text == schema.schema_json() and text.endswith("}\n")
    parsed = json.loads(text)
    assert parsed["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert set(parsed["properties"]) == set(Document.model_fields)


def test_emitted_documents_validate(text_document, pdf_document):
    for doc in (text_document, pdf_document):
        assert schema.validate(json.loads(json_out.document_to_json(doc))) == []


def test_errors_name_the_place_and_come_in_document_order(text_document):
    data = json.loads(json_out.document_to_json(text_document))
    data["records"][2]["kind"] = "chỉ tiêu"
    data["records"][0]["target"]["op"] = "≥"
    data["records"][0]["agencies"][0]["score"] = 1.5
    data["records"][1]["deadline"] = {"kind": "year"}
    data["surprise"] = True
    errors = schema.validate(data)
    assert len(errors) == 5
    assert errors[0].startswith("(document): Additional properties are not allowed")
    assert errors[1].startswith("records/0/agencies/0/score: 1.5 is greater than")
    assert errors[2].startswith("records/0/target/op: '≥' is not one of")
    assert errors[3] == "records/1/deadline: 'raw' is a required property"
    assert errors[4].startswith("records/2/kind: 'chỉ tiêu' is not one of")


def test_missing_required_field_is_reported(text_document):
    data = json.loads(json_out.document_to_json(text_document))
    del data["source"]["sha256"]
    assert schema.validate(data) == ["source: 'sha256' is a required property"]


def test_gold_files_validate(shared_dir):
    paths = sorted((shared_dir / "gold").glob("*.gold.json"))
    assert paths
    for path in paths:
        gold = json.loads(path.read_text(encoding="utf-8"))
        assert schema.validate(gold) == [], path.name
        # the JSON we would emit for them says the same thing, plus fields added since
        # the gold was written (null `baseline`, null `source.ocr_confidence`, v1.1's null
        # `indicator` of a record not linked)
        emitted = json.loads(json_out.document_to_json(Document.model_validate(gold)))
        assert _extra_fields(emitted, gold) <= {"baseline", "ocr_confidence", "indicator"}, \
            path.name


def _extra_fields(ours, theirs) -> set[str]:
    """Names of null fields `ours` has beyond `theirs`; fails on any other difference."""
    if isinstance(theirs, dict):
        assert isinstance(ours, dict) and set(theirs) <= set(ours)
        extra = {key for key in set(ours) - set(theirs) if ours[key] is None}
        assert set(ours) - set(theirs) == extra
        for key in theirs:
            extra |= _extra_fields(ours[key], theirs[key])
        return extra
    if isinstance(theirs, list):
        assert isinstance(ours, list) and len(ours) == len(theirs)
        return set().union(*(_extra_fields(a, b) for a, b in zip(ours, theirs, strict=True)))
    assert ours == theirs and type(ours) is type(theirs)
    return set()
