"""Library code logs through `logging` and leaves other libraries' loggers alone; only the
CLI (the application) sets levels and handlers."""

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "chitieu"
_SETS_LOGGING = re.compile(r"\.setLevel\(|logging\.basicConfig|logging\.disable\(|"
                           r"silence_logs=(?!False)")


def test_no_library_module_changes_log_levels() -> None:
    offenders = [str(path.relative_to(PACKAGE)) for path in PACKAGE.rglob("*.py")
                 if path.name != "cli.py" and _SETS_LOGGING.search(path.read_text("utf-8"))]
    assert offenders == []


def test_library_modules_do_not_print() -> None:
    # the batch reports through BatchReport and logging; the CLI prints
    batch = PACKAGE / "batch"
    offenders = [path.name for path in batch.rglob("*.py")
                 if re.search(r"^\s*print\(", path.read_text("utf-8"), re.MULTILINE)]
    assert offenders == []


def _python(code: str) -> str:
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=PACKAGE.parent).stdout


def test_the_cli_settings_wait_for_logging_and_are_undone() -> None:
    # a command that logs nothing never imports logging; the settings are made when a
    # chitieu logger is first used, or before a reader whose libraries log is imported
    out = _python(
        "import sys\n"
        "from chitieu import cli\n"
        "from chitieu.core.logs import get_logger\n"
        "from chitieu.extract import Format\n"
        "with cli._third_party_logs(), cli._stderr_logging(quiet=False):\n"
        "    print('logging' in sys.modules)\n"
        "    get_logger('chitieu.batch.x').warning('a %s', 'warning')\n"
        "    import logging\n"
        "    state = lambda: (logging.getLogger('pdfminer').level,\n"
        "                     len(logging.getLogger('chitieu').handlers))\n"
        "    print(*state())\n"
        "print(*state())\n"
        "with cli._third_party_logs():\n"
        "    print(logging.getLogger('pdfminer').level)\n"
        "    Format.PDF.reader()\n")
    assert out.split("\n")[:4] == ["False", "40 1", "0 0", "40"]


def test_a_reader_whose_libraries_log_gets_the_settings_first() -> None:
    out = _python(
        "import sys\n"
        "from chitieu import cli\n"
        "from chitieu.extract import Format\n"
        "with cli._third_party_logs():\n"
        "    Format.TEXT.reader()\n"
        "    print('logging' in sys.modules)\n"
        "    Format.PDF.reader()\n"
        "    import logging\n"
        "    print(logging.getLogger('pdfminer').level)\n")
    assert out.split() == ["False", "40"]


def test_a_text_convert_imports_no_logging(tmp_path) -> None:
    sample = next((PACKAGE.parent / "samples").glob("*.txt"))
    out = _python(
        "import sys\n"
        "from chitieu import cli\n"
        f"cli.main(['convert', {str(sample)!r}, '-o', {str(tmp_path)!r}, '-q'])\n"
        "print(sorted({'logging'} & set(sys.modules)))\n")
    assert out.strip() == "[]"
