"""What a reader may know of agency names, without importing the gazetteer.

OCR snaps a misread agency cell to a known name ("Phòng Văn hoá - Xã hôi" → "… Xã hội").
The names come from the gazetteer, which stands on a higher floor: the pipeline passes its
gazetteer down, and a reader sees it only through this protocol (the gazetteer matches it
as it is). Without one, agency cells are left as read.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

# the words that open a collective, not one body ("Các đơn vị thuộc Bộ", "Những người …")
COLLECTIVE_OPENERS = frozenset({"các", "những"})


class KnownAgency(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def aliases(self) -> tuple[str, ...]: ...
    @property
    def abbreviations(self) -> tuple[str, ...]: ...


class NameMatch(Protocol):
    @property
    def id(self) -> str | None: ...  # None: no known agency
    @property
    def score(self) -> float: ...  # 1.0: a known name as printed


class AgencyNames(Protocol):
    """The known agencies by id, and a matcher of printed names against them."""

    @property
    def entries(self) -> Mapping[str, KnownAgency]: ...

    def match(self, name: str) -> NameMatch: ...


class AgencyReading(Protocol):
    """How a reader that does not know a cell's column tells an agency cell (the portal
    reader placing a short row's cells): the gazetteer, seen through this protocol."""

    def opens_a_name(self, text: str) -> bool: ...  # opens as an agency's name does

    def split(self, cell: str) -> list[str]: ...  # the agency names printed in a cell

    def is_collective(self, name: str) -> bool: ...  # names every body of a kind
