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
