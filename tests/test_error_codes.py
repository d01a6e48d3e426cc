"""Every error code the package raises is an ErrorCode: the report's `code` is a closed set."""

import re
from pathlib import Path

from chitieu.errors import ErrorCode, ExitCode, InputError

PACKAGE = Path(__file__).resolve().parent.parent / "chitieu"
_CODE = re.compile(r"""\bcode=["']([a-z_]+)["']""")


def test_every_code_written_in_the_source_is_an_error_code() -> None:
    written = {code for path in PACKAGE.rglob("*.py")
               for code in _CODE.findall(path.read_text(encoding="utf-8"))}
    assert written, "the pattern finds the codes"
    assert written <= {code.value for code in ErrorCode}


def test_an_unknown_code_is_refused_and_a_known_one_compares_as_its_text() -> None:
    assert InputError("x", code="corrupt").code == "corrupt" == ErrorCode.CORRUPT
    try:
        InputError("x", code="no_such_code")
    except ValueError:
        pass
    else:
        raise AssertionError("an unknown code must not pass")


def test_exit_codes_are_the_documented_numbers() -> None:
    assert [int(code) for code in ExitCode] == [0, 1, 2, 130, 143]
