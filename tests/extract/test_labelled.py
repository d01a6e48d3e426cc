"""The reader of plans written as labelled task blocks instead of a table."""

from pathlib import Path

import pytest
from shared_files import real_file

from chitieu import convert_text, extract
from chitieu.extract.detect import detect_layout

BLOCKS = """**1. Về dữ liệu**

**1.1. Xây
dựng chiến lược dữ liệu:**

a) Nhiệm vụ: Rà soát, hoàn thiện Chiến lược dữ liệu
đến năm 2030.

b) Cơ quan thực hiện:

- Đơn vị chủ trì: Sở Khoa học
và Công nghệ.

- Đơn vị phối hợp: Các Sở, ban,
ngành.

c) Thời gian thực hiện: Hoàn
thành trong năm 2025.

**1.2. Triển khai dữ liệu:**

a) Nhiệm vụ:

- Chuẩn hóa cơ sở dữ liệu của đơn vị.

- Số hóa hồ sơ theo lộ trình
của Bộ.

b) Cơ quan thực hiện:

- Đơn vị chủ trì: Công an Thành phố.

c) Thời gian thực hiện: Thường xuyên.
"""


def test_blocks_become_rows_under_a_synthetic_header() -> None:
    doc = extract.read_text(BLOCKS, "labelled")
    assert [r.texts for r in doc.rows] == [
        ["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"],
        ["**1**", "**Về dữ liệu**"],
        ["**1.1**", "**Xây dựng chiến lược dữ liệu**"],
        ["", "Rà soát, hoàn thiện Chiến lược dữ liệu đến năm 2030.",
         "Sở Khoa học và Công nghệ.", "Các Sở, ban, ngành.", "Hoàn thành trong năm 2025."],
        ["**1.2**", "**Triển khai dữ liệu**"],
        ["", "Chuẩn hóa cơ sở dữ liệu của đơn vị.", "Công an Thành phố.", "",
         "Thường xuyên."],
        ["", "Số hóa hồ sơ theo lộ trình của Bộ.", "Công an Thành phố.", "", "Thường xuyên."],
    ]
    assert (doc.rows[3].first_line, doc.rows[3].last_line) == (6, 18)


def test_blocks_convert_to_records() -> None:
    doc = convert_text(BLOCKS, "labelled")
    assert [r.key for r in doc.records] == ["1/1.1/#1", "1/1.2/#1", "1/1.2/#2"]
    first = doc.records[0]
    assert [(a.role, a.id) for a in first.agencies] == [
        ("lead", "so-khoa-hoc-cong-nghe"), ("support", "cac-so-ban-nganh")]
    assert first.deadline.kind == "year" and first.deadline.end == "2025-12-31"
    assert doc.records[2].deadline.recurrence == "continuous"


def test_numbered_items_without_fields_go_under_their_own_header() -> None:
    text = ("**II. MỤC TIÊU**\n\n**1. **100% xã có kế hoạch.\n\n**III. NHIỆM VỤ**\n\n"
            "**1. Rà soát**\n\n- Rà soát đội ngũ.\n\n*Đơn vị chủ trì: *Sở Nội vụ.\n\n"
            "*Thời gian thực hiện: *Thường xuyên.\n")
    doc = extract.read_text(text, "labelled")
    assert [r.texts for r in doc.rows] == [
        ["TT", "Chỉ tiêu"],
        ["**II**", "**MỤC TIÊU**"],
        ["1", "100% xã có kế hoạch."],
        ["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian thực hiện"],
        ["**III**", "**NHIỆM VỤ**"],
        ["**1**", "**Rà soát**"],
        ["", "Rà soát đội ngũ.", "Sở Nội vụ.", "Thường xuyên."],
    ]
    records = convert_text(text, "labelled").records
    assert [(r.key, r.kind) for r in records] == [("II/1", "indicator"), ("III/1/#1", "task")]
    assert records[0].target.value == 100


def test_a_plain_task_under_a_heading_and_a_field_cut_by_a_blank_line() -> None:
    # the heading's only task is not bulleted; a stray blank line splits the support field
    text = ("**2. Học tập kinh nghiệm**\n\nTổ chức đoàn đi học tập\nkinh nghiệm.\n\n"
            "*- Đơn vị chủ trì: *Sở Tư pháp.\n\n*- Đơn vị phối hợp: *Văn phòng UBND tỉnh; "
            "các cơ quan, đơn vị\n\nliên quan.\n\n*- Thời gian thực hiện: *Hằng năm.\n")
    doc = extract.read_text(text, "labelled")
    assert [r.texts for r in doc.rows] == [
        ["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"],
        ["**2**", "**Học tập kinh nghiệm**"],
        ["", "Tổ chức đoàn đi học tập kinh nghiệm.", "Sở Tư pháp.",
         "Văn phòng UBND tỉnh; các cơ quan, đơn vị liên quan.", "Hằng năm."],
    ]


def test_labelled_text_is_detected() -> None:
    assert detect_layout(BLOCKS) == "labelled"


@pytest.mark.parametrize("name", ["hn-kh308-2025-nhiemvu-dang-van-ban.md",
                                  "bacninh-kh141-2025-muctieu-nhiemvu-dang-van-ban.md"])
def test_real_labelled_text_is_detected(name: str, real_dir: Path) -> None:
    assert extract.read(real_file(name, real_dir)).format == "labelled"
