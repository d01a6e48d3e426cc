"""Page images in, clean upright binary pages out: load, binarize, clean specks, deskew.

Pixels are uint8 with text dark (0) on white (255), as Tesseract wants them.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from chitieu.errors import InputError
from chitieu.extract import limits

DEFAULT_DPI = 300
A4_LONG_INCHES = 11.69
MAX_SKEW_DEGREES = 4.0
_SKEW_WIDTH = 800  # the skew is searched on a copy this wide: plenty for a fraction of a degree


@dataclass(slots=True)
class PageImage:
    """One page as read: greyscale pixels and the resolution they were scanned at."""

    number: int  # 1-based, in the file
    pixels: np.ndarray
    dpi: int


def load_image_pages(path: Path) -> list[PageImage]:
    """Every frame of a PNG/JPEG/TIFF/BMP/GIF/WebP file, as greyscale pages."""
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            # Pillow warns past 89 megapixels; chitieu's own limit decides, and says so
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            pages = _image_frames(path)
    except Image.DecompressionBombError as exc:  # Pillow's own guard, past ours
        raise InputError(f"a decompression bomb: {exc}", code="decompression_bomb") from None
    except (UnidentifiedImageError, OSError, SyntaxError) as exc:
        raise InputError(f"not a readable image ({exc})", code="unreadable") from None
    if not pages:
        raise InputError("the image has no pages", code="empty")
    return pages


def _image_frames(path: Path) -> list[PageImage]:
    from PIL import Image, ImageOps, ImageSequence

    size = path.stat().st_size
    pages = []
    with Image.open(path) as image:
        for number, frame in enumerate(ImageSequence.Iterator(image), start=1):
            # the header's size, before any pixel is decoded
            limits.check_pixels(*frame.size, what=f"frame {number}", file_size=size)
            upright = ImageOps.exif_transpose(frame) or frame
            grey = np.asarray(upright.convert("L"), dtype=np.uint8)
            pages.append(PageImage(number, grey, _dpi(frame.info.get("dpi"), grey.shape)))
    return pages


def render_pdf_pages(path: Path, pages: list[int] | None,
                     dpi: int | None = None) -> Iterator[PageImage]:
    """Rasterise PDF pages (1-based numbers; all when None) with pypdfium2, one at a time so
    the caller can read a page while the next is rendered. Each page is rendered at `dpi`, or
    when None at the resolution its scanned image was made at (`image_dpi`): a 200-dpi scan
    rendered at 300 dpi only gives Tesseract 2.25 times the pixels to read, and no detail."""
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(str(path))
    except pypdfium2.PdfiumError as exc:
        raise InputError(f"not a readable PDF ({exc})", code="unreadable") from None
    try:
        numbers = pages or list(range(1, len(document) + 1))
        for number in numbers:
            if not 1 <= number <= len(document):
                raise InputError(f"the PDF has no page {number}", code="unreadable")
            page = document[number - 1]
            try:
                yield _page_pixels(page, number, dpi)
            finally:
                page.close()
    finally:
        document.close()


# A page's image counts as its scan when it covers this share of the page.
_SCAN_COVER = 0.5
# Resolutions a page is rendered at, whatever its image says: below, letters lose their
# accents' detail when rasterised again; above, Tesseract reads no better, only slower.
_RENDER_DPI = (150, 600)


def _page_pixels(page, number: int, dpi: int | None) -> PageImage:
    """A page's pixels: the scanned image itself when it is the page (one image over the
    page, upright, nothing drawn over it) — the scanner's own pixels, not resampled — else
    the page rendered at `dpi` or at its scan's resolution."""
    scan = _page_scan(page) if dpi is None else None
    if scan is not None:
        image, resolution, upright = scan
        if upright and _alone(page):
            limits.check_pixels(*image.get_px_size(), what=f"the image of page {number}")
            pixels = _own_pixels(page, image)
            if pixels is not None:
                return PageImage(number, pixels, resolution)
    resolution = dpi or (scan[1] if scan is not None else DEFAULT_DPI)
    width, height = page.get_size()  # points: 1/72 inch
    limits.check_pixels(round(width * resolution / 72), round(height * resolution / 72),
                        what=f"page {number} at {resolution} dpi")
    bitmap = page.render(scale=resolution / 72, grayscale=True)
    return PageImage(number, np.asarray(bitmap.to_pil().convert("L"), dtype=np.uint8),
                     resolution)


