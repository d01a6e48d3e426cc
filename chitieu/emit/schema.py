"""The JSON Schema of the contract, generated from chitieu.models, and validation against it.

`jsonschema` is imported only when validating, so emitting JSON does not need it.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from chitieu.models import json_schema


@functools.lru_cache(maxsize=1)
def schema_json() -> str:
    """The JSON Schema (draft 2020-12) of one output document, as deterministic text."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


def validate(doc_dict: dict[str, Any]) -> list[str]:
    """Every way `doc_dict` breaks the contract, one message each ("records/3/target/op:
    '≥' is not one of …"), ordered by where they occur; [] when it is valid."""
    from jsonschema.exceptions import best_match

    # "x is not valid under any of the given schemas" (a nullable field) says little:
    # best_match descends to the branch that explains it ("'≥' is not one of …")
    errors = sorted((best_match([error]) for error in _validator().iter_errors(doc_dict)),
                    key=_error_order)
    return [f"{_where(error.absolute_path)}: {error.message}" for error in errors]


def _error_order(error) -> tuple:
    # numeric parts compare as numbers so records/10 comes after records/2
    path = tuple((0, part, "") if isinstance(part, int) else (1, 0, str(part))
                 for part in error.absolute_path)
    return path, error.message


def _where(path) -> str:
    return "/".join(str(part) for part in path) or "(document)"


@functools.lru_cache(maxsize=1)
def _validator():
    from jsonschema import Draft202012Validator

    schema = json.loads(schema_json())
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)
