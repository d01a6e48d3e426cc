"""The target grammar's faster forms match what the plain ones match."""

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chitieu.core.dataclass import field_names
from chitieu.core.lexicon import load_yaml
from chitieu.normalize import target as target_module
from chitieu.normalize.target import _case_clash, _embedded_search, _grammar

ROOT = Path(__file__).resolve().parents[2]


def _flat_grammar(monkeypatch: pytest.MonkeyPatch):
    """The grammar with every alternation written flat, as before the tries."""
    monkeypatch.setattr(target_module, "_trie", lambda phrases: None)
    monkeypatch.setattr(target_module, "_ordered_alternation",
                        target_module._ordered_alternation.__wrapped__)
    return target_module._compiled(target_module._grammar_sources())


def _words() -> list[str]:
    data = load_yaml("target_words.yaml")
    found = [w for key in ("lead", "embedded_leads", "change_leads", "strong_ops",
                           "split_leads", "comparison_leads") for w in data.get(key) or []]
    found += [w for ws in data["prefix_ops"].values() for w in ws]
    found += [w for ws in data["suffix_ops"].values() for w in ws]
    units = load_yaml("units.yaml")
    return found + list(units["stop_words"]) + list(units["qualifier_units"])


_WORDS = _words()
# pieces of names: the grammar's words in either case, numbers, symbols, punctuation, space
_PIECES = st.one_of(
    st.sampled_from(_WORDS), st.sampled_from(_WORDS).map(str.upper),
    st.sampled_from(_WORDS).map(str.capitalize),
    st.sampled_from(["5", "70", "1.000", "2026", "0,5", "3/3", "5G", "G5", "x2"]),
    st.sampled_from(["≥", ">=", "<", "~", "=", "%", "％", "-", "–", ",", ".", "/", ":", "(",
                     ")", " ", "  ", "\n", "tỷ lệ", "hộ", "xã", "đạt", "Đạt", "ı", "ſ"]))
_TEXTS = st.lists(_PIECES, max_size=14).map(" ".join) | st.lists(_PIECES, max_size=14).map(
    "".join)


def _spans(match: re.Match[str] | None):
    return None if match is None else (match.span(), match.groupdict())


@settings(max_examples=600, deadline=None)
@given(_TEXTS, st.integers(0, 40))
def test_every_alternation_as_a_trie_matches_as_the_flat_one(text: str, start: int) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        flat = _flat_grammar(monkeypatch)
    trie = _grammar()
    assert trie.embedded.pattern != flat.embedded.pattern  # (the tries are compared)
    start = min(start, len(text))
    for name in field_names(trie):
        pattern = getattr(trie, name)
        if not isinstance(getattr(pattern, "pattern", None), str) or name.startswith("lead_"):
            continue
        other = getattr(flat, name)
        assert _spans(pattern.search(text, start)) == _spans(other.search(text, start)), name
        assert _spans(pattern.match(text, start)) == _spans(other.match(text, start)), name


@settings(max_examples=1500, deadline=None)
@given(_TEXTS, st.integers(0, 60))
def test_the_embedded_search_finds_what_searching_everywhere_finds(text: str, start: int) -> None:
    start = min(start, len(text))
    assert _spans(_embedded_search(text, start)) == _spans(_grammar().embedded.search(text, start))


@settings(max_examples=1500, deadline=None)
@given(_TEXTS | _TEXTS.map(lambda t: "≥ 5" + t) | _TEXTS.map(lambda t: "70" + t))
def test_where_no_word_starts_the_head_matches_as_the_one_without_words(text: str) -> None:
    g = _grammar()
    if g.head_start.match(text) is None:
        assert _spans(g.number_head.match(text)) == _spans(g.head.match(text))
    for run in re.finditer(r"\d+", text):  # where `_embedded_search` tries a run of digits
        first = run.start()
        if first == 0 or not (text[first - 1].isalnum() or text[first - 1] in "_.,/"):
            assert _spans(g.number_head.match(text, first)) == _spans(
                g.embedded.match(text, first))


def test_the_head_without_words_on_every_printed_cell() -> None:
    g = _grammar()
    cells = [cell.strip() for path in sorted((ROOT / "samples").glob("*.txt"))
             for line in path.read_text(encoding="utf-8").split("\n")
             for cell in line.split("\t") if re.search(r"\d", cell)]
    read = [cell for cell in cells if g.head_start.match(cell) is None]
    assert len(read) > 100
    for cell in read:
        assert _spans(g.number_head.match(cell)) == _spans(g.head.match(cell)), cell


def test_the_embedded_search_on_every_printed_cell_with_a_number() -> None:
    cells = [cell for path in sorted((ROOT / "samples").glob("*.txt"))
             for line in path.read_text(encoding="utf-8").split("\n")
             for cell in line.split("\t") if re.search(r"\d", cell)]
    assert len(cells) > 100
    for cell in cells:
        for start in range(0, len(cell), 2):
            assert _spans(_embedded_search(cell, start)) == _spans(
                _grammar().embedded.search(cell, start)), (cell, start)


def test_letters_keyed_apart_in_a_trie_never_match_alike() -> None:
    # the trie keys letters by lower case and trusts that letters of other keys match no
    # common character; where they might (`_case_clash`) it writes the flat alternation
    letters = sorted({c for w in _WORDS for c in w if not c.isspace()}
                     | set("iıIİsſSkKµμσςΣβϐ"))
    for a in letters:
        for b in letters:
            if a.lower() == b.lower() or len(a.lower()) != 1 or len(b.lower()) != 1:
                continue
            alike = bool(re.fullmatch(re.escape(a), b, re.IGNORECASE)
                         or re.fullmatch(re.escape(b), a, re.IGNORECASE))
            assert not alike or _case_clash(a, b), (a, b)


def test_the_grammar_kept_in_the_cache_folder_is_the_one_written(tmp_path, monkeypatch) -> None:
    from chitieu.core import cache

    monkeypatch.setenv("CHITIEU_CACHE_DIR", str(tmp_path))
    written = target_module._grammar_sources()
    built = target_module._grammar.__wrapped__()       # written, then stored
    assert list(tmp_path.glob("target-grammar-*"))
    monkeypatch.setattr(target_module, "_grammar_sources", lambda: cache_missed.append(1))
    cache_missed: list[int] = []
    loaded = target_module._grammar.__wrapped__()      # read back
    assert cache_missed == []
    for name in field_names(loaded):
        a, b = getattr(built, name), getattr(loaded, name)
        if hasattr(a, "compiled"):
            assert (a.pattern, a.flags) == (b.pattern, b.flags)
            source = written[name]
            assert a.pattern == source.pattern
            assert a.flags == re.compile(source.pattern, source.flags).flags
        else:
            assert a == b == written[name]
    assert cache.cache_dir() == tmp_path
