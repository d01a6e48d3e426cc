"""Build chitieu/data/ocr_bigrams.tsv: which Vietnamese syllables follow which in this domain.

    .venv/bin/python scripts/build_ocr_bigrams.py

The scan reader's spelling repair (`chitieu.extract.ocr.spelling`) chooses between readings that
differ only by a diacritic ("Tố chức" / "Tổ chức", "số hộ tịch" / "sổ hộ tịch") by the words
around them. Those pairs are counted here from text typed by people, never from OCR output:

- the project's own data: header, unit, deadline and target words (chitieu/data/*.yaml), the
  agency gazetteer and the administrative units;
- the typed fixtures (tests/fixtures: text, Markdown and HTML appendices and the records
  written by hand for them).

Left out on purpose: the sources the scan benchmarks (benchmarks/eval_scans.py) scan —
tests/fixtures/office_variants, the text appendices of tests/fixtures/appendices, and every
source of make_scan_fixtures.py `EVAL_VARIANTS` / `EVAL2_VARIANTS` / `EVAL3_VARIANTS`
(the OCR'd appendices of ocr_variants/ and heldout_scans3/ among them) with their records,
any folder named "heldout" (other benchmarks' held-out sets: heldout_scans3 … heldout_scans6)
and the scan dev sets (scan_headers_dev, every scan_dev…) — so the benchmarks measure the
repair on text it has not seen.
Lines typed without any mark ("Noi dung chi tieu") teach nothing and are skipped.

Each line is "first second<TAB>count", lower case, both words syllables or roman numbers.
"""

from __future__ import annotations

import itertools
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chitieu.extract.ocr.repair import is_syllable  # noqa: E402

OUT = ROOT / "chitieu" / "data" / "ocr_bigrams.tsv"
FIXTURES = ROOT / "tests" / "fixtures"
# What the scan benchmark scans, and copies of their records.
# the scan benchmarks' dev sets too: their scans are read to tune the repairs, so their typed
# text must not teach the repair either
HELD_OUT = ("office_variants", "scans", "scan_headers_dev")
HELD_OUT_PREFIXES = ("scan_dev",)  # every scan_dev5, scan_dev6, …
HELD_OUT_WORDS = ("heldout", "held_out")  # heldout_scans3, realdocs_heldout4, …
# Text runs are cut at these: a pair of words across a cell's edge or a comma is no phrase.
_BREAK = re.compile(r"[\t\n|,.;:()\[\]{}<>/\\\"“”'’‘!?=*#$&%+–—-]|\s-\s")
_WORD = re.compile(r"[^\W\d_]+")


def _benchmark_sources() -> set[Path]:
    """The typed sources of the scan benchmarks' scans and their records' files."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_scan_fixtures",
                                                  FIXTURES / "make_scan_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    variants = module.EVAL_VARIANTS + module.EVAL2_VARIANTS + module.EVAL3_VARIANTS
    return {p.resolve() for v in variants for p in (v.source, v.gold)}


def sources() -> list[tuple[str, str]]:
    texts = []
    benchmark = _benchmark_sources()
    for path in sorted((ROOT / "chitieu" / "data").glob("*.yaml")):
        texts.append((path.name, path.read_text(encoding="utf-8")))
    for name in ("agencies.csv", "admin_units.csv", "provinces.csv"):
        path = ROOT / "chitieu" / "data" / name
        texts.append((name, path.read_text(encoding="utf-8").replace(",", "\n")))
    for path in sorted(FIXTURES.rglob("*")):
        relative = path.relative_to(FIXTURES)
        if (relative.parts[0] in HELD_OUT or not path.is_file() or path.resolve() in benchmark
                or any(part.startswith(HELD_OUT_PREFIXES) or any(
                    word in part for word in HELD_OUT_WORDS) for part in relative.parts)):
            continue  # other helpers' held-out sets too
        if relative.parts[0] == "appendices" and path.suffix == ".txt":
            continue
        if relative.parts[0] == "appendices" and path.name.endswith(".gold.json"):
            typed = (FIXTURES / "appendices" / path.name.replace(".gold.json", ".txt"))
            if typed.exists():
                continue
        if path.suffix in {".txt", ".md", ".html"}:
            texts.append((str(relative), path.read_text(encoding="utf-8", errors="replace")))
        elif path.name.endswith(".gold.json"):
            texts.append((str(relative), "\n".join(_strings(json.loads(path.read_text("utf-8"))))))
    return texts


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def count(texts: list[tuple[str, str]]) -> Counter[tuple[str, str]]:
    pairs: Counter[tuple[str, str]] = Counter()
    for _, text in texts:
        text = re.sub(r"<[^>]+>", "\t", unicodedata.normalize("NFC", text))
        for run in _BREAK.split(text):
            words = [w.casefold() for w in _WORD.findall(run)]
            if len(words) > 1 and all(w.isascii() for w in words):
                continue  # typed without marks ("Noi dung chi tieu"): no pair to learn
            # from; "chi tieu" would pull an OCR'd "CHỈ TIÊU" toward it
            for first, second in itertools.pairwise(words):
                if _countable(first) and _countable(second):
                    pairs[first, second] += 1
    return pairs


_ROMAN = re.compile(r"^(?:i{1,3}|iv|v|vi{1,3}|ix|x)$")


def _countable(word: str) -> bool:
    """A syllable, or a roman number ("Quý III", "Phụ lục II")."""
    return is_syllable(word) or bool(_ROMAN.match(word))


def main() -> None:
    pairs = count(sources())
    lines = [f"{a} {b}\t{n}" for (a, b), n in sorted(pairs.items())]
    OUT.write_text("# built by scripts/build_ocr_bigrams.py; do not edit\n" + "\n".join(lines)
                   + "\n", encoding="utf-8")
    print(f"{len(lines)} pairs, {sum(pairs.values())} in all -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
