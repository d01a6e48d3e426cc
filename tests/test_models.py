"""The contract's classes are plain objects on the conversion path; pydantic (their twins)
checks what comes from outside and writes the schema. Both must take values alike."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from chitieu.models import Agency, Document, Plan, Record, RecordSource, Source, Target

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "002_96420e20fdffe3f0.txt"


@pytest.mark.parametrize(("cls", "values"), [
    (Agency, {"role": "lead", "name": "Sở Nội vụ", "raw": "SNV", "score": 1}),
    (Agency, {"role": "lead", "name": "x", "raw": "x", "score": True}),
    (Target, {"op": ">=", "value": 70, "raw": "≥ 70"}),
    (Target, {"op": "between", "value": 1.5, "upper": 2, "raw": "1,5-2"}),
    (RecordSource, {"page": 1, "lines": (3, 4), "bbox": [1, 2.5, 3, 4],
                    "ocr_confidence": 1}),
    (Plan, {"locality": {"level": "xã", "name": "A"}}),
    (Record, {"key": "1", "kind": "indicator", "name": "n",
              "section": [{"number": "I", "title": "t"}], "source": {"lines": [1, 1]}}),
])
def test_values_are_taken_as_pydantic_takes_them(cls, values) -> None:
    plain = cls(**values)
    twin = cls.pydantic_model()(**values)
    assert plain.model_dump() == twin.model_dump()
    assert [type(v) for v in _leaves(plain.model_dump())] == \
        [type(v) for v in _leaves(twin.model_dump())]


def _leaves(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from _leaves(item)
    elif isinstance(value, list):
        for item in value:
            yield from _leaves(item)
    else:
        yield value


def test_lists_given_are_copied() -> None:
    warnings = ["a"]
    record = Record(key="1", kind="task", name="n", warnings=warnings)
    warnings.append("b")
    assert record.warnings == ["a"]


def test_unknown_and_missing_fields_are_refused() -> None:
    with pytest.raises(TypeError, match="surprise"):
        Target(raw="x", surprise=1)
    with pytest.raises(TypeError, match="raw"):
        Target(op=">=")


def test_copy_equality_and_repr() -> None:
    target = Target(op=">=", value=70, raw="≥ 70")
    copy = target.model_copy(update={"value": 80})
    assert (copy.value, target.value) == (80, 70)
    assert target == target.model_copy() and target != copy
    assert repr(target) == repr(Target.pydantic_model()(op=">=", value=70, raw="≥ 70"))


def test_validation_goes_through_pydantic() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        Agency.model_validate({"role": "lead", "name": "x", "raw": "x", "score": 1.5})
    with pytest.raises(ValidationError):
        Document.model_validate({"source": {"file": "f", "sha256": "s", "format": "text"},
                                 "surprise": 1})


def test_a_converted_document_round_trips_through_the_twins() -> None:
    from chitieu.emit.json_out import document_to_json
    from chitieu.pipeline import convert

    doc = convert(SAMPLE)
    assert doc.records
    again = Document.model_validate(json.loads(document_to_json(doc)))
    assert document_to_json(again) == document_to_json(doc)
    assert isinstance(again.records[0], Record) and isinstance(again.source, Source)


def test_converting_a_file_does_not_import_pydantic(tmp_path: Path) -> None:
    code = ("import sys\n"
            "from chitieu.cli import main\n"
            f"main(['convert', {str(SAMPLE)!r}, '-o', {str(tmp_path)!r}, '-q'])\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('pydantic', 'pydantic_core', 'filelock', 'yaml')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, cwd=ROOT)
    loaded = result.stdout.strip().splitlines()[-1]
    assert "pydantic" not in loaded and "filelock" not in loaded


def test_defaults_are_made_afresh_for_each_object() -> None:
    first, second = (Record(key="1", kind="task", name="n") for _ in range(2))
    assert first.warnings == [] and first.warnings is not second.warnings
    assert first.source == RecordSource() and first.source is not second.source
    assert Plan().locality is not Plan().locality
    assert Source(file="f", sha256="s", format="text").ocr is False


def test_objects_given_as_dicts_in_lists_become_objects() -> None:
    record = Record(key="1", kind="task", name="n", agencies=[
        {"role": "lead", "name": "x", "raw": "x", "score": 1}])
    assert isinstance(record.agencies[0], Agency) and record.agencies[0].score == 1.0
    assert type(record.agencies[0].score) is float
    assert RecordSource(bbox=(1, True, 2.5, 3)).bbox == [1.0, 1.0, 2.5, 3.0]
