"""Command line: a thin layer over the library. Heavy imports happen inside the commands."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

FORMATS = ("json", "jsonl", "parquet", "csv")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="chitieu",
        description="Turn appendices of Vietnamese local-government plans (OCR'd text, Markdown, "
                    "HTML, PDF, DOCX, XLSX, scans) into a canonical indicator dataset.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    conv = sub.add_parser(
        "convert", help="convert files and folders into JSON and tables",
        description="Convert files and folders. Writes OUT/<stem>.json per input (a folder's "
                    "subfolders mirrored below OUT), OUT/manifest.jsonl (what is converted, so "
                    "a re-run converts only new or changed files and a killed run resumes), "
                    "OUT/report.json (failed files, warnings, agencies missing from the "
                    "gazetteer) and, for --format parquet/csv/jsonl, the dataset tables.",
        epilog="exit status: 0 all converted, 1 some files failed (see OUT/report.json), "
               "2 usage error")
    conv.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    conv.add_argument("-o", "--output", type=Path, default=Path("output"), metavar="OUT",
                      help="output folder (default: output)")
    conv.add_argument("--format", default="json", metavar="LIST",
                      help="comma-separated: json,jsonl,parquet,csv (default: json)")
    conv.add_argument("--gazetteer", type=Path, action="append", default=[], metavar="FILE",
                      help="extra agencies CSV (same columns as chitieu/data/agencies.csv)")
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

    rows = sub.add_parser("rows", help="print the rows exactly as read, before interpretation")
    rows.add_argument("path", type=Path, metavar="FILE")
    rows.add_argument("--layout", help="force a reader (text, markdown, html, pdf, …)")

    sub.add_parser("schema", help="print the JSON Schema of the output document")

    review = sub.add_parser(
        "review", help="review and correct a converted output folder in the browser",
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
        "compare", help="compare the targets of many plans, indicator by indicator",
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
        return {"convert": _convert, "rows": _rows, "schema": _schema,
                "review": _review, "compare": _compare}[args.command](args)
    except KeyboardInterrupt:
        print("chitieu: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def _convert(args: argparse.Namespace) -> int:
    formats = [f.strip() for f in args.format.split(",") if f.strip()]
    unknown = sorted(set(formats) - set(FORMATS))
    if unknown:
        print(f"chitieu: unknown format {', '.join(unknown)} (choose from {', '.join(FORMATS)})",
              file=sys.stderr)
        return 2
    if args.workers is not None and args.workers < 1:
        print("chitieu: --workers must be 1 or more", file=sys.stderr)
        return 2
    if args.scheduler and args.executor != "dask":
        print("chitieu: --scheduler needs --executor dask", file=sys.stderr)
        return 2
    if "parquet" in formats and not _installed("pyarrow"):
        print("chitieu: --format parquet needs pyarrow; install it with: "
              "pip install 'chitieu[parquet]'", file=sys.stderr)
        return 2
    missing = [str(p) for p in [*args.paths, *args.gazetteer] if not p.exists()]
    if missing:
        print(f"chitieu: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    from chitieu.batch import BatchOptions, run_batch

    options = BatchOptions(
        output=args.output, formats=formats, gazetteer=args.gazetteer, workers=args.workers,
        force=args.force, quiet=args.quiet, executor=args.executor, scheduler=args.scheduler,
    )
    return run_batch(args.paths, options)


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
    for row in raw.rows:
        where = f"L{row.first_line}" if row.first_line is not None else ""
        if row.first_line is not None and row.last_line != row.first_line:
            where += f"-{row.last_line}"
        if row.page is not None:
            where = f"p{row.page} {where}".strip()
        table = f"t{row.table}" if row.table is not None else "  "
        print(f"{where:>12} {table} | " + " | ".join(c.text.replace("\n", "⏎") for c in row.cells))
    return 0


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
    sys.exit(main())
