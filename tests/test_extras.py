"""The lean install: a format whose library is missing names the extra that installs it."""

import sys
import tomllib
from pathlib import Path

import pytest

from chitieu import extract
from chitieu.errors import EXTRA_OF_MODULE, InputError, install_hint

ROOT = Path(__file__).resolve().parent.parent
OFFICE = ROOT / "tests" / "fixtures" / "office"


def _extras() -> dict[str, list[str]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return project["optional-dependencies"]


def test_every_hinted_extra_exists_and_all_installs_them() -> None:
    extras = _extras()
    hinted = set(EXTRA_OF_MODULE.values())
    assert hinted <= set(extras)
    (everything,) = extras["all"]
    named = set(everything.partition("[")[2].rstrip("]").split(","))
    assert named == set(extras) - {"all", "dev"}


def test_the_base_install_pulls_no_reader_library() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    base = {dep.split(">")[0].split("[")[0].lower() for dep in project["dependencies"]}
    assert not base & {"pdfplumber", "pypdfium2", "opencv-python-headless", "pandas", "pyarrow",
                       "camelot-py", "python-docx", "openpyxl"}


def test_install_hint_names_the_extra() -> None:
    assert install_hint("pdfminer.pdfparser") == "pip install 'chitieu[pdf]'"
    assert install_hint("cv2") == "pip install 'chitieu[scan]'"
    assert install_hint("somethingelse") is None


@pytest.mark.parametrize(("name", "module", "extra"), [
    ("ward_tasks.pdf", "pdfplumber", "pdf"),
    ("ward_tasks.docx", "docx", "office"),
])
def test_a_missing_reader_library_is_one_line_naming_the_extra(monkeypatch, name, module,
                                                              extra) -> None:
    for loaded in [m for m in sys.modules if m == module or m.startswith(module + ".")]:
        monkeypatch.delitem(sys.modules, loaded)
    monkeypatch.setitem(sys.modules, module, None)  # import raises ModuleNotFoundError
    with pytest.raises(InputError) as raised:
        extract.read(OFFICE / name)
    message = str(raised.value)
    assert raised.value.code == "missing_dependency"
    assert f"pip install 'chitieu[{extra}]'" in message and "\n" not in message
