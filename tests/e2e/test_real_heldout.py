"""The held-out imitations of real tables (tests/fixtures/real/heldout, heldout2 … heldout14,
raw_heldout1 in `pdftotext -raw` form, raw_heldout2 … raw_heldout4 in `pdftotext -raw` and
flagless `pdftotext` form, realdocs_heldout10 and realdocs_heldout11 with their other forms)
are complete: every document in its three forms and one hand-written expected file each.
They are scored by benchmarks/eval_real_heldout.py only, never here (a held-out set that
tests pass or fail on would be tuned to)."""

import json
from pathlib import Path

import pytest

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"
FORMS = (".docx", ".pdf", ".pdftotext-layout.txt")


@pytest.mark.parametrize("name", ["heldout", "heldout2", "heldout3", "heldout4", "heldout5",
                                  "heldout6", "heldout7", "heldout8",
                                  "heldout9", "heldout10", "heldout11",
                                  "heldout12", "heldout13", "heldout14"])
def test_every_document_has_its_three_forms_and_expected_records(name: str) -> None:
    held = REAL / name
    golds = sorted(held.glob("expected/*.gold.json"))
    assert len(golds) >= 3
    for gold in golds:
        stem = gold.name.removesuffix(".gold.json")
        assert all((held / f"{stem}{suffix}").is_file() for suffix in FORMS), stem
        records = json.loads(gold.read_text("utf-8"))["records"]
        assert records and len({r["key"] for r in records}) == len(records)


@pytest.mark.parametrize(("name", "suffixes"), [
    ("raw_heldout1", (".docx", ".pdf", ".pdftotext-raw.txt")),
    ("raw_heldout2", (".docx", ".pdf", ".pdftotext-raw.txt", ".pdftotext.txt")),
    ("raw_heldout3", (".docx", ".pdf", ".pdftotext-raw.txt", ".pdftotext.txt")),
    ("raw_heldout4", (".docx", ".pdf", ".pdftotext-raw.txt", ".pdftotext.txt")),
])
def test_the_raw_held_out_sets_have_their_text_forms_and_expected_records(
        name: str, suffixes: tuple[str, ...]) -> None:
    held = REAL / name
    golds = sorted(held.glob("expected/*.gold.json"))
    assert len(golds) >= 5
    for gold in golds:
        stem = gold.name.removesuffix(".gold.json")
        assert all((held / f"{stem}{suffix}").is_file() for suffix in suffixes), stem
        records = json.loads(gold.read_text("utf-8"))["records"]
        assert records and len({r["key"] for r in records}) == len(records)


@pytest.mark.parametrize("name", ["realdocs_heldout10", "realdocs_heldout11"])
def test_the_realdocs_held_out_sets_have_their_forms_and_expected_records(name: str) -> None:
    """Each document as DOCX, PDF and layout text and in at least two other forms."""
    held = REAL / name
    golds = sorted(held.glob("expected/*.gold.json"))
    assert len(golds) >= 6
    for gold in golds:
        stem = gold.name.removesuffix(".gold.json")
        assert all((held / f"{stem}{suffix}").is_file() for suffix in FORMS), stem
        others = [suffix for suffix in (".xlsx", ".html", ".md", ".portal.md")
                  if (held / f"{stem}{suffix}").is_file()]
        assert len(others) >= 2, stem
        records = json.loads(gold.read_text("utf-8"))["records"]
        assert records and len({r["key"] for r in records}) == len(records)
