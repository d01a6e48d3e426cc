import calendar
import json
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chitieu.normalize.deadline import counted_from, parse_deadline

YEAR_2026 = ("year", "2026-01-01", "2026-12-31", None)
NOV_2026 = ("month", "2026-11-01", "2026-11-30", None)
Q2_2026 = ("quarter", "2026-04-01", "2026-06-30", None)
JUNE_30 = ("date", None, "2026-06-30", None)
PERIOD_26_30 = ("period", "2026-01-01", "2030-12-31", None)
CONTINUOUS = ("recurring", None, None, "continuous")
YEARLY = ("recurring", None, None, "yearly")
QUARTERLY = ("recurring", None, None, "quarterly")
MONTHLY = ("recurring", None, None, "monthly")
DURATION = ("duration", None, None, None)

DEADLINE_CASES = [
    # SCHEMA.md's table and the seeds
    ("Năm 2026", YEAR_2026),
    ("2026", YEAR_2026),
    ("năm 2026", YEAR_2026),
    ("Tháng 11/2026", NOV_2026),
    ("11/2026", NOV_2026),
    ("T11/2026", NOV_2026),
    ("tháng 11 năm 2026", NOV_2026),
    ("Tháng 11-2026", NOV_2026),
    ("12/2026", ("month", "2026-12-01", "2026-12-31", None)),
    ("9/2026", ("month", "2026-09-01", "2026-09-30", None)),
    ("02/2028", ("month", "2028-02-01", "2028-02-29", None)),
    ("Quý II/2026", Q2_2026),
    ("Quý 2/2026", Q2_2026),
    ("quý II năm 2026", Q2_2026),
    ("Q2/2026", Q2_2026),
    ("Quý III Năm 2026", ("quarter", "2026-07-01", "2026-09-30", None)),
    ("Quí IV-2025", ("quarter", "2025-10-01", "2025-12-31", None)),
    ("QUÝ I/2026", ("quarter", "2026-01-01", "2026-03-31", None)),
    ("30/6/2026", JUNE_30),
    ("30/06/2026", JUNE_30),
    ("30.6.2026", JUNE_30),
    ("Trước ngày 30/6/2026", JUNE_30),
    ("trước 30/6/2026", JUNE_30),
    ("ngày 30 tháng 6 năm 2026", JUNE_30),
    ("Trước ngày\n30/6/2026", JUNE_30),
    ("Chậm nhất ngày 30/6/2026", JUNE_30),
    ("30/6/26", JUNE_30),
    ("2026-2030", PERIOD_26_30),
    ("Giai đoạn 2026 - 2030", PERIOD_26_30),
    ("2026 – 2030", PERIOD_26_30),
    ("Năm 2026-2030", PERIOD_26_30),
    ("Từ năm 2026 đến năm 2030", PERIOD_26_30),
    ("Giai đoạn 2026-2030 và những năm tiếp theo.", PERIOD_26_30),
    ("Quý IV/2025- Quý II/2026", ("period", "2025-10-01", "2026-06-30", None)),
    # quarters or months listed within one year: the period from the first to the last
    ("Quý I, II/2026", ("period", "2026-01-01", "2026-06-30", None)),
    ("Quý I và Quý II/2026", ("period", "2026-01-01", "2026-06-30", None)),
    ("Tháng 6, 12/2026", ("period", "2026-06-01", "2026-12-31", None)),
    # days listed likewise (each a report's deadline): none of them dropped
    ("30/6/2026; 31/12/2026", ("period", "2026-06-30", "2026-12-31", None)),
    ("Ngày 30/6/2026 và ngày 31/12/2026", ("period", "2026-06-30", "2026-12-31", None)),
    ("30/6 và 31/12/2026", ("period", "2026-06-30", "2026-12-31", None)),
    ("15/5, 15/8 và 15/11/2026", ("period", "2026-05-15", "2026-11-15", None)),
    ("Từ tháng 1/2026 đến tháng 6/2026", ("period", "2026-01-01", "2026-06-30", None)),
    ("Tháng 6-9/2026", ("period", "2026-06-01", "2026-09-30", None)),
    ("Quý I-II/2026", ("period", "2026-01-01", "2026-06-30", None)),
    ("6 tháng đầu năm 2026", ("period", "2026-01-01", "2026-06-30", None)),
    ("6 tháng cuối năm 2026", ("period", "2026-07-01", "2026-12-31", None)),
    ("Từ 01/7/2025.", ("period", "2025-07-01", None, None)),
    ("Từ Quý I/2026", ("period", "2026-01-01", None, None)),
    ("Thường xuyên", CONTINUOUS),
    ("Nhiệm vụ thường xuyên", CONTINUOUS),
    ("Thực hiện\nthường xuyên.", CONTINUOUS),
    ("Hằng năm", YEARLY),
    ("Hàng năm", YEARLY),
    ("mỗi năm", YEARLY),
    ("Tháng 12 hằng năm", YEARLY),
    ("Hằng quý", QUARTERLY),
    ("Hàng quý", QUARTERLY),
    ("Hằng tháng", MONTHLY),
    ("Hàng tháng", MONTHLY),
    ("Thường xuyên, hằng năm", CONTINUOUS),
    ("Thường xuyên, định kỳ hằng quý báo cáo về Sở Tài chính", CONTINUOUS),
    ("Đến năm 2030", ("year", "2030-01-01", "2030-12-31", None)),
    ("Đến hết năm 2026", YEAR_2026),
    ("30 ngày", DURATION),
    ("trong 15 ngày", DURATION),
    ("100 ngày kể từ ngày ban hành Kế hoạch", DURATION),
    ("10 ngày làm việc sau khi Nghị quyết được ban hành", DURATION),
    ("Năm 2026 và các năm tiếp theo", YEAR_2026),
    ("Cả năm 2026", YEAR_2026),
    ("Cuối năm 2026", YEAR_2026),
    ("Cuối quý II/2026", ("quarter", "2026-04-01", "2026-06-30", None)),
    ("Hết quý III/2026", ("quarter", "2026-07-01", "2026-09-30", None)),
    ("2025 và những năm tiếp theo", ("year", "2025-01-01", "2025-12-31", None)),
    ("Năm 2026 (theo từng hệ thống)", YEAR_2026),
    # real documents (Hà Nội, Nghệ An, Đồng Tháp, Chính phủ …)
    ("Hoàn thành trong năm 2025.", ("year", "2025-01-01", "2025-12-31", None)),
    ("hoàn thành trong tháng 9/2025", ("month", "2025-09-01", "2025-09-30", None)),
    ("Trong tháng 01/2026", ("month", "2026-01-01", "2026-01-31", None)),
    ("Tháng \n 01/ 2026", ("month", "2026-01-01", "2026-01-31", None)),
    ("8/2/26", ("date", None, "2026-02-08", None)),
    ("Trước 10/02/2026", ("date", None, "2026-02-10", None)),
    ("12/2026 báo cáo kết quả triển khai", ("month", "2026-12-01", "2026-12-31", None)),
    ("13/02/2026\n Đề xuất hạn là thường xuyên", ("date", None, "2026-02-13", None)),
    ("Quý I/2026 lựa chọn nhiệm vụ. Quý IV/2026 báo cáo kết quả thực hiện",
     ("quarter", "2026-01-01", "2026-03-31", None)),
    ("Hoàn thành xây dựng kế hoạch trong Quý I/2026; triển khai theo tiến độ của Kế hoạch.",
     ("quarter", "2026-01-01", "2026-03-31", None)),
    ("**2025**", ("year", "2025-01-01", "2025-12-31", None)),
    ("<b>Năm 2026</b>", YEAR_2026),
    # Đề án 06 and socio-economic plans: "hết" / "cả năm" before the period they close
    ("Hết Quý III/2026", ("quarter", "2026-07-01", "2026-09-30", None)),
    ("Hết năm 2026", YEAR_2026),
    ("Cả năm 2026", YEAR_2026),
    ("Trong cả năm 2026", YEAR_2026),
    ("Hết ngày 30/6/2026", JUNE_30),
    ("Hết tháng 11/2026", NOV_2026),
]