def _own_pixels(page, image) -> np.ndarray | None:
    """The image's own pixels in grey, or None when pdfium cannot give them. An image whose
    colours the PDF inverts (a 1-bit "BlackIs1" scan, a /Decode array) comes out as a negative
    of what the page shows: a thumbnail of the page says which way round it is."""
    import pypdfium2

    try:
        pil = image.get_bitmap(render=False).to_pil()
    except (pypdfium2.PdfiumError, ValueError, OSError):
        return None
    grey = np.asarray(pil.convert("L"), dtype=np.uint8)
    thumbnail = np.asarray(page.render(scale=0.1, grayscale=True).to_pil().convert("L"))
    if (float(grey.mean()) < 128) != (float(thumbnail.mean()) < 128):
        grey = 255 - grey
    return grey


def _page_scan(page):
    """(image object, its resolution, placed upright and unflipped) for the largest image
    covering most of a pypdfium2 page — the scanned sheet — or None."""
    import pypdfium2.raw as pdfium_c

    width, height = page.get_size()
    best = None
    for image in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]):
        left, bottom, right, top = image.get_bounds()
        shown = (right - left, top - bottom)
        if shown[0] * shown[1] < _SCAN_COVER * width * height:
            continue
        pixels = image.get_px_size()
        # placed upright or turned a quarter: the long sides go together
        resolution = max(pixels) / (max(shown) / 72)
        if best is None or resolution > best[1]:
            matrix = image.get_matrix()
            upright = (matrix.a > 0 and matrix.d > 0 and matrix.b == 0 and matrix.c == 0
                       and page.get_rotation() == 0)
            best = (image, resolution, upright)
    if best is None:
        return None
    return best[0], round(min(max(best[1], _RENDER_DPI[0]), _RENDER_DPI[1])), best[2]


def _alone(page) -> bool:
    """Nothing but the one image on the page (no text, paths or other images over it)."""
    return len(list(page.get_objects())) == 1


def image_dpi(page) -> int | None:
    """The resolution (pixels per inch on the page) of the scanned sheet a pypdfium2 page
    holds, or None for a page with no image covering most of it."""
    scan = _page_scan(page)
    return scan[1] if scan is not None else None


def _dpi(declared: object, shape: tuple[int, ...]) -> int:
    """The declared resolution when it is plausible, else guessed from an A4 page's size."""
    if isinstance(declared, tuple) and declared and declared[0]:
        value = round(float(declared[0]))
        if 100 <= value <= 1200:
            return value
    long_side = max(shape[:2])
    guess = round(long_side / A4_LONG_INCHES)
    return guess if 100 <= guess <= 1200 else DEFAULT_DPI


