"""Command line: a thin layer over the library. Heavy imports happen inside the commands."""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import NoReturn

from chitieu.errors import ExitCode

FORMATS = ("json", "jsonl", "parquet", "csv")
_COLLECT_EVERY = 10_000  # new container objects between two runs of the collector


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="chitieu", formatter_class=_formatter,
        description="Turn appendices of Vietnamese local-government plans (OCR'd text, Markdown, "
                    "HTML, PDF, DOCX, XLSX, scans) into a canonical indicator dataset.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    conv = sub.add_parser(
        "convert", formatter_class=_formatter,
        help="convert files and folders into JSON and tables",
        description="Convert files and folders. Writes OUT/<stem>.json per input (a folder's "
                    "subfolders mirrored below OUT), OUT/manifest.jsonl (what is converted, so "
                    "a re-run converts only new or changed files and a killed run resumes), "
                    "OUT/report.json (failed files, warnings, agencies missing from the "
                    "gazetteer) and, for --format parquet/csv/jsonl, the dataset tables.",
        epilog="exit status: 0 all converted, 1 some files failed (see OUT/report.json), "
               "2 the run could not start, 130 interrupted (Ctrl-C), 143 terminated (SIGTERM); "
               "after 130 or 143 the same command resumes")
    conv.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    conv.add_argument("-o", "--output", type=Path, default=Path("output"), metavar="OUT",
                      help="output folder (default: output)")
    conv.add_argument("--format", default="json", metavar="LIST",
                      help="comma-separated: json,jsonl,parquet,csv (default: json)")
    conv.add_argument("--gazetteer", type=Path, action="append", default=[], metavar="FILE",
                      help="extra agencies CSV (same columns as chitieu/data/agencies.csv)")
    conv.add_argument("--catalog", type=Path, action="append", default=[], metavar="FILE",
                      help="extra indicators CSV (same columns as "
                           "chitieu/catalog/indicators.csv)")
    conv.add_argument("--ocr-phrases", type=Path, action="append", default=[], metavar="FILE",
                      help="extra words scans print that the OCR spelling repair must keep, "
                           "one a line (as chitieu/data/ocr_phrases.txt)")
    conv.add_argument("--workers", type=int, default=None, metavar="N",
                      help="parallel worker processes (default: all cores; 1 converts in "
                           "this process)")
    conv.add_argument("--force", action="store_true", help="convert unchanged files again")
    conv.add_argument("--quiet", "-q", action="store_true",
                      help="no progress and no summary; only one line when files failed")
    conv.add_argument("--executor", choices=("local", "dask"), default="local",
                      help="run locally (default) or on a Dask cluster")
    conv.add_argument("--scheduler", metavar="ADDRESS",
                      help="Dask scheduler address (default: a LocalCluster)")
    conv.add_argument("--follow-links", action="store_true",
                      help="read links leading outside the input folders (skipped by default)")
    conv.add_argument("--prune", action="store_true",
                      help="drop from the dataset the documents whose inputs were deleted")
    _limit_arguments(conv.add_argument_group(
        "limits per file", "a file past a limit fails with a line naming it; the batch goes on"))

    rows = sub.add_parser("rows", formatter_class=_formatter,
                          help="print the rows exactly as read, before interpretation")
    rows.add_argument("path", type=Path, metavar="FILE")
    rows.add_argument("--layout", help="force a reader (text, markdown, html, pdf, …)")
    rows.add_argument("--explain", action="store_true",
                      help="under each row, what assembly and interpretation made of it and "
                           "why (header, repeated header dropped, joined, split, section, "
                           "record)")

    sub.add_parser("schema", formatter_class=_formatter,
                   help="print the JSON Schema of the output document")

    review = sub.add_parser(
        "review", formatter_class=_formatter,
        help="review and correct a converted output folder in the browser",
        description="Serve OUT (the folder `convert -o OUT` writes) as a local web app: each "
                    "document beside its records, flagged values, corrections kept in "
                    "OUT/corrections.jsonl and applied by every later convert, and a "
                    "read-only JSON API at /api (documented at /api/docs). Needs "
                    "pip install 'chitieu[review]'.")
    review.add_argument("output", type=Path, metavar="OUT")
    review.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default: 127.0.0.1, this machine only)")
    review.add_argument("--port", type=int, default=8765, help="port (default: 8765)")
    review.add_argument("--static", action="store_true",
                        help="write a self-contained OUT/review/ folder instead of serving")
    review.add_argument("--inputs", type=Path, metavar="DIR",
                        help="convert plans uploaded through the page or dropped into DIR")
    review.add_argument("--gazetteer", type=Path, action="append", default=[], metavar="FILE",
                        help="the extra agencies CSV the dataset was converted with")
    review.add_argument("--max-upload-mb", type=int, default=50, metavar="N",
                        help="largest upload accepted (default: 50)")
    comp = sub.add_parser(
        "compare", formatter_class=_formatter,
        help="compare the targets of many plans, indicator by indicator",
        description="Read the output folder of `chitieu convert` and compare the targets of "
                    "its plans for each catalog indicator: a table plan × indicator (target, "
                    "deadline) and a roll-up per indicator (localities, min/median/max, the "
                    "national target, the localities below it). Values are compared only in "
                    "one unit; units that do not convert are listed apart.")
    comp.add_argument("out", type=Path, metavar="OUT", help="a folder written by chitieu convert")
    comp.add_argument("--indicator", metavar="ID",
                      help="one indicator id (xhs.tai_khoan_thanh_toan) or a group prefix (cqs.)")
    comp.add_argument("--province", metavar="P", help="only the plans of this province")
    comp.add_argument("--format", choices=("md", "csv", "parquet"), default="md",
                      help="md prints; csv and parquet write comparison.* and "
                           "comparison_rollup.* (default: md)")
    comp.add_argument("-o", "--output", type=Path, metavar="DIR",
                      help="folder for csv/parquet (default: OUT/compare)")
    return parser