@pytest.mark.parametrize(("raw", "expected"), DEADLINE_CASES)
def test_parse_deadline(raw, expected):
    deadline, warnings = parse_deadline(raw)
    assert deadline is not None, warnings
    assert (deadline.kind, deadline.start, deadline.end, deadline.recurrence) == expected
    assert deadline.raw == raw.strip()
    assert warnings == []


@pytest.mark.parametrize("raw", [None, "", "  ", "-", "—", "x", "---", "…"])
def test_no_deadline(raw):
    assert parse_deadline(raw) == (None, [])


@pytest.mark.parametrize(("raw", "warning"), [
    ("Theo Kế hoạch", "deadline_unparsed"),
    ("Theo tiến độ của từng nhiệm vụ khoa học công nghệ", "deadline_unparsed"),
    ("Theo từng nhiệm vụ đầu tư của năm 2026", "deadline_unparsed"),
    ("Sở KHCN đưa ra kế hoạch", "deadline_unparsed"),
    ("năm tiếp theo", "deadline_unparsed"),
    ("7", "deadline_unparsed"),
    ("31/2/2026", "deadline_invalid_date"),
    ("13/2026", "deadline_invalid_date"),
    ("Quý IV/2026 - Quý I/2026", "deadline_invalid_date"),
])
def test_unparsed_deadline(raw, warning):
    assert parse_deadline(raw) == (None, [warning])


