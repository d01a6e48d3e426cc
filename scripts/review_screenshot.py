"""Regenerate docs/review-scan.png, the README's picture of `chitieu review`: the scan
fixture beside its records, a flagged record selected. Needs Tesseract, chromium and
chromium-driver. Run: `.venv/bin/python scripts/review_screenshot.py`."""

from __future__ import annotations

import io
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCAN = ROOT / "tests" / "fixtures" / "scans" / "small" / "table_200dpi.png"
TARGET = ROOT / "docs" / "review-scan.png"
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_review import Server, convert  # noqa: E402


def main() -> int:
    from PIL import Image
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait

    with tempfile.TemporaryDirectory() as folder:
        inputs, out = Path(folder) / "in", Path(folder) / "out"
        inputs.mkdir()
        shutil.copy(SCAN, inputs / SCAN.name)
        convert(inputs, out)
        server = Server(out)
        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium")
        for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                         "--window-size=1440,660"):
            options.add_argument(argument)
        driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")),
                                  options=options)
        try:
            driver.get(server.url + "/")
            driver.find_element("css selector", "#documents a").click()
            WebDriverWait(driver, 10).until(
                lambda d: d.execute_script("return document.body.dataset.ready === '1'"))
            driver.find_elements("css selector", "tr.record.flagged")[0].click()
            time.sleep(0.5)
            png = driver.get_screenshot_as_png()
        finally:
            driver.quit()
            server.stop()
    image = Image.open(io.BytesIO(png)).convert("RGB").quantize(colors=64)
    TARGET.parent.mkdir(exist_ok=True)
    image.save(TARGET, optimize=True)
    print(f"wrote {TARGET} ({TARGET.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