def _formatter(prog: str) -> argparse.HelpFormatter:
    """argparse's help formatter, given the terminal's width: argparse makes one for every
    argument it adds (to check it), and one left to find the width imports shutil for it
    (4 ms with the archive modules shutil imports; `--help` and every command paid it)."""
    return argparse.HelpFormatter(prog, width=_terminal_columns() - 2)


def _terminal_columns() -> int:
    """`shutil.get_terminal_size().columns`, as shutil reads it: $COLUMNS when a positive
    number, else the width of the terminal of `sys.__stdout__`, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80
    except (AttributeError, ValueError, OSError):
        return 80


def _limit_arguments(group: argparse._ArgumentGroup) -> None:
    from chitieu.core.limits import Limits

    default = Limits()
    for option, field, kind, help_text in (
        ("--max-input-mb", "max_input_mb", float, "size of any input file"),
        ("--max-text-mb", "max_text_mb", float, "size of a text, Markdown, HTML or CSV file"),
        ("--max-inflated-mb", "max_inflated_mb", float,
         "what a DOCX or XLSX inflates to (a decompression bomb stops here)"),
        ("--max-megapixels", "max_megapixels", float,
         "pixels of one image frame or rendered PDF page"),
        ("--max-cells", "max_cells", int, "cells of one spreadsheet table"),
        ("--max-memory-mb", "max_memory_mb", int,
         "memory (address space) of the process converting one file; 0: no cap"),
        ("--max-seconds", "max_seconds", float, "time for one file; 0: no limit"),
    ):
        group.add_argument(option, type=kind, default=getattr(default, field), metavar="N",
                           dest=field, help=f"{help_text} (default: %(default)s)")


def run() -> NoReturn:
    """The `chitieu` command (and `python -m chitieu`): `main()`, then the process ends."""
    # The cyclic collector runs each time 700 more container objects live than at its last
    # run: importing the modules and loading the data (tens of thousands of objects, no
    # cycle to collect) ran it ~55 times, ~3% of a one-file convert. The command runs it
    # each 10,000 instead (a document's own conversion pauses it: chitieu.core.collector).
    gc.set_threshold(_COLLECT_EVERY, *gc.get_threshold()[1:])
    try:
        code = main()
    except SystemExit as exc:  # --help, a usage error: argparse has printed what to say
        code = exc.code
    _leave(code)


def _leave(code: object) -> NoReturn:
    """End the process with `code` without tearing the interpreter down when nothing is
    left to do: freeing every object of the loaded data one by one costs a one-file convert
    ~17 ms (a sixth of its time), and the command's files are closed and on disk by now.
    The streams are flushed, the log handlers closed and what the run added to the cache
    folder written first; a process that has threads still running or used process pools
    (their exit handlers join them) exits normally."""
    if not isinstance(code, int) or _busy():
        sys.exit(code)
    if "chitieu.core.cache" in sys.modules:  # its exit handler would not run
        sys.modules["chitieu.core.cache"].flush()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # the reader left (`chitieu rows … | head`): Python's own exit
        sys.exit(code)
    if "logging" in sys.modules:
        sys.modules["logging"].shutdown()
    os._exit(code)


def _busy() -> bool:
    threading = sys.modules.get("threading")
    return ((threading is not None and threading.active_count() > 1)
            or "multiprocessing" in sys.modules or "concurrent.futures" in sys.modules)


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.version:
        from chitieu import __version__

        print(__version__)
        return 0
    if args.command is None:
        parser.print_help()
        return 2
    try:
        with _third_party_logs():
            return {"convert": _convert, "rows": _rows, "schema": _schema,
                    "review": _review, "compare": _compare}[args.command](args)
    except KeyboardInterrupt as exc:
        terminated = getattr(exc, "signum", None) == signal.SIGTERM
        print(f"chitieu: {'terminated' if terminated else 'interrupted'}", file=sys.stderr)
        return ExitCode.TERMINATED if terminated else ExitCode.INTERRUPTED
    except BrokenPipeError:
        return 0


def _convert(args: argparse.Namespace) -> int:
    formats = [f.strip() for f in args.format.split(",") if f.strip()]
    unknown = sorted(set(formats) - set(FORMATS))
    problem = None
    if unknown:
        problem = f"unknown format {', '.join(unknown)} (choose from {', '.join(FORMATS)})"
    elif args.workers is not None and args.workers < 1:
        problem = "--workers must be 1 or more"
    elif args.scheduler and args.executor != "dask":
        problem = "--scheduler needs --executor dask"
    elif "parquet" in formats and not _installed("pyarrow"):
        problem = ("--format parquet needs pyarrow; install it with: "
                   "pip install 'chitieu[parquet]'")
    elif missing := [str(p) for p in [*args.paths, *args.gazetteer, *args.catalog,
                                      *args.ocr_phrases] if not p.exists()]:
        problem = f"no such file or folder: {', '.join(missing)}"
    if problem:
        print(f"chitieu: {problem}", file=sys.stderr)
        return ExitCode.USAGE
    from chitieu.batch import BatchOptions
    from chitieu.core.dataclass import field_names
    from chitieu.core.limits import Limits

    limits = Limits(**{name: getattr(args, name) for name in field_names(Limits)})
    if args.ocr_phrases:  # read by the spelling repair, in this process and its workers
        from chitieu.extract.ocr.spelling import PHRASES_VARIABLE

        os.environ[PHRASES_VARIABLE] = os.pathsep.join(
            [str(p.resolve()) for p in args.ocr_phrases]
            + [p for p in os.environ.get(PHRASES_VARIABLE, "").split(os.pathsep) if p])
    options = BatchOptions(
        output=args.output, formats=formats, gazetteer=args.gazetteer, catalog=args.catalog,
        workers=args.workers, force=args.force, executor=args.executor, scheduler=args.scheduler,
        follow_links=args.follow_links, prune=args.prune, limits=limits,
    )
    return run_batch(args.paths, options, quiet=args.quiet)


def run_batch(paths: list[Path], options, *, quiet: bool = False) -> ExitCode:
    """`chitieu convert`: run `convert_folder` with a progress bar, SIGTERM handled as
    Ctrl-C, the library's warnings as "chitieu: …" lines; print the summary; the exit code."""
    from chitieu.batch import BatchError, convert_folder
    from chitieu.batch.report import failure_line, summary_lines
    from chitieu.progress import Progress

    progress: Progress | None = None

    def start(total: int) -> None:
        nonlocal progress
        progress = Progress(total, quiet=quiet)

    def advance(results) -> None:
        for result in results:
            if not result.ok:
                progress.note(failure_line(result))
        progress.advance(len(results))

    with _stderr_logging(quiet=quiet), _sigterm_stops():
        try:
            report = convert_folder(paths, options, on_start=start, on_results=advance)
        except BatchError as exc:
            print(f"chitieu: {exc}", file=sys.stderr)
            return ExitCode.USAGE
        finally:
            if progress is not None:
                progress.close()
    lines = summary_lines(report, quiet=quiet)
    if lines:
        print("\n".join(lines), file=sys.stderr)
    return report.exit_code


