"""A PDF page's characters, rules and images read with pdfium, in pdfplumber's frame.

pdfium (pypdfium2) reads a page's text and paths about ten times faster than pdfminer, on
which pdfplumber builds. This module hands the reader the objects pdfplumber would: chars
as dicts (text, x0, x1, top, bottom — measured from the page's top —, size, fontname,
upright), edges as pdfplumber makes them from lines, rectangles and curves, and image boxes,
so that the table finder and the grid see what they saw with pdfplumber. The geometry
follows pdfminer's:

- a char's box spans its advance along the baseline and its font size across it, sitting on
  the baseline (pdfminer lifts it by the font descriptor's descent, which LibreOffice writes
  as 0 and pdfium does not expose); `size` is the box's height, as pdfminer's is, also on a
  turned page;
- a path is cut into subpaths at each move; a closed four-sided subpath with square corners
  is a rectangle (four edges), one segment is a line, anything else a polyline through its
  points (a curve's end points, not its control points);
- a page with /Rotate is turned the way pdfminer's interpreter turns it.

Each page is read and closed before the next, so pdfium's memory does not grow with the
page count. `font_weight` is pdfium's (400 for many bold fonts LibreOffice embeds: the name
says more, and `is_bold` reads the name).
"""

from __future__ import annotations

import ctypes
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import pairwise

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
FONT_NAME_BYTES = 256
NBSP = "\u00a0"
BLANK_SLACK = 0.05  # share of a space: a blank object's width is whole spaces
NBSP_SLACK = 0.5  # points: the gap a dropped non-breaking space leaves is its own width


@dataclass(slots=True)
class PdfPage:
    """One page as the reader uses it: what pdfplumber's `Page` offered, read by pdfium."""

    number: int
    width: float
    height: float
    chars: list[dict]
    edges: list[dict]
    images: list[dict]
    doctop: float = 0.0  # the page's top in the document (pages stacked), as pdfplumber's
    bbox: tuple[float, float, float, float] = field(init=False)

    def __post_init__(self) -> None:
        self.bbox = (0.0, 0.0, self.width, self.height)


class PageFrame:
    """From PDF user space to pdfplumber's frame: the page turned by /Rotate (pdfminer's
    CTM), then y measured down from the top."""

    def __init__(self, mediabox: tuple[float, float, float, float], rotation: int):
        x0, x1 = sorted((mediabox[0], mediabox[2]))
        y0, y1 = sorted((mediabox[1], mediabox[3]))
        self.rotation = rotation % 360
        self.ctm: Matrix = {90: (0, -1, 1, 0, -y0, x1), 180: (-1, 0, 0, -1, x1, y1),
                            270: (0, 1, -1, 0, y1, -x0)}.get(
            self.rotation, (1, 0, 0, 1, -x0, -y0))
        sideways = self.rotation in (90, 270)
        self.width = (y1 - y0) if sideways else (x1 - x0)
        self.height = (x1 - x0) if sideways else (y1 - y0)
        self.left = y0 if sideways else x0  # pdfplumber adds the box's origin back
        self.lift = -(x0 if sideways else y0)

    def point(self, x: float, y: float) -> tuple[float, float]:
        a, b, c, d, e, f = self.ctm
        u, v = a * x + c * y + e, b * x + d * y + f
        return u + self.left, self.height - v + self.lift


def read_page(document, index: int, doctop: float = 0.0) -> PdfPage | None:
    """Page `index` (from 0) of a pypdfium2 `PdfDocument`, its pdfium handles closed; None
    when the page holds what only pdfminer reads right (see `_blank_objects`)."""
    page = document[index]
    try:
        frame = PageFrame(tuple(page.get_mediabox()), page.get_rotation())
        edges: list[dict] = []
        images: list[dict] = []
        texts: dict[int, tuple[int, object, bool]] = {}
        collect_objects(page.raw, frame, edges, images, texts)
        textpage = page.get_textpage()
        try:
            keyed, drawn = _chars(textpage.raw, frame, doctop, texts)
        finally:
            textpage.close()
        blanks = _blank_objects(texts, drawn, frame, doctop, [c for _, _, c in keyed])
        if blanks is None:
            return None
        keyed.extend(blanks)
        keyed.sort(key=lambda item: item[:2])
        chars = [char for _, _, char in keyed]
        return PdfPage(index + 1, frame.width, frame.height, chars, edges, images, doctop)
    finally:
        page.close()


