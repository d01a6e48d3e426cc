"""`chitieu compare OUT`: the targets of many plans side by side, one indicator at a time.

Reads a batch's output (the Parquet tables when there, else the per-file JSON) and builds
two tables: a wide one, plan × indicator (target and deadline as printed), and a roll-up per
indicator (how many localities set it, the lowest, median and highest target, the national
targets beside them, the localities below the national target). Values are compared only in
one unit: a unit convertible to the indicator's (a share printed 0,8 against 80 %, "triệu
đồng" against "tỷ đồng") is converted by chitieu/catalog/unit_conversions.csv (a row naming
indicators converts for them only: "triệu đồng/ha" is "triệu đồng" only for an indicator per
hectare printed so); any other is listed apart.
"""

from __future__ import annotations

import csv
import functools
import json
import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chitieu.catalog.catalog import Indicator, NationalTarget, parse_target
from chitieu.core.text import ascii_fold

CONVERSIONS_CSV = Path(__file__).resolve().parent / "catalog" / "unit_conversions.csv"
_WHEN = re.compile(r"^value\s*(<=|>=|<|>|=)\s*([0-9.]+)$")
_OPS = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "", "between": ""}
WILDCARD = "% *"


# ------------------------------------------------------------------ units


@dataclass(frozen=True)
class _Rule:
    factor: float
    when: tuple[str, float] | None
    # the indicators the rule converts for (the CSV's `indicators`, "|"-separated); empty: all
    indicators: frozenset[str] = frozenset()


