"""The catalog file itself: well formed, consistent, and honest about where it comes from."""

import re
from pathlib import Path

import pytest

from chitieu.catalog import INDICATORS_CSV, default_catalog
from chitieu.catalog.catalog import compatible, read_catalog_csv
from chitieu.catalog.words import (
    ADDED,
    CUMULATIVE,
    family_conditions,
    read,
    unit_conditions,
    unit_family,
)
from chitieu.compare import convert

ROOT = Path(__file__).resolve().parents[2]
GROUPS = {
    "nts": "Nhận thức số", "tcs": "Thể chế số", "hts": "Hạ tầng số", "nls": "Nhân lực số",
    "attt": "An toàn thông tin mạng", "cqs": "Chính quyền số", "kts": "Kinh tế số",
    "xhs": "Xã hội số", "da06": "Đề án 06", "ktxh": "Kinh tế - xã hội",
    "cchc": "Cải cách hành chính", "ntm": "Nông thôn mới", "qpan": "Quốc phòng - an ninh",
}
# read in place in ../shared/real (their appendices)
READ_IN_SHARED = {"QĐ 2629/QĐ-TTg", "NQ 03/NQ-CP"}
# read in public pages quoting them: each of their targets has its page in target_sources.csv
READ_IN_PAGES = {
    "NQ 57-NQ/TW", "QĐ 749/QĐ-TTg", "QĐ 411/QĐ-TTg", "NQ 01/NQ-CP năm 2026",
    "Chương trình công tác năm 2026 của BCĐ Trung ương",
    "NQ của Quốc hội về kế hoạch KT-XH năm 2026",
    # the Government's programme for KL 115-KL/TW (2030 targets) and the XIV Party Congress
    "NQ 12/NQ-CP", "NQ Đại hội XIV",
}
NATIONAL_DOCUMENTS = READ_IN_SHARED | READ_IN_PAGES
INDICATORS = read_catalog_csv(INDICATORS_CSV)


def test_at_least_150_indicators_with_unique_slugs() -> None:
    assert len(INDICATORS) >= 150
    ids = [ind.id for ind in INDICATORS]
    assert len(ids) == len(set(ids))
    for ind in INDICATORS:
        assert re.fullmatch(r"[a-z0-9]+\.[a-z0-9_]+", ind.id), ind.id


@pytest.mark.parametrize("ind", INDICATORS, ids=lambda i: i.id)
def test_each_indicator_is_complete(ind) -> None:
    assert GROUPS[ind.id.split(".")[0]] == ind.group
    assert ind.unit and ind.counts and ind.name
    assert ind.direction in {"higher", "lower"}
    # one provenance entry per phrasing: the name first, then each alias
    assert len(ind.seen) == 1 + len(ind.aliases)
    for target in ind.targets:
        assert target.document in NATIONAL_DOCUMENTS
        assert 2025 <= target.year <= 2045
        # a national target is comparable with local ones: its unit converts
        assert convert(target.value, target.unit, ind.unit, ind.id) is not None, str(target)


def test_each_conversion_scoped_to_indicators_names_them_in_their_unit() -> None:
    """A unit_conversions.csv row naming indicators converts to their own unit: an id the
    catalog lacks, or one printed in another unit, is a row that never applies."""
    import csv

    from chitieu.compare import CONVERSIONS_CSV, unit_key

    units = {ind.id: ind.unit for ind in INDICATORS}
    with CONVERSIONS_CSV.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    scoped = [row for row in rows if (row.get("indicators") or "").strip()]
    assert scoped
    for row in scoped:
        for ind_id in row["indicators"].split("|"):
            assert ind_id in units, (row, ind_id)
            assert unit_key(units[ind_id]) == unit_key(row["to"]), (row, ind_id)


@pytest.mark.parametrize("ind", INDICATORS, ids=lambda i: i.id)
def test_every_alias_passes_the_hard_constraints_of_its_name(ind) -> None:
    """An alias that the matcher's constraints would keep apart from its own name is a
    contradiction in the data (or a lexicon gap)."""
    family = unit_family(ind.unit)

    def reading(text: str):  # as the catalog reads its phrasings, with its unit's conditions
        # (what a count tallies is the indicator's, whichever phrasing says it: `_tallied`)
        r = family_conditions(unit_conditions(read(text), ind.unit), family)
        return r._replace(conditions=r.conditions - {ADDED, CUMULATIVE})

    base = reading(ind.name)
    for alias in ind.aliases:
        assert compatible(reading(alias), family, base, family), alias


def test_no_phrasing_belongs_to_two_indicators() -> None:
    owner: dict[str, str] = {}
    for ind in INDICATORS:
        for text in (ind.name, *ind.aliases):
            key = read(text).content
            assert owner.setdefault(key, ind.id) == ind.id, (text, owner[key])


def test_provenance_names_a_fixture_a_seed_or_a_national_document() -> None:
    fixtures = ROOT / "tests" / "fixtures"
    for ind in INDICATORS:
        for entry in ind.seen:
            for source in (s.strip() for s in entry.split(",")):
                if source in NATIONAL_DOCUMENTS or source in {"catalog", "issue 13"}:
                    continue
                folder, stem = source.split("/")
                if folder == "seeds":
                    assert (ROOT / "samples" / f"{stem}.txt").is_file(), source
                else:
                    assert list((fixtures / folder).rglob(f"{stem}.*")), source


def test_the_taxonomy_is_covered() -> None:
    assert {ind.group for ind in INDICATORS} == set(GROUPS.values())


def test_national_targets_come_from_the_documents_read() -> None:
    targets = {(ind.id, t.op, t.value, t.year, t.document)
               for ind in INDICATORS for t in ind.targets}
    # a few spot checks against the text of the documents (see README)
    assert ("cqs.dvctt_toan_trinh", "=", 100, 2027, "QĐ 2629/QĐ-TTg") in targets
    assert ("xhs.tai_khoan_thanh_toan", ">=", 95, 2030, "NQ 03/NQ-CP") in targets
    assert ("kts.ty_trong_kinh_te_so", ">=", 30, 2030, "NQ 57-NQ/TW") in targets
    assert ("cqs.dvctt_toan_trinh", ">=", 80, 2025, "QĐ 749/QĐ-TTg") in targets
    assert ("hts.ho_cap_quang", ">=", 84, 2026, "NQ 01/NQ-CP năm 2026") in targets


def test_each_target_not_read_in_shared_names_the_page_it_was_read_in() -> None:
    import csv

    with (INDICATORS_CSV.parent / "target_sources.csv").open(encoding="utf-8") as fh:
        sources = {(row["indicator"], row["target"]): row for row in csv.DictReader(fh)}
    with INDICATORS_CSV.open(encoding="utf-8") as fh:
        columns = {row["id"]: row["targets"] for row in csv.DictReader(fh)}
    cited = {(ind_id, raw) for ind_id, column in columns.items()
             for raw in (t.strip() for t in column.split(";")) if raw
             if not any(f"({doc})" in raw for doc in READ_IN_SHARED)}
    assert cited == set(sources)
    assert all(row["read_in"] and row["says"] for row in sources.values())


def test_the_default_catalog_is_built_once() -> None:
    assert default_catalog() is default_catalog()
    assert len(default_catalog().indicators) == len(INDICATORS)
