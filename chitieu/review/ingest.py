"""Ingest for `chitieu review --inputs DIR`: a plan uploaded through the page, or dropped
into DIR, is converted into OUT by the same batch code as `chitieu convert DIR -o OUT`
(same manifest, same report), run as a child process so a crash in a reader cannot take
the server down. A file that fails shows the one-line error the report gives it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

from chitieu.emit.files import write_bytes_atomic

POLL_SECONDS = 2.0
CONVERT_TIMEOUT = 3600
_SAFE_NAME = re.compile(r"[^\w.\- ]+", re.UNICODE)


class Ingest:
    def __init__(self, folder: Path, out_dir: Path, gazetteer: list[Path] = (),
                 poll: float | None = None) -> None:
        self.folder = Path(folder).resolve()
        self.out_dir = Path(out_dir).resolve()
        self.gazetteer = [Path(p).resolve() for p in gazetteer]
        self.poll = poll or POLL_SECONDS
        self.folder.mkdir(parents=True, exist_ok=True)
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._busy = False
        self._state = "waiting for files"
        self._converted: dict[str, tuple[int, int]] | None = None

    # -- the page's side ---------------------------------------------------------------

    def save(self, name: str, data: bytes, limit: int) -> Path:
        """Keep an uploaded file in the inputs folder under a safe name of its own (never a
        path: the name's folders are dropped); the watcher converts it."""
        if len(data) > limit:
            raise ValueError(f"the file is larger than the limit of {limit // (1024 * 1024)} MB")
        if not data:
            raise ValueError("the file is empty")
        base = _SAFE_NAME.sub("_", Path(name.replace("\\", "/")).name).strip(" .")
        if not base:
            raise ValueError("the file has no usable name")
        target = self.folder / base
        stem, suffix, number = target.stem, target.suffix, 1
        while target.exists():
            number += 1
            target = self.folder / f"{stem}-{number}{suffix}"
        write_bytes_atomic(target, data)
        self._wake.set()
        return target

    def status(self) -> dict:
        return {"folder": str(self.folder), "state": self._state, "busy": self._busy,
                "failed": self.failures()}

    def failures(self) -> list[dict[str, str]]:
        """The inputs of the folder that failed in the last convert, with their error."""
        try:
            report = json.loads((self.out_dir / "report.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        return [{"name": Path(item["input"]).name, "error": str(item.get("error", ""))}
                for item in report.get("failed") or ()
                if isinstance(item, dict) and str(item.get("input", "")).startswith(
                    str(self.folder))]

    # -- the watcher -------------------------------------------------------------------

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="chitieu-ingest", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _run(self) -> None:
        previous = None
        while not self._stop.is_set():
            woken = self._wake.wait(self.poll)
            self._wake.clear()
            if self._stop.is_set():
                return
            files = self._files()
            # a dropped file is converted once it stopped growing (two polls alike)
            if files != self._converted and (woken or files == previous):
                self.convert_now(files)
            previous = files

    def convert_now(self, files: dict[str, tuple[int, int]] | None = None) -> int:
        """Convert the inputs folder into OUT now; returns convert's exit code."""
        files = self._files() if files is None else files
        self._busy, self._state = True, f"converting {len(files)} files…"
        command = [sys.executable, "-m", "chitieu", "convert", str(self.folder), "-o",
                   str(self.out_dir), "--format", ",".join(self._formats()), "--quiet"]
        for path in self.gazetteer:
            command += ["--gazetteer", str(path)]
        try:
            done = subprocess.run(command, capture_output=True, text=True,
                                  timeout=CONVERT_TIMEOUT, check=False)
            code = done.returncode
            if code == 2:
                self._state = f"convert could not run: {done.stderr.strip().splitlines()[-1]}"
            else:
                self._state = f"converted at {time.strftime('%H:%M:%S')}"
        except subprocess.TimeoutExpired:
            code, self._state = 1, "the conversion took too long and was stopped"
        finally:
            self._busy = False
        self._converted = files
        return code

    def _files(self) -> dict[str, tuple[int, int]]:
        from chitieu.batch import collect_inputs

        found = {}
        for path in collect_inputs([self.folder]):
            try:
                stat = path.stat()
            except OSError:
                continue
            found[str(path)] = (stat.st_size, stat.st_mtime_ns)
        return found

    def _formats(self) -> list[str]:
        """What OUT already has, and always JSON and Parquet (the API reads Parquet)."""
        try:
            report = json.loads((self.out_dir / "report.json").read_text(encoding="utf-8"))
            tables = list((report.get("tables") or {}).keys())
        except (OSError, ValueError, AttributeError):
            tables = []
        return list(dict.fromkeys(["json", "parquet", *tables]))

