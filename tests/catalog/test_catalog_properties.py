"""Properties: how a phrasing is typed (accents, case, spacing, abbreviations) never changes
the indicator it links to."""

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from chitieu.catalog import default_catalog

# each phrasing with its indicator's unit: a record comes with the unit of its target, and
# some indicators differ only by it ("Tỷ lệ hộ nghèo đa chiều" in % or in điểm %)
PHRASINGS = sorted((text, ind.id, ind.unit) for ind in default_catalog().indicators.values()
                   for text in (ind.name, *ind.aliases))
ABBREVIATIONS = [
    ("thủ tục hành chính", "TTHC"), ("dịch vụ công trực tuyến", "DVCTT"),
    ("cán bộ, công chức, viên chức", "CBCCVC"), ("cán bộ, công chức", "CBCC"),
    ("công nghệ thông tin", "CNTT"), ("cơ sở dữ liệu", "CSDL"), ("Ủy ban nhân dân", "UBND"),
    ("Tỷ lệ", "Tỉ lệ"), ("Wi-Fi", "wifi"), ("thương mại điện tử", "TMĐT"),
]


def _unaccented(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _expected(text: str, ind_id: str, unit: str) -> str:
    found = default_catalog().match(text, unit)
    assert found is not None and found.id == ind_id, (text, found)
    return ind_id


def test_every_catalog_phrasing_links_to_its_own_indicator() -> None:
    for text, ind_id, unit in PHRASINGS:
        found = default_catalog().match(text, unit)
        assert found is not None and found.id == ind_id and found.score == 1.0, text


@given(st.sampled_from(PHRASINGS), st.randoms(use_true_random=False))
def test_case_and_spacing_do_not_matter(phrasing, rnd) -> None:
    text, ind_id, unit = phrasing
    expected = _expected(text, ind_id, unit)
    changed = "".join(c.upper() if rnd.random() < 0.3 else c for c in text)
    changed = re.sub(r" ", lambda _: rnd.choice([" ", "  ", "\n", " \t"]), changed)
    found = default_catalog().match(changed, unit)
    assert found is not None and found.id == expected, changed


@given(st.sampled_from(PHRASINGS))
def test_accents_do_not_matter(phrasing) -> None:
    text, ind_id, unit = phrasing
    found = default_catalog().match(_unaccented(text), unit)
    assert found is not None and found.id == _expected(text, ind_id, unit)


@given(st.sampled_from([p for p in PHRASINGS
                        if any(long in p[0] for long, _ in ABBREVIATIONS)]))
def test_abbreviations_and_their_expansions_link_alike(phrasing) -> None:
    text, ind_id, unit = phrasing
    expected = _expected(text, ind_id, unit)
    short = text
    for long, abbreviation in ABBREVIATIONS:
        short = short.replace(long, abbreviation)
    found = default_catalog().match(short, unit)
    assert found is not None and found.id == expected, short


_PIECES = st.sampled_from([
    "Tỷ", "lệ", "trẻ", "em", "≤", "≤5", "<", "<1", "<=", "5", "05", "tuổi", "%", "(%)", "TTHC",
    "UBND", "tổ", "dân", "phố", "Tổ", "số", "sức", "khỏe", "Wi-Fi", "dưới", "đ", "xã,", "1Gb/s",
])


@given(st.lists(st.one_of(_PIECES, st.text(max_size=5)), min_size=1, max_size=8))
def test_a_plain_name_reads_as_the_whole_text_does(pieces) -> None:
    """A plain name is read piece by piece (split at its spaces, each piece folded once): the
    same words as reading the whole text, which a doubled space makes the matcher do."""
    from chitieu.catalog.words import tokens
    from chitieu.core.text import is_plain

    words = default_catalog().words
    text = " ".join(pieces) + " x"
    if is_plain(text):
        assert tokens(text, words) == tokens(text.replace(" x", "  x"), words), text


def _replaced_plainly(seq: tuple[str, ...], table: dict) -> tuple[str, ...]:
    """The phrases of `table` replaced in `seq`, longest first, left to right: every length
    tried at every place."""
    longest = max(map(len, table), default=0)
    out: list[str] = []
    i = 0
    while i < len(seq):
        n = next((n for n in range(min(longest, len(seq) - i), 0, -1) if seq[i:i + n] in table),
                 0)
        if n:
            out += table[seq[i:i + n]]
            i += n
        else:
            out.append(seq[i])
            i += 1
    return tuple(out)


_WORDS = default_catalog().words
_TABLE_WORDS = sorted({w for table in (_WORDS.abbreviations, _WORDS.synonyms, _WORDS.stop_set,
                                       _WORDS.conditions)
                       for phrase in table for w in phrase})


@given(st.lists(st.one_of(st.sampled_from(_TABLE_WORDS), st.sampled_from(["x", "1", "05"]),
                          st.sampled_from(sorted(_WORDS.synonyms)).map(" ".join)),
                max_size=14))
def test_phrases_are_replaced_as_trying_every_length_everywhere_would(parts) -> None:
    """`_replace` tries a place's phrases only through its first two words (and the word
    alone): the same as trying every length at every place."""
    from chitieu.catalog.words import _reader, _replace

    seq = tuple(" ".join(parts).split())
    reader = _reader(_WORDS)
    for table, starts in ((_WORDS.abbreviations, reader.abbreviations),
                          (_WORDS.synonyms, reader.synonyms)):
        assert _replace(seq, table, starts) == _replaced_plainly(seq, table), seq


def _scanned_plainly(seq: tuple[str, ...], words) -> tuple[list[str], set[str], str | None]:
    """What `_scan` reads, with every phrase of every table tried at every place: the words
    left once numbers and stop phrases (the longest, left to right) are dropped, the
    conditions of every phrase held anywhere, and the first verb of use followed by a used
    object (the longest verb there that is)."""
    from chitieu.catalog.words import _found_at, _longest_at, _reader

    def held(i: int, table) -> list[tuple[str, ...]]:
        return sorted((key for key in table if key and seq[i:i + len(key)] == key),
                      key=len, reverse=True)

    out, found, used, covered = [], set(), None, 0
    for i, word in enumerate(seq):
        for key in held(i, words.conditions):  # a size after a number: `_found_at`'s rule
            _found_at(seq, i, len(key), words.conditions[key], found, words)
        for verb in held(i, words.using_verbs) if used is None else ():
            after = _longest_at(seq, i + len(verb), words.used_objects,
                                _reader(words).used_objects)
            if after:
                used = f"{words.using_verbs[verb]} {after}"
                break
        if i < covered:
            continue
        stop = held(i, words.stop_set)
        if stop:
            covered = i + len(stop[0])
        elif not word.isdigit():
            out.append(word)
    if seq and () in words.conditions:
        found.add(words.conditions[()])
    return out, found, used


_SCANNED_WORDS = sorted({w for table in (_WORDS.stop_set, _WORDS.conditions, _WORDS.using_verbs,
                                         _WORDS.used_objects)
                         for phrase in table for w in phrase})


@given(st.lists(st.one_of(st.sampled_from(_SCANNED_WORDS), st.sampled_from(["x", "1", "05"]),
                          st.sampled_from(sorted(_WORDS.conditions)).map(" ".join),
                          st.sampled_from(sorted(_WORDS.stop_set)).map(" ".join),
                          st.sampled_from(sorted(_WORDS.using_verbs)).map(" ".join)),
                max_size=16))
def test_a_name_is_scanned_as_trying_every_phrase_everywhere_would(parts) -> None:
    """`_scan` looks at a word only where it (with the next word) may start a phrase, and
    keeps the runs of plain words between: the same as trying every phrase everywhere."""
    from chitieu.catalog.words import _reader, _scan

    seq = tuple(" ".join(parts).split())
    assert _scan(seq, _WORDS, _reader(_WORDS)) == _scanned_plainly(seq, _WORDS), seq
