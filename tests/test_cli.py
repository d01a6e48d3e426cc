"""The CLI stays thin: help is instant because nothing heavy is imported for it."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "chitieu", *args], capture_output=True,
                          text=True, cwd=cwd, check=False)


def test_help_imports_no_heavy_library() -> None:
    code = ("import sys\n"
            "from chitieu import cli\n"
            "cli._parser().format_help()\n"
            "heavy = {'pandas', 'pyarrow', 'pdfplumber', 'docx', 'cv2', 'pydantic', 'rapidfuzz'}\n"
            "print(sorted(heavy & set(sys.modules)))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, cwd=ROOT)
    assert result.stdout.strip() == "[]"


def test_help_is_as_wide_as_argparse_makes_it(monkeypatch) -> None:
    # the CLI tells argparse the terminal's width (argparse would import shutil for it)
    import argparse
    import shutil

    from chitieu import cli

    def helps() -> tuple[str, str]:
        parser = cli._parser()
        convert = parser._subparsers._group_actions[0].choices["convert"]
        return parser.format_help(), convert.format_help()

    for columns in ("133", "61", "0", "x", None):
        if columns is None:
            monkeypatch.delenv("COLUMNS", raising=False)
        else:
            monkeypatch.setenv("COLUMNS", columns)
        assert cli._terminal_columns() == shutil.get_terminal_size().columns
        ours = helps()
        with monkeypatch.context() as patched:
            patched.setattr(cli, "_formatter", argparse.HelpFormatter)
            assert ours == helps()


def test_the_command_runs_the_collector_less_often(monkeypatch) -> None:
    import gc

    from chitieu import cli

    seen = []
    monkeypatch.setattr(cli, "main", lambda: seen.append(gc.get_threshold()) or 0)
    monkeypatch.setattr(cli, "_leave", lambda code: seen.append(code))
    before = gc.get_threshold()
    try:
        cli.run()
    finally:
        gc.set_threshold(*before)
    assert seen == [(cli._COLLECT_EVERY, *before[1:]), 0] and gc.isenabled()


def test_schema_command_prints_the_contract() -> None:
    result = _run("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert "records" in schema["properties"]


def test_rows_command_prints_raw_rows() -> None:
    result = _run("rows", "samples/004_0020e8dd3583fe02.txt")
    assert result.returncode == 0
    assert "L32" in result.stdout and "chính công" in result.stdout


def test_missing_input_is_a_usage_error() -> None:
    result = _run("convert", "no/such/file.txt", "-o", "/tmp/never")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_unknown_output_format_is_a_usage_error(tmp_path: Path) -> None:
    result = _run("convert", "samples", "-o", str(tmp_path), "--format", "xml")
    assert result.returncode == 2
    assert "unknown format" in result.stderr


def test_command_ends_without_teardown_and_leaves_complete_outputs(tmp_path: Path) -> None:
    # `python -m chitieu` ends through os._exit after flushing: every file is whole
    result = _run("convert", "samples/004_0020e8dd3583fe02.txt", "-o", str(tmp_path))
    assert result.returncode == 0
    assert "1 converted" in result.stderr and result.stderr.endswith("\n")
    document = json.loads((tmp_path / "004_0020e8dd3583fe02.json").read_text(encoding="utf-8"))
    assert document["records"]
    manifest = (tmp_path / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(manifest[-1])["records"] == len(document["records"])
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["run"]["converted"] == 1
    help_text = _run("--help")
    assert help_text.returncode == 0 and help_text.stdout.rstrip().endswith("and exit")


def test_printed_rows_reach_a_reader_that_stops_early() -> None:
    pipe = subprocess.run(f"{sys.executable} -m chitieu rows samples/004_0020e8dd3583fe02.txt"
                          " | head -n 2", shell=True, capture_output=True, text=True, cwd=ROOT,
                          check=False)
    assert len(pipe.stdout.splitlines()) == 2 and "Traceback" not in pipe.stderr


def test_ocr_phrases_reach_the_spelling_repair(tmp_path: Path, monkeypatch) -> None:
    """`--ocr-phrases FILE` names the user's phrase list for the OCR spelling repair (read
    from the environment by the converting process and its workers); a missing file is a
    usage error."""
    from chitieu import cli
    from chitieu.extract.ocr.spelling import PHRASES_VARIABLE, phrase_files

    result = _run("convert", "samples/004_0020e8dd3583fe02.txt", "-o", str(tmp_path),
                  "--ocr-phrases", "no/such/phrases.txt")
    assert result.returncode == 2 and "no/such/phrases.txt" in result.stderr
    phrases = tmp_path / "phrases.txt"
    phrases.write_text("cổng trường học\n", encoding="utf-8")
    seen = []
    monkeypatch.setattr(cli, "run_batch", lambda *a, **k: seen.append(phrase_files()) or 0)
    monkeypatch.setenv(PHRASES_VARIABLE, "")  # restored after the test
    cli.main(["convert", str(ROOT / "samples"), "-o", str(tmp_path / "out"),
              "--ocr-phrases", str(phrases)])
    assert seen == [[phrases.resolve()]]