def _blank_objects(texts: dict[int, tuple[int, object, bool]], drawn: set[int],
                   frame: PageFrame, doctop: float,
                   chars: list[dict]) -> list[tuple[int, int, dict]] | None:
    """The space glyphs of text objects that hold nothing else, which pdfium's text page
    leaves out (a line's trailing space, a run of spaces left blank for a number to be
    filled in); None when one of them cannot be told from a non-breaking space (one glyph
    binding two words: only pdfminer can read which it is)."""
    out: list[tuple[int, int, dict]] = []
    for key, (order, obj, nested) in texts.items():
        if key in drawn:
            continue
        blank = _blank_glyphs(obj, nested, frame, doctop)
        if blank is None:
            return None
        if len(blank) == 1 and _binds_words(blank[0], chars):
            return None
        out.extend((order, i, char) for i, char in enumerate(blank))
    return out


def _blank_glyphs(obj, nested: bool, frame: PageFrame, doctop: float) -> list[dict] | None:
    """An upright text object of spaces: one glyph per space width between the origins of
    its first and last glyph (pdfium bounds a glyph without ink by its origin)."""
    import pypdfium2.raw as pdfium_c

    matrix = _object_matrix(obj)
    a, b, c, d = matrix[:4]
    if nested or b or c or a <= 0 or d <= 0:
        return None
    fontname, fontsize, weight = _font(obj)
    advance = _advance(pdfium_c.FPDFTextObj_GetFont(obj), " ", fontsize)
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if advance <= 0 or not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
        return None
    steps = (right.value - left.value) / (advance * a)
    if abs(steps - round(steps)) > BLANK_SLACK:
        return None
    return [_char(" ", (left.value + k * advance * a, bottom.value), advance, matrix, fontsize,
                  frame, doctop, fontname, weight) for k in range(round(steps) + 1)]


def _binds_words(blank: dict, chars: list[dict]) -> bool:
    """A drawn glyph begins where the blank ends, on its baseline."""
    return any(abs(c["x0"] - blank["x1"]) < NBSP_SLACK
               and abs(c["bottom"] - blank["bottom"]) < NBSP_SLACK for c in chars)


# ---------------------------------------------------------------- chars


