"""The labelled sets: hand-grouped records of the fixtures' localities, the record → indicator
decisions (half near misses), and the national document linked in place."""

from pathlib import Path

import pytest

from chitieu.catalog import default_catalog
from chitieu.catalog import evaluate as E

HERE = Path(__file__).resolve().parent
RECORDS = E.distinct(E.read_labelled(HERE / "records.csv"))
DECISIONS = E.read_decisions(HERE / "decisions.csv")


def test_the_labelled_sets_are_large_enough() -> None:
    indicators = [r for r in RECORDS if r.kind == "indicator"]
    assert len(indicators) >= 400
    assert len({r.locality for r in RECORDS}) >= 20
    assert len(DECISIONS) >= 400
    assert sum(d.near_miss for d in DECISIONS) >= len(DECISIONS) / 2
    catalog = default_catalog()
    assert all(r.indicator in catalog.indicators for r in RECORDS if r.indicator)
    assert all(d.indicator in catalog.indicators for d in DECISIONS)


def test_pairwise_on_the_hand_grouped_records() -> None:
    result = E.pairwise(RECORDS, E.catalog_linker(default_catalog()))
    assert result.linked_tasks == 0
    assert result.f1 >= 0.95 and result.precision >= 0.95 and result.coverage >= 0.95


def test_pairwise_with_each_records_own_wording_held_out_beats_plain_fuzzy() -> None:
    """The honest measure: every record is matched as if its wording were new to the
    catalog. Figures in the README; the floors here catch a regression."""
    catalog = default_catalog()

    def findable(record: E.LabelledRecord) -> bool:
        return E.has_other_phrasing(catalog, record)

    ours = E.pairwise(RECORDS, E.catalog_linker(catalog, held_out=True), findable)
    plain = E.pairwise(RECORDS, E.plain_fuzzy_linker(catalog, 0.9, held_out=True), findable)
    assert ours.precision >= 0.92 and ours.f1 >= 0.87 and ours.coverage >= 0.85
    assert ours.linked_tasks == 0
    assert ours.f1 >= plain.f1 + 0.2


def test_decisions_at_the_shipped_threshold() -> None:
    catalog = default_catalog()
    usable = [d for d in DECISIONS if not d.same or E.has_other_phrasing(catalog, d)]
    scores = E.decision_scores(catalog, usable, held_out=True)
    precision, recall = E.precision_recall(usable, scores, catalog.threshold)
    assert precision >= 0.95 and recall >= 0.85
    near_misses = [s for d, s in zip(usable, scores, strict=True) if d.near_miss]
    assert sum(s >= catalog.threshold for s in near_misses) <= 0.03 * len(near_misses)


def test_the_national_resolution_links_in_place(shared_dir) -> None:
    """vn-nq03 Phụ lục I, read where it lies (never copied): every row as labelled."""
    import csv

    from chitieu.pipeline import convert_text

    path = shared_dir / "real" / "vn-nq03-2025-phuluc-I-chitieu.md"
    if not path.is_file():
        pytest.skip("the shared real documents are not here")
    text = path.read_text(encoding="utf-8").split("# ---- END OF HEADER", 1)[1].split("\n", 1)[1]
    doc = convert_text(text, "markdown", name=path.name)
    with (HERE / "real_labels.csv").open(encoding="utf-8") as fh:
        labels = {row["key"]: row["indicator"] or None for row in csv.DictReader(fh)}
    got = {r.key: r.indicator.id if r.indicator else None for r in doc.records}
    assert set(got) == set(labels)
    wrong = {k: (got[k], labels[k]) for k in labels if got[k] != labels[k]}
    assert not wrong, wrong


def test_plans_the_catalog_never_saw() -> None:
    """The whole-plan fixtures landed after the catalog was built and none of their wording
    was added to it: an out-of-sample check, labelled by hand in unseen_labels.csv."""
    import csv
    import json

    expected = HERE.parent / "fixtures" / "whole_plans" / "expected"
    with (HERE / "unseen_labels.csv").open(encoding="utf-8") as fh:
        labels = {(row["file"], row["key"]): row["indicator"] or None
                  for row in csv.DictReader(fh)}
    catalog = default_catalog()
    right = wrong = missed = 0
    for (file, key), gold in labels.items():
        doc = json.loads((expected / f"{file}.gold.json").read_text(encoding="utf-8"))
        record = next(r for r in doc["records"] if r["key"] == key)
        assert record["kind"] == "indicator"
        found = catalog.match(record["name"], (record.get("target") or {}).get("unit"))
        got = found.id if found else None
        right += got is not None and got == gold
        wrong += got is not None and got != gold
        missed += gold is not None and got is None
    labelled = sum(g is not None for g in labels.values())
    assert wrong == 0 and right / labelled >= 0.85, (right, wrong, missed)


