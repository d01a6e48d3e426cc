"""The blind evaluation sets (tests/fixtures/blind1, blind2) are complete: every document in
each of its forms, one hand-written expected file each with its plan header and records keyed
uniquely. They are scored by benchmarks/eval_blind.py only, never here (a set that tests pass
or fail on would be tuned to)."""

import json
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
BLIND = FIXTURES / "blind1"
PLAN_FIELDS = {"appendix", "title", "number", "issued_on", "issued_raw", "issuer", "locality"}
BLIND2_FORMS = {
    "plans": ("{stem}.docx", "{stem}.pdf", "{stem}.txt", "plain/{stem}.txt",
              "layout/{stem}.txt", "raw/{stem}.txt"),
    "tables": ("{stem}.docx", "{stem}.pdf", "layout/{stem}.txt", "raw/{stem}.txt"),
    "scans": ("{stem}.pdf",),
}


def _assert_complete(folder: Path, forms: tuple[str, ...], documents: int) -> None:
    golds = sorted(folder.glob("expected/*.gold.json"))
    assert len(golds) == documents
    for gold in golds:
        stem = gold.name.removesuffix(".gold.json")
        missing = [form for form in forms if not (folder / form.format(stem=stem)).is_file()]
        assert not missing, (stem, missing)
        expected = json.loads(gold.read_text("utf-8"))
        assert set(expected["plan"]) == PLAN_FIELDS, stem
        records = expected["records"]
        assert records and len({r["key"] for r in records}) == len(records), stem


@pytest.mark.parametrize(("part", "forms"), [
    ("plans", ("{stem}.docx", "{stem}.pdf", "{stem}.txt", "plain/{stem}.txt",
               "layout/{stem}.txt")),
    ("tables", ("{stem}.docx", "{stem}.pdf", "{stem}.pdftotext-layout.txt")),
])
def test_every_blind_document_has_its_forms_and_expected_records(
        part: str, forms: tuple[str, ...]) -> None:
    _assert_complete(BLIND / part, forms, 6)


@pytest.mark.parametrize(("part", "documents"), [("plans", 6), ("tables", 6), ("scans", 4)])
def test_every_blind2_document_has_its_forms_and_expected_records(
        part: str, documents: int) -> None:
    _assert_complete(FIXTURES / "blind2" / part, BLIND2_FORMS[part], documents)


def test_a_blind2_scan_is_scored_against_the_records_of_its_printed_document() -> None:
    for gold in (FIXTURES / "blind2" / "scans" / "expected").glob("*.gold.json"):
        printed = [FIXTURES / "blind2" / part / "expected" / gold.name
                   for part in ("plans", "tables")]
        assert any(p.is_file() and p.read_bytes() == gold.read_bytes() for p in printed), gold


@pytest.mark.parametrize("name", ["blind1", "blind2"])
def test_the_blind_set_says_it_must_never_be_developed_against(name: str) -> None:
    readme = (FIXTURES / name / "README.md").read_text("utf-8")
    assert "never" in readme.lower() and "develop" in readme.lower()