def _chars(textpage, frame: PageFrame, doctop: float,
           texts: dict[int, tuple[int, object, bool]]
           ) -> tuple[list[tuple[int, int, dict]], set[int]]:
    """The page's glyphs in content-stream order (pdfium's text page sorts them into lines;
    pdfminer, and the direction vote, take them as drawn). A non-breaking space pdfium
    turned into an inferred space is put back. Returns the chars keyed by (text object's
    drawing order, index) and the text objects that have chars."""
    import pypdfium2.raw as pdfium_c

    count = pdfium_c.FPDFText_CountChars(textpage)
    if count <= 0:
        return [], set()
    text = _page_text(textpage, count)
    fonts: dict[int, tuple[str, float, int]] = {}
    matrices: dict[int, Matrix] = {}
    handles: dict[int, object] = {}
    widths: dict[tuple[int, str, float], float] = {}
    fonts_at: dict[int, int] = {}  # text object → its font's address: objects share fonts
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    matrix = pdfium_c.FS_MATRIX()
    keyed: list[tuple[int, int, dict]] = []
    previous_key: int | None = None
    for i in range(count):
        generated = pdfium_c.FPDFText_IsGenerated(textpage, i)
        obj = pdfium_c.FPDFText_GetTextObject(textpage, i)
        # an inferred char has no text object: it borrows the one drawn before it
        key = (ctypes.cast(obj, ctypes.c_void_p).value or 0) if not generated else previous_key
        if key is None:
            continue
        if key not in fonts:
            fonts[key] = _font(obj)
            handles[key] = pdfium_c.FPDFTextObj_GetFont(obj)
            fonts_at[key] = ctypes.cast(handles[key], ctypes.c_void_p).value or 0
            pdfium_c.FPDFText_GetMatrix(textpage, i, matrix)
            matrices[key] = (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)
        fontname, fontsize, weight = fonts[key]
        pdfium_c.FPDFText_GetCharOrigin(textpage, i, origin_x, origin_y)
        origin = (origin_x.value, origin_y.value)
        glyph = text[i]
        if generated:
            # a space or line break pdfium inferred is not drawn on the page, unless it
            # stands for a non-breaking space between two glyphs of one text object
            nbsp = _advance(handles[key], NBSP, fontsize)
            if not (glyph == " " and nbsp
                    and abs(_gap_to_next(textpage, i, count, key, origin) - nbsp) < NBSP_SLACK):
                continue
            glyph = NBSP
        width_key = (fonts_at[key], glyph, fontsize)
        if width_key not in widths:
            widths[width_key] = _advance(handles[key], glyph, fontsize)
        if pdfium_c.FPDFText_HasUnicodeMapError(textpage, i):
            glyph = f"(cid:{ord(glyph)})"  # no letter behind the glyph, as pdfminer says it
        keyed.append((texts[key][0] if key in texts else len(texts), i,
                      _char(glyph, origin, widths[width_key], matrices[key], fontsize, frame,
                            doctop, fontname, weight)))
        previous_key = key
    return keyed, set(fonts)


def _gap_to_next(textpage, i: int, count: int, key: int,
                 origin: tuple[float, float]) -> float:
    """How far the next drawn char after `i` starts from `origin`, when it belongs to the
    same text object; infinity otherwise."""
    import pypdfium2.raw as pdfium_c

    for j in range(i + 1, count):
        if pdfium_c.FPDFText_IsGenerated(textpage, j):
            continue
        obj = pdfium_c.FPDFText_GetTextObject(textpage, j)
        if (ctypes.cast(obj, ctypes.c_void_p).value or 0) != key:
            break
        x, y = ctypes.c_double(), ctypes.c_double()
        pdfium_c.FPDFText_GetCharOrigin(textpage, j, x, y)
        return abs(math.hypot(x.value - origin[0], y.value - origin[1]))
    return math.inf


