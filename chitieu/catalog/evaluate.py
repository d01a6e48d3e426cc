"""Measuring the matcher: pairwise agreement with hand-grouped records, and the decisions.

Pairwise: two records are "linked" by a matcher iff it gives both the same non-null id, and
"together" in the gold iff a person put them in the same group. Precision, recall and F1 are
over pairs; coverage is the share of records of a catalogued group that get an id at all.
Used by tests/catalog and by scripts/evaluate_catalog.py (which writes the README figures).
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

from chitieu.catalog.catalog import Catalog
from chitieu.core.text import ascii_fold

Linker = Callable[[str, str | None], str | None]


@dataclass(frozen=True)
class LabelledRecord:
    source: str
    key: str
    locality: str
    kind: str
    name: str
    unit: str | None
    indicator: str | None  # the hand-given group (a catalog id), None when in no group


@dataclass(frozen=True)
class Pairwise:
    precision: float
    recall: float
    f1: float
    coverage: float
    linked_tasks: int
    records: int


def read_labelled(path: Path) -> list[LabelledRecord]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [LabelledRecord(r["source"], r["key"], r["locality"], r["kind"], r["name"],
                               r["unit"] or None, r["indicator"] or None)
                for r in csv.DictReader(fh)]


def distinct(records: Iterable[LabelledRecord]) -> list[LabelledRecord]:
    """One record per (locality, name, unit): the seeds recur in several formats, and the
    same row of one plan read twice says nothing about linking across plans."""
    seen, out = set(), []
    for r in records:
        key = (r.locality, r.name, r.unit)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def pairwise(records: Sequence[LabelledRecord], link: Linker,
             findable: Callable[[LabelledRecord], bool] | None = None) -> Pairwise:
    """Pairwise agreement of `link` with the hand groups. Coverage counts the grouped
    records that `findable` accepts (all of them by default)."""
    predicted = [link(r.name, r.unit) if r.kind == "indicator" else None for r in records]
    linked_tasks = sum(1 for r, p in zip(records, predicted, strict=True)
                       if r.kind == "task" and p)
    indicators = [(r.indicator, p) for r, p in zip(records, predicted, strict=True)
                  if r.kind == "indicator"]
    tp = fp = fn = 0
    for (gold_a, pred_a), (gold_b, pred_b) in itertools.combinations(indicators, 2):
        together = gold_a is not None and gold_a == gold_b
        linked = pred_a is not None and pred_a == pred_b
        tp += together and linked
        fp += linked and not together
        fn += together and not linked
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    grouped = [p for r, p in zip(records, predicted, strict=True)
               if r.kind == "indicator" and r.indicator is not None
               and (findable is None or findable(r))]
    coverage = sum(1 for p in grouped if p) / len(grouped) if grouped else 1.0
    return Pairwise(precision, recall, f1, coverage, linked_tasks, len(indicators))


def catalog_linker(catalog: Catalog, *, held_out: bool = False) -> Linker:
    """The matcher as a linker. `held_out` hides from the catalog the phrasing equal to the
    record's own words, so the measure is of a wording the catalog does not hold."""
    def link(name: str, unit: str | None) -> str | None:
        ranked = catalog.rank(name, unit, skip_same_words=held_out)
        return ranked[0][0] if ranked and ranked[0][1] >= catalog.threshold else None
    return link


def plain_fuzzy_linker(catalog: Catalog, threshold: float, *,
                       held_out: bool = False) -> Linker:
    """The baseline: the catalog phrasing most similar to the name (rapidfuzz WRatio on
    accent-folded text), with no constraint and no abbreviation expanded."""
    phrasings = [(ascii_fold(t), ind.id) for ind in catalog.indicators.values()
                 for t in (ind.name, *ind.aliases)]

    def link(name: str, unit: str | None) -> str | None:
        key = ascii_fold(name)
        best, best_id = 0.0, None
        for text, ind_id in phrasings:
            if held_out and text == key:
                continue
            score = fuzz.WRatio(key, text)
            if score > best:
                best, best_id = score, ind_id
        return best_id if best >= threshold * 100 else None
    return link


