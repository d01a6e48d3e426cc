"""Every data file of the package, found one way: `importlib.resources` on `chitieu.data`.

The vocabularies are data, not code — header roles, units, target and deadline words, agency
words and names, measuring nouns, administrative units, OCR phrases, legacy font encodings —
so that a new phrasing is a line of YAML or CSV. Each caller parses and caches what it reads.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from chitieu.core.cache import cached

DATA_PACKAGE = "chitieu.data"


def data_file(name: str) -> Traversable:
    """The data file `name` ("units.yaml", "agencies.csv") inside the installed package."""
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