def test_phrasings_from_documents_the_catalog_was_not_built_from() -> None:
    """oos_labels.csv: 95 indicator phrasings found in national and provincial texts (none
    in the catalog's sources), each labelled by hand with its catalog id or none before the
    matcher was run on them. Floors a little under the figures the README reports."""
    from chitieu.catalog import evaluate as E

    items = E.read_out_of_sample(HERE / "oos_labels.csv")
    assert len(items) >= 80
    result = E.out_of_sample(items, E.catalog_linker(default_catalog()))
    assert result.precision >= 0.93 and result.recall >= 0.85, result.errors
    # the later batches were collected after earlier changes of the matcher and scored
    # before the next ones (README: 0.79, 0.71, 0.58, 0.83, 1.00, 0.76 and 0.91 precision
    # at first scoring)
    for batch in ("oos2_labels.csv", "oos3_labels.csv", "oos4_labels.csv", "oos5_labels.csv",
                  "oos6_labels.csv"):
        later = E.read_out_of_sample(HERE / batch)
        assert len(later) >= 15
        result = E.out_of_sample(later, E.catalog_linker(default_catalog()))
        assert result.precision >= 0.93 and result.recall >= 0.8, (batch, result.errors)
    # the seventh holds task names labelled none (a plan's tasks are never linked: their
    # kind is task); two of them share words enough with an indicator to be linked by name
    for batch in ("oos7_labels.csv", "oos8_labels.csv"):
        later = E.read_out_of_sample(HERE / batch)
        assert len(later) >= 40
        result = E.out_of_sample(later, E.catalog_linker(default_catalog()))
        assert result.precision >= 0.9 and result.recall >= 0.85, (batch, result.errors)
    # (batch, fewest phrasings, precision floor, recall floor) of the later batches:
    # the ninth, health, culture, agriculture and the province's economy besides the digital
    # plans (README: 0.79 precision, 0.68 recall at first scoring); the tenth, after the
    # ninth's fixes (0.94 / 0.73); the eleventh, 96 phrasings most written as communes print
    # the catalog's indicators (0.94 / 0.87); the twelfth, after the eleventh's fixes
    # (0.98 / 0.88); the thirteenth and fourteenth, a later session's, the fourteenth after
    # the thirteenth's fixes (0.92 / 0.82 and 0.90 / 0.80); the fifteenth and sixteenth, a
    # third session's, the sixteenth held out (0.95 / 0.82 and 0.93 / 0.72); the seventeenth,
    # a fourth session's dev batch (0.98 / 0.76), and the eighteenth, held out (0.95 / 0.77;
    # worn since); the nineteenth, a fifth session's dev batch (0.97 / 0.76), and the twentieth,
    # held out (0.96 / 0.79; 1.00 / 0.89 at its end scoring); the twenty-first, a sixth
    # session's dev batch of real names (0.90 / 0.83), and the twenty-second, held out
    # (0.97 / 0.84; 0.97 / 0.87 at its end scoring, worn since); the twenty-third, a seventh
    # session's dev batch on the twenty-second's missed classes (0.64 / 0.63), and the
    # twenty-fourth, held out (0.83 / 0.89; 0.89 / 0.91 at its end scoring, worn since); the
    # twenty-fifth, an eighth session's dev batch on yearly against cumulative counts, the
    # HDI's health index and OCR letter shapes (0.61 / 0.71), and the twenty-sixth, held out
    # (0.71 / 0.78; 0.83 / 0.85 at its end scoring, worn since); the twenty-seventh, held out
    # in a ninth session (0.85 / 0.86, the same at its end scoring, worn since), and the
    # twenty-eighth, that session's dev batch on OCR m/n slips, points counted in điểm, shares
    # of GRDP against the workforce's, the poorest places' poverty (0.74 / 0.84); the
    # twenty-ninth, held out in a tenth session (0.92 / 0.81; 0.92 / 0.82 at its end scoring,
    # worn since: its misses were the eleventh session's first classes); the thirtieth, held
    # out in an eleventh session (0.95 / 0.78, the same at its end scoring, worn since)
    for batch, fewest, precision, recall in (
        ("oos9_labels.csv", 60, 0.93, 0.9), ("oos10_labels.csv", 40, 0.93, 0.9),
        ("oos11_labels.csv", 90, 0.95, 0.95), ("oos12_labels.csv", 70, 0.95, 0.95),
        ("oos13_labels.csv", 120, 0.95, 0.9), ("oos14_labels.csv", 80, 0.95, 0.85),
        ("oos15_labels.csv", 110, 0.95, 0.95), ("oos16_labels.csv", 75, 0.93, 0.85),
        ("oos17_labels.csv", 120, 0.95, 0.95), ("oos18_labels.csv", 100, 0.95, 0.95),
        ("oos19_labels.csv", 140, 0.95, 0.95), ("oos20_labels.csv", 100, 0.95, 0.95),
        ("oos21_labels.csv", 110, 0.95, 0.95), ("oos22_labels.csv", 100, 0.95, 0.95),
        ("oos23_labels.csv", 70, 0.95, 0.95), ("oos24_labels.csv", 110, 0.95, 0.95),
        ("oos25_labels.csv", 60, 0.95, 0.95), ("oos26_labels.csv", 140, 0.95, 0.95),
        ("oos27_labels.csv", 170, 0.95, 0.95), ("oos28_labels.csv", 50, 0.95, 0.95),
        ("oos29_labels.csv", 150, 0.95, 0.95), ("oos30_labels.csv", 140, 0.95, 0.78),
    ):
        later = E.read_out_of_sample(HERE / batch)
        assert len(later) >= fewest, batch
        result = E.out_of_sample(later, E.catalog_linker(default_catalog()))
        assert result.precision >= precision and result.recall >= recall, (batch, result.errors)
