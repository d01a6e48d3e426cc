"""Property tests: the seeds and our own text fixtures after what real files undergo (line
endings, white space, blank lines, a BOM, NFD, dropped padding cells, a header repeated at a
page break, tabs turned into spaces, a lost line break, other encodings).

Invariants: never a traceback — an InputError with a one-line message or a Document; the
output validates against the JSON Schema and its JSON is deterministic; a mutation that
keeps the table gives the same records; one that reshapes it keeps every numbered row.
"""

from __future__ import annotations

import random
import tempfile
from collections import Counter
from pathlib import Path

import mutations
import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import chitieu
from chitieu.emit.json_out import document_to_dict, document_to_json
from chitieu.emit.schema import validate
from chitieu.errors import InputError
from chitieu.models import Document

ROOT = Path(__file__).resolve().parents[2]
INPUTS = sorted((ROOT / "samples").glob("*.txt")) + sorted(
    (ROOT / "tests" / "fixtures" / "appendices").glob("*.txt"))
PROPERTY = settings(max_examples=25, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow])


def _convert_bytes(data: bytes, name: str = "plan.txt") -> Document | InputError:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            doc = chitieu.convert(path)
        except InputError as exc:
            assert "\n" not in str(exc) and str(exc).strip(), repr(str(exc))
            return exc
        again = chitieu.convert(path)
    assert validate(document_to_dict(doc)) == []
    assert document_to_json(doc) == document_to_json(again)
    return doc


def _records(doc: Document) -> list[dict]:
    """Records without their provenance; a row joined over a repeated header is a row joined
    either way."""
    out = []
    for record in doc.records:
        data = record.model_dump(exclude={"source"})
        data["warnings"] = ["row_joined" if w == "row_joined_across_pages" else w
                            for w in data["warnings"]]
        out.append(data)
    return out


def _numbers(doc: Document) -> Counter[str]:
    return Counter(r.number for r in doc.records if r.number)


_BASELINES: dict[tuple[Path, str], Document] = {}


def _baseline(path: Path, encoding: str = "utf-8") -> Document:
    key = (path, encoding)
    if key not in _BASELINES:
        text = mutations.representable(path.read_text("utf-8"), encoding)
        _BASELINES[key] = chitieu.convert_text(text)
    return _BASELINES[key]


@PROPERTY
@given(source=st.sampled_from(INPUTS),
       steps=st.lists(st.sampled_from(sorted(mutations.PRESERVING)), min_size=1, max_size=3),
       encoding=st.sampled_from(mutations.ENCODINGS),
       seed=st.integers(0, 2**16))
def test_mutations_that_keep_the_table_keep_the_records(source: Path, steps: list[str],
                                                        encoding: str, seed: int) -> None:
    rng = random.Random(seed)
    text = source.read_text("utf-8")
    for step in steps:
        if step == "bom" and encoding not in ("utf-8", "utf-16-le", "utf-16-be"):
            continue  # a BOM belongs to the Unicode encodings
        text = mutations.PRESERVING[step](text, rng)
    result = _convert_bytes(mutations.encode(text, encoding))
    assert isinstance(result, Document), str(result)
    expected = _baseline(source, encoding)
    assert _records(result) == _records(expected)
    assert result.plan == expected.plan


@PROPERTY
@given(source=st.sampled_from(INPUTS), seed=st.integers(0, 2**16),
       how=st.sampled_from(["expand8", "run2", "run4", "run8"]))
def test_tabs_turned_into_spaces_keep_every_numbered_row(source: Path, seed: int,
                                                         how: str) -> None:
    text = source.read_text("utf-8")
    if seed % 2:
        text = mutations.PRESERVING["trailing_whitespace"](text, random.Random(seed))
    if how == "expand8":
        text = "\n".join(line.expandtabs(8) for line in text.split("\n"))
    else:
        text = text.replace("\t", " " * int(how.removeprefix("run")))
    result = _convert_bytes(text.encode("utf-8"))
    assert isinstance(result, Document), str(result)
    assert _numbers(result) == _numbers(_baseline(source))
    assert "columns_from_spaces" in result.warnings


@PROPERTY
@given(source=st.sampled_from(INPUTS), seed=st.integers(0, 2**16))
def test_a_deleted_blank_cell_keeps_every_numbered_row(source: Path, seed: int) -> None:
    text = mutations.drop_interior_blank_cell(source.read_text("utf-8"), random.Random(seed))
    result = _convert_bytes(text.encode("utf-8"))
    assert isinstance(result, Document), str(result)
    assert _numbers(result) == _numbers(_baseline(source))


@PROPERTY
@given(source=st.sampled_from(INPUTS), seed=st.integers(0, 2**16),
       glue=st.sampled_from([" ", "\t", "  "]))
