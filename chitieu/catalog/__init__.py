"""The indicator catalog: one id per comparable indicator, and the matcher that links records.

Data lives beside the code: indicators.csv (extend it with --catalog FILE) and
match_words.yaml (what the matcher knows of the words). The catalog sits beside the flow: it
reads the records the pipeline built and adds each one's `indicator`, nothing else.
"""

from __future__ import annotations

from collections.abc import Iterable

from chitieu.catalog.catalog import (
    INDICATORS_CSV,
    Catalog,
    Indicator,
    IndicatorMatch,
    NationalTarget,
    default_catalog,
    load_catalog,
)
from chitieu.models import IndicatorLink, Record

__all__ = [
    "INDICATORS_CSV", "UNMATCHED", "Catalog", "Indicator", "IndicatorMatch", "NationalTarget",
    "default_catalog", "link_records", "load_catalog",
]

UNMATCHED = "indicator_unmatched"


def link_records(records: Iterable[Record], catalog: Catalog | None = None) -> None:
    """Set each record's `indicator`: the catalog's match for an indicator record (or null
    with the warning indicator_unmatched), always null for a task."""
    catalog = catalog or default_catalog()
    # records linked alike share one link, as they share their sections (nothing changes a
    # link in place): a large document keeps one per indicator and score, not per record
    links: dict[tuple[str, str, float], IndicatorLink] = {}
    for record in records:
        if record.kind != "indicator":
            record.indicator = None
            continue
        unit = record.target.unit if record.target else None
        found = catalog.linked(record.name, unit)  # (id, name, score): `Catalog.match`
        if found:
            link = links.get(found)
            if link is None:
                link = links[found] = IndicatorLink(id=found[0], name=found[1],
                                                    score=found[2])
            record.indicator = link
        else:
            record.indicator = None
            if UNMATCHED not in record.warnings:
                record.warnings.append(UNMATCHED)
