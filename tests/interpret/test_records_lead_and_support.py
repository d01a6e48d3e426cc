"""One agency column for the lead and the support ("Đơn vị chủ trì, phối hợp", probe2 class
6): the cell's role words say who does what; without them the first agency leads."""

import pytest

from chitieu import convert_text


def _agencies(header: str, cell: str) -> list[tuple[str, str]]:
    document = convert_text(f"PHỤ LỤC\nSTT\tNhiệm vụ\t{header}\tThời hạn\n"
                            f"1\tCập nhật cơ sở dữ liệu đất đai\t{cell}\tQuý IV/2027\n", "text")
    return [(a.role, a.raw) for a in document.records[0].agencies]


@pytest.mark.parametrize("header", ["Đơn vị chủ trì, phối hợp", "Cơ quan chủ trì và phối hợp"])
def test_a_lone_agency_under_lead_and_support_leads(header: str) -> None:
    assert _agencies(header, "Phòng Kinh tế") == [("lead", "Phòng Kinh tế")]


def test_the_first_agency_of_a_cell_without_role_words_leads() -> None:
    assert _agencies("Đơn vị chủ trì, phối hợp", "Phòng Kinh tế; Công an xã") == [
        ("lead", "Phòng Kinh tế"), ("support", "Công an xã")]


def test_role_words_in_the_cell_decide() -> None:
    assert _agencies("Đơn vị chủ trì, phối hợp", "Công an xã phối hợp; Phòng Kinh tế chủ trì"
                     ) == [("support", "Công an xã"), ("lead", "Phòng Kinh tế")]


def test_a_support_column_stays_the_supports() -> None:
    assert _agencies("Đơn vị phối hợp", "Phòng Kinh tế; Công an xã") == [
        ("support", "Phòng Kinh tế"), ("support", "Công an xã")]