def test_a_lost_line_break_before_a_numbered_row_keeps_every_numbered_row(
        source: Path, seed: int, glue: str) -> None:
    # the row is glued onto a title, the header, a row or a continuation line above it
    lines = source.read_text("utf-8").split("\n")
    numbered = [i for i in range(1, len(lines)) if lines[i - 1].strip()
                and regex.match(r"(?:<b>)?\d+(?:\.\d+)*\.?(?:</b>)?\t", lines[i])]
    i = random.Random(seed).choice(numbered)
    above = lines[i - 1].rstrip() if glue == " " else lines[i - 1]
    text = "\n".join([*lines[:i - 1], above + glue + lines[i], *lines[i + 1:]])
    result = _convert_bytes(text.encode("utf-8"))
    assert isinstance(result, Document), str(result)
    assert _numbers(result) == _numbers(_baseline(source))


@PROPERTY
@given(source=st.sampled_from(INPUTS), seed=st.integers(0, 2**16),
       extra=st.sampled_from(["tabs4", "tabs8", "join", "none"]))
def test_reshaped_input_is_a_document_or_one_clear_error(source: Path, seed: int,
                                                         extra: str) -> None:
    # a lost line break anywhere (not only before a numbered row, as above): no traceback,
    # valid output
    rng = random.Random(seed)
    text = mutations.join_lines(source.read_text("utf-8"), rng)
    if extra.startswith("tabs"):
        text = "\n".join(line.expandtabs(int(extra[4:])) for line in text.split("\n"))
    elif extra == "join":
        text = mutations.join_lines(text, rng)
    _convert_bytes(text.encode("utf-8"))


# ---------------------------------------------------------------- regressions found above

def test_expanded_tabs_are_not_read_as_a_pdftotext_page() -> None:
    # found by the tab property: read by column positions, the whole table was one row
    text = (ROOT / "samples" / "004_0020e8dd3583fe02.txt").read_text("utf-8")
    doc = _convert_bytes(text.expandtabs(8).encode("utf-8"))
    assert isinstance(doc, Document)
    assert [r.number for r in doc.records] == [r.number for r in _baseline(
        ROOT / "samples" / "004_0020e8dd3583fe02.txt").records]


def test_a_fixed_run_of_spaces_per_tab_keeps_blank_cells_in_their_column() -> None:
    text = ("TT\tNội dung\tĐơn vị tính\tChỉ tiêu\tĐơn vị chủ trì\n"
            "1\tTỷ lệ hộ dùng nước sạch\t%\t≥ 90\tPhòng Kinh tế\n"
            "2\tBố trí cán bộ chuyên trách\t\tĐáp ứng\tPhòng Văn hóa - Xã hội\n"
            "3\tSố hộ được hỗ trợ\thộ\t120\tPhòng Kinh tế\n")
    doc = _convert_bytes(text.replace("\t", "    ").encode("utf-8"))
    assert isinstance(doc, Document)
    second = doc.records[1]
    assert second.target is not None and second.target.text == "Đáp ứng"
    assert [a.name for a in second.agencies] == ["Phòng Văn hóa - Xã hội"]


def test_a_row_number_one_space_from_its_text_at_a_tab_stop_is_split() -> None:
    # expandtabs(4): "10." ends one short of a stop, so one space is all that is left
    rows = "\n".join(f"{n}.\tTỷ lệ chỉ tiêu số {n}\t%\t100\tPhòng Kinh tế" for n in range(1, 12))
    text = "TT\tNội dung\tĐơn vị tính\tChỉ tiêu\tĐơn vị chủ trì\n" + rows + "\n"
    doc = _convert_bytes(text.expandtabs(4).encode("utf-8"))
    assert isinstance(doc, Document)
    assert [r.number for r in doc.records] == [str(n) for n in range(1, 12)]
    assert all(r.name.startswith("Tỷ lệ chỉ tiêu số") for r in doc.records)


SEED_004 = ROOT / "samples" / "004_0020e8dd3583fe02.txt"
SEED_000 = ROOT / "samples" / "000_68f49e6b942cac21.txt"


@pytest.mark.parametrize(("source", "line_above", "row_start"), [
    (SEED_004, "PHÁT TRIỂN HẠ TẦNG\t\t\t\t", "1\t"),  # a section title
    (SEED_004, "Ghi chú", "9\t"),  # the header repeated at the page break
    (SEED_004, "Phòng Kinh tế\t", "8\t"),  # another row: two rows on one line
    (SEED_000, "<b>II Phát triển nguồn lực</b>\t\t\t\t\t\t", "1\t"),  # a bold title cell
])
def test_a_row_glued_to_a_section_title_by_a_lost_line_break_is_kept(
        source: Path, line_above: str, row_start: str) -> None:
    text = source.read_text("utf-8")
    glued = text.replace(f"{line_above}\n{row_start}", f"{line_above.rstrip()} {row_start}", 1)
    assert glued != text
    doc = _convert_bytes(glued.encode("utf-8"))
    assert isinstance(doc, Document)
    assert _numbers(doc) == _numbers(_baseline(source))
    assert [r.key for r in doc.records] == [r.key for r in _baseline(source).records]
    assert sum("row_split_from_line" in r.warnings for r in doc.records) >= 1