def _page_text(textpage, count: int) -> str:
    """Every char's text, one call: UTF-16 units, one per char index."""
    import pypdfium2.raw as pdfium_c

    buffer = ctypes.create_string_buffer(2 * (count + 1))
    written = pdfium_c.FPDFText_GetText(textpage, 0, count,
                                        ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    units = buffer.raw[:2 * max(written - 1, 0)]
    text = "".join(chr(u) for u in memoryview(units).cast("H"))
    if "\ufffe" in text:
        # pdfium writes a hyphen it takes for a word broken at the end of a line
        # ("NĐ-" / "CP") as U+FFFE: the page shows a hyphen
        text = text.replace("\ufffe", "-")
    return text if len(text) == count else text.ljust(count, "\ufffd")


def _font(obj) -> tuple[str, float, int]:
    import pypdfium2.raw as pdfium_c

    size = ctypes.c_float()
    pdfium_c.FPDFTextObj_GetFontSize(obj, size)
    font = pdfium_c.FPDFTextObj_GetFont(obj)
    name = ctypes.create_string_buffer(FONT_NAME_BYTES)
    pdfium_c.FPDFFont_GetBaseFontName(font, name, FONT_NAME_BYTES)
    weight = pdfium_c.FPDFFont_GetWeight(font)
    return name.value.decode("latin-1"), size.value, weight


def _advance(font, text: str, fontsize: float) -> float:
    """The glyph's advance in text space: the font's /Widths entry times the size (pdfium's
    loose char box adds an italic overhang that pdfminer does not)."""
    import pypdfium2.raw as pdfium_c

    width = ctypes.c_float()
    if len(text) != 1 or not pdfium_c.FPDFFont_GetGlyphWidth(font, ord(text),
                                                              ctypes.c_float(fontsize), width):
        return 0.0
    return width.value


def _char(text: str, origin: tuple[float, float], advance: float, matrix: Matrix,
          fontsize: float, frame: PageFrame, doctop: float, fontname: str,
          weight: int) -> dict:
    """pdfminer's box of one glyph: (0, 0)–(advance, font size) in glyph space."""
    a, b, c, d = matrix[:4]
    ox, oy = origin
    if b == 0 and c == 0:  # an upright or mirrored glyph: two corners make the box
        corners = [frame.point(ox, oy), frame.point(ox + advance * a, oy + fontsize * d)]
    else:
        corners = [frame.point(ox + s * a + t * c, oy + s * b + t * d)
                   for s in (0.0, advance) for t in (0.0, fontsize)]
    (p, q), (r, t) = corners[0], corners[-1]
    if len(corners) == 2:
        x0, x1 = (p, r) if p <= r else (r, p)
        top, bottom = (q, t) if q <= t else (t, q)
    else:
        xs = [point[0] for point in corners]
        ys = [point[1] for point in corners]
        x0, x1, top, bottom = min(xs), max(xs), min(ys), max(ys)
    ra, rb, rc, rd = _turned(frame, a, b, c, d)
    return {"text": text, "fontname": fontname, "font_weight": weight,
            "size": bottom - top, "x0": x0, "x1": x1, "top": top,
            "bottom": bottom, "doctop": doctop + top,
            "upright": ra * rd > 0 and rb * rc <= 0, "object_type": "char"}


def _turned(frame: PageFrame, a: float, b: float, c: float, d: float):
    """The char matrix's linear part after the page's /Rotate turn."""
    ca, cb, cc, cd = frame.ctm[:4]
    return (a * ca + b * cc, a * cb + b * cd, c * ca + d * cc, c * cb + d * cd)


# ---------------------------------------------------------------- paths and images


def collect_objects(parent, frame: PageFrame, edges: list[dict], images: list[dict],
                    texts: dict[int, tuple[int, object, bool]], outer: Matrix = IDENTITY,
                    in_form: bool = False) -> None:
    """The rules and images of a page or form, and the drawing order of its text objects
    (appended to `edges`, `images` and `texts`; the stamp reader walks a page's rules with
    it too)."""
    import pypdfium2.raw as pdfium_c

    count_fn = pdfium_c.FPDFFormObj_CountObjects if in_form else pdfium_c.FPDFPage_CountObjects
    get_fn = pdfium_c.FPDFFormObj_GetObject if in_form else pdfium_c.FPDFPage_GetObject
    for i in range(count_fn(parent)):
        obj = get_fn(parent, i)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
            texts[ctypes.cast(obj, ctypes.c_void_p).value or 0] = (len(texts), obj, in_form)
            continue
        if kind not in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE,
                        pdfium_c.FPDF_PAGEOBJ_FORM):
            continue
        matrix = _multiply(_object_matrix(obj), outer)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            collect_objects(obj, frame, edges, images, texts, matrix, in_form=True)
        elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            images.append(_image(matrix, frame))
        elif _painted(obj):
            for shape, points in _subpaths(obj):
                edges.extend(_edges(shape, [frame.point(*_apply(matrix, p)) for p in points]))


