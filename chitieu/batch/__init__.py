"""Convert files and folders into the dataset: parallel, resumable, reported, bounded.

What a run leaves in the output folder OUT:

    OUT/<input's folders>/<stem>.json   one document per input, the input's folders mirrored
    OUT/manifest.jsonl                  one line per converted input: content hash, summary
    OUT/report.json                     this run's failures and the dataset's summary
    OUT/documents.parquet …             the dataset tables (--format parquet, csv, jsonl)

The package, one concern per module: `discovery` finds the inputs (regular files only,
links leaving the input folder skipped), `manifest` records what OUT holds and plans what
to convert, `worker` converts one file under the per-file limits (`chitieu.extract.limits`),
`executors` run workers (in this process, a process pool, or Dask), `report` sums a run
up, and `run.convert_folder` ties them together and returns a `BatchReport`: no printing,
no exit codes (the CLI does both).

A worker converts one file and writes its JSON itself (atomically), and sends back only a
small `FileResult`; the parent appends it to the manifest at once. So the parent's memory
does not grow with the documents, a killed run resumes where it stopped (the manifest
names only files whose JSON is complete), and a re-run converts only inputs whose content,
or the pipeline (code, data files, gazetteers), changed. The tables are rebuilt from the
per-file JSON whenever the dataset changed, so they always match it.
"""

from chitieu.batch.discovery import Skipped, collect_inputs, walk_inputs
from chitieu.batch.manifest import BatchError, Dataset, Manifest, pipeline_fingerprint
from chitieu.batch.report import BatchReport
from chitieu.batch.run import LOCK_NAME, BatchOptions, Terminated, convert_folder
from chitieu.batch.worker import FileResult, Job
from chitieu.errors import ErrorCode, ExitCode
from chitieu.extract.limits import Limits

__all__ = [
    "LOCK_NAME", "BatchError", "BatchOptions", "BatchReport", "Dataset", "ErrorCode",
    "ExitCode", "FileResult", "Job", "Limits", "Manifest", "Skipped", "Terminated",
    "collect_inputs", "convert_folder", "pipeline_fingerprint", "walk_inputs",
]