def test_gold_deadlines(shared_dir):
    checked = 0
    for path in sorted((shared_dir / "gold").glob("*.gold.json")):
        for record in json.loads(path.read_text("utf-8"))["records"]:
            gold = record["deadline"]
            if gold is None:
                continue
            deadline, warnings = parse_deadline(gold["raw"])
            assert deadline.model_dump() == gold
            assert warnings == []
            checked += 1
    assert checked >= 70


# ---------------------------------------------------------------- properties

_MONTH_FORMS = ["Tháng {m}/{y}", "{m}/{y}", "{m:02d}/{y}", "T{m}/{y}", "tháng {m} năm {y}",
                "Trong tháng {m:02d}/{y}"]
_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


@given(st.integers(1, 12), st.integers(1990, 2099), st.sampled_from(_MONTH_FORMS))
def test_months(month, year, form):
    deadline, _ = parse_deadline(form.format(m=month, y=year))
    last = calendar.monthrange(year, month)[1]
    assert (deadline.kind, deadline.start, deadline.end) == (
        "month", date(year, month, 1).isoformat(), date(year, month, last).isoformat())


@given(st.integers(1, 4), st.integers(1990, 2099), st.booleans(),
       st.sampled_from(["Quý {q}/{y}", "Quý {q} năm {y}", "quí {q}-{y}"]))
def test_quarters(quarter, year, roman, form):
    deadline, _ = parse_deadline(form.format(q=_ROMAN[quarter] if roman else quarter, y=year))
    assert (deadline.kind, deadline.start[5:], deadline.end[:4]) == (
        "quarter", f"{3 * quarter - 2:02d}-01", str(year))


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31)),
       st.sampled_from(["{d}/{m}/{y}", "{d:02d}/{m:02d}/{y}", "Trước ngày {d}/{m}/{y}",
                        "ngày {d} tháng {m} năm {y}"]))
def test_dates(day, form):
    deadline, _ = parse_deadline(form.format(d=day.day, m=day.month, y=day.year))
    assert (deadline.kind, deadline.start, deadline.end) == ("date", None, day.isoformat())


@given(st.integers(1, 4), st.integers(1990, 2099),
       st.sampled_from(["Hết", "hết", "Đến hết", "Trong"]),
       st.sampled_from(["Quý {q}/{y}", "năm {y}", "tháng {m}/{y}"]))
def test_a_lead_word_does_not_change_the_period(quarter, year, lead, form):
    printed = form.format(q=_ROMAN[quarter], y=year, m=3 * quarter)
    bare, _ = parse_deadline(printed)
    led, warnings = parse_deadline(f"{lead} {printed}")
    assert (led.kind, led.start, led.end, warnings) == (bare.kind, bare.start, bare.end, [])


@pytest.mark.parametrize(("raw", "expected"), [
    ("Trước tháng 9/2026", ("month", "2026-09-01", "2026-09-30")),
    ("Hoàn thành trước Quý III/2026", ("quarter", "2026-07-01", "2026-09-30")),
    ("trước năm 2027", ("year", "2027-01-01", "2027-12-31")),
])
def test_before_a_month_is_by_its_end_and_says_so(raw, expected):
    """"Trước tháng 9/2026" is read as "Trước ngày 30/6/2026" is in the contract (by that
    day, the day included), and the record warns that it may mean the end of August."""
    deadline, warnings = parse_deadline(raw)
    assert (deadline.kind, deadline.start, deadline.end) == expected
    assert warnings == ["deadline_before_period"]
    # before a day: the contract's own case, nothing to warn of
    assert parse_deadline("Trước ngày 30/9/2026")[1] == []


@given(st.integers(1990, 2089), st.integers(0, 10), st.sampled_from(["-", " - ", " – ", "—"]))
def test_periods(first, length, connector):
    deadline, _ = parse_deadline(f"Giai đoạn {first}{connector}{first + length}")
    assert (deadline.kind, deadline.start, deadline.end) == (
        "period", f"{first}-01-01", f"{first + length}-12-31")


_DEADLINE_PIECES = st.sampled_from([
    "Năm", "năm", "Tháng", "Quý", "quí", "T", "Q", "II", "IV", "2026", "26", "11", "31", "0",
    "/", "-", "–", ".", " ", "ngày", "trước", "từ", "đến", "Thường xuyên", "hằng", "năm",
    "giai đoạn", "trong", "và", ",", "\n", "6 tháng đầu",
])


@given(st.one_of(st.text(max_size=40), st.lists(_DEADLINE_PIECES, max_size=10).map("".join)))
def test_parse_deadline_never_raises(raw):
    deadline, warnings = parse_deadline(raw)
    if deadline is None:
        assert warnings in ([], ["deadline_unparsed"], ["deadline_invalid_date"],
                            ["deadline_year_missing"])
    else:
        assert deadline.raw == raw.strip() and warnings == []
        if deadline.start and deadline.end:
            assert deadline.start <= deadline.end


