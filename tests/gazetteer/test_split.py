"""Splitting an agency cell into agencies: where "," / "và" separate and where they don't."""

import pytest

from chitieu.gazetteer.agencies import default_gazetteer


@pytest.fixture(scope="module")
def gazetteer():
    return default_gazetteer()


@pytest.mark.parametrize(("cell", "pieces"), [
    # ";" always separates
    ("Văn phòng HĐND và UBND; Phòng Kinh tế; Trung tâm Phục vụ hành chính công",
     ["Văn phòng HĐND và UBND", "Phòng Kinh tế", "Trung tâm Phục vụ hành chính công"]),
    ("Các phòng, đơn vị; các trường học; các đoàn thể",
     ["Các phòng, đơn vị", "các trường học", "các đoàn thể"]),
    # "và" and "," inside one agency's name
    ("Văn phòng HĐND và UBND", ["Văn phòng HĐND và UBND"]),
    ("Văn phòng HĐND và UBND xã", ["Văn phòng HĐND và UBND xã"]),
    ("Các phòng, đơn vị", ["Các phòng, đơn vị"]),
    ("Các cơ quan, đơn vị liên quan", ["Các cơ quan, đơn vị liên quan"]),
    ("Phòng Kinh tế, Hạ tầng và Đô thị", ["Phòng Kinh tế, Hạ tầng và Đô thị"]),
    ("Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]),
    ("Các doanh nghiệp, hợp tác xã", ["Các doanh nghiệp, hợp tác xã"]),
    # a short clause after a bare collective names it (the units that run the pilot); with
    # nothing after the verb, or a date, the verb gives the collective its task
    ("Các đơn vị triển khai thí điểm; Trường ĐH Kinh tế - ĐHQGHN",
     ["Các đơn vị triển khai thí điểm", "Trường ĐH Kinh tế - ĐHQGHN"]),
    ("Các phòng, đơn vị triển khai", ["Các phòng, đơn vị"]),
    ("Các đơn vị báo cáo kết quả trước ngày 15/12/2026", ["Các đơn vị"]),
    # an unknown agency is not cut where one side is not an agency
    ("Các cơ quan sử dụng phần mềm, hệ thống thông tin",
     ["Các cơ quan sử dụng phần mềm, hệ thống thông tin"]),
    # "," and "và" between two agencies
    ("Công an xã, Tổ công nghệ số cộng đồng", ["Công an xã", "Tổ công nghệ số cộng đồng"]),
    ("Trạm y tế, Tổ công nghệ số cộng đồng", ["Trạm y tế", "Tổ công nghệ số cộng đồng"]),
    ("Đảng ủy, HĐND và UBND xã", ["Đảng ủy", "HĐND", "UBND xã"]),
    ("Bộ Khoa học và Công nghệ và các bộ, ngành, địa phương khác có liên quan",
     ["Bộ Khoa học và Công nghệ", "các bộ, ngành, địa phương khác có liên quan"]),
    # the province's collective of departments and localities is one agency
    ("Các sở, ban, ngành và địa phương có liên quan",
     ["Các sở, ban, ngành và địa phương có liên quan"]),
    ("Các sở, ngành, địa phương", ["Các sở, ngành, địa phương"]),
    ("Các ngành, đoàn thể", ["Các ngành, đoàn thể"]),
    ("UBND xã và các ngành liên quan", ["UBND xã", "các ngành liên quan"]),
    ("Các sở, ngành, UBND xã, phường, đặc khu", ["Các sở, ngành", "UBND xã, phường, đặc khu"]),
    ("Sở Tài chính và cơ quan, địa phương liên quan",
     ["Sở Tài chính", "cơ quan, địa phương liên quan"]),
    # two unknown agencies, each starting with an agency's head word
    ("Viện Nghiên cứu A, Trường Đại học B", ["Viện Nghiên cứu A", "Trường Đại học B"]),
    # a known agency, a comma, then a capitalized unknown name
    ("Sở Tài chính, Cơ sở công lập", ["Sở Tài chính", "Cơ sở công lập"]),
    # a missing separator between two known agencies
    ("UB MTTQ Việt Nam xã tổ chức chính trị xã hội",
     ["UB MTTQ Việt Nam xã", "tổ chức chính trị xã hội"]),
    ("Sở Khoa học và Công nghệ Sở Công Thương", ["Sở Khoa học và Công nghệ", "Sở Công Thương"]),
    # a near miss spanning two agencies does not swallow the known one
    ("Bộ Khoa học và Công nghệ, Bộ", ["Bộ Khoa học và Công nghệ", "Bộ"]),
    # line breaks: a new agency on a new line; a lower-case line continues the name
    ("Phòng Kinh tế\nCác đơn vị liên quan", ["Phòng Kinh tế", "Các đơn vị liên quan"]),
    ("Sở Khoa học\nvà Công nghệ", ["Sở Khoa học và Công nghệ"]),
    # parentheses: a separate agency, unless the name with them is known
    ("Bộ Công an (Trung tâm Dữ liệu quốc gia)", ["Bộ Công an", "Trung tâm Dữ liệu quốc gia"]),
    ("Công an xã (phường)", ["Công an xã (phường)"]),
    # a bracket naming no agency qualifies the one before it
    ("Công an xã (đầu mối)", ["Công an xã"]),
    ("Các trường học (MN, TH, THCS)", ["Các trường học"]),
    ("Phòng Nội vụ (đối với cấp xã); Công an xã", ["Phòng Nội vụ", "Công an xã"]),
    ("UBND các xã (Hoằng Lộc, Hoằng Đạo)", ["UBND các xã"]),
    ("Sở Tài chính (Kho bạc Nhà nước khu vực)", ["Sở Tài chính", "Kho bạc Nhà nước khu vực"]),
    ("Sở Công Thương (hoặc sở quản lý chuyên ngành)",
     ["Sở Công Thương", "sở quản lý chuyên ngành"]),
    ("Công an xã (trừ nhiệm vụ mật)", ["Công an xã"]),
    ("Sở Nông nghiệp và Môi trường (bao gồm Văn phòng Đăng ký đất đai)",
     ["Sở Nông nghiệp và Môi trường", "Văn phòng Đăng ký đất đai"]),
    # markup, bullets, quotes and trailing punctuation are not part of a name
    ("<b>Phòng Kinh tế</b>", ["Phòng Kinh tế"]),
    ("- Phòng Kinh tế;\n- Công an xã.", ["Phòng Kinh tế", "Công an xã"]),
    ('Sở Nội vụ"', ["Sở Nội vụ"]),
    ("Trung tâm Phục vụ Hành chính công:", ["Trung tâm Phục vụ Hành chính công"]),
    # an editor's note in square brackets is no agency
    ("[thông tin đầu mối (tên, số điện thoại) đã lược bỏ]", []),
    ("Sở Tư pháp [đề nghị bỏ]; Phòng Kinh tế", ["Sở Tư pháp", "Phòng Kinh tế"]),
    # "các xã, phường" with no separator after a name says where the agency is, in each unit
    ("Trạm Y tế các xã, phường", ["Trạm Y tế các xã, phường"]),
    ("Trung tâm Kiểm soát bệnh tật tỉnh; Trạm Y tế các xã, phường",
     ["Trung tâm Kiểm soát bệnh tật tỉnh", "Trạm Y tế các xã, phường"]),
    ("Văn phòng HĐND và UBND các xã, phường", ["Văn phòng HĐND và UBND các xã, phường"]),
    ("Sở Y tế, UBND các xã, phường", ["Sở Y tế", "UBND các xã, phường"]),
    # a lower-case level word right after a collective, no "các": where its bodies are
    ("Các trạm y tế xã, phường", ["Các trạm y tế xã, phường"]),
    ("Các trường học xã, phường, đặc khu", ["Các trường học xã, phường, đặc khu"]),
    # two words of one collective ("the villages and hamlets") are one agency, however the
    # list of names words it; two collectives stay two
    ("Các thôn, ấp", ["Các thôn, ấp"]),
    ("Ban Chỉ huy Quân sự xã; Các thôn, ấp", ["Ban Chỉ huy Quân sự xã", "Các thôn, ấp"]),
    ("Các thôn, tổ dân phố; các trường học", ["Các thôn, tổ dân phố", "các trường học"]),
    ("các trường học, các thôn", ["các trường học", "các thôn"]),
    # a collective the list does not hold, then lower-case kinds it does not hold either:
    # one "các" over them all; a known agency after it, or its own "các", is another agency
    ("Các đại học, học viện", ["Các đại học, học viện"]),
    ("Các đơn vị sự nghiệp, doanh nghiệp nhà nước",
     ["Các đơn vị sự nghiệp, doanh nghiệp nhà nước"]),
    ("Các đại học, học viện và viện nghiên cứu", ["Các đại học, học viện và viện nghiên cứu"]),
    ("Các phòng chuyên môn, công an xã", ["Các phòng chuyên môn", "công an xã"]),
    ("Các tổ chuyên môn, công an xã", ["Các tổ chuyên môn", "công an xã"]),
    ("Các đại học, Học viện Chính trị khu vực", ["Các đại học", "Học viện Chính trị khu vực"]),
    ("Các đại học, các học viện", ["Các đại học", "các học viện"]),
    # a ministry's departments in capitals: "Các" and bare kinds, then a kind with no name
    # of its own, is one collective; a kind with its name after it is a body of its own
    ("Các Cục, Vụ thuộc Bộ", ["Các Cục, Vụ thuộc Bộ"]),
    ("Các Vụ, Cục, đơn vị thuộc Bộ", ["Các Vụ, Cục, đơn vị thuộc Bộ"]),
    ("Các Vụ, Cục thuộc Bộ; Văn phòng Bộ", ["Các Vụ, Cục thuộc Bộ", "Văn phòng Bộ"]),
    ("Các Vụ, Văn phòng Bộ", ["Các Vụ", "Văn phòng Bộ"]),
    # a body with its own words after "Các Sở," is its own agency, lower-case words and all
    ("Các Phòng, Công an các thôn", ["Các Phòng", "Công an các thôn"]),
    ("Các Sở, Bệnh viện tuyến huyện", ["Các Sở", "Bệnh viện tuyến huyện"]),
    ("Các Phòng, Đài truyền thanh xã", ["Các Phòng", "Đài truyền thanh xã"]),
    ("Các doanh nghiệp, Hiệp hội Du lịch tỉnh", ["Các doanh nghiệp", "Hiệp hội Du lịch tỉnh"]),
    # "Các" with a capital inside a line (a cell's two lines printed as one) opens a
    # collective of its own after a name that reads as an agency
    ("Hiệp hội Du lịch thành phố Các doanh nghiệp, hợp tác xã, hộ kinh doanh",
     ["Hiệp hội Du lịch thành phố", "Các doanh nghiệp, hợp tác xã, hộ kinh doanh"]),
    ("Hội Doanh nhân trẻ tỉnh Các doanh nghiệp viễn thông",
     ["Hội Doanh nhân trẻ tỉnh", "Các doanh nghiệp viễn thông"]),
    ("Văn phòng Bộ Các đơn vị thuộc Bộ", ["Văn phòng Bộ", "Các đơn vị thuộc Bộ"]),
    # … but not inside a name ("Vụ Các vấn đề chung …" is one department), nor before words
    # naming no bodies
    ("Vụ Các vấn đề chung về xây dựng pháp luật", ["Vụ Các vấn đề chung về xây dựng pháp luật"]),
    ("Ban Chỉ đạo Các chương trình mục tiêu quốc gia tỉnh",
     ["Ban Chỉ đạo Các chương trình mục tiêu quốc gia tỉnh"]),
    ("Sở Xây dựng Các", ["Sở Xây dựng Các"]),
    # … nor after a bare head and its qualifier, which "Các" goes on naming: only after a
    # known name, or one closed by its level or its parent's word
    ("Hiệp hội Các nhà sản xuất phân bón tỉnh", ["Hiệp hội Các nhà sản xuất phân bón tỉnh"]),
    ("Trung tâm Hỗ trợ Các hợp tác xã", ["Trung tâm Hỗ trợ Các hợp tác xã"]),
    ("Quỹ Hỗ trợ Các doanh nghiệp khởi nghiệp", ["Quỹ Hỗ trợ Các doanh nghiệp khởi nghiệp"]),
    # after a name closed by its parent's word ("… thuộc Bộ"), the parent's own body named
    # by its kind and that word is another agency; a named body of another parent is not
    ("Các Cục, Vụ thuộc Bộ Thanh tra Bộ", ["Các Cục, Vụ thuộc Bộ", "Thanh tra Bộ"]),
    ("Các phòng thuộc Sở Văn phòng Sở", ["Các phòng thuộc Sở", "Văn phòng Sở"]),
    ("Các đơn vị thuộc Bộ Công an", ["Các đơn vị thuộc Bộ Công an"]),
    # a name read through a variant (its place or branch dropped) swallows no second agency
    # after a comma, and a lower-case piece read through one is no agency of its own
    ("Ngân hàng Nhà nước Chi nhánh Khu vực 10, Sở Tài chính",
     ["Ngân hàng Nhà nước Chi nhánh Khu vực 10", "Sở Tài chính"]),
    ("Kho bạc Nhà nước khu vực XI, Thuế tỉnh", ["Kho bạc Nhà nước khu vực XI", "Thuế tỉnh"]),
    ("Kho bạc Nhà nước khu vực, Thuế tỉnh", ["Kho bạc Nhà nước khu vực", "Thuế tỉnh"]),
    # ... nor after "và", which its names do not hold; "các" stays with the collective
    # (review r2 B 5)
    ("Kho bạc Nhà nước khu vực VII và Sở Nội vụ", ["Kho bạc Nhà nước khu vực VII", "Sở Nội vụ"]),
    ("Bảo hiểm xã hội khu vực IX và Thuế tỉnh", ["Bảo hiểm xã hội khu vực IX", "Thuế tỉnh"]),
    ("Trung tâm Y tế khu vực Bình Minh và các trạm y tế",
     ["Trung tâm Y tế khu vực Bình Minh", "các trạm y tế"]),
    # a name that holds "và" itself, read with its place, stays whole
    ("Văn phòng HĐND và UBND phường Bình Minh", ["Văn phòng HĐND và UBND phường Bình Minh"]),
    ("Phòng Kinh tế, Hạ tầng và Đô thị xã Bình Minh",
     ["Phòng Kinh tế, Hạ tầng và Đô thị xã Bình Minh"]),
    ("Sở Văn hóa, Thể thao và Du lịch tỉnh Gia Lai",
     ["Sở Văn hóa, Thể thao và Du lịch tỉnh Gia Lai"]),
    # a kind alone ("Hiệp hội") is cut off no name it opens with nothing between them
    ("Hiệp hội Doanh nghiệp thành phố\nCác ngân hàng, tổ chức tín dụng",
     ["Hiệp hội Doanh nghiệp thành phố", "Các ngân hàng, tổ chức tín dụng"]),
    ("Hiệp hội Doanh nghiệp thành phố, Sở Công Thương",
     ["Hiệp hội Doanh nghiệp thành phố", "Sở Công Thương"]),
    # the province's office of its National Assembly delegation and People's Council is one
    ("Văn phòng Đoàn ĐBQH và HĐND tỉnh; Sở Nội vụ",
     ["Văn phòng Đoàn ĐBQH và HĐND tỉnh", "Sở Nội vụ"]),
    # no kind list: a collective of departments, a department and the others
    ("Các Sở, ban, ngành", ["Các Sở, ban, ngành"]),
    ("Các Sở Tài chính", ["Các Sở Tài chính"]),
    ("Các sở, ngành liên quan", ["Các sở, ngành liên quan"]),
    # a collective the list holds is whole as it holds it: what follows is one more party
    ("Các bộ, ngành, địa phương, doanh nghiệp liên quan",
     ["Các bộ, ngành, địa phương", "doanh nghiệp liên quan"]),
    # nothing to split
    ("", []),
    ("   ", []),
    ("-", []),
    ("x", []),
])
def test_split(gazetteer, cell, pieces):
    assert gazetteer.split(cell) == pieces


@pytest.mark.parametrize(("cell", "expected"), [
    # a kind of body, a colon, then its bodies' names: each body the kind and its name,
    # printed as its name (the first with the list's head: no printed word is lost)
    ("Các Sở: Tài chính, Nội vụ, Tư pháp",
     [("Các Sở: Tài chính", "Sở Tài chính"), ("Nội vụ", "Sở Nội vụ"),
      ("Tư pháp", "Sở Tư pháp")]),
    ("Các sở: Xây dựng và Nông nghiệp và Môi trường; UBND các xã, phường",
     [("Các sở: Xây dựng", "Sở Xây dựng"),
      ("Nông nghiệp và Môi trường", "Sở Nông nghiệp và Môi trường"),
      ("UBND các xã, phường", "Ủy ban nhân dân các xã, phường")]),
    ("Các Bộ: Công an, Tài chính",
     [("Các Bộ: Công an", "Bộ Công an"), ("Tài chính", "Bộ Tài chính")]),
    # a body's own name may hold a comma: the list of names tells where a comma separates
    ("Các Sở: Văn hóa, Thể thao và Du lịch, Tài chính",
     [("Các Sở: Văn hóa, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"),
      ("Tài chính", "Sở Tài chính")]),
    ("Các Sở: Nội vụ, Văn hóa, Thể thao và Du lịch",
     [("Các Sở: Nội vụ", "Sở Nội vụ"),
      ("Văn hóa, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch")]),
    ("Các sở: Y tế, Văn hóa, Thể thao và Du lịch, Xây dựng và Công Thương",
     [("Các sở: Y tế", "Sở Y tế"),
      ("Văn hóa, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"),
      ("Xây dựng", "Sở Xây dựng"), ("Công Thương", "Sở Công Thương")]),
    ("Các Sở: Văn hóa, Thể thao và Du lịch",
     [("Các Sở: Văn hóa, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch")]),
    # without the colon, two bodies or more
    ("Các Sở Tài chính, Nội vụ, Tư pháp",
     [("Các Sở Tài chính", "Sở Tài chính"), ("Nội vụ", "Sở Nội vụ"),
      ("Tư pháp", "Sở Tư pháp")]),
    ("Các Bộ Công an, Quốc phòng",
     [("Các Bộ Công an", "Bộ Công an"), ("Quốc phòng", "Bộ Quốc phòng")]),
    # the list goes on with a body named in full, after a comma or "và"
    ("Các Sở: Tài chính, Nội vụ, Văn phòng UBND tỉnh",
     [("Các Sở: Tài chính", "Sở Tài chính"), ("Nội vụ", "Sở Nội vụ"),
      ("Văn phòng UBND tỉnh", "Văn phòng UBND tỉnh")]),
    ("Các Sở: Tài chính, Nội vụ và UBND các xã, phường",
     [("Các Sở: Tài chính", "Sở Tài chính"), ("Nội vụ", "Sở Nội vụ"),
      ("UBND các xã, phường", "Ủy ban nhân dân các xã, phường")]),
    # "Các Sở, ngành:" lists departments and other bodies
    ("Các Sở, ngành: Tài chính, Công an tỉnh, Xây dựng",
     [("Các Sở, ngành: Tài chính", "Sở Tài chính"), ("Công an tỉnh", "Công an tỉnh"),
      ("Xây dựng", "Sở Xây dựng")]),
])
def test_a_kind_list_names_each_body(gazetteer, cell, expected):
    agencies, _ = gazetteer.agencies(cell, "support")
    assert [(a.raw, a.name) for a in agencies] == expected


def test_a_kind_list_of_a_thousand_bodies_is_read_whole(gazetteer):
    # a hostile cell: each part is read once from the end back, never a recursion per part
    # (1,100 parts raised RecursionError after a minute)
    names = ["Tài chính", "Văn hóa, Thể thao và Du lịch", "Nội vụ", "Y tế"] * 275
    agencies, _ = gazetteer.agencies("Các Sở: " + ", ".join(names), "support")
    assert len(agencies) == 1100
    assert {a.name for a in agencies} == {
        "Sở Tài chính", "Sở Văn hóa, Thể thao và Du lịch", "Sở Nội vụ", "Sở Y tế"}
    assert all(a.score == 1.0 for a in agencies)


@pytest.mark.parametrize(("cell", "default", "expected"), [
    # role words in the cell override the column's role; the task after them is dropped
    ("Sở KH&CN chủ trì hướng dẫn, tổng hợp; các sở, ngành, UBND cấp xã thực hiện công bố "
     "dữ liệu mở hằng năm theo lĩnh vực quản lý.", "monitor",
     [("Sở KH&CN", "lead"), ("các sở, ngành", "lead"), ("UBND cấp xã", "lead")]),
    ("Sở Tài chính chủ trì; Công an xã phối hợp", "lead",
     [("Sở Tài chính", "lead"), ("Công an xã", "support")]),
    ("Sở Khoa học và Công nghệ chủ trì cùng các Sở, ngành liên quan", "lead",
     [("Sở Khoa học và Công nghệ", "lead"), ("các Sở, ngành liên quan", "support")]),
    ("Sở Tài chính chủ trì, phối hợp với Công an tỉnh", "monitor",
     [("Sở Tài chính", "lead"), ("Công an tỉnh", "support")]),
    ("Phối hợp với Sở Y tế", "lead", [("Sở Y tế", "support")]),
    # "phối hợp" without "với" introduces agencies too, but not a verb
    ("Công an xã chủ trì, phối hợp Đoàn Thanh niên xã", "lead",
     [("Công an xã", "lead"), ("Đoàn Thanh niên xã", "support")]),
    ("Công an xã chủ trì phối hợp các đoàn thể", "lead",
     [("Công an xã", "lead"), ("các đoàn thể", "support")]),
    ("Phòng Kinh tế chủ trì, phối hợp thực hiện", "lead", [("Phòng Kinh tế", "lead")]),
    # a role printed as a label before the agencies
    ("Chủ trì: Sở Tài chính; Phối hợp: Sở Nội vụ, Công an tỉnh", "monitor",
     [("Sở Tài chính", "lead"), ("Sở Nội vụ", "support"), ("Công an tỉnh", "support")]),
    # a task description after a complete name keeps the column's role
    ("Sở Khoa học và Công nghệ thúc đẩy, theo dõi, báo cáo chỉ tiêu", "monitor",
     [("Sở Khoa học và Công nghệ", "monitor")]),
    # the same words inside a known name are not role words
    ("Trung tâm Dịch vụ tổng hợp; Sở Xây dựng", "support",
     [("Trung tâm Dịch vụ tổng hợp", "support"), ("Sở Xây dựng", "support")]),
    ("Tổ công tác triển khai Đề án 06", "lead", [("Tổ công tác triển khai Đề án 06", "lead")]),
    ("UB MTTQ Việt Nam xã tổ chức chính trị xã hội", "support",
     [("UB MTTQ Việt Nam xã", "support"), ("tổ chức chính trị xã hội", "support")]),
    # roles in parentheses after each agency, separated by ";" or ","
    ("Công an xã (chủ trì); Tổ công nghệ số cộng đồng (phối hợp)", "lead",
     [("Công an xã", "lead"), ("Tổ công nghệ số cộng đồng", "support")]),
    ("Trạm Y tế xã (Chủ trì), Trường học trên địa bàn (Phối hợp)", "lead",
     [("Trạm Y tế xã", "lead"), ("Trường học trên địa bàn", "support")]),
    ("Đoàn Thanh niên xã (CT); Hội Người cao tuổi xã (PH)", "lead",
     [("Đoàn Thanh niên xã", "lead"), ("Hội Người cao tuổi xã", "support")]),
    # a parenthesis that is not a role stays what it was
    ("Công an xã (phường)", "lead", [("Công an xã (phường)", "lead")]),
    # a cell holding only a role word names no agency
    ("Chủ trì", "lead", []),
])
def test_split_with_roles(gazetteer, cell, default, expected):
    assert gazetteer.split_with_roles(cell, default) == expected


def test_agencies_returns_contract_objects_and_warnings(gazetteer):
    agencies, warnings = gazetteer.agencies(
        "Trung tâm PVHCC; Các cơ quan sử dụng phần mềm, hệ thống thông tin", "monitor")
    assert [(a.role, a.id, a.name, a.raw) for a in agencies] == [
        ("monitor", "trung-tam-phuc-vu-hanh-chinh-cong", "Trung tâm Phục vụ hành chính công",
         "Trung tâm PVHCC"),
        ("monitor", None, "Các cơ quan sử dụng phần mềm, hệ thống thông tin",
         "Các cơ quan sử dụng phần mềm, hệ thống thông tin"),
    ]
    assert agencies[0].score == 1.0
    assert warnings == ["agency_unmatched"]


def test_agencies_of_an_empty_cell(gazetteer):
    assert gazetteer.agencies("", "lead") == ([], [])


def test_split_is_cached_but_returns_fresh_lists(gazetteer):
    first = gazetteer.split("Phòng Kinh tế; Công an xã")
    first.append("mutated")
    assert gazetteer.split("Phòng Kinh tế; Công an xã") == ["Phòng Kinh tế", "Công an xã"]


@pytest.mark.parametrize(("cell", "pieces"), [
    # two bodies printed on one line without a separator (a cell of two lines flattened by a
    # converter): after a known name that ends with its level word, a capitalized unknown
    # name with an agency's head word is an agency of its own
    ("Hội Nông dân xã Ban Quản lý chợ Đông Hà", ["Hội Nông dân xã", "Ban Quản lý chợ Đông Hà"]),
    ("Công an phường Trung tâm Văn hóa - Thể thao phường",
     ["Công an phường", "Trung tâm Văn hóa - Thể thao phường"]),
    # a body of one commune named with its place after a department: one agency, not "UBND"
    # and a place (was "UBND" + "phường Tân Phú", the ward read as every commune's UBND)
    ("Sở Tài chính UBND phường Tân Phú", ["Sở Tài chính", "UBND phường Tân Phú"]),
])
def test_two_bodies_on_one_line(gazetteer, cell, pieces):
    assert gazetteer.split(cell) == pieces


@pytest.mark.parametrize("cell", [
    # a place after a level word is no agency, even one whose first word is an agency's head
    # word ("Hội An", "Đoàn Kết")
    "Công an phường Hội An",
    "Đoàn Thanh niên xã Đoàn Kết",
    # a body of a unit is that unit's ("the school's youth union"), not two bodies: no level
    # word closes the first name
    "Đoàn Thanh niên Trường THPT Lê Quý Đôn",
    # a board of the zones it manages: "và các khu …" names what it manages, no second body
    "Ban Quản lý Khu kinh tế Vân Phong và các khu công nghiệp",
    "Ban Quản lý các cụm công nghiệp và các chợ",
    # a place the gazetteer does not list (a former commune, a village) whose first word is
    # an agency's head word: only capitalized words, no body's kind in lower case
    "Công an phường Sở Dầu",
    "Trạm Y tế phường Sở Dầu",
    "UBND xã Ban Mai",
    "Tổ dân phố Ban Mai",
    "Công an phường Hội Hợp",
    "Trường Mầm non xã Ban Mai",
])
def test_one_body_on_one_line(gazetteer, cell):
    assert gazetteer.split(cell) == [cell]


@pytest.mark.parametrize("cell", [
    # the businesses (or units) that provide a service, named by it: one agency, not the
    # collective given the task of providing it (was cut to "Các doanh nghiệp")
    "Các doanh nghiệp cung cấp dịch vụ thanh toán trung gian",
    "các đơn vị cung cấp dịch vụ công trực tuyến",
])
def test_a_collective_named_by_the_service_it_provides_is_one(gazetteer, cell):
    assert gazetteer.split(cell) == [cell]


@pytest.mark.parametrize(("cell", "pieces"), [
    # … after another agency too, a comma or "và" before it (review r2(d) 7)
    ("Sở Công Thương, các doanh nghiệp cung cấp dịch vụ thanh toán",
     ["Sở Công Thương", "các doanh nghiệp cung cấp dịch vụ thanh toán"]),
    ("Công an xã và các đơn vị cung cấp dịch vụ viễn thông",
     ["Công an xã", "các đơn vị cung cấp dịch vụ viễn thông"]),
])
def test_a_collective_named_by_its_service_after_another_agency(gazetteer, cell, pieces):
    assert gazetteer.split(cell) == pieces


def test_a_collective_given_a_task_of_providing_keeps_its_name_only(gazetteer):
    assert gazetteer.split("Các doanh nghiệp cung cấp thông tin cho Sở Công Thương") == [
        "Các doanh nghiệp"]


@pytest.mark.parametrize(("cell", "pieces"), [
    ("Sở Tài chính, nhà đầu tư", ["Sở Tài chính", "nhà đầu tư"]),
    ("Sở Xây dựng, chủ đầu tư các dự án", ["Sở Xây dựng", "chủ đầu tư các dự án"]),
    ("UBND các xã, phường, người dân", ["UBND các xã, phường", "người dân"]),
    # after a name no gazetteer holds, the party words go on with it: one collective
    ("Doanh nghiệp, nhà cung cấp dịch vụ IoT, nhà đầu tư",
     ["Doanh nghiệp, nhà cung cấp dịch vụ IoT, nhà đầu tư"]),
    # a lower-case word that is no party goes on with the body's name as before
    ("Sở Tài chính, nhà nước", ["Sở Tài chính, nhà nước"]),
])
def test_a_party_after_a_known_body_and_a_comma_is_its_own(gazetteer, cell, pieces):
    assert gazetteer.split(cell) == pieces
