"""Appendices the seeds do not show convert to their hand-written expected output.

tests/fixtures/appendices/ holds inputs in other layouts (Markdown, HTML, wrapped OCR rows,
two-row headers, page breaks, other header wordings, wards and a special zone) and
expected/<stem>.gold.json, written by hand from each document and SCHEMA.md. Each is scored
with ../shared/tools/score.py, which must give 1.0, and compared on what the scorer leaves
out (columns, agency names and raw text, source lines).
"""

import html
import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from shared_files import score_one

from chitieu import convert
from chitieu.emit.json_out import document_to_json
from chitieu.emit.schema import validate

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "appendices"
EXPECTED = FIXTURES / "expected"
INPUTS = sorted(p for p in FIXTURES.iterdir() if p.is_file() and p.name != "README.md")


def _expected(path: Path) -> dict:
    return json.loads((EXPECTED / f"{path.stem}.gold.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def converted() -> dict[str, dict]:
    return {p.stem: json.loads(document_to_json(convert(p))) for p in INPUTS}


def test_every_input_has_its_expected_output() -> None:
    assert len(INPUTS) >= 8
    assert sorted(p.stem for p in INPUTS) == sorted(
        p.name.removesuffix(".gold.json") for p in EXPECTED.glob("*.gold.json"))


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_scorer_gives_full_marks(path: Path, converted: dict, tmp_path: Path) -> None:
    result = score_one(EXPECTED / f"{path.stem}.gold.json", converted[path.stem], tmp_path)
    assert result.returncode == 0, result.stdout
    assert "score: 1.0000" in result.stdout


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_output_validates_against_schema(path: Path, converted: dict) -> None:
    assert validate(converted[path.stem]) == []


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_source_and_columns_as_expected(path: Path, converted: dict) -> None:
    got, want = converted[path.stem], _expected(path)
    assert got["source"]["format"] == want["source"]["format"]
    assert got["source"]["sha256"] == want["source"]["sha256"]
    assert got["plan"]["locality"] == want["plan"]["locality"]
    assert got["plan"]["issued_raw"] == want["plan"]["issued_raw"]
    assert got["columns"] == want["columns"]
    assert set(want["warnings"]) <= set(got["warnings"])


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_agencies_and_lines_as_expected(path: Path, converted: dict) -> None:
    got, want = converted[path.stem], _expected(path)
    assert [r["key"] for r in got["records"]] == [r["key"] for r in want["records"]]
    for record, expected in zip(got["records"], want["records"], strict=True):
        assert [(a["role"], a["id"], a["name"], a["raw"]) for a in record["agencies"]] == [
            (a["role"], a["id"], a["name"], a["raw"]) for a in expected["agencies"]
        ], expected["key"]
        assert record["source"]["lines"] == expected["source"]["lines"], expected["key"]
        assert record["section"] == expected["section"], expected["key"]


# ---------------------------------------------------------------- the seeds in other layouts

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "samples").glob("*.txt"))
_BOLD_TAG = re.compile(r"</?b>")


def _as_markdown(text: str) -> str:
    """The seed's tab-separated rows as pipe tables, its other lines as paragraphs."""
    out: list[str] = []
    in_table = False
    for line in text.split("\n"):
        if "\t" in line:
            cells = [c.replace("|", "\\|") for c in line.split("\t")]
            out.append("| " + " | ".join(cells) + " |")
            if not in_table:
                out.append("|" + "---|" * len(cells))
                in_table = True
        elif line.strip():
            out += ["", line, ""]
            in_table = False
    return "\n".join(out)


def _as_html(text: str) -> str:
    """The seed as an HTML page: rows in <table>s (first row in <th>), lines in <p>."""
    out = ["<html><body>"]
    in_table = False
    for line in text.split("\n"):
        if "\t" in line:
            tag = "td" if in_table else "th"
            if not in_table:
                out.append("<table border='1'>")
                in_table = True
            out.append("<tr>" + "".join(f"<{tag}>{html.escape(_BOLD_TAG.sub('', c))}</{tag}>"
                                        for c in line.split("\t")) + "</tr>")
        elif line.strip():
            if in_table:
                out.append("</table>")
                in_table = False
            out.append(f"<p>{html.escape(_BOLD_TAG.sub('', line).strip(' *'))}</p>")
    out.append("</table></body></html>" if in_table else "</body></html>")
    return "\n".join(out)


def _as_windows_text(text: str) -> bytes:
    return ("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8")


def _as_decomposed_text(text: str) -> bytes:
    return unicodedata.normalize("NFD", text).encode("utf-8")


LAYOUTS = {
    "md": lambda t: _as_markdown(t).encode("utf-8"),
    "html": lambda t: _as_html(t).encode("utf-8"),
    "txt": _as_windows_text,
    "text": _as_decomposed_text,
}


@pytest.mark.parametrize("suffix", sorted(LAYOUTS))
def test_the_seeds_in_another_layout_still_match_their_gold(suffix: str, tmp_path: Path,
                                                             shared_dir: Path) -> None:
    """Layout is the reader's business: the same appendix as Markdown, HTML, Windows text
    (BOM, CRLF) or decomposed Unicode gives the seeds' gold records."""
    pred = tmp_path / "pred"
    pred.mkdir()
    for sample in SAMPLES:
        path = tmp_path / f"{sample.stem}.{suffix}"
        path.write_bytes(LAYOUTS[suffix](sample.read_text("utf-8")))
        (pred / f"{sample.stem}.json").write_text(document_to_json(convert(path)), "utf-8")
    result = subprocess.run(
        [sys.executable, str(shared_dir / "tools" / "score.py"), str(shared_dir / "gold"),
         str(pred), "--min", "1.0", "--verbose"],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout
