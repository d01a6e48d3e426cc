"""The review app in a real browser (Debian's chromium + chromium-driver through selenium):
a PDF, a scan and a text document beside their records, the record boxes where the text is
printed, flagged values marked, a target corrected in the page and applied by the next
convert, a script-named record shown as text, a path-traversal URL refused.

One server and one browser for the module. Each page's screenshot is kept in
output/test-artifacts/ (or $CHITIEU_ARTIFACTS)."""

import json
import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
from review_helpers import PDF, ROOT, SCAN, SCRIPT_NAME, TEXT, convert_into
from tesseract_marks import needs_tesseract

from chitieu.cli import main

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
# skipped only where the browser cannot be installed (not root, not CI): `make test` installs
# it (.ci/system-deps), so there a missing browser fails the tests
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and DRIVER) and os.geteuid() != 0 and not os.environ.get("CI"),
    reason="Chromium is not installed: apt-get install chromium chromium-driver")
ARTIFACTS = Path(os.environ.get("CHITIEU_ARTIFACTS", ROOT / "output" / "test-artifacts"))


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    from tesseract_marks import _tesseract_ready

    files = [TEXT, PDF] + ([SCAN] if os.environ.get("CI") or _tesseract_ready() else [])
    return convert_into(tmp_path_factory.mktemp("browser"), files, hostile=True)


@pytest.fixture(scope="module")
def server(out):
    import uvicorn

    from chitieu.review.app import Settings, create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(Settings(out)), host="127.0.0.1", port=port,
                            log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    for _ in range(100):
        if instance.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--window-size=1400,900", "--lang=vi"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def _doc(out: Path, name: str) -> dict:
    return json.loads((out / name).read_text(encoding="utf-8"))


def _open(browser, url: str, shot: str):
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(url)
    WebDriverWait(browser, 10).until(
        lambda d: d.execute_script("return document.body.dataset.ready === '1'"))
    _wait_images(browser)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / f"review-{shot}.png"))


def _submit(browser, button: str, shot: str) -> None:
    """Click a form's button and wait for the page it leads to.

    The old page is told apart by a mark set on its window, not by a reference to one of
    its elements: Chrome may answer a question about an element of a page it is leaving
    with "Node with given id does not belong to the document" instead of calling it stale
    (SeleniumHQ/selenium#15401), which failed this wait on a loaded machine."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.execute_script("window.__leaving = true")
    browser.find_element(By.ID, button).click()
    WebDriverWait(browser, 10, ignored_exceptions=(WebDriverException,)).until(
        lambda d: d.execute_script(
            "return !window.__leaving && document.readyState === 'complete'"
            " && document.body !== null && document.body.dataset.ready === '1'"))
    _wait_images(browser)
    browser.save_screenshot(str(ARTIFACTS / f"review-{shot}.png"))


def _wait_images(browser) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser, 20).until(lambda d: d.execute_script(
        "return [...document.querySelectorAll('.page img')].slice(0, 1)"
        ".every(i => i.complete && i.naturalWidth > 0)"))


def _check_boxes(browser, doc: dict, record_index: int) -> dict:
    """The record's box, as the browser laid it out, against its bbox scaled to the image;
    returns the box's place on the page image in image pixels (for the ink check)."""
    from selenium.webdriver.common.by import By

    record = doc["records"][record_index]
    page = browser.find_element(By.ID, f"page-{record['source']['page']}")
    image = page.find_element(By.TAG_NAME, "img")
    box = page.find_element(By.CSS_SELECTOR, f".box[data-rec='{record_index}']")
    width, height = float(page.get_attribute("data-width")), float(page.get_attribute(
        "data-height"))
    at, size = image.rect, image.size
    x0, top, x1, bottom = record["source"]["bbox"]
    expected = {"x": at["x"] + x0 / width * size["width"],
                "y": at["y"] + top / height * size["height"],
                "width": (x1 - x0) / width * size["width"],
                "height": (bottom - top) / height * size["height"]}
    for name, value in expected.items():
        assert abs(box.rect[name] - value) < 2, (name, box.rect, expected)
    natural = browser.execute_script("return [arguments[0].naturalWidth, "
                                     "arguments[0].naturalHeight]", image)
    return {"src": image.get_attribute("src"), "natural": natural,
            "fraction": (x0 / width, top / height, x1 / width, bottom / height)}


def _ink(server_url: str, placed: dict) -> float:
    """The share of dark pixels of the page image inside the box: printed text is there."""
    import io
    import urllib.request

    from PIL import Image

    with urllib.request.urlopen(placed["src"]) as response:
        image = Image.open(io.BytesIO(response.read())).convert("L")
    w, h = image.size
    left, top, right, bottom = placed["fraction"]
    crop = image.crop((int(left * w), int(top * h), int(right * w), int(bottom * h)))
    pixels = list(crop.tobytes())
    return sum(1 for p in pixels if p < 128) / max(1, len(pixels))


def _rows(browser):
    from selenium.webdriver.common.by import By

    return browser.find_elements(By.CSS_SELECTOR, "tr.record")


def test_pdf_page_boxes_lie_where_the_text_is_printed(browser, server, out):
    import pdfplumber
    from selenium.webdriver.common.by import By

    doc = _doc(out, "commune_indicators.json")
    _open(browser, f"{server}/doc/{doc['source']['sha256']}", "pdf")
    assert len(_rows(browser)) == len(doc["records"]) == 10
    index = 6  # a record whose name wraps over lines: the box must cover them all
    placed = _check_boxes(browser, doc, index)
    record = doc["records"][index]
    with pdfplumber.open(PDF) as pdf:
        printed = pdf.pages[record["source"]["page"] - 1].crop(record["source"]["bbox"])
        words = printed.extract_text()
    assert record["name"].split()[0] in words and record["name"].split()[-1] in words
    assert _ink(server, placed) > 0.01
    # the box selects its record, and the record its box
    browser.find_element(By.CSS_SELECTOR, f".box[data-rec='{index}']").click()
    assert "selected" in _rows(browser)[index].get_attribute("class")
    _rows(browser)[2].click()
    assert "selected" in browser.find_element(
        By.CSS_SELECTOR, ".box[data-rec='2']").get_attribute("class")
    browser.save_screenshot(str(ARTIFACTS / "review-pdf-selected.png"))


@needs_tesseract
def test_scan_page_boxes_and_flagged_values(browser, server, out):
    from selenium.webdriver.common.by import By

    doc = _doc(out, "table_200dpi.json")
    _open(browser, f"{server}/doc/{doc['source']['sha256']}", "scan")
    rows = _rows(browser)
    assert len(rows) == len(doc["records"]) > 0
    for index in range(len(doc["records"])):
        placed = _check_boxes(browser, doc, index)
    assert _ink(server, placed) > 0.01
    flagged = [i for i, r in enumerate(doc["records"]) if r["warnings"]]
    assert flagged, "the scan fixture has guessed values to flag"
    for index in flagged:
        assert rows[index].get_attribute("data-flagged") == "1"
        assert rows[index].find_elements(By.CSS_SELECTOR, "td.flag, span.agency.flag")
    browser.find_element(By.ID, "only-flagged").click()
    shown = [row for row in rows if row.is_displayed()]
    assert len(shown) == len(flagged)
    browser.save_screenshot(str(ARTIFACTS / "review-scan-flagged.png"))


def test_text_page_selects_lines_and_keys_move(browser, server, out):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    doc = _doc(out, "002_96420e20fdffe3f0.json")
    _open(browser, f"{server}/doc/{doc['source']['sha256']}", "text")
    assert len(_rows(browser)) == len(doc["records"]) == 45
    ActionChains(browser).send_keys("j").send_keys("j").perform()
    rows = _rows(browser)
    assert "selected" in rows[1].get_attribute("class")
    first, last = doc["records"][1]["source"]["lines"]
    for number in range(first, last + 1):
        line = browser.find_element(By.ID, f"L{number}")
        assert "selected" in line.get_attribute("class")
    # a record far down: its line scrolls into view when the record is chosen
    rows[40].click()
    line = browser.find_element(By.ID, f"L{doc['records'][40]['source']['lines'][0]}")
    assert browser.execute_script(
        "const r = arguments[0].getBoundingClientRect(), p = document.getElementById("
        "'source').getBoundingClientRect(); return r.top >= p.top && r.bottom <= p.bottom",
        line)
    # and a line selects its record
    browser.find_element(By.ID, f"L{doc['records'][5]['source']['lines'][0]}").click()
    assert "selected" in rows[5].get_attribute("class")


