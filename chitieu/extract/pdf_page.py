"""One PDF page as the reader needs it: its chars cleaned, decoded and upright, its rules.

- Duplicate glyphs (a word printed twice a hair apart to fake bold) are dropped; on a page
  whose stamps were merged into it, so are the spaces a stamped glyph is drawn over (the
  blanks left for a number and date, `uncovered`).
- Text in legacy Vietnamese fonts is decoded (`pdf_legacy`).
- A page whose text runs down, up or upside down (a landscape table printed on a portrait
  page, or a page with /Rotate that pdfplumber shows turned) is turned so that the text reads
  left to right; chars and rules get coordinates in that upright frame.
- `state` says whether the text layer can be used: "text", "blank", "scan" (an image and no
  text) or "unmapped" (glyphs with no Unicode meaning, shown as "(cid:12)").
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from itertools import accumulate
from types import SimpleNamespace

from chitieu.extract.pdf_legacy import decode_chars, font_encodings

DUPLICATE_DISTANCE = 1.0  # points: the same glyph drawn again this close is one glyph
SCAN_IMAGE_SHARE = 0.5  # an image covering this share of a page makes it a scan …
SCAN_MAX_CHARS = 40  # … unless the page carries more text than a stamp or a page number
UNMAPPED_SHARE = 0.5  # a page whose glyphs are mostly "(cid:N)" has no usable text


@dataclass(slots=True)
class PageView:
    number: int
    page: object  # a pdf_objects.PdfPage (pdfium) or a pdfplumber page
    chars: list[dict]
    width: float
    height: float
    direction: str = "right"  # the way the text ran before turning: right, down, up, left
    state: str = "text"
    encodings: dict[str, str] = field(default_factory=dict)
    struck: int = 0  # chars dropped as struck through (deleted text shown by tracked changes)
    _edges: list[dict] | None = None

    @property
    def turned(self) -> bool:
        return self.direction != "right"

    @property
    def edges(self) -> list[dict]:
        if self._edges is None:
            self._edges = [turn(e, self.direction, self.page.width, self.page.height, True)
                           for e in self.page.edges]
        return self._edges

    def find_tables(self, settings: dict) -> list:
        """pdfplumber's table finder on this page's rules, in the upright frame (the lines
        strategy needs nothing else of a page)."""
        from pdfplumber.table import TableFinder

        upright = SimpleNamespace(edges=self.edges, bbox=(0, 0, self.width, self.height))
        return TableFinder(upright, settings).tables


def page_view(page, number: int) -> PageView:
    raw = page.chars
    encodings = font_encodings(raw)
    chars = decode_chars(dedupe(raw), encodings)
    direction = text_direction(chars)
    width, height = float(page.width), float(page.height)
    if direction != "right":
        chars = [turn(c, direction, width, height) for c in chars]
        if direction in ("down", "up"):
            width, height = height, width
    view = PageView(number, page, chars, width, height, direction, encodings=encodings)
    kept = _not_struck(chars, view.edges)
    view.struck, view.chars = len(chars) - len(kept), kept
    view.state = _state(page, kept)
    return view


# A strike-through line crosses a glyph between these fractions of its height from the top
# (an underline lies below the glyph's box, an overline above it).
_STRIKE_BAND = (0.35, 0.8)


def _not_struck(chars: list[dict], edges: list[dict]) -> list[dict]:
    """Chars less those a horizontal line crosses through the middle: text struck through,
    as a PDF printed with tracked changes shows deleted text ("99" struck beside the
    inserted "100": probe2 P6 read the cell as 99100)."""
    lines = sorted((e["top"], e["x0"], e["x1"]) for e in edges if e.get("orientation") == "h")
    if not lines:
        return chars
    tops = [top for top, _, _ in lines]
    low, high = _STRIKE_BAND
    kept = []
    for char in chars:
        height = char["bottom"] - char["top"]
        band_top, band_bottom = char["top"] + low * height, char["top"] + high * height
        first = bisect_left(tops, band_top)
        if first == len(tops) or tops[first] > band_bottom or char["text"].isspace():
            kept.append(char)  # (most chars: no line crosses their band at all)
            continue
        middle = (char["x0"] + char["x1"]) / 2
        crossing = (line for line in lines[first:bisect_right(tops, band_bottom)])
        if not any(x0 <= middle <= x1 for _, x0, x1 in crossing):
            kept.append(char)
    return kept


def dedupe(chars: list[dict]) -> list[dict]:
    """Chars less the ones that repeat a glyph already drawn at (almost) the same place."""
    seen: dict[tuple[str, int, int], list[dict]] = {}
    out = []
    for char in chars:
        x, y = char["x0"], char["top"]
        gx, gy = int(x), int(y)
        duplicate = False
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for other in seen.get((char["text"], gx + dx, gy + dy), ()):
                    if (abs(other["x0"] - x) <= DUPLICATE_DISTANCE
                            and abs(other["top"] - y) <= DUPLICATE_DISTANCE
                            and not char["text"].isspace()):
                        duplicate = True
        if not duplicate:
            seen.setdefault((char["text"], gx, gy), []).append(char)
            out.append(char)
    return out


def uncovered(chars: list[dict]) -> list[dict]:
    """Chars less the spaces whose middle lies inside a glyph drawn on the same line."""
    glyphs: dict[int, list[tuple[float, float]]] = {}
    for char in chars:
        if not char["text"].isspace() and char.get("upright", True):
            glyphs.setdefault(round(char["bottom"]), []).append((char["x0"], char["x1"]))
    if not glyphs:
        return chars
    lines = {line: _Reach(spans) for line, spans in glyphs.items()}
    return [c for c in chars if not (c["text"].isspace() and _covered(c, lines))]


class _Reach:
    """A line's glyph spans, sorted, with the furthest right edge reached so far: whether a
    point lies inside a span is one binary search, however long the line."""

    def __init__(self, spans: list[tuple[float, float]]) -> None:
        spans.sort()
        self.lefts = [x0 for x0, _ in spans]
        self.reach = list(accumulate((x1 for _, x1 in spans), max))

    def covers(self, x: float) -> bool:
        before = bisect_left(self.lefts, x)  # spans starting strictly left of x
        return before > 0 and self.reach[before - 1] > x


def _covered(space: dict, lines: dict[int, _Reach]) -> bool:
    middle = (space["x0"] + space["x1"]) / 2
    line = round(space["bottom"])
    return any(reach.covers(middle) for dy in (-1, 0, 1)
               if (reach := lines.get(line + dy)) is not None)


def text_direction(chars: list[dict]) -> str:
    """Which way most neighbouring letters advance: right (upright), down, up or left."""
    votes: Counter[str] = Counter()
    previous = None
    for char in chars:
        if char["text"].isspace():
            previous = None
            continue
        if previous is not None:
            dx = char["x0"] - previous["x0"]
            dy = char["top"] - previous["top"]
            step = max(abs(dx), abs(dy))
            if 0 < step < 2 * char["size"]:
                if abs(dx) >= abs(dy):
                    votes["right" if dx > 0 else "left"] += 1
                else:
                    votes["down" if dy > 0 else "up"] += 1
        previous = char
    if not votes:
        return "right"
    direction, count = votes.most_common(1)[0]
    return direction if count > 0.6 * sum(votes.values()) else "right"


def turn(obj: dict, direction: str, width: float, height: float,
          is_edge: bool = False) -> dict:
    """The object's box in the frame where text that ran `direction` reads left to right."""
    if direction == "right":
        return obj
    x0, x1, top, bottom = obj["x0"], obj["x1"], obj["top"], obj["bottom"]
    if direction == "down":
        box = (top, bottom, width - x1, width - x0)
    elif direction == "up":
        box = (height - bottom, height - top, x0, x1)
    else:  # left: upside down
        box = (width - x1, width - x0, height - bottom, height - top)
    turned = {**obj, "x0": box[0], "x1": box[1], "top": box[2], "bottom": box[3]}
    if is_edge:
        turned["width"], turned["height"] = box[1] - box[0], box[3] - box[2]
        if direction in ("down", "up"):
            turned["orientation"] = {"h": "v", "v": "h"}.get(obj.get("orientation"))
    return turned


def _state(page, chars: list[dict]) -> str:
    visible = [c for c in chars if not c["text"].isspace()]
    if not visible:
        return "scan" if page.images else "blank"
    unmapped = sum(1 for c in visible if c["text"].startswith("(cid:"))
    if unmapped > UNMAPPED_SHARE * len(visible):
        return "unmapped"
    if len(visible) > SCAN_MAX_CHARS:
        return "text"
    area = float(page.width * page.height) or 1.0
    covered = any((img["x1"] - img["x0"]) * (img["bottom"] - img["top"]) / area
                  >= SCAN_IMAGE_SHARE for img in page.images)
    return "scan" if covered else "text"