def binarize(grey: np.ndarray) -> np.ndarray:
    """Otsu's threshold on a lightly smoothed page whose paper has been evened out (a photo
    or a scan darker at one edge); a page that is already 1-bit is kept."""
    if _is_bilevel(grey):
        return cv2.threshold(grey, 127, 255, cv2.THRESH_BINARY)[1]
    smooth = cv2.GaussianBlur(flatten_background(grey), (3, 3), 0)
    _, binary = cv2.threshold(smooth, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    return binary


def flatten_background(grey: np.ndarray) -> np.ndarray:
    """Divide the page by its paper: the brightest level around each point, taken on a
    reduced copy where text is too thin to count."""
    height, width = grey.shape
    small = cv2.resize(grey, (max(1, width // 8), max(1, height // 8)),
                       interpolation=cv2.INTER_AREA)
    paper = cv2.medianBlur(cv2.dilate(small, np.ones((7, 7), np.uint8)), 5)
    paper = cv2.resize(paper, (width, height), interpolation=cv2.INTER_LINEAR)
    return cv2.divide(grey, np.maximum(paper, 1), scale=255)


def _is_bilevel(grey: np.ndarray) -> bool:
    sample = grey[:: max(1, grey.shape[0] // 200), :: max(1, grey.shape[1] // 200)]
    return np.count_nonzero((sample > 10) & (sample < 245)) < sample.size * 0.002


@dataclass(slots=True)
class Marks:
    """The page's marks (outer contours of 8-connected ink) and their boxes (x, y, w, h),
    found once for the steps that need them. Contours cost a tenth of labelling the page."""

    contours: list[np.ndarray]
    boxes: np.ndarray

    def erase(self, image: np.ndarray, indexes) -> np.ndarray:
        """A copy of `image` with the given marks filled white."""
        cleaned = image.copy()
        cv2.drawContours(cleaned, [self.contours[i] for i in indexes], -1, 255, cv2.FILLED)
        return cleaned


def find_marks(binary: np.ndarray) -> Marks:
    contours, _ = cv2.findContours(255 - binary, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    boxes = (np.array([cv2.boundingRect(c) for c in contours], dtype=np.int64).reshape(-1, 4))
    return Marks(list(contours), boxes)


def remove_specks(binary: np.ndarray, dpi: int, marks: Marks | None = None) -> np.ndarray:
    """Drop black specks smaller than the dot of a Vietnamese "ạ" (salt-and-pepper noise)."""
    max_area = max(2, round(6 * (dpi / 300) ** 2))
    marks = marks or find_marks(binary)
    if not len(marks.boxes):
        return binary
    specks = np.flatnonzero(marks.boxes[:, 2] * marks.boxes[:, 3] <= max_area)
    return marks.erase(binary, specks) if specks.size else binary


# The taller marks of body text (capitals, letters with their accent) are about 8.8 points
# high for the 11–13 point type of these documents.
_TEXT_MARK_POINTS = 8.8


def text_dpi(binary: np.ndarray, marks: Marks | None = None) -> int | None:
    """The resolution the page's text size implies, or None with too little text to say."""
    marks = marks or find_marks(binary)
    if not len(marks.boxes):
        return None
    width, height = marks.boxes[:, 2], marks.boxes[:, 3]
    letters = height[(height >= 4) & (width >= 2) & (height < 0.05 * binary.shape[0])]
    if letters.size < 50:
        return None
    return round(float(np.percentile(letters, 75)) * 72 / _TEXT_MARK_POINTS)


def estimate_skew(binary: np.ndarray) -> float:
    """The rotation (degrees, counter-clockwise) that makes text lines and rules horizontal.

    Searches the angle whose horizontal ink profile is sharpest, coarse then fine, on a
    reduced copy of the page.
    """
    ink = 255 - binary
    scale = min(1.0, _SKEW_WIDTH / ink.shape[1])
    if scale < 1.0:
        ink = cv2.resize(ink, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    if np.count_nonzero(ink) < ink.size * 0.001:
        return 0.0
    best = 0.0
    for step, reach in ((0.5, MAX_SKEW_DEGREES), (0.1, 0.5), (0.025, 0.1)):
        best = _sharpest(ink, np.arange(best - reach, best + reach + 1e-9, step))
    return best


def _sharpest(ink: np.ndarray, angles: np.ndarray) -> float:
    height, width = ink.shape
    centre = (width / 2, height / 2)
    scores = []
    for angle in angles:
        matrix = cv2.getRotationMatrix2D(centre, float(angle), 1.0)
        turned = cv2.warpAffine(ink, matrix, (width, height), flags=cv2.INTER_NEAREST,
                                borderValue=0)
        profile = turned.sum(axis=1, dtype=np.float64)
        scores.append(float(np.square(np.diff(profile)).sum()))
    return float(angles[int(np.argmax(scores))])


def rotate(binary: np.ndarray, angle: float) -> np.ndarray:
    """Rotate a binary page about its centre, keeping it binary and its size."""
    if abs(angle) < 0.02:
        return binary
    height, width = binary.shape
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), angle, 1.0)
    turned = cv2.warpAffine(binary, matrix, (width, height), flags=cv2.INTER_LINEAR,
                            borderValue=255)
    return cv2.threshold(turned, 127, 255, cv2.THRESH_BINARY)[1]


# A mark this tall or wide (inches) is a letter's size, not a speck's: 0.04 inch is a third
# of a 12-point capital, three times a copier's speck even after a PDF of a 200 dpi scan is
# rasterised at 300 dpi (its specks grown to 3 × 3 pixels).
_LETTER_MARK_INCHES = 0.04
# A page with fewer marks of a letter's size has not a word on it.
_MIN_LETTER_MARKS = 3
# Dark pixels, at a quarter of the size, beyond what specks can leave: a few lines of text.
_SURELY_INKED = 2000


def is_blank(binary: np.ndarray, dpi: int) -> bool:
    """No more than a couple of marks bigger than a speck: not a word on the page. Every
    connected mark counts, the letters inside a table's rules too."""
    reduced = cv2.resize(binary, None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)
    if np.count_nonzero(reduced < 128) > _SURELY_INKED * (dpi / 300) ** 2:
        return False  # a page of text or a table, at a glance (a sixth of the time)
    _, _, stats, _ = cv2.connectedComponentsWithStats(255 - binary, connectivity=8)
    size = max(2, round(_LETTER_MARK_INCHES * dpi))
    boxes = stats[1:]  # the first is the background
    letters = (boxes[:, cv2.CC_STAT_WIDTH] >= size) | (boxes[:, cv2.CC_STAT_HEIGHT] >= size)
    return int(np.count_nonzero(letters)) < _MIN_LETTER_MARKS


def rotate180(binary: np.ndarray) -> np.ndarray:
    return cv2.rotate(binary, cv2.ROTATE_180)


# Orientation is judged on a copy at this resolution: letters stay separate marks.
_ORIENT_DPI = 150
# Marks bigger than this (inches) are rules, frames or pictures, not letters.
_ORIENT_MAX_MARK_INCHES = 0.25
# Letters of a word are closer than this (inches); lines of text are further apart.
_ORIENT_SMEAR_INCHES = 0.04
# Too few letters to tell which way the text runs.
_ORIENT_MIN_MARKS = 50
# Smearing along upright text joins about twice as many marks as smearing across it (an
# upright page keeps 0.5–0.65 as many clusters sideways as up-and-down); turned a quarter,
# the other way round. The margin keeps a page of mixed or sparse text as it is.
_ORIENT_RATIO = 1.3


def runs_vertically(binary: np.ndarray, dpi: int) -> bool:
    """Does the page's text run up or down the page (a sheet scanned a quarter turned)?

    Letter-sized marks are smeared a little along each direction: along the text's lines the
    letters of a word join, across them they do not, so the direction that leaves fewer
    clusters is the one the text runs in. Rules and pictures are left out."""
    ink = cv2.resize(255 - binary, None, fx=_ORIENT_DPI / dpi, fy=_ORIENT_DPI / dpi,
                     interpolation=cv2.INTER_AREA)
    ink = np.where(ink > 64, 255, 0).astype(np.uint8)
    _, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    widest = _ORIENT_MAX_MARK_INCHES * _ORIENT_DPI
    width, height = stats[:, 2], stats[:, 3]
    letter = (width < widest) & (height < widest) & (width * height >= 4)
    letter[0] = False  # the background
    if np.count_nonzero(letter) < _ORIENT_MIN_MARKS:
        return False
    letters = np.where(letter[labels], 255, 0).astype(np.uint8)
    reach = max(2, round(_ORIENT_SMEAR_INCHES * _ORIENT_DPI))
    sideways, upwards = (
        cv2.connectedComponents(cv2.dilate(letters, np.ones(kernel, np.uint8)),
                                connectivity=8)[0] - 1
        for kernel in ((1, reach), (reach, 1)))
    return sideways > _ORIENT_RATIO * upwards


def rotate90(binary: np.ndarray) -> np.ndarray:
    """A quarter turn clockwise (its wrong-way half is caught by the upside-down check)."""
    return cv2.rotate(binary, cv2.ROTATE_90_CLOCKWISE)
