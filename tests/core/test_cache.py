"""Data compiled once (chitieu.core.cache): built once, loaded after, never stale."""

import pickle
from pathlib import Path

import pytest

from chitieu.core import cache


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CHITIEU_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    path = tmp_path / "words.yaml"
    path.write_text("a: 1\n", encoding="utf-8")
    return path


class Builder:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> dict:
        self.calls += 1
        return {"built": self.calls}


def test_built_once_then_loaded(folder: Path, data: Path) -> None:
    build = Builder()
    assert cache.cached("words", build, [data]) == {"built": 1}
    assert cache.cached("words", build, [data]) == {"built": 1}
    assert build.calls == 1
    assert len(list(folder.glob("words-*.pickle"))) == 1


def test_changed_data_is_built_again(folder: Path, data: Path) -> None:
    build = Builder()
    cache.cached("words", build, [data])
    data.write_text("a: 2\n", encoding="utf-8")
    assert cache.cached("words", build, [data]) == {"built": 2}


def test_a_data_file_of_the_package_counts_by_its_stamp(folder: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    # its path, size and modification time are in the package's stamp: not read again
    inside = cache.PACKAGE / "data" / "units.yaml"
    build = Builder()
    cache.cached("words", build, [inside])
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail(f"read {self}"))
    assert cache.cached("words", build, [inside]) == {"built": 1}
    monkeypatch.setattr(cache, "_package_stamp", lambda: "the file changed")
    assert cache.cached("words", build, [inside]) == {"built": 2}


def test_changed_code_is_built_again(folder: Path, data: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    build = Builder()
    cache.cached("words", build, [data])
    monkeypatch.setattr(cache, "_package_stamp", lambda: "other code")
    assert cache.cached("words", build, [data]) == {"built": 2}


def test_a_broken_file_is_built_again_and_replaced(folder: Path, data: Path) -> None:
    build = Builder()
    cache.cached("words", build, [data])
    [path] = folder.glob("words-*.pickle")
    path.write_bytes(b"\x80half a pickle")
    assert cache.cached("words", build, [data]) == {"built": 2}
    assert pickle.loads(path.read_bytes())[1] == {"built": 2}


def test_a_file_of_other_content_under_the_name_is_not_taken(folder: Path, data: Path) -> None:
    build = Builder()
    cache.cached("words", build, [data])
    [path] = folder.glob("words-*.pickle")
    path.write_bytes(pickle.dumps(("another key", {"built": 99})))
    assert cache.cached("words", build, [data]) == {"built": 2}


def test_an_unwritable_folder_only_costs_the_build(tmp_path: Path, data: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "a file"
    blocked.write_text("")
    monkeypatch.setenv("CHITIEU_CACHE_DIR", str(blocked / "cache"))
    build = Builder()
    assert cache.cached("words", build, [data]) == {"built": 1}
    assert cache.cached("words", build, [data]) == {"built": 2}


def test_empty_setting_turns_the_cache_off(tmp_path: Path, data: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHITIEU_CACHE_DIR", "")
    assert cache.cache_dir() is None
    build = Builder()
    cache.cached("words", build, [data])
    cache.cached("words", build, [data])
    assert build.calls == 2


def test_default_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("CHITIEU_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / "chitieu"


def test_every_file_of_the_package_but_byte_code_is_in_the_stamp(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A data file a build reads without naming it (a CSV beside the code) still changes the
    key when it changes; byte-code does not."""
    package = tmp_path / "chitieu"
    (package / "data").mkdir(parents=True)
    (package / "__pycache__").mkdir()
    files = {"words.py": "x = 1\n", "data/units.csv": "a,b\n", "__pycache__/words.pyc": "x"}
    for name, text in files.items():
        (package / name).write_text(text)
    monkeypatch.setattr(cache, "PACKAGE", package)

    def stamp() -> str:
        return cache._package_stamp.__wrapped__()

    before = stamp()
    (package / "__pycache__" / "words.pyc").write_text("other byte-code")
    assert stamp() == before
    (package / "data" / "units.csv").write_text("a,b,c\n")
    assert stamp() != before


def test_old_files_of_a_name_are_pruned(folder: Path, data: Path) -> None:
    for i in range(cache.KEEP + 3):
        data.write_text(f"a: {i}\n", encoding="utf-8")
        cache.cached("words", Builder(), [data])
    assert len(list(folder.glob("words-*.pickle"))) == cache.KEEP


def test_loaded_indexes_equal_built_ones() -> None:
    """What the cache keeps (the pickled index) is what a fresh build gives, and matches the
    same way."""
    from chitieu.catalog.catalog import Catalog
    from chitieu.gazetteer import localities
    from chitieu.gazetteer.agencies import Gazetteer

    catalog = Catalog.load()
    copy = pickle.loads(pickle.dumps(catalog))
    assert copy.__getstate__() == catalog.__getstate__()
    for name in ("Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình", "Số thuê bao băng rộng"):
        assert copy.match(name, "%") == catalog.match(name, "%")
    gazetteer = Gazetteer.load()
    again = pickle.loads(pickle.dumps(gazetteer))
    assert again.__getstate__() == gazetteer.__getstate__()
    cell = "Sở Nội vụ; UBND các xã, phường"
    assert again.agencies(cell, "lead") == gazetteer.agencies(cell, "lead")
    units = localities._build_units()
    assert pickle.loads(pickle.dumps(units)) == units
    spellings = localities._build_spellings()
    assert pickle.loads(pickle.dumps(spellings)) == spellings
    provinces = localities._build_provinces()
    assert pickle.loads(pickle.dumps(provinces)) == provinces
    from chitieu.core.dataclass import field_names
    from chitieu.gazetteer import agencies

    words = agencies._build_words()
    kept = pickle.loads(pickle.dumps(words))
    for name in field_names(words):
        value, again = getattr(words, name), getattr(kept, name)
        if isinstance(value, agencies._Prefixes):
            value, again = value.by_first, again.by_first
        assert again == value, name


def test_a_store_is_written_once_at_the_end_and_merged(folder: Path) -> None:
    first, second = cache.Store("values.marshal"), cache.Store("values.marshal")
    first.put(("a", 1), b"one")
    second.put("b", b"two")
    assert not (folder / "values.marshal").exists()  # nothing written during the run
    cache.flush()
    later = cache.Store("values.marshal")
    assert later.get(("a", 1)) == b"one" and later.get("b") == b"two"
    assert later.get("c") is None


def test_a_broken_store_starts_empty(folder: Path) -> None:
    folder.mkdir()
    (folder / "values.marshal").write_bytes(b"\xe9 not marshal")
    store = cache.Store("values.marshal")
    assert store.get("a") is None
    store.put("a", b"x")
    cache.flush()
    assert cache.Store("values.marshal").get("a") == b"x"


def test_no_store_without_a_cache_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHITIEU_CACHE_DIR", "")
    store = cache.Store("values.marshal")
    store.put("a", b"x")
    cache.flush()
    assert cache.Store("values.marshal").get("a") is None
