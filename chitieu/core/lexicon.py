"""Every data file of the package, found one way: `data_file`, in `chitieu/data/`.

The vocabularies are data, not code — header roles, units, target and deadline words, agency
words and names, measuring nouns, administrative units, OCR phrases, legacy font encodings —
so that a new phrasing is a line of YAML or CSV. Each caller parses and caches what it reads.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chitieu.core.cache import cached

DATA_PACKAGE = "chitieu.data"
DATA_FOLDER = Path(__file__).resolve().parent.parent / "data"

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable


def data_file(name: str) -> Path | Traversable:
    """The data file `name` ("units.yaml", "agencies.csv") inside the installed package: a
    path when the package is a folder on disk, as it nearly always is; else what
    `importlib.resources` finds (a package inside an archive), which takes 6 ms to import."""
    if DATA_FOLDER.is_dir():
        return DATA_FOLDER / name
    from importlib import resources

    return resources.files(DATA_PACKAGE).joinpath(name)


def read_text(name: str) -> str:
    return data_file(name).read_text(encoding="utf-8")


def load_yaml(name: str) -> Any:
    """A YAML data file, parsed (callers cache what they build from it; the parsed data is
    kept in the user's cache folder, so a new process does not import yaml for it)."""
    return cached(f"yaml-{name}", lambda: parse_yaml(read_text(name)), [data_file(name)])


def parse_yaml(text: str) -> Any:
    """YAML text parsed by libyaml's safe loader when PyYAML was built with it (the same
    result as `yaml.safe_load`, ten times faster), else by the pure-Python one."""
    import yaml  # only when a vocabulary is first needed: `chitieu rows` never needs one

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def read_csv(name: str) -> Iterator[dict[str, str]]:
    """The rows of a CSV data file with a header line, as dicts."""
    with data_file(name).open(encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh)
