"""Property tests: the gazetteer never raises on odd input and keeps its contract."""

from hypothesis import given, settings
from hypothesis import strategies as st

from chitieu.gazetteer.agencies import default_gazetteer
from chitieu.gazetteer.localities import find_province, resolve_locality
from chitieu.models import Agency, Locality

# Words and separators agency cells are made of, to reach the splitter's corners.
WORDS = ["Phòng", "Văn", "hóa", "Xã", "hội", "Kinh", "tế", "Sở", "Bộ", "Khoa", "học", "và",
         "Công", "nghệ", "các", "đơn", "vị", "liên", "quan", "UBND", "xã", "phường", "HĐND",
         "Trung", "tâm", "chủ", "trì", "phối", "hợp", "với", "Việt", "Nam", "Vũ", "Dương",
         "Đắk", "Lắk", "VNPT", "-", "&", ",", ";", "(", ")", "\n", "<b>", "</b>", "**", "x"]
CELLS = st.one_of(
    st.text(max_size=80),
    st.lists(st.sampled_from(WORDS), max_size=25).map(" ".join),
)
ROLES = st.sampled_from(["lead", "support", "monitor"])


@settings(max_examples=150, deadline=None)
@given(CELLS)
def test_match_never_raises_and_scores_in_range(text):
    found = default_gazetteer().match(text)
    assert 0.0 <= found.score <= 1.0
    assert (found.id is None) == ("agency_unmatched" in found.warnings)
    if found.id is not None:
        assert found.name == default_gazetteer().name_of(found.id)


@settings(max_examples=150, deadline=None)
@given(CELLS, ROLES)
def test_agencies_never_raise_and_are_valid(cell, role):
    agencies, warnings = default_gazetteer().agencies(cell, role)
    for agency in agencies:
        assert isinstance(agency, Agency)
        assert agency.raw.strip() == agency.raw and agency.raw
        assert 0.0 <= agency.score <= 1.0
    assert len(warnings) == len(set(warnings))


@settings(max_examples=100, deadline=None)
@given(st.one_of(st.none(), st.sampled_from(["xã", "phường", "tỉnh", "TP", "huyện"]),
                 st.text(max_size=10)),
       st.one_of(st.none(), st.text(max_size=30)),
       st.one_of(st.none(), st.text(max_size=30)))
def test_resolve_locality_never_raises(level, name, province):
    found = resolve_locality(level, name, province)
    assert isinstance(found, Locality)
    assert (found.code is None) == (found.province is None)
    find_province(name)
