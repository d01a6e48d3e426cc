"""Patterns compiled on first use; vocabulary patterns that do not depend on the hash seed."""

import os
import subprocess
import sys
from pathlib import Path

import regex

from chitieu.core.patterns import lazy


class Counting:
    def __init__(self, compile_) -> None:
        self.compile, self.calls = compile_, 0

    def __call__(self, pattern, flags=0, **options):
        self.calls += 1
        return self.compile(pattern, flags, **options)


def test_a_lazy_pattern_compiles_once_on_first_use() -> None:
    counting = Counting(regex.compile)
    word = lazy(counting, r"\p{L}+", regex.IGNORECASE)
    assert counting.calls == 0
    assert word.findall("Hà Nội 2026") == ["Hà", "Nội"]
    assert word.sub("_", "xã A") == "_ _"
    assert word.pattern == r"\p{L}+" and word.flags & regex.IGNORECASE
    assert word.compiled() is word.compiled()
    assert counting.calls == 1


def test_vocabulary_patterns_are_the_same_whatever_the_hash_seed() -> None:
    """A pattern built from a set of words is the same in every process (its alternatives'
    order decides which of two overlapping words matches)."""
    code = ("import hashlib\n"
            "from chitieu.normalize import deadline, target\n"
            "texts = [target._grammar().head.pattern, target._grammar().embedded.pattern,\n"
            "         deadline._grammar().point.pattern, deadline._grammar().leads.pattern]\n"
            "print(hashlib.sha256(repr(texts).encode()).hexdigest())")
    seen = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
            for seed in ("1", "2", "3")}
    assert len(seen) == 1