def test_a_target_edited_in_the_page_survives_the_next_convert(browser, server, out):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    doc = _doc(out, "commune_indicators.json")
    _open(browser, f"{server}/doc/{doc['source']['sha256']}", "edit")
    _rows(browser)[3].click()
    Select(browser.find_element(By.ID, "correct-field")).select_by_value("target.value")
    value = browser.find_element(By.ID, "correct-value")
    assert value.get_attribute("value") == "95"  # the value found is offered
    value.clear()
    value.send_keys("96,5")
    browser.find_element(By.ID, "reviewer").send_keys("Thu")
    _submit(browser, "save-edit", "edited")
    row = _rows(browser)[3]
    assert "≥ 96.5 %" in row.text and "corrected target" in row.text
    # a target that is no number is refused with a message in the page
    Select(browser.find_element(By.ID, "correct-field")).select_by_value("target.value")
    value = browser.find_element(By.ID, "correct-value")
    value.clear()
    value.send_keys("khoảng chín mươi")
    _submit(browser, "save-edit", "refused")
    assert "target.value must be a number" in browser.find_element(
        By.ID, "correction-error").text
    # the next convert applies it to the dataset
    assert main(["convert", str(out.parent / "in"), "-o", str(out), "--format",
                 "json,parquet", "--workers", "1", "--quiet"]) == 0
    record = _doc(out, "commune_indicators.json")["records"][3]
    assert record["target"]["value"] == 96.5
    assert "corrected:target.value" in record["warnings"]


def test_a_script_named_record_shows_as_text(browser, server, out):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    doc = _doc(out, "hostile.json")
    _open(browser, f"{server}/doc/{doc['source']['sha256']}", "script-name")
    cell = _rows(browser)[0].find_element(By.CSS_SELECTOR, "td.name")
    assert cell.text == SCRIPT_NAME
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018


def test_a_path_traversal_url_is_refused(browser, server):
    from selenium.webdriver.common.by import By

    for path in ("/files/..%2f..%2f..%2f..%2fetc%2fpasswd", "/files/%2e%2e/%2e%2e/etc/passwd"):
        browser.get(server + path)
        body = browser.find_element(By.TAG_NAME, "body").text
        assert "root:" not in body and "404" in body
    browser.save_screenshot(str(ARTIFACTS / "review-traversal.png"))


def test_the_document_list(browser, server, out):
    from selenium.webdriver.common.by import By

    browser.get(server + "/")
    counts = {row.find_element(By.CSS_SELECTOR, "a").text:
              row.find_element(By.CSS_SELECTOR, ".records-count").text
              for row in browser.find_elements(By.CSS_SELECTOR, "#documents tr[data-doc]")}
    assert counts["commune_indicators.json"] == "10"
    assert counts["002_96420e20fdffe3f0.json"] == "45"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "review-index.png"))


def test_the_static_export_opens_from_disk(browser, out):
    from selenium.webdriver.common.by import By

    from chitieu.review.serve import write_static

    index = write_static(out) / "index.html"
    browser.get(index.as_uri())
    link = next(a for a in browser.find_elements(By.CSS_SELECTOR, "#documents a")
                if a.text == "commune_indicators.json")
    link.click()
    _open(browser, browser.current_url, "static")
    assert len(_rows(browser)) == 10
    _rows(browser)[1].click()
    assert "selected" in browser.find_element(
        By.CSS_SELECTOR, ".box[data-rec='1']").get_attribute("class")
