"""Localities: the administrative units in force since 1 July 2025."""

import csv
from collections import Counter

import pytest

from chitieu.gazetteer.localities import (
    PROVINCES_CSV,
    UNITS_CSV,
    find_province,
    normalize_level,
    printed_levels,
    province_names,
    resolve_locality,
    split_level,
)


@pytest.mark.parametrize(("level", "name", "province", "expected"), [
    ("xã", "Vũ Dương", None, ("xã", "Vũ Dương", "13834", "Ninh Bình")),
    ("xã", "Đình Lập", None, ("xã", "Đình Lập", "06613", "Lạng Sơn")),
    ("tỉnh", "Bắc Ninh", None, ("tỉnh", "Bắc Ninh", "24", "Bắc Ninh")),
    ("thành phố", "Hà Nội", None, ("thành phố", "Hà Nội", "01", "Hà Nội")),
    ("thành phố", "Thành phố Hà Nội", None, ("thành phố", "Hà Nội", "01", "Hà Nội")),
    ("TP.", "Hồ Chí Minh", None, ("thành phố", "Hồ Chí Minh", "79", "Hồ Chí Minh")),
    ("đặc khu", "Phú Quốc", None, ("đặc khu", "Phú Quốc", "31078", "An Giang")),
    # case, accents and tone placement do not matter
    ("Xã", "VŨ DƯƠNG", None, ("xã", "Vũ Dương", "13834", "Ninh Bình")),
    ("xã", "vu duong", None, ("xã", "Vũ Dương", "13834", "Ninh Bình")),
    # the level printed inside the name
    (None, "xã Vũ Dương", None, ("xã", "Vũ Dương", "13834", "Ninh Bình")),
    # a repeated name: resolved only within its province
    ("xã", "Tân An", None, ("xã", "Tân An", None, None)),
    ("xã", "Tân An", "Nghệ An", ("xã", "Tân An", "17305", "Nghệ An")),
    ("phường", "Tân An", "tỉnh Tây Ninh", ("phường", "Tân An", "27712", "Tây Ninh")),
    # the level must agree: there is no xã Tân An in Tây Ninh
    ("xã", "Tân An", "Tây Ninh", ("xã", "Tân An", None, None)),
    # a repeated name in capitals, its province unknown: written as the list spells it
    ("xã", "BÌNH MINH", None, ("xã", "Bình Minh", None, None)),
    # a scan that glued two words of the name
    ("tỉnh", "QUẢNGNINH", None, ("tỉnh", "Quảng Ninh", "22", "Quảng Ninh")),
    ("xã", "ĐÌNHLẬP", None, ("xã", "Đình Lập", "06613", "Lạng Sơn")),
    # unknown names and levels keep what was printed
    ("xã", "Không Có Thật", None, ("xã", "Không Có Thật", None, None)),
    ("tỉnh", "Hà Tây", None, ("tỉnh", "Hà Tây", None, None)),
    ("huyện", "Đông Anh", None, (None, "Đông Anh", None, None)),
    ("xã", None, None, ("xã", None, None, None)),
    (None, None, None, (None, None, None, None)),
])
def test_resolve_locality(level, name, province, expected):
    found = resolve_locality(level, name, province)
    assert (found.level, found.name, found.code, found.province) == expected


@pytest.mark.parametrize(("printed", "level"), [
    ("xã", "xã"), ("Phường", "phường"), ("Đặc khu", "đặc khu"), ("TỈNH", "tỉnh"),
    ("Thành phố", "thành phố"), ("TP", "thành phố"), ("huyện", None), ("", None), (None, None),
])
def test_normalize_level(printed, level):
    assert normalize_level(printed) == level


@pytest.mark.parametrize(("text", "province"), [
    ("Ủy ban nhân dân xã Vũ Dương, tỉnh Ninh Bình", "Ninh Bình"),
    ("UBND TP. Hồ Chí Minh", "Hồ Chí Minh"),
    ("UBND TP.HCM", "Hồ Chí Minh"),
    ("Thành phố Hà Nội", "Hà Nội"),
    ("Thủ đô Hà Nội", "Hà Nội"),
    ("TINH LANG SON", "Lạng Sơn"),
    ("thành phố Huế", "Huế"),
    # a bare place name is not enough, nor a province that no longer exists
    ("Trường Đại học Kinh tế - ĐHQG Hà Nội", None),
    ("tỉnh Hà Tây", None),
    ("", None),
    (None, None),
])
def test_find_province(text, province):
    assert find_province(text) == province


def test_admin_units_list():
    with UNITS_CSV.open(encoding="utf-8") as fh:
        units = list(csv.DictReader(fh))
    with PROVINCES_CSV.open(encoding="utf-8") as fh:
        provinces = {r["code"]: r for r in csv.DictReader(fh)}
    assert len(units) == 3321
    assert len(provinces) == 34 == len(province_names())
    assert len({u["code"] for u in units}) == 3321
    assert Counter(u["level"] for u in units) == {"xã": 2621, "phường": 687, "đặc khu": 13}
    for unit in units:
        assert len(unit["code"]) == 5 and unit["code"].isdigit()
        home = provinces[unit["province_code"]]
        assert (unit["province"], unit["province_type"]) == (home["name"], home["type"])
    assert {p["type"] for p in provinces.values()} == {"tỉnh", "thành phố"}
    assert sum(p["type"] == "thành phố" for p in provinces.values()) == 6
    assert not any(p["name"].startswith(("Tỉnh", "Thành phố")) for p in provinces.values())


@pytest.mark.parametrize(("place", "parts"), [
    ("thủ đô HÀ NỘI", ("thủ đô", "HÀ NỘI")),
    ("THÀNH PHỐ HỒ CHÍ MINH", ("THÀNH PHỐ", "HỒ CHÍ MINH")),
    ("TP. HUẾ", ("TP.", "HUẾ")),
    ("đặc khu Cô Tô", ("đặc khu", "Cô Tô")),
    ("xã Yên Lạc", ("xã", "Yên Lạc")),
    ("Yên Lạc", (None, "Yên Lạc")),
])
def test_a_place_splits_into_its_level_word_and_its_name(place: str, parts: tuple) -> None:
    assert split_level(place) == parts


def test_the_capital_is_printed_as_a_city_or_as_the_capital() -> None:
    assert printed_levels("thành phố") == ("thành phố", "thủ đô")
    assert printed_levels("xã") == ("xã",)
