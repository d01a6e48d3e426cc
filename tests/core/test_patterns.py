"""Patterns compiled on first use, and `re` programs kept for the next process."""

import os
import re
import subprocess
import sys

import pytest
import regex

from chitieu.core import patterns
from chitieu.core.patterns import compile_re, lazy


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


@pytest.fixture
def programs(tmp_path, monkeypatch):
    """A fresh process's view of the stored programs, in an empty cache folder."""
    monkeypatch.setenv("CHITIEU_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(patterns._Programs, "_loaded", None)
    monkeypatch.setattr(patterns.atexit, "register", lambda function: None)
    return tmp_path


SAMPLES = [(r"(?<!\w)(?:tăng\s+bình\s+quân|đạt)(?!\w)", re.IGNORECASE),
           (r"(?P<n>\d{1,6}(?:,\d{1,2})?)\s*/\s*(?P<m>\d{1,6})", 0),
           (r"^[-+•*]\s+(?=\S)", re.MULTILINE | re.DOTALL)]


def test_programs_stored_by_one_process_give_the_same_patterns_in_the_next(
        programs, monkeypatch) -> None:
    first = [compile_re(p, f) for p, f in SAMPLES]
    patterns._Programs.get().save()
    monkeypatch.setattr(patterns._Programs, "_loaded", None)

    def no_compiling(*args):
        raise AssertionError("compiled again")

    monkeypatch.setattr(patterns.re, "compile", no_compiling)
    again = [compile_re(p, f) for p, f in SAMPLES]
    assert again == first  # patterns compare by pattern, flags and program
    assert again[1].match("3/10").groupdict() == {"n": "3", "m": "10"}
    assert again[0].search("TĂNG  bình quân 5%").group() == "TĂNG  bình quân"


def test_a_program_that_does_not_build_is_compiled_again(programs, monkeypatch) -> None:
    pattern, flags = SAMPLES[0]
    compile_re(pattern, flags)
    store = patterns._Programs.get()
    store.known[(pattern, int(flags))] = ("not", "a", "program")
    assert compile_re(pattern, flags) == re.compile(pattern, flags)


def test_without_a_cache_folder_nothing_is_kept(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("CHITIEU_CACHE_DIR", "")
    monkeypatch.setattr(patterns._Programs, "_loaded", None)
    assert compile_re(*SAMPLES[2]) == re.compile(*SAMPLES[2])
    assert not patterns._Programs.get().new


def test_vocabulary_patterns_are_the_same_whatever_the_hash_seed() -> None:
    """The stored programs are found by pattern text: a pattern built from a set of words
    must not change with the string hash seed of the process."""
    code = ("import hashlib\n"
            "from chitieu.normalize import deadline, target\n"
            "texts = [target._grammar().head.pattern, target._grammar().embedded.pattern,\n"
            "         deadline._grammar().point.pattern, deadline._grammar().leads.pattern]\n"
            "print(hashlib.sha256(repr(texts).encode()).hexdigest())")
    seen = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
            for seed in ("1", "2", "3")}
    assert len(seen) == 1
