"""The review app under load, and a 60-page PDF's review page in a browser.

1. HTTP load on 127.0.0.1: `chitieu review` serving a small dataset (the three samples, a
   PDF and their tables) answers 2,000 requests, 8 at a time, spread over the JSON API
   (records with and without filters, documents, assignments) and the HTML pages (document
   list, a text and a PDF document page). Reports errors and the median / 95th percentile
   latency. Bounded: 2,000 requests, a 10 s timeout each, loopback only.
2. A 60-page PDF (the pages of tests/fixtures/office/commune_indicators.pdf repeated) is
   converted and its review page opened in headless Chromium: the first visit renders the
   page images (cached under OUT/.review-cache), the next ones are timed from navigation to
   the page's load event and the script's ready mark. Target: under 2 s.

Run: `.venv/bin/python benchmarks/bench_review.py [--requests N] [--concurrency N]`.
"""

from __future__ import annotations

import argparse
import http.client
import json
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
PDF = ROOT / "tests" / "fixtures" / "office" / "commune_indicators.pdf"
TARGET_SECONDS = 2.0


def convert(inputs: Path, out: Path) -> None:
    subprocess.run([sys.executable, "-m", "chitieu", "convert", str(inputs), "-o", str(out),
                    "--format", "json,parquet", "--quiet"], check=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """`chitieu review OUT` in a child process, so the load client does not share its GIL."""

    def __init__(self, out: Path) -> None:
        self.port = free_port()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "chitieu", "review", str(out), "--port", str(self.port)],
            stderr=subprocess.DEVNULL)
        self.url = f"http://127.0.0.1:{self.port}"
        for _ in range(200):
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("the review server did not start")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def load(base: str, paths: list[str], requests: int, concurrency: int) -> dict:
    """`requests` GETs over `paths`, `concurrency` keep-alive connections at a time."""
    host = urlsplit(base)
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    counter = iter(range(requests))

    def worker() -> None:
        connection = http.client.HTTPConnection(host.hostname, host.port, timeout=10)
        while True:
            with lock:
                number = next(counter, None)
            if number is None:
                break
            path = paths[number % len(paths)]
            started = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException) as exc:
                ok = False
                connection.close()
                connection = http.client.HTTPConnection(host.hostname, host.port, timeout=10)
                response = exc
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                if not ok:
                    errors.append(f"{path}: {getattr(response, 'status', response)}")
        connection.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    latencies.sort()
    return {"requests": len(latencies), "errors": len(errors), "first_errors": errors[:3],
            "median_ms": round(statistics.median(latencies) * 1000, 1),
            "p95_ms": round(latencies[int(len(latencies) * 0.95) - 1] * 1000, 1),
            "per_second": round(len(latencies) / wall, 1)}


def bench_load(work: Path, requests: int, concurrency: int) -> dict:
    inputs, out = work / "load-in", work / "load-out"
    inputs.mkdir()
    for path in [*sorted((ROOT / "samples").glob("*.txt")), PDF]:
        shutil.copy(path, inputs / path.name)
    convert(inputs, out)
    docs = [json.loads(line) for line in (out / "manifest.jsonl").read_text().splitlines()[1:]]
    text_id = next(d["sha256"] for d in docs if d["input"].endswith(".txt"))
    pdf_id = next(d["sha256"] for d in docs if d["input"].endswith(".pdf"))
    paths = ["/api/records?limit=50", "/api/records?agency=phong-kinh-te",
             f"/api/records?doc_id={text_id}", "/api/documents", "/api/assignments?limit=100",
             "/api/records?warning=agency_unmatched", "/", f"/doc/{text_id}", f"/doc/{pdf_id}"]
    server = Server(out)
    try:
        load(server.url, paths, 50, 2)  # warm: page images rendered, caches filled
        return load(server.url, paths, requests, concurrency)
    finally:
        server.stop()


def sixty_page_pdf(target: Path, pages: int = 60) -> Path:
    import pypdfium2

    source = pypdfium2.PdfDocument(str(PDF))
    document = pypdfium2.PdfDocument.new()
    try:
        while len(document) < pages:
            document.import_pages(source)
        document.save(str(target))
    finally:
        document.close()
        source.close()
    return target


def bench_sixty_pages(work: Path, visits: int = 5) -> dict:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait

    inputs, out = work / "pdf-in", work / "pdf-out"
    inputs.mkdir()
    sixty_page_pdf(inputs / "sixty_pages.pdf")
    started = time.perf_counter()
    convert(inputs, out)
    converted = time.perf_counter() - started
    doc = json.loads((out / "sixty_pages.json").read_text(encoding="utf-8"))
    server = Server(out)
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--window-size=1400,900"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    url = f"{server.url}/doc/{doc['source']['sha256']}"
    timings = []
    try:
        for visit in range(visits + 1):
            driver.get(url + f"?visit={visit}")
            WebDriverWait(driver, 60).until(
                lambda d: d.execute_script("return document.body.dataset.ready === '1'"))
            timings.append(driver.execute_script(
                "const t = performance.getEntriesByType('navigation')[0];"
                "return t.loadEventEnd > 0 ? t.loadEventEnd : performance.now();") / 1000)
        rendered = len(list((out / ".review-cache").rglob("*.png")))
    finally:
        driver.quit()
        server.stop()
    later = timings[1:]
    return {"pages": doc["source"]["pages"], "records": len(doc["records"]),
            "convert_s": round(converted, 1), "first_visit_s": round(timings[0], 2),
            "ready_median_s": round(statistics.median(later), 3),
            "ready_max_s": round(max(later), 3), "images_rendered": rendered,
            "target_s": TARGET_SECONDS, "met": max(later) < TARGET_SECONDS}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        result = bench_load(work, args.requests, args.concurrency)
        print(f"load: {result['requests']} requests, {args.concurrency} concurrent: "
              f"{result['errors']} errors, median {result['median_ms']} ms, "
              f"p95 {result['p95_ms']} ms, {result['per_second']} requests/s")
        if result["first_errors"]:
            print(f"  first errors: {result['first_errors']}")
        if not (shutil.which("chromium") and shutil.which("chromedriver")):
            print("60-page PDF: skipped (apt-get install chromium chromium-driver)")
            return 1 if result["errors"] else 0
        page = bench_sixty_pages(work)
        print(f"60-page PDF: {page['pages']} pages, {page['records']} records, converted in "
              f"{page['convert_s']} s; review page first visit {page['first_visit_s']} s, "
              f"then ready in {page['ready_median_s']} s (median, max {page['ready_max_s']} s;"
              f" target < {TARGET_SECONDS} s: {'met' if page['met'] else 'NOT met'})")
        return 1 if result["errors"] or not page["met"] else 0


if __name__ == "__main__":
    sys.exit(main())
