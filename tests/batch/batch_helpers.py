"""Inputs and output readers shared by the batch tests."""

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
_PLAN_NUMBER = re.compile(r"(Kế hoạch số:?\s*)\d*(/KH-UBND)")


def variation(text: str, number: int) -> str:
    """The sample with another plan number: another content hash, the same table."""
    varied, count = _PLAN_NUMBER.subn(lambda m: f"{m.group(1)}{number}{m.group(2)}", text)
    assert count == 1, "every sample names its plan once"
    return varied


def write_inputs(folder: Path, count: int, *, subfolders: int = 1, first: int = 1) -> list[Path]:
    """`count` distinct appendices below `folder` (variations of samples/, numbered from
    `first`), spread over `subfolders` folders."""
    texts = [path.read_text(encoding="utf-8") for path in SAMPLES]
    written = []
    for index in range(count):
        sub = folder / f"d{index % subfolders}" if subfolders > 1 else folder
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"plan_{index:03d}.txt"
        path.write_text(variation(texts[index % len(texts)], first + index), encoding="utf-8")
        written.append(path)
    return written


def read_manifest(out: Path) -> list[dict]:
    lines = (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[0]) == {"chitieu_manifest": 1}
    return [json.loads(line) for line in lines[1:]]


def read_report(out: Path) -> dict:
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def output_jsons(out: Path) -> list[Path]:
    skip = {"report.json"}
    return sorted(p for p in out.rglob("*.json") if p.name not in skip)
