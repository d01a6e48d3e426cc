"""The name reading's compiled hot loops (chitieu.catalog._fastread) against their Python
twins: the same result for every name of tests/catalog and for names made distinct as the
speed benchmark makes them (two catalog words spliced in), and the Python twins alone where
the module is not built or is turned off."""

from __future__ import annotations

import csv
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chitieu.catalog import words as W
from chitieu.catalog.catalog import Catalog, default_catalog

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

needs_compiled = pytest.mark.skipif(
    W.compiled() is None,
    reason="chitieu.catalog._fastread not built (setup.py; `make test` builds it)")


def _labelled_names() -> list[tuple[str, str | None]]:
    found: dict[tuple[str, str | None], None] = {}
    for path in sorted(HERE.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                if row.get("name"):
                    found[row["name"], row.get("unit") or None] = None
    return list(found)


def _distinct(names: list[tuple[str, str | None]], vocabulary: list[str],
              seed: int = 15) -> list[tuple[str, str | None]]:
    """Each name with two words of `vocabulary` after its first two (benchmarks/bench_text.py
    --distinct), and once more printed as a share, and with no unit."""
    rng = random.Random(seed)
    made = []
    for name, unit in names:
        head = name.split(" ")
        spliced = " ".join([*head[:2], rng.choice(vocabulary), rng.choice(vocabulary),
                            *head[2:]])
        made += [(spliced, unit), (spliced, "%"), (name, None)]
    return made


_NAMES = _labelled_names()


@pytest.fixture(scope="module")
def twins() -> tuple[Catalog, Catalog]:
    """The default catalog, and a copy of it whose candidate loop is the Python one."""
    compiled = default_catalog()
    plain = Catalog(compiled.indicators)
    plain._searcher = None
    return compiled, plain


def test_the_labelled_names_are_many() -> None:
    assert len(_NAMES) > 2000  # the oracle below reads them all


@needs_compiled
def test_the_compiled_scan_reads_every_name_as_the_python_scan() -> None:
    words = default_catalog().words
    reader = W._reader(words)
    assert reader.scan is not None
    vocabulary = sorted({w for phrase in words.conditions for w in phrase})
    for name, _unit in _distinct(_NAMES, vocabulary):
        seq = W.tokens(name, words)
        assert reader.scan(seq) == W._scan_words(seq, words, reader), name


@needs_compiled
def test_the_compiled_head_finds_every_names_object_as_the_python_head() -> None:
    """`read` (a name opening with no opener): the scan, and the measuring noun's family, the
    counted object and what is said of it, as `_object` finds them."""
    words = default_catalog().words
    reader = W._reader(words)
    objects = sorted({w for phrase in (*words.objects, *words.listed, *words.measuring,
                                       *words.predicates, *words.bare_followers)
                      for w in phrase})
    read = 0
    for name, _unit in _distinct(_NAMES, [*objects, *sorted(words.fillers)]):
        seq = W.tokens(name, words)
        if seq[:1] in reader.opener_starts:
            continue
        expected = (*W._scan_words(seq, words, reader), *W._object(seq, words, reader))
        assert reader.read(seq) == expected, name
        read += expected[4] is not None
    assert read > 1000  # (names with a counted object among them)


@needs_compiled
def test_the_compiled_tokens_read_every_name_as_the_python_tokens() -> None:
    words = default_catalog().words
    reader = W._reader(words)
    assert reader.tokenize is not None
    odd = [" a", "a ", "a  b", "", " ", "Tỷ lệ của xã  B", "x <br /> y", "&amp; x", "5G  (4G/5G)"]
    names = [name for name, _unit in _distinct(_NAMES, sorted(words.fillers | {"số", "xã"}))]
    compiled = 0
    for name in [*names, *odd, *names]:  # the second time, every plain piece was read
        assert W._tokens(name, words, reader) == W._read_tokens(name, words, reader), name
        compiled += reader.tokenize(name) is not None
    assert compiled > len(names)  # (not all left to the Python reading)


@needs_compiled
def test_the_compiled_phrase_sets_are_held_as_the_python_sets() -> None:
    """`_holds_any` compiled for the sets of `Words` (the sets a name holds found once for
    the last name asked about): the same answer for every set, name and part of a name."""
    words = default_catalog().words
    W._reader(words)
    asked = [held[0] for held in W._HELD.values()]
    assert words.added in asked and words.periods in asked
    vocabulary = sorted({w for table in asked for phrase in table for w in phrase})
    for name, _unit in _distinct(_NAMES[::3], vocabulary):
        seq = W.tokens(name, words)
        for part in (seq, seq[2:], seq):
            for table in asked:
                assert W._holds_any(part, table) == W._holds_anywhere(part, table), name


@needs_compiled
def test_the_compiled_candidates_give_every_name_the_python_link(twins) -> None:
    compiled, plain = twins
    assert compiled._searcher is not None
    vocabulary = compiled._vocabulary
    for name, unit in _distinct(_NAMES, vocabulary):
        assert compiled._best(name, unit) == plain._best(name, unit), (name, unit)


@needs_compiled
def test_the_compiled_candidates_keep_a_threshold_set_later(twins) -> None:
    compiled, plain = twins
    before = compiled.threshold
    try:
        for threshold in (0.5, 0.8):
            compiled.threshold = plain.threshold = threshold
            for name, unit in _NAMES[::10]:
                assert compiled._best(name, unit) == plain._best(name, unit), (name, unit)
    finally:
        compiled.threshold = plain.threshold = before


def test_turned_off_the_catalog_reads_with_its_python_twins() -> None:
    """CHITIEU_COMPILED=0 (as where the module was not built): the Python reading, whose
    links are the ones the tests pin."""
    code = ("from chitieu.catalog import words as W; from chitieu.catalog import load_catalog;"
            "c = load_catalog(); assert W.compiled() is None;"
            "assert W._reader(c.words).scan is None and c._searcher is None;"
            "print(c.match('Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình',"
            " '%'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT,
                         env={**os.environ, "CHITIEU_COMPILED": "0"}).stdout
    assert out.startswith("IndicatorMatch("), out
    here = default_catalog().match(
        "Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình", "%")
    assert out.strip() == repr(here)


_WORDS = default_catalog().words
_READER_WORDS = sorted({
    w for table in (_WORDS.stop_set, _WORDS.conditions, _WORDS.using_verbs,
                    _WORDS.used_objects, _WORDS.objects, _WORDS.listed, _WORDS.measuring,
                    _WORDS.not_measuring, _WORDS.predicates, _WORDS.bare_followers,
                    _WORDS.added, _WORDS.periods, _WORDS.named_wholes, *_WORDS.void.values())
    for phrase in table for w in phrase} | _WORDS.fillers | _WORDS.number_words)
_SEQUENCES = st.lists(st.one_of(st.sampled_from(_READER_WORDS),
                                st.sampled_from(["x", "1", "05", "2025", "10000"]),
                                st.sampled_from(sorted(_WORDS.conditions)),
                                st.sampled_from(sorted(_WORDS.objects))),
                      max_size=12).map(lambda parts: tuple(w for p in parts for w in (
                          (p,) if isinstance(p, str) else p)))


@needs_compiled
@given(_SEQUENCES)
def test_any_words_are_read_by_the_compiled_head_as_by_the_python_head(seq) -> None:
    """The scan, head, object and `_said` of any sequence of the tables' words (phrases
    whole, cut or overlapping, numbers anywhere), compiled and in Python."""
    reader = W._reader(_WORDS)
    if seq[:1] not in reader.opener_starts:
        expected = (*W._scan_words(seq, _WORDS, reader), *W._object(seq, _WORDS, reader))
        assert reader.read(seq) == expected


@needs_compiled
@given(_SEQUENCES)
def test_any_words_hold_the_phrase_sets_compiled_as_in_python(seq) -> None:
    W._reader(_WORDS)
    for table, holds, bit in list(W._HELD.values()):
        assert holds(seq, bit) == W._holds_anywhere(seq, table), table


_PIECES = sorted({piece for name, _unit in _NAMES[::5] for piece in name.split(" ")})


@needs_compiled
@given(st.lists(st.one_of(st.sampled_from(_PIECES),
                          st.sampled_from(["", "của", "xã", "Của", "CỦA", "huyện", "(4G/5G)",
                                           "&amp;", "a\tb", "<b>", "10.000", "≤5", "0"])),
                max_size=12))
def test_any_text_is_read_into_words_compiled_as_in_python(pieces) -> None:
    """`_tokens` of any text of the names' pieces (a locality, markup, odd spaces among
    them), the first time and once its pieces were read, as the Python `_read_tokens`."""
    reader = W._reader(_WORDS)
    text = " ".join(pieces)
    for _ in range(2):
        assert W._tokens(text, _WORDS, reader) == W._read_tokens(text, _WORDS, reader)
