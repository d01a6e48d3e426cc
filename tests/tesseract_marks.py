"""The skip mark shared by the tests that run Tesseract."""

import os

import pytest

from chitieu.errors import InputError
from chitieu.extract.ocr import tesseract


def _tesseract_ready() -> bool:
    try:
        tesseract.engine_version()
    except InputError:
        return False
    return True


# In CI a missing Tesseract must fail the tests, not skip them.
needs_tesseract = pytest.mark.skipif(
    not os.environ.get("CI") and not _tesseract_ready(),
    reason="Tesseract with Vietnamese is not installed: "
           "apt-get install tesseract-ocr tesseract-ocr-vie")
