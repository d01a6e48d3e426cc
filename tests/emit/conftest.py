import pytest

from chitieu.models import (
    Agency,
    Column,
    Deadline,
    Document,
    Locality,
    Plan,
    Record,
    RecordSource,
    Section,
    Source,
    Target,
)

SECTION_I = Section(number="I", title="Phân công theo dõi các chỉ tiêu")
SECTION_5 = Section(number="5", title="Về phát triển chính quyền số")


def make_text_document() -> Document:
    """A small commune plan: an indicator with agencies, a decimal target, a bare task."""
    return Document(
        source=Source(file="002_plan.txt", sha256="a" * 64, format="text", pages=1, ocr=True),
        plan=Plan(
            appendix="Phụ lục 1", title="Phân công phụ trách theo dõi chỉ tiêu",
            number="46/KH-UBND", issued_on="2026-03-26", issued_raw="ngày 26/3/2026",
            issuer="Ủy ban nhân dân xã Vũ Dương",
            locality=Locality(level="xã", name="Vũ Dương", code="13834", province="Ninh Bình"),
        ),
        columns=[Column(header="TT", role="number"), Column(header="Chỉ tiêu", role="name"),
                 Column(header="Đơn vị chủ trì", role="lead")],
        records=[
            Record(
                key="I/5/5.3", number="5.3", section=[SECTION_I, SECTION_5], kind="indicator",
                name="Tỷ lệ hồ sơ TTHC xử lý trực tuyến",
                target=Target(op=">=", value=85.0, unit="%", raw="≥85%"),
                baseline=Target(op="=", value=70, unit="%", raw="70%"),
                deadline=Deadline(kind="month", start="2026-12-01", end="2026-12-31",
                                  raw="12/2026"),
                agencies=[
                    Agency(role="monitor", id="trung-tam-phuc-vu-hanh-chinh-cong",
                           name="Trung tâm Phục vụ hành chính công", raw="Trung tâm PVHCC",
                           score=0.93),
                    Agency(role="lead", id=None, name="Hợp tác xã Tân Tiến",
                           raw="HTX Tân Tiến", score=0.4),
                ],
                source=RecordSource(page=1, lines=[31, 32]),
                warnings=["agency_unmatched"],
            ),
            Record(
                key="I/5/5.4", number="5.4", section=[SECTION_I, SECTION_5], kind="indicator",
                name="Tỷ lệ chi ngân sách cho chuyển đổi số",
                target=Target(op="between", value=1.5, upper=2, unit="% GRDP", raw="1,5 - 2%"),
                deadline=Deadline(kind="recurring", recurrence="continuous",
                                  raw="Thường xuyên"),
                source=RecordSource(page=1, lines=[33, 33]),
            ),
            Record(key="II/1", number="1",
                   section=[Section(number="II", title="Ban hành văn bản")], kind="task",
                   name="Ban hành kế hoạch chuyển đổi số năm 2026",
                   note="Kế hoạch", source=RecordSource(page=1, lines=[40, 40])),
        ],
        warnings=["column_unmapped"],
    )


def make_pdf_document() -> Document:
    """A scanned province plan: pages and boxes instead of lines, a plan with blanks."""
    return Document(
        source=Source(file="tinh.pdf", sha256="b" * 64, format="pdf", pages=2, ocr=False),
        plan=Plan(appendix="Phụ lục I", number=None, issued_raw="ngày /5/2026"),
        records=[
            Record(key="1", number="1", kind="indicator", name="Kho dữ liệu dùng chung",
                   target=Target(text="Hoạt động ổn định", raw="Hoạt động ổn định"),
                   agencies=[Agency(role="lead", id="so-khoa-hoc-va-cong-nghe",
                                    name="Sở Khoa học và Công nghệ",
                                    raw="Sở KH&CN", score=1.0)],
                   source=RecordSource(page=2, bbox=[56.5, 100.25, 540.0, 130.0])),
        ],
    )


@pytest.fixture
def text_document() -> Document:
    return make_text_document()


@pytest.fixture
def pdf_document() -> Document:
    return make_pdf_document()


@pytest.fixture
def build_text_document():
    """Builds a fresh, equal copy of `text_document` on each call."""
    return make_text_document