@functools.cache
def _rules(path: Path = CONVERSIONS_CSV) -> dict[tuple[str, str], list[_Rule]]:
    rules: dict[tuple[str, str], list[_Rule]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            when = _WHEN.match((row.get("when") or "").strip())
            indicators = frozenset(i.strip() for i in (row.get("indicators") or "").split("|")
                                   if i.strip())
            rules.setdefault((unit_key(row["from"]), unit_key(row["to"])), []).append(
                _Rule(float(row["factor"]), (when[1], float(when[2])) if when else None,
                      indicators))
    return rules


def unit_key(unit: str | None) -> str:
    """A unit as compared: accent-folded, lower case, one space ("% GRDP" → "% grdp")."""
    return " ".join(ascii_fold(unit or "").split())


def convert(value: float, unit: str | None, to: str | None,
            indicator: str | None = None) -> float | None:
    """`value` in `unit` expressed in `to` (the unit of `indicator`, an id, when given), or
    None when the conversion table has no way: a row naming its indicators converts for
    those only ("m2" is "m2 sàn/người" for the housing floor area per head, not for any
    indicator printed in it)."""
    src, dst = unit_key(unit), unit_key(to)
    if src == dst:
        return value
    rules = _rules()
    candidates = rules.get((src, dst), [])
    if src.startswith("%") and dst == "%":
        candidates = candidates + rules.get((unit_key(WILDCARD), dst), [])
    if src == "%" and dst.startswith("%"):  # a bare share of what the indicator counts
        candidates = candidates + rules.get((unit_key(WILDCARD), src), [])
    for rule in candidates:
        if rule.indicators and indicator not in rule.indicators:
            continue
        if rule.when is None or _holds(value, *rule.when):
            return value * rule.factor
    return None


def _holds(value: float, op: str, bound: float) -> bool:
    return {"<=": value <= bound, ">=": value >= bound, "<": value < bound,
            ">": value > bound, "=": value == bound}[op]


# ------------------------------------------------------------------ reading OUT


@dataclass(frozen=True)
class Plan:
    doc_id: str
    file: str
    number: str | None
    level: str | None
    locality: str | None
    province: str | None
    issued_on: str | None = None

    @property
    def place(self) -> str:
        name = " ".join(p for p in (self.level, self.locality) if p) or self.file
        return f"{name} ({self.province})" if self.province else name


@dataclass(frozen=True)
class Target:
    plan: Plan
    key: str
    indicator: str
    name: str
    op: str | None
    value: float | None
    upper: float | None
    unit: str | None
    text: str | None
    raw: str | None
    deadline_end: str | None


def read_output(out: Path) -> tuple[list[Plan], list[Target], dict[str, Indicator]]:
    """The plans, the linked indicator targets and the catalog of a batch's output folder."""
    documents, records = _tables(out)
    plans = {d["doc_id"]: Plan(d["doc_id"], d["file"], d.get("number"), d.get("locality_level"),
                               d.get("locality_name"), d.get("locality_province"),
                               _iso(d.get("issued_on")))
             for d in documents}
    targets = [Target(plans[r["doc_id"]], r["key"], r["indicator_id"], r["name"],
                      r.get("target_op"), r.get("target_value"), r.get("target_upper"),
                      r.get("target_unit"), r.get("target_text"), r.get("target_raw"),
                      _iso(r.get("deadline_end")))
               for r in records if r.get("indicator_id") and r["doc_id"] in plans]
    return list(plans.values()), targets, _indicators(out)


def _tables(out: Path) -> tuple[list[dict], list[dict]]:
    if (out / "records.parquet").is_file() and (out / "documents.parquet").is_file():
        import pyarrow.parquet as pq

        return (pq.read_table(out / "documents.parquet").to_pylist(),
                pq.read_table(out / "records.parquet").to_pylist())
    from chitieu.emit.tables import tables_from_json_files

    tables = tables_from_json_files(p for p in sorted(out.rglob("*.json"))
                                    if p.name != "report.json" and _is_document(p))
    return tables["documents"].to_pylist(), tables["records"].to_pylist()


def _is_document(path: Path) -> bool:
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and isinstance(data.get("source"), dict)


def _indicators(out: Path) -> dict[str, Indicator]:
    """The catalog the batch wrote (indicators.parquet), else the built-in one."""
    path = out / "indicators.parquet"
    if not path.is_file():
        from chitieu.catalog import default_catalog

        return default_catalog().indicators
    import pyarrow.parquet as pq

    found = {}
    for row in pq.read_table(path).to_pylist():
        targets = tuple(NationalTarget(t["op"], t["value"], t["unit"], t["year"], t["document"])
                        for t in row.get("national_targets") or [])
        found[row["id"]] = Indicator(
            id=row["id"], name=row["name"], group=row.get("group") or "", unit=row.get("unit"),
            counts=row.get("counts") or "", direction=row.get("direction") or "higher",
            aliases=tuple(row.get("aliases") or ()), targets=targets)
    return found


def _iso(value: Any) -> str | None:
    return value.isoformat() if hasattr(value, "isoformat") else value


# ------------------------------------------------------------------ the comparison


@dataclass
class Rollup:
    indicator: Indicator
    localities: int = 0
    plans: int = 0
    values: list[float] = field(default_factory=list)
    below: list[str] = field(default_factory=list)
    apart: list[str] = field(default_factory=list)

    def row(self) -> dict[str, Any]:
        ind, values = self.indicator, sorted(self.values)
        return {
            "indicator": ind.id, "name": ind.name, "unit": ind.unit,
            "localities": self.localities, "plans": self.plans,
            "min": _number(values[0]) if values else None,
            "median": _number(statistics.median(values)) if values else None,
            "max": _number(values[-1]) if values else None,
            "national": "; ".join(str(t) for t in ind.targets) or None,
            "below_national": "; ".join(self.below) or None,
            "not_comparable": "; ".join(self.apart) or None,
        }


@dataclass
class Comparison:
    plans: list[Plan]
    indicators: list[Indicator]
    cells: dict[tuple[str, str], list[Target]]
    rollups: list[Rollup]

    def labels(self) -> dict[str, str]:
        """A column label per plan: its place, and its number or file when one place has
        several plans."""
        places: dict[str, int] = {}
        for plan in self.plans:
            places[plan.place] = places.get(plan.place, 0) + 1
        return {p.doc_id: p.place if places[p.place] == 1 else f"{p.place} — {p.number or p.file}"
                for p in self.plans}

    def wide_rows(self) -> list[dict[str, Any]]:
        """One row per plan, one column per indicator (its target and deadline)."""
        labels = self.labels()
        return [{"plan": labels[plan.doc_id], "province": plan.province,
                 **{ind.id: _cell(self.cells.get((plan.doc_id, ind.id), []))
                    for ind in self.indicators}}
                for plan in self.plans]

    def rollup_rows(self) -> list[dict[str, Any]]:
        return [r.row() for r in self.rollups]


def compare(plans: Sequence[Plan], targets: Iterable[Target], indicators: dict[str, Indicator],
            *, indicator: str | None = None, province: str | None = None) -> Comparison:
    """The comparison of `targets`, restricted to one indicator (an id, or a group prefix
    such as "cqs.") and one province when given."""
    targets = [t for t in targets if _wanted(t, indicator, province) and t.indicator in indicators]
    used = {t.plan.doc_id for t in targets}
    plans = sorted((p for p in plans if p.doc_id in used),
                   key=lambda p: (ascii_fold(p.province or ""), ascii_fold(p.place), p.file))
    cells: dict[tuple[str, str], list[Target]] = {}
    for t in targets:
        cells.setdefault((t.plan.doc_id, t.indicator), []).append(t)
    ids = sorted({t.indicator for t in targets})
    rollups = [_rollup(indicators[i], [t for t in targets if t.indicator == i], plans)
               for i in ids]
    return Comparison(plans, [indicators[i] for i in ids], cells, rollups)


def _wanted(t: Target, indicator: str | None, province: str | None) -> bool:
    if indicator and not (t.indicator == indicator
                          or (indicator.endswith(".") and t.indicator.startswith(indicator))):
        return False
    return not province or ascii_fold(t.plan.province or "") == ascii_fold(province)


def _rollup(ind: Indicator, targets: list[Target], plans: Sequence[Plan]) -> Rollup:
    labels = Comparison(list(plans), [], {}, []).labels()
    rollup = Rollup(ind, localities=len({t.plan.place for t in targets}),
                    plans=len({t.plan.doc_id for t in targets}))
    counted: set[tuple[str, float]] = set()  # a plan repeating a row counts once
    for t in targets:
        label = labels.get(t.plan.doc_id, t.plan.place)
        if t.value is None:
            if t.raw:
                rollup.apart.append(f"{label}: {t.raw} (no number)")
            continue
        value = convert(float(t.value), t.unit, ind.unit, ind.id)
        if value is None:
            note = f"{label}: {_number(t.value)} {t.unit or '(no unit)'}"
            if note not in rollup.apart:
                rollup.apart.append(note)
            continue
        if (t.plan.doc_id, value) not in counted:
            counted.add((t.plan.doc_id, value))
            rollup.values.append(value)
        national = _national_for(ind, t)
        if national and _below(value, national, ind):
            note = (f"{label}: {_number(value)} (national {_number(national.value)}"
                    f"{' ' + national.unit if national.unit else ''} by {national.year}, "
                    f"{national.document})")
            if note not in rollup.below:
                rollup.below.append(note)
    return rollup


def _national_for(ind: Indicator, t: Target) -> NationalTarget | None:
    """The national target a local one is held against: the first whose year is not before
    the local deadline's (or, with no deadline, the plan's year of issue), else the last one;
    only one in the indicator's unit."""
    when = t.deadline_end or t.plan.issued_on
    year = int(when[:4]) if when else None
    usable = [n for n in sorted(ind.targets, key=lambda n: n.year)
              if convert(n.value, n.unit, ind.unit, ind.id) is not None]
    if not usable:
        return None
    return next((n for n in usable if year is None or n.year >= year), usable[-1])


def _below(value: float, national: NationalTarget, ind: Indicator) -> bool:
    """True when a local target (in the indicator's unit) falls short of the national one."""
    bar = convert(national.value, national.unit, ind.unit, ind.id)
    if bar is None:
        return False
    return value > bar if ind.direction == "lower" else value < bar


def _cell(targets: list[Target]) -> str | None:
    if not targets:
        return None
    return "; ".join(_describe(t) for t in targets)


def _describe(t: Target) -> str:
    if t.value is None:
        what = t.text or t.raw or "—"
    elif t.op == "between" and t.upper is not None:
        what = f"{_number(t.value)}–{_number(t.upper)}"
    else:
        what = f"{_OPS.get(t.op or '', '')}{_number(t.value)}"
    unit = f" {t.unit}" if t.unit and t.value is not None else ""
    when = f" ({t.deadline_end})" if t.deadline_end else ""
    return f"{what}{unit}{when}"


def _number(value: float | None) -> Any:
    if value is None:
        return None
    value = round(float(value), 6)
    return int(value) if value.is_integer() else value


# ------------------------------------------------------------------ output


def to_markdown(comparison: Comparison) -> str:
    """Both tables as Markdown: the targets with one row per indicator and one column per
    plan (a page holds a few plans more easily than many indicators), then the roll-up."""
    labels = comparison.labels()
    plans = comparison.plans
    lines = ["## Targets by indicator and plan", ""]
    lines += _md_table(["indicator", *[labels[p.doc_id] for p in plans]],
                       [[f"{ind.id} — {ind.name}",
                         *[_cell(comparison.cells.get((p.doc_id, ind.id), [])) for p in plans]]
                        for ind in comparison.indicators])
    lines += ["", "## Roll-up per indicator", ""]
    rows = comparison.rollup_rows()
    columns = ["indicator", "unit", "localities", "plans", "min", "median", "max", "national",
               "below_national", "not_comparable"]
    lines += _md_table(columns, [[row[c] for c in columns] for row in rows])
    return "\n".join(lines) + "\n"


def _md_table(header: list[str], rows: list[list[Any]]) -> list[str]:
    def cell(value: Any) -> str:
        return "" if value is None else str(value).replace("|", "\\|").replace("\n", " ")

    out = ["| " + " | ".join(cell(h) for h in header) + " |",
           "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return out


def write_tables(comparison: Comparison, folder: Path, fmt: str) -> list[Path]:
    """comparison.{csv,parquet} (plan × indicator) and comparison_rollup.{csv,parquet}."""
    import pyarrow as pa

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, rows in (("comparison", comparison.wide_rows()),
                       ("comparison_rollup", comparison.rollup_rows())):
        path = folder / f"{name}.{fmt}"
        if fmt == "csv":
            with path.open("w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.DictWriter(fh, fieldnames=list(rows[0]) if rows else ["plan"])
                writer.writeheader()
                writer.writerows(rows)
        else:
            import pyarrow.parquet as pq

            empty = pa.table({"plan": pa.array([], pa.string())})
            pq.write_table(pa.Table.from_pylist(rows) if rows else empty, path)
        written.append(path)
    return written


__all__ = ["Comparison", "Plan", "Target", "compare", "convert", "parse_target", "read_output",
           "to_markdown", "unit_key", "write_tables"]
