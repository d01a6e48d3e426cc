"""The national header's words in a scan: the plan's date printed twice, in the place-date
line and in the "(Kèm theo …)" line, made one."""

from __future__ import annotations

from chitieu.extract.ocr.national import agree_plan_dates
from chitieu.extract.ocr.tesseract import Word


def _page(lines: list[tuple[str, dict[str, float]]]) -> list[Word]:
    words: list[Word] = []
    for number, (text, confidences) in enumerate(lines, start=1):
        x = 0
        for token in text.split():
            words.append(Word(token, x, 40 * number, x + 12 * len(token), 40 * number + 30,
                              confidences.get(token, 95.0), 1, 1, number))
            x += 12 * len(token) + 10
    return words


HEADER = ("Số: 114/KH-UBND", {})
CITED = "(Kèm theo Kế hoạch số 114/KH-UBND ngày 15/8/2026 của Ủy ban nhân dân đặc khu Côn Đảo)"


def test_the_cited_date_takes_the_surer_place_date():
    """"15/8/2026" (93.6) under "ngày 15 tháng 5 năm 2026" (the "5" at 96.8): one plan, one
    date — the digit Tesseract was surer of."""
    words = _page([HEADER, ("Côn Đảo, ngày 15 tháng 5 năm 2026", {"5": 96.8}),
                   (CITED, {"15/8/2026": 93.6})])
    fixed, changes = agree_plan_dates(words)
    assert [w.text for w in fixed if "/2026" in w.text] == ["15/5/2026"]
    assert [(c.before, c.after) for c in changes] == [("15/8/2026", "15/5/2026")]


def test_the_place_date_takes_the_surer_cited_date():
    words = _page([HEADER, ("Côn Đảo, ngày 15 tháng 8 năm 2026", {"8": 80.0}),
                   (CITED.replace("15/8/", "15/5/"), {"15/5/2026": 96.0})])
    fixed, changes = agree_plan_dates(words)
    assert " ".join(w.text for w in fixed if w.line == 2) == "Côn Đảo, ngày 15 tháng 5 năm 2026"
    assert [(c.before, c.after) for c in changes] == [("8", "5")]


def test_dates_of_two_plans_or_far_apart_stay():
    """The attachment line cites another plan's number, or the dates differ in more than a
    digit: two dates, each as read."""
    other = CITED.replace("114/KH-UBND", "96/KH-UBND")
    for lines in ([HEADER, ("Côn Đảo, ngày 15 tháng 5 năm 2026", {}), (other, {})],
                  [HEADER, ("Côn Đảo, ngày 15 tháng 3 năm 2026", {}),
                   (CITED.replace("15/8/", "20/8/"), {})]):
        words = _page(lines)
        assert agree_plan_dates(words) == (words, [])
