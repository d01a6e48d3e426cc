"""chitieu.core.dataclass behaves as dataclasses.dataclass, and its methods are compiled
once: a later process loads the code from the cache folder."""

import copy
import dataclasses
import pickle
from pathlib import Path

import pytest

from chitieu.core import cache
from chitieu.core import dataclass as module
from chitieu.core.dataclass import FrozenInstanceError, dataclass, field, field_names, replace


@pytest.fixture(autouse=True)
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CHITIEU_CACHE_DIR", str(tmp_path / "cache"))
    _new_process(monkeypatch)
    return tmp_path / "cache"


def _new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """What this process compiled is written; the next one starts from the file."""
    cache.flush()
    monkeypatch.setattr(cache, "_CODE", cache.Store(cache._CODE.name))


def _pair(**options):
    """The same class made by this `dataclass` and by `dataclasses.dataclass`."""
    def body(decorate):
        @decorate(**options)
        class Row:
            text: str
            page: int | None = None
            cells: list[str] = field(default_factory=list)
            hidden: int = field(default=3, repr=False, compare=False)

            def first(self) -> str:
                return self.cells[0] if self.cells else ""

        return Row

    def as_dataclass(**kw):
        def wrap(cls):
            for name, value in list(vars(cls).items()):
                if isinstance(value, module.Field):
                    setattr(cls, name, dataclasses.field(
                        default=(dataclasses.MISSING if value.default is module._MISSING
                                 else value.default),
                        default_factory=(dataclasses.MISSING
                                         if value.default_factory is module._MISSING
                                         else value.default_factory),
                        init=value.init, repr=value.repr, compare=value.compare))
            return dataclasses.dataclass(**kw)(cls)
        return wrap

    return body(dataclass), body(as_dataclass)


@pytest.mark.parametrize("options", [{}, {"slots": True}, {"frozen": True},
                                     {"frozen": True, "slots": True}])
def test_same_behaviour_as_dataclass(options: dict) -> None:
    mine, theirs = _pair(**options)
    for args, kwargs in [(("a",), {}), (("a", 2), {"cells": ["x"]}), ((), {"text": "b"}),
                         (("c",), {"hidden": 9})]:
        a, b = mine(*args, **kwargs), theirs(*args, **kwargs)
        assert repr(a).replace("test_same_behaviour_as_dataclass.<locals>.", "") == (
            repr(b).replace("test_same_behaviour_as_dataclass.<locals>.", ""))
        assert (a.text, a.page, a.cells, a.hidden, a.first()) == (
            b.text, b.page, b.cells, b.hidden, b.first())
        assert a == mine(*args, **kwargs) and a != b
        assert a == replace(a) and replace(a, page=7).page == 7
        assert copy.deepcopy(a) == a and copy.copy(a) == a
    assert mine("a").cells is not mine("a").cells  # a fresh list per object
    assert mine("a", hidden=1) == mine("a", hidden=2)  # compare=False
    assert field_names(mine) == ("text", "page", "cells", "hidden")
    assert hasattr(mine("a"), "__dict__") == (not options.get("slots"))
    if options.get("frozen"):
        assert hash(mine("a", 1, ("x",))) == hash(theirs("a", 1, ("x",)))
        with pytest.raises(FrozenInstanceError):
            mine("a").text = "b"
        with pytest.raises(AttributeError):
            del mine("a").page
    else:
        assert mine.__hash__ is None  # eq without frozen: unhashable, as a dataclass
        a = mine("a")
        a.page = 4
        assert a.page == 4


@dataclass(frozen=True, slots=True)
class Frozen:
    name: str
    words: frozenset[str] = frozenset()


@dataclass(slots=True)
class Open:
    name: str
    items: list[int] = field(default_factory=list)


def test_pickled_and_read_back() -> None:
    for value in (Frozen("a", frozenset({"x"})), Open("b", [1, 2])):
        assert pickle.loads(pickle.dumps(value)) == value


def test_post_init_and_fields_left_out_of_init() -> None:
    @dataclass(slots=True)
    class Table:
        columns: list[str]
        by_name: dict[str, int] = field(init=False, repr=False)
        seen: set[str] = field(init=False, default_factory=set)

        def __post_init__(self) -> None:
            self.by_name = {c: i for i, c in enumerate(self.columns)}

    table = Table(["a", "b"])
    assert table.by_name == {"a": 0, "b": 1} and table.seen == set()
    assert repr(table).endswith("Table(columns=['a', 'b'], seen=set())")
    with pytest.raises(TypeError):
        Table(["a"], by_name={})


def test_a_field_without_default_after_one_with_is_refused() -> None:
    with pytest.raises(TypeError):
        @dataclass
        class Bad:
            a: int = 1
            b: int


def test_methods_compiled_once_then_loaded(folder: Path, monkeypatch: pytest.MonkeyPatch
                                           ) -> None:
    @dataclass(frozen=True)
    class Point:
        x: int
        y: int = 0

    _new_process(monkeypatch)
    assert [p.name for p in folder.glob("code-*.marshal")]
    # the code comes from the file, nothing is compiled
    monkeypatch.setattr(cache, "compile", _no_compile, raising=False)

    @dataclass(frozen=True)
    class Point:  # noqa: F811 - the same class, made again
        x: int
        y: int = 0

    assert Point(1) == Point(1, 0) and repr(Point(2, 3)).endswith("Point(x=2, y=3)")


def test_a_broken_file_is_compiled_again(folder: Path, monkeypatch: pytest.MonkeyPatch
                                         ) -> None:
    folder.mkdir(parents=True)
    for content in (b"", b"\x00broken", b"\xe9"):
        (folder / cache._CODE.name).write_bytes(content)
        monkeypatch.setattr(cache, "_CODE", cache.Store(cache._CODE.name))

        @dataclass
        class Pair:
            a: int
            b: int = 2

        assert Pair(1) == Pair(1, 2)


def test_without_cache_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHITIEU_CACHE_DIR", "")

    @dataclass(slots=True)
    class Cell:
        text: str

    assert Cell("x").text == "x"


def _no_compile(*args, **kwargs):
    raise AssertionError("compiled again")