# libraries that log a warning per broken PDF operator or odd page: the command's own
# lines say what matters
_CHATTY_LIBRARIES = ("pdfminer", "camelot", "playa")


def _third_party_logs() -> contextlib.AbstractContextManager[None]:
    """The chatty libraries' loggers at ERROR while a command runs (the CLI is the
    application: setting log levels is its business, not the library's); set when `logging`
    is first needed (`chitieu.core.logs`: a text convert never imports it, 10 ms)."""
    from chitieu.core import logs

    return logs.settings(_quiet_libraries)


def _quiet_libraries(logging: ModuleType) -> Callable[[], None]:
    loggers = [logging.getLogger(name) for name in _CHATTY_LIBRARIES]
    before = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.ERROR)

    def undo() -> None:
        for logger, old in zip(loggers, before, strict=True):
            logger.setLevel(old)
    return undo


def _stderr_logging(*, quiet: bool) -> contextlib.AbstractContextManager[None]:
    """chitieu's log records (errors only when `quiet`, else warnings too) as "chitieu: …"
    lines on stderr, for this command only; other libraries' loggers are left as they are
    (set when `logging` is first needed, as above)."""
    from chitieu.core import logs

    return logs.settings(lambda logging: _log_to_stderr(logging, quiet=quiet))


def _log_to_stderr(logging: ModuleType, *, quiet: bool) -> Callable[[], None]:
    level = logging.ERROR if quiet else logging.WARNING
    logger = logging.getLogger("chitieu")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("chitieu: %(message)s"))
    handler.setLevel(level)
    before = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(min(level, logger.getEffectiveLevel()))
    logger.propagate = False

    def undo() -> None:
        logger.removeHandler(handler)
        logger.setLevel(before[0])
        logger.propagate = before[1]
    return undo


