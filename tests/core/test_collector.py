"""The cyclic collector paused around a conversion, and always back on after it."""

import gc

import pytest

from chitieu.core.collector import collector_paused
from chitieu.errors import InputError
from chitieu.pipeline import convert_text

TABLE = "STT\tChỉ tiêu\tĐơn vị chủ trì\n1\tTỷ lệ hồ sơ trực tuyến\tPhòng Kinh tế\n"


def test_the_collector_is_off_inside_and_on_after() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_collector_comes_back_after_an_error() -> None:
    with pytest.raises(ValueError), collector_paused():
        raise ValueError
    assert gc.isenabled()


def test_a_block_inside_another_leaves_it_to_the_outer_one() -> None:
    with collector_paused():
        with collector_paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_turned_off_by_the_caller_stays_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_conversion_leaves_the_collector_on_even_when_it_fails() -> None:
    assert convert_text(TABLE).records
    assert gc.isenabled()
    with pytest.raises(InputError):
        convert_text("nothing tabular here")
    assert gc.isenabled()