@dataclass(frozen=True)
class Decision:
    name: str
    unit: str | None
    indicator: str
    same: bool
    near_miss: bool


def read_decisions(path: Path) -> list[Decision]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [Decision(r["name"], r["unit"] or None, r["indicator"], r["same"] == "1",
                         r["near_miss"] == "1") for r in csv.DictReader(fh)]


def decision_scores(catalog: Catalog, decisions: Sequence[Decision], *,
                    held_out: bool = True) -> list[float]:
    """The matcher's score for each (name, indicator) decision when that indicator is its
    best candidate; 0 when another ranks higher or a hard constraint rejects the pair."""
    out = []
    for d in decisions:
        ranked = catalog.rank(d.name, d.unit, skip_same_words=held_out)
        out.append(ranked[0][1] if ranked and ranked[0][0] == d.indicator else 0.0)
    return out


def precision_recall(decisions: Sequence[Decision], scores: Sequence[float],
                     threshold: float) -> tuple[float, float]:
    tp = sum(1 for d, s in zip(decisions, scores, strict=True) if s >= threshold and d.same)
    fp = sum(1 for d, s in zip(decisions, scores, strict=True) if s >= threshold and not d.same)
    fn = sum(1 for d, s in zip(decisions, scores, strict=True) if s < threshold and d.same)
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0)


def has_other_phrasing(catalog: Catalog, item: Decision | LabelledRecord) -> bool:
    """True when the catalog holds a phrasing of the item's indicator other than the name's
    own words: only then can a held-out measure find it."""
    from chitieu.catalog.words import read

    if not item.indicator:
        return False
    own = read(item.name, catalog.words).content
    ind = catalog.indicators[item.indicator]
    return any(read(t, catalog.words).content != own for t in (ind.name, *ind.aliases))


def calibrate(decisions: Sequence[Decision], scores: Sequence[float],
              grid: Iterable[float]) -> tuple[float, float, float]:
    """The threshold of `grid` with the best F1 on the decisions: (threshold, P, R)."""
    best = (0.0, 0.0, 0.0, -1.0)
    for threshold in grid:
        p, r = precision_recall(decisions, scores, threshold)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        if f1 > best[3]:
            best = (threshold, p, r, f1)
    return best[:3]


@dataclass(frozen=True)
class OutOfSample:
    """Decisions on phrasings the catalog was not built from, each labelled by hand."""

    right: int      # linked to the labelled indicator
    wrong: int      # linked to another indicator (labelled one or none)
    missed: int     # labelled with an indicator, left unlinked
    unlinked: int   # labelled none, left unlinked
    labelled: int   # labelled with an indicator
    errors: tuple[tuple[str, str | None, str | None], ...]  # (name, label, link) of each miss

    @property
    def precision(self) -> float:
        return self.right / (self.right + self.wrong) if self.right + self.wrong else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.labelled if self.labelled else 1.0


def read_out_of_sample(path: Path) -> list[LabelledRecord]:
    """tests/catalog/oos_labels.csv: source, name, unit, indicator (empty = none)."""
    with path.open(encoding="utf-8", newline="") as fh:
        return [LabelledRecord(r["source"], "", r["source"], "indicator", r["name"],
                               r["unit"] or None, r["indicator"] or None)
                for r in csv.DictReader(fh)]


def out_of_sample(items: Sequence[LabelledRecord], link: Linker) -> OutOfSample:
    right = wrong = missed = unlinked = 0
    errors = []
    for item in items:
        got = link(item.name, item.unit)
        if got and got == item.indicator:
            right += 1
            continue
        if got:
            wrong += 1
        elif item.indicator:
            missed += 1
        else:
            unlinked += 1
            continue
        errors.append((item.name, item.indicator, got))
    labelled = sum(1 for item in items if item.indicator)
    return OutOfSample(right, wrong, missed, unlinked, labelled, tuple(errors))
