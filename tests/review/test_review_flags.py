"""Which field a record's warning flags in the review page."""

from chitieu.review.flags import Flag, record_flags


def test_warnings_that_keep_printed_words_flag_their_field() -> None:
    record = {"warnings": ["deadline_unparsed:Theo kế hoạch", "unit_column_differs:trường"],
              "agencies": [], "target": None, "deadline": None}
    assert record_flags(record) == [
        Flag("deadline", "deadline_unparsed:Theo kế hoạch"),
        Flag("target", "unit_column_differs:trường")]


def test_a_unit_without_a_target_flags_the_target() -> None:
    # (review) the unit printed on a row with no target is about the target, not the record
    assert record_flags({"warnings": ["unit_without_target:điểm"], "agencies": []}) == [
        Flag("target", "unit_without_target:điểm")]
