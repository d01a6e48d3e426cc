"""The words that end a table under it: a notice's closing sentence names its office first,
so a row whose task is to notify people ends nothing."""
import pytest

from chitieu.core.headers import line_key, vocabulary


@pytest.mark.parametrize("line", [
    "Văn phòng HĐND và UBND xã thông báo để các đơn vị biết, thực hiện./.",
    "Văn phòng Ủy ban nhân dân xã thông báo để các cơ quan, đơn vị liên quan biết, thực",
    "Văn phòng HĐND và UBND xin thông báo để các thôn biết và triển khai thực hiện./.",
    "Thanh tra tỉnh thông báo để các đơn vị biết, thực hiện./.",
    # a letter's courtesy close (was read into the last row's name in `pdftotext -layout`)
    "Trân trọng./.",
    "Trân trọng cảm ơn!",
    # a letter's closing sentence opening with "Trong" (was read into the last row in
    # `pdftotext -layout`: its name, its support)
    "Trong quá trình triển khai, nếu có khó khăn, vướng mắc, các đơn vị phản ánh về Sở",
    "Trong quá trình thực hiện, nếu có vướng mắc, đề nghị các đơn vị phản ánh về",
])
def test_a_notice_closing_sentence_ends_the_table(line: str) -> None:
    assert vocabulary().table_end.search(line_key(line))


@pytest.mark.parametrize("line", [
    "Thông báo để dân biết, cập nhật dữ liệu dân cư",
    "1   Thông báo để Nhân dân biết, cập nhật dữ liệu    Văn phòng HĐND và UBND   Quý II",
    "Tổ chức thông báo công khai để Nhân dân biết và giám sát",
    "Ban hành thông báo để người dân biết, thực hiện trên cổng thông tin",
    "Số hóa hồ sơ và thông báo để người dân biết",
    "Trân trọng các giá trị văn hóa truyền thống",
    "Trong quá trình triển khai ứng dụng VNeID tại các thôn",
])
def test_a_task_to_notify_people_ends_nothing(line: str) -> None:
    assert not vocabulary().table_end.search(line_key(line))