def _object_matrix(obj) -> Matrix:
    import pypdfium2.raw as pdfium_c

    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, m):
        return IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _multiply(inner: Matrix, outer: Matrix) -> Matrix:
    """`inner` then `outer`, as PDF concatenates matrices."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D,
            e * A + f * C + E, e * B + f * D + F)


def _apply(m: Matrix, point: tuple[float, float]) -> tuple[float, float]:
    x, y = point
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _painted(obj) -> bool:
    """Stroked or filled: pdfminer sees only painted paths."""
    import pypdfium2.raw as pdfium_c

    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(obj, fill, stroke):
        return True
    return bool(fill.value) or bool(stroke.value)


def _subpaths(obj) -> Iterator[tuple[str, list[tuple[float, float]]]]:
    """Each subpath as pdfminer spells it: "m", "l", "c" (its end point), "h" (back to the
    start), with one point per letter."""
    import pypdfium2.raw as pdfium_c

    x, y = ctypes.c_float(), ctypes.c_float()
    shape: list[str] = []
    points: list[tuple[float, float]] = []
    bezier = 0
    for i in range(pdfium_c.FPDFPath_CountSegments(obj)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        point = (x.value, y.value)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            if shape:
                yield "".join(shape), points
            shape, points, bezier = ["m"], [point], 0
        elif kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            bezier += 1
            if bezier < 3:
                continue  # a control point
            bezier = 0
            shape.append("c")
            points.append(point)
        else:
            shape.append("l")
            points.append(point)
        if shape and pdfium_c.FPDFPathSegment_GetClose(segment):
            shape.append("h")
            points.append(points[0])
    if shape:
        yield "".join(shape), points


def _edges(shape: str, pts: list[tuple[float, float]]) -> list[dict]:
    """pdfminer's line, rectangle or curve for one subpath, as pdfplumber's edges."""
    if not shape.startswith("m"):
        return []
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"  # a redundant "l" on a path closed with "h"
        pts = pts[:-2] + pts[-1:]
    if shape in ("mlh", "ml"):
        return [_line_edge(pts[0], pts[1])]
    if shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        square = ((x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0)
                  or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0))
        if pts[0] == pts[4] and square:
            return _rect_edges(pts[0], pts[2])
    return [_curve_edge(p, q) for p, q in pairwise(pts)]


def _box(p: tuple[float, float], q: tuple[float, float]) -> dict:
    x0, x1 = sorted((p[0], q[0]))
    top, bottom = sorted((p[1], q[1]))
    return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "width": x1 - x0,
            "height": bottom - top}


def _line_edge(p: tuple[float, float], q: tuple[float, float]) -> dict:
    edge = _box(p, q)
    edge["object_type"] = "line"
    edge["orientation"] = "h" if edge["top"] == edge["bottom"] else "v"
    return edge


def _rect_edges(p: tuple[float, float], q: tuple[float, float]) -> list[dict]:
    r = _box(p, q)
    x0, x1, top, bottom = r["x0"], r["x1"], r["top"], r["bottom"]
    sides = [(x0, x1, top, top, "h"), (x0, x1, bottom, bottom, "h"),
             (x0, x0, top, bottom, "v"), (x1, x1, top, bottom, "v")]
    return [{"x0": a, "x1": b, "top": t, "bottom": u, "width": b - a, "height": u - t,
             "orientation": o, "object_type": "rect_edge"} for a, b, t, u, o in sides]


def _curve_edge(p: tuple[float, float], q: tuple[float, float]) -> dict:
    edge = _box(p, q)
    edge["object_type"] = "curve_edge"
    edge["orientation"] = "v" if p[0] == q[0] else ("h" if p[1] == q[1] else None)
    return edge


def _image(matrix: Matrix, frame: PageFrame) -> dict:
    """An image fills the unit square its matrix maps onto the page."""
    corners = [frame.point(*_apply(matrix, (u, v))) for u in (0.0, 1.0) for v in (0.0, 1.0)]
    xs = [p[0] for p in corners]
    ys = [p[1] for p in corners]
    return {"x0": min(xs), "x1": max(xs), "top": min(ys), "bottom": max(ys),
            "object_type": "image"}