@contextlib.contextmanager
def _sigterm_stops() -> Iterator[None]:
    """SIGTERM (how `timeout`, systemd and CI stop a job) stops the run as Ctrl-C does."""
    from chitieu.batch import Terminated
    from chitieu.extract.limits import raising_on

    with raising_on(signal.SIGTERM, Terminated):
        yield


def _installed(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


def _rows(args: argparse.Namespace) -> int:
    from chitieu import extract
    from chitieu.errors import InputError
    from chitieu.gazetteer.agencies import default_gazetteer

    try:
        raw = extract.read(args.path, args.layout, agencies=default_gazetteer)
    except InputError as exc:
        print(f"chitieu: {exc}", file=sys.stderr)
        return 1
    print(f"# {args.path}: format={raw.format} pages={raw.pages} ocr={raw.ocr} "
          f"rows={len(raw.rows)}" + (f" warnings={','.join(raw.warnings)}" if raw.warnings else ""))
    if args.explain:
        return _explain(args.path, raw)
    for row in raw.rows:
        print(_row_line(row))
    return 0


def _row_line(row, indent: str = "") -> str:
    where = f"L{row.first_line}" if row.first_line is not None else ""
    if row.first_line is not None and row.last_line != row.first_line:
        where += f"-{row.last_line}"
    if row.page is not None:
        where = f"p{row.page} {where}".strip()
    table = f"t{row.table}" if row.table is not None else "  "
    cells = " | ".join(c.text.replace("\n", "⏎") for c in row.cells)
    return f"{indent}{where:>12} {table} | {cells}"


def _explain(path: Path, raw) -> int:
    """Each row as read, and under it what became of it and why."""
    from chitieu.assemble.trace import Trace
    from chitieu.errors import InputError
    from chitieu.pipeline import interpret

    trace = Trace()
    try:
        interpret(raw, file=path.name, sha256="", trace=trace)
    except InputError as exc:
        print(f"chitieu: {exc}", file=sys.stderr)
        return 1
    for row in raw.rows:  # as assembly left them: a header glued to a row is two rows now
        _print_explained(row, trace)
    return 0


def _print_explained(row, trace, indent: str = "") -> None:
    print(_row_line(row, indent))
    decisions = [str(d) for d in trace.decisions(row)] or (
        ["blank"] if row.is_blank() else ["not taken: outside every table"])
    if len(decisions) > 1 and decisions[0] == "row: a new row":
        decisions = decisions[1:]  # the section or record it became says it
    if not indent and "row_split_from_line" in row.warnings:
        decisions.append("split: the header and the first row were one line (a lost line break)")
    for decision in decisions:
        print(f"{indent}{'':>15} → {decision}")
    for part in trace.parts(row):
        _print_explained(part, trace, indent + "    ")


def _schema(args: argparse.Namespace) -> int:
    from chitieu.emit.schema import schema_json

    sys.stdout.write(schema_json())
    return 0


def _review(args: argparse.Namespace) -> int:
    from chitieu.review import REVIEW_PACKAGES

    missing = [name for name in REVIEW_PACKAGES if not _installed(name)]
    if missing:
        print(f"chitieu: review needs {', '.join(missing)}: pip install 'chitieu[review]'",
              file=sys.stderr)
        return 2
    out = args.output
    if not (out / "manifest.jsonl").is_file() and args.inputs is None:
        print(f"chitieu: {out}: not a converted output folder (no manifest.jsonl); run "
              f"chitieu convert PATH -o {out} first", file=sys.stderr)
        return 2
    from chitieu.corrections import CORRECTIONS_NAME, CorrectionsError, load_corrections

    try:
        load_corrections(out / CORRECTIONS_NAME)
    except CorrectionsError as exc:
        print(f"chitieu: {exc}", file=sys.stderr)
        return 2
    if args.static:
        from chitieu.review.serve import write_static

        print(f"chitieu: wrote {write_static(out) / 'index.html'}", file=sys.stderr)
        return 0
    from chitieu.review.app import Settings
    from chitieu.review.serve import serve

    out.mkdir(parents=True, exist_ok=True)
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"chitieu: note: listening on {args.host}: others on the network can read the "
              "dataset and record corrections", file=sys.stderr)
    print(f"chitieu: reviewing {out} at http://{args.host}:{args.port}/ (Ctrl-C stops)",
          file=sys.stderr)
    serve(Settings(out, args.inputs, args.gazetteer, args.max_upload_mb * 1024 * 1024),
          args.host, args.port)
def _compare(args: argparse.Namespace) -> int:
    if not args.out.is_dir():
        print(f"chitieu: no such folder: {args.out}", file=sys.stderr)
        return 2
    from chitieu.compare import compare, read_output, to_markdown, write_tables

    plans, targets, indicators = read_output(args.out)
    if args.indicator and args.indicator not in indicators and not args.indicator.endswith("."):
        print(f"chitieu: no indicator {args.indicator!r} in the catalog", file=sys.stderr)
        return 2
    result = compare(plans, targets, indicators, indicator=args.indicator,
                     province=args.province)
    if not result.plans:
        print("chitieu: no linked indicator targets to compare"
              + (" for that selection" if args.indicator or args.province else ""),
              file=sys.stderr)
        return 1
    if args.format == "md":
        sys.stdout.write(to_markdown(result))
        return 0
    for path in write_tables(result, args.output or args.out / "compare", args.format):
        print(path)
    return 0


if __name__ == "__main__":
    run()