# ---------------------------------------------------------------- durations from the issue date


@pytest.mark.parametrize(("raw", "issued_on", "start", "end"), [
    ("100 ngày kể từ ngày ban hành Kế hoạch", "2026-04-20", "2026-04-20", "2026-07-29"),
    ("Trong 30 ngày", "2026-12-15", "2026-12-15", "2027-01-14"),
    ("trong vòng 02 tuần", "2026-03-02", "2026-03-02", "2026-03-16"),
    ("Trong 02 tháng", "2026-04-20", "2026-04-20", "2026-06-20"),
    ("01 tháng", "2026-01-31", "2026-01-31", "2026-02-28"),  # no 31 February: its last day
    ("Trong 1 năm", "2028-02-29", "2028-02-29", "2029-02-28"),
    ("Trong 15 ngày làm việc", "2026-05-04", "2026-05-04", None),  # worked days not printed
    # the other words plans lead a duration with (were deadline_unparsed)
    ("Trong thời hạn 20 ngày", "2026-03-10", "2026-03-10", "2026-03-30"),
    ("Chậm nhất 30 ngày kể từ ngày Kế hoạch được ban hành", "2026-03-10", "2026-03-10",
     "2026-04-09"),
    ("Hoàn thành trong 60 ngày", "2026-03-10", "2026-03-10", "2026-05-09"),
    ("Trong thời hạn 10 ngày làm việc", "2026-03-10", "2026-03-10", None),
])
def test_a_duration_counts_from_the_issue_date(raw, issued_on, start, end):
    deadline, warnings = parse_deadline(raw)
    counted = counted_from(deadline, issued_on)
    assert (counted.kind, counted.start, counted.end, counted.raw) == ("duration", start, end, raw)
    assert warnings == []


def test_a_duration_without_an_issue_date_keeps_its_words_only():
    deadline, _ = parse_deadline("Trong 30 ngày")
    assert counted_from(deadline, None) == deadline
    assert (deadline.start, deadline.end, deadline.raw) == (None, None, "Trong 30 ngày")


def test_a_bare_count_under_a_days_header_counts_too():
    deadline, _ = parse_deadline("7 ngày")
    deadline = deadline.model_copy(update={"raw": "7"})
    assert counted_from(deadline, "2026-06-01", "7 ngày").end == "2026-06-08"


def test_other_deadlines_are_not_counted():
    deadline, _ = parse_deadline("Quý II/2026")
    assert counted_from(deadline, "2026-01-05") == deadline


def _deadline_pieces() -> list[str]:
    from chitieu.core.lexicon import load_yaml
    from chitieu.core.text import fold

    words = load_yaml("deadline_words.yaml")
    found = [fold(w) for key in ("leads", "open_start", "period_leads", "month", "quarter",
                                 "day", "year", "range_connectors", "before")
             for w in words[key]]
    return [*found, "2026", "6", "12", "iv", "/", "-", ".", " ", "đến", "ngày", "quý", "tháng"]


@given(st.lists(st.sampled_from(_deadline_pieces()), max_size=8).map(" ".join)
       | st.lists(st.sampled_from(_deadline_pieces()), max_size=8).map("".join),
       st.integers(0, 30))
def test_a_lead_pattern_matches_only_where_its_first_characters_are(text: str, pos: int) -> None:
    # `_match_at` tries a pattern only where a character its matches start with is
    from chitieu.normalize.deadline import _grammar

    g = _grammar()
    pos = min(pos, len(text))
    for pattern, starts in ((g.leads, g.lead_starts), (g.open_start, g.open_starts),
                            (g.period_leads, g.period_starts),
                            (g.month_range, g.month_starts),
                            (g.quarter_range, g.quarter_starts)):
        if text[pos:pos + 1] not in starts:
            assert pattern.match(text, pos) is None


def test_the_grammar_kept_in_the_cache_folder_is_the_one_written(tmp_path, monkeypatch) -> None:
    from chitieu.core.dataclass import field_names
    from chitieu.normalize import deadline

    monkeypatch.setenv("CHITIEU_CACHE_DIR", str(tmp_path))
    written = deadline._grammar_sources()
    deadline._grammar.__wrapped__()                    # written, then stored
    assert list(tmp_path.glob("deadline-grammar-*"))
    monkeypatch.setattr(deadline, "_grammar_sources", lambda: pytest.fail("written again"))
    loaded = deadline._grammar.__wrapped__()           # read back
    for name in field_names(loaded):
        value = getattr(loaded, name)
        if hasattr(value, "compiled"):
            assert value.pattern == written[name].pattern and not written[name].flags
        else:
            assert value == written[name], name