def test_a_regex_pattern_compiled_by_an_earlier_process_is_loaded(
        tmp_path, monkeypatch) -> None:
    from chitieu.core import cache, patterns

    monkeypatch.setenv("CHITIEU_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(patterns, "_REGEX_STORE", None)
    first = patterns.compile_regex(r"(?<![\p{L}\p{N}])tinh\s+(?P<name>\w+)", regex.IGNORECASE)
    cache.flush()  # the end of that process
    monkeypatch.setattr(patterns, "_REGEX_STORE", None)
    compiled = []
    monkeypatch.setattr(regex, "compile", lambda *a, **k: compiled.append(a))
    again = patterns.compile_regex(r"(?<![\p{L}\p{N}])tinh\s+(?P<name>\w+)", regex.IGNORECASE)
    assert compiled == []  # loaded, not compiled
    text = "UBND TINH Ninh Binh, xtinh A, tinh B"
    assert again.search(text)["name"] == first.search(text)["name"] == "Ninh"
    assert again.findall(text) == first.findall(text)
    assert (again.pattern, again.flags) == (first.pattern, first.flags)


def test_a_lazy_regex_pattern_is_loaded_too(tmp_path, monkeypatch) -> None:
    from chitieu.core import cache, patterns

    monkeypatch.setenv("CHITIEU_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(patterns, "_REGEX_STORE", None)
    assert lazy(regex.compile, r"\d+(?=\s)").findall("a 12 b 3 ") == ["12", "3"]
    cache.flush()
    monkeypatch.setattr(patterns, "_REGEX_STORE", None)
    real = regex.compile
    monkeypatch.setattr(regex, "compile", Counting(real))
    again = lazy(regex.compile, r"\d+(?=\s)")
    assert again.findall("a 12 b 3 ") == ["12", "3"] and regex.compile.calls == 0


def _re_patterns() -> list[tuple[str, int]]:
    """Every `re` pattern the text path compiles lazily: module constants and the target
    and deadline grammars' fields."""
    import re

    from chitieu.core.patterns import LazyPattern
    from chitieu.normalize import deadline, target
    from chitieu.pipeline import convert_text  # noqa: F401  (imports the text path)

    found = [value for name, module in list(sys.modules.items()) if name.startswith("chitieu")
             for value in vars(module).values()]
    for grammar in (target._grammar(), deadline._grammar()):
        found += [getattr(grammar, name) for name in dir(grammar) if not name.startswith("__")]
    return sorted({v._arguments[:2] for v in found
                   if isinstance(v, LazyPattern) and v._compile is re.compile})


def test_re_patterns_from_kept_programs_equal_re_compile(tmp_path, monkeypatch) -> None:
    """An `re` pattern made from its kept program is the pattern `re.compile` makes: equal
    patterns have the same text, flags and program (`_sre`'s comparison)."""
    import re

    from chitieu.core import cache, patterns

    monkeypatch.setenv("CHITIEU_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(patterns, "_RE_STORE", None)
    written = [(r"(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?!\d)", 0),
               (r"(?<!\w)tháng\s+(?P<n>[ivx]+)(?!\w)", re.IGNORECASE),
               (r"^(?P<head>.*?\S)\s*(?::|,?\s+đạt)\s*$", re.S),
               (r"(a)(?:b|(?P<c>c))\1(?(c)d|e)", re.I | re.M), (r"[^\W\d_]+", 0)]
    cases = written + _re_patterns()
    assert len(cases) > 40  # the grammars' patterns were found
    made = [patterns.compile_re(p, f) for p, f in cases]
    cache.flush()
    monkeypatch.setattr(patterns, "_RE_STORE", None)
    monkeypatch.setattr(patterns, "_program", None)  # a parse would raise: loaded only
    loaded = [patterns.compile_re(p, f) for p, f in cases]
    for (pattern, flags), first, again in zip(cases, made, loaded, strict=True):
        expected = re.compile(pattern, flags)
        assert first == expected and again == expected, pattern
        assert (again.groupindex, again.groups) == (expected.groupindex, expected.groups)


def test_re_pattern_errors_are_re_compiles(tmp_path, monkeypatch) -> None:
    import re

    import pytest

    from chitieu.core import patterns

    monkeypatch.setenv("CHITIEU_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(patterns, "_RE_STORE", None)
    with pytest.raises(re.error):
        patterns.compile_re(r"(?P<a>x)(?P<a>y)")
    assert lazy(re.compile, r"(?i)a\d").findall("A1 b2 a3") == ["A1", "a3"]


def test_regex_flags_and_escape_are_regex_own() -> None:
    from chitieu.core import patterns

    assert (int(regex.IGNORECASE), int(regex.S)) == (patterns.IGNORECASE, patterns.DOTALL)
    texts = ["Sở Y tế (CDC)", "a.b*c+d?e|f^g$h\\i-j#k&l~m", "tab\there\nnew line", "[x]{2}",
             "\u00a0nbsp\u2003em", "100% / năm", ""]
    assert [patterns.escape(t) for t in texts] == [regex.escape(t) for t in texts]
    every = "".join(map(chr, range(0x3000)))
    assert patterns.escape(every) == regex.escape(every)


def _run(code: str, cache_dir: Path) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, env={**os.environ, "CHITIEU_CACHE_DIR": str(cache_dir)}
                          ).stdout


def test_a_kept_regex_program_runs_without_regex_python_modules(tmp_path) -> None:
    """A later process runs the kept program on `regex`'s C module alone, and its patterns
    pickle as `regex`'s own."""
    code = ("import pickle, sys\n"
            "from chitieu.core.patterns import IGNORECASE, compile_regex\n"
            "p = compile_regex(r'(?<![\\p{L}])tỉnh\\s+(?P<name>\\w+)', IGNORECASE)\n"
            "print(p.search('UBND TỈNH Ninh Bình')['name'], p.sub('-', 'tỉnh A'))\n"
            "print(sorted(m for m in sys.modules if m.startswith('regex')))\n"
            "again = pickle.loads(pickle.dumps(p))\n"
            "print(again.pattern == p.pattern, again.flags == p.flags,\n"
            "      again.search('tỉnh B')[1])\n"
            "from chitieu.core.patterns import _regex_package\n"
            "regex = _regex_package()  # the whole package after the C module alone\n"
            "print(regex._regex is sys.modules['regex._regex'], regex.sub('(a)', r'\\1-', 'ab'))\n")
    first, second = _run(code, tmp_path), _run(code, tmp_path)
    assert first.splitlines()[0] == second.splitlines()[0] == "Ninh -"
    assert "regex._main" in first.splitlines()[1]  # compiled by regex itself
    assert second.splitlines()[1] == "['regex._regex']"
    assert first.splitlines()[2] == second.splitlines()[2] == "True True B"
    assert first.splitlines()[3] == second.splitlines()[3] == "True a-b"
