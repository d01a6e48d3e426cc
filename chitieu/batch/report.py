"""What a run did and what the output folder now holds: `BatchReport`, its OUT/report.json
form, and the summary lines the CLI prints (built here, printed there)."""

from __future__ import annotations

import datetime as dt
import signal
from pathlib import Path

from chitieu.batch.discovery import Skipped, display_path
from chitieu.batch.manifest import REPORT_NAME, Dataset
from chitieu.batch.worker import FileResult
from chitieu.core.dataclass import as_dict, dataclass, field
from chitieu.errors import ExitCode

_FAILURE_FIELDS = ("input", "error", "code", "kept_output", "traceback")


@dataclass
class BatchReport:
    """The outcome of `convert_folder`: this run's counts and failures, and the dataset in
    OUT. `interrupted` is the signal that stopped the run (then `dataset` is None: the
    manifest keeps what was converted, and a re-run resumes)."""

    out_dir: Path
    inputs: int = 0
    converted: int = 0
    unchanged: int = 0
    planned: int = 0  # files this run set out to convert
    failures: list[FileResult] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    dataset: Dataset | None = None
    tables: dict[str, str] = field(default_factory=dict)
    corrections: dict = field(default_factory=dict)  # applied, not_applied (reviewers')
    seconds: float = 0.0
    interrupted: int | None = None

    @property
    def exit_code(self) -> ExitCode:
        if self.interrupted == signal.SIGTERM:
            return ExitCode.TERMINATED
        if self.interrupted is not None:
            return ExitCode.INTERRUPTED
        return ExitCode.FILES_FAILED if self.failures else ExitCode.OK

    def to_dict(self) -> dict:
        """OUT/report.json: this run (what was converted, what failed and why, what was
        skipped) and the dataset now in OUT (documents, records, warnings by code, agencies
        missing from the gazetteer, copies, inputs gone from disk)."""
        from chitieu import __version__

        dataset = self.dataset or Dataset()
        return {
            "chitieu": __version__,
            "finished": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "seconds": round(self.seconds, 3),
            "run": {"inputs": self.inputs, "converted": self.converted,
                    "unchanged": self.unchanged, "failed": len(self.failures)},
            "failed": [failure_dict(result) for result in self.failures],
            "skipped": [as_dict(item) for item in self.skipped],
            "dataset": {
                "documents": dataset.documents,
                "ok": dataset.documents - dataset.with_warnings,
                "with_warnings": dataset.with_warnings,
                "records": dataset.records,
                "warnings": dict(sorted(dataset.warnings.items(),
                                        key=lambda kv: (-kv[1], kv[0]))),
                "agency_unmatched": [{"name": name, "count": count} for name, count in
                                     sorted(dataset.unmatched.items(),
                                            key=lambda kv: (-kv[1], kv[0]))],
                "duplicates": [{"input": copy, "same_content_as": first}
                               for copy, first in dataset.duplicates],
                "missing_inputs": dataset.missing,
                "pruned": dataset.pruned,
            },
            "tables": self.tables,
            "corrections": self.corrections or {"applied": 0, "not_applied": []},
        }


def failure_dict(result: FileResult) -> dict:
    failure = {key: value for key, value in as_dict(result).items()
               if key in _FAILURE_FIELDS and value is not None}
    failure["input"] = display_path(result.input)
    return failure


def failure_line(result: FileResult) -> str:
    return f"chitieu: {display_path(result.input)}: {result.error}"


def interrupted_line(report: BatchReport) -> str:
    how = "terminated (SIGTERM)" if report.interrupted == signal.SIGTERM else "interrupted"
    return (f"chitieu: {how}: {report.converted} of {report.planned} files converted and "
            f"kept in {report.out_dir}; run the same command again to resume")


def summary_lines(report: BatchReport, *, quiet: bool = False, top: int = 10) -> list[str]:
    """The lines `chitieu convert` prints at the end of a run."""
    if report.interrupted is not None:
        return [interrupted_line(report)]
    data = report.to_dict()
    run, dataset, failed = data["run"], data["dataset"], data["failed"]
    where = report.out_dir / REPORT_NAME
    if run["inputs"] == 1 and failed:
        # One file that failed: its error line says it all (printed here when quiet).
        return [f"chitieu: {failed[0]['input']}: {failed[0]['error']}"] if quiet else []
    if quiet:
        return ([f"chitieu: {len(failed)} of {run['inputs']} files failed; see {where}"]
                if failed else [])
    lines = [
        f"chitieu: {run['inputs']} files: {run['converted']} converted, {run['unchanged']} "
        f"unchanged, {run['failed']} failed"
        + (f", {len(report.skipped)} skipped" if report.skipped else ""),
        f"chitieu: dataset in {report.out_dir}: {dataset['documents']} documents "
        f"({dataset['ok']} ok, {dataset['with_warnings']} with warnings), "
        f"{dataset['records']} records",
    ]
    lines += _dataset_lines(dataset, top)
    corrections = data["corrections"]
    if corrections["applied"] or corrections["not_applied"]:
        lines.append(f"chitieu: corrections: {corrections['applied']} applied, "
                     f"{len(corrections['not_applied'])} not applied")
    for failure in failed[:top]:
        kept = " (its earlier JSON stays in the dataset)" if "kept_output" in failure else ""
        lines.append(f"chitieu: failed: {failure['input']}: {failure['error']}{kept}")
    if failed or dataset["agency_unmatched"] or report.skipped or dataset["duplicates"] \
            or dataset["missing_inputs"] or corrections["not_applied"]:
        lines.append(f"chitieu: details in {where}")
    return lines


def _dataset_lines(dataset: dict, top: int) -> list[str]:
    lines = []
    if dataset["warnings"]:
        lines.append("chitieu: warnings: " + ", ".join(
            f"{code} {count}" for code, count in dataset["warnings"].items()))
    unmatched = dataset["agency_unmatched"]
    if unmatched:
        shown = ", ".join(f"{item['name']} ({item['count']})" for item in unmatched[:top])
        lines.append(f"chitieu: agencies not in the gazetteer: {shown}{_more(unmatched, top)}")
    copies = dataset["duplicates"]
    if copies:
        shown = ", ".join(f"{c['input']} = {c['same_content_as']}" for c in copies[:top])
        lines.append(f"chitieu: {_count(copies, 'document is a copy', 'documents are copies')}"
                     " of another (same content; the tables hold it once): "
                     f"{shown}{_more(copies, top)}")
    missing = dataset["missing_inputs"]
    if missing:
        lines.append(f"chitieu: {len(missing)} documents of the dataset come from inputs no "
                     f"longer on disk (--prune drops them): {', '.join(missing[:top])}"
                     f"{_more(missing, top)}")
    if dataset["pruned"]:
        lines.append(f"chitieu: dropped {len(dataset['pruned'])} documents whose inputs are "
                     "no longer on disk")
    return lines


def _more(items: list, top: int) -> str:
    return f" and {len(items) - top} more" if len(items) > top else ""


def _count(items: list, one: str, many: str) -> str:
    return f"{len(items)} {one if len(items) == 1 else many}"
