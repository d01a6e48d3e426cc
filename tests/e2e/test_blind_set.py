"""The blind evaluation set (tests/fixtures/blind1) is complete: every document in each of
its forms, one hand-written expected file each with its plan header and records keyed
uniquely. It is scored by benchmarks/eval_blind.py only, never here (a set that tests pass
or fail on would be tuned to)."""

import json
from pathlib import Path

import pytest

BLIND = Path(__file__).resolve().parents[1] / "fixtures" / "blind1"
PLAN_FIELDS = {"appendix", "title", "number", "issued_on", "issued_raw", "issuer", "locality"}


@pytest.mark.parametrize(("part", "forms"), [
    ("plans", ("{stem}.docx", "{stem}.pdf", "{stem}.txt", "plain/{stem}.txt",
               "layout/{stem}.txt")),
    ("tables", ("{stem}.docx", "{stem}.pdf", "{stem}.pdftotext-layout.txt")),
])
def test_every_blind_document_has_its_forms_and_expected_records(
        part: str, forms: tuple[str, ...]) -> None:
    folder = BLIND / part
    golds = sorted(folder.glob("expected/*.gold.json"))
    assert len(golds) == 6
    for gold in golds:
        stem = gold.name.removesuffix(".gold.json")
        missing = [form for form in forms if not (folder / form.format(stem=stem)).is_file()]
        assert not missing, (stem, missing)
        expected = json.loads(gold.read_text("utf-8"))
        assert set(expected["plan"]) == PLAN_FIELDS, stem
        records = expected["records"]
        assert records and len({r["key"] for r in records}) == len(records), stem


def test_the_blind_set_says_it_must_never_be_developed_against() -> None:
    readme = (BLIND / "README.md").read_text("utf-8")
    assert "never" in readme.lower() and "develop" in readme.lower()
