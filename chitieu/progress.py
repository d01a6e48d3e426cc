"""Progress of a long run on stderr: a bar on a terminal, plain lines in a log, or nothing."""

from __future__ import annotations

import sys
import time
from typing import TextIO

# How often a log (stderr not a terminal) gets a line: often enough to see a batch is alive,
# rarely enough that a 10,000-file run does not bury its summary.
LOG_INTERVAL_SECONDS = 10.0


class Progress:
    """Counts finished items out of `total`.

    On a terminal it draws a tqdm bar (files/s, ETA); otherwise it prints a line such as
    "chitieu: 900/2000 files (45%), 251.3 files/s, about 4 s left" every `interval` seconds;
    with `quiet` it prints nothing. `note` prints a message without breaking the bar.
    """

    def __init__(self, total: int, *, quiet: bool = False, stream: TextIO | None = None,
                 interval: float = LOG_INTERVAL_SECONDS, unit: str = "file") -> None:
        self.total = total
        self.done = 0
        self.quiet = quiet
        self.stream = stream if stream is not None else sys.stderr
        self.interval = interval
        self.unit = unit
        self._started = time.monotonic()
        self._last_line = self._started
        self._bar = None
        if not quiet and total and _is_terminal(self.stream):
            from tqdm import tqdm

            self._bar = tqdm(total=total, unit=unit, file=self.stream, dynamic_ncols=True,
                             smoothing=0.1, leave=False)

    def advance(self, count: int = 1) -> None:
        self.done += count
        if self._bar is not None:
            self._bar.update(count)
            return
        now = time.monotonic()
        if not self.quiet and now - self._last_line >= self.interval:
            self._last_line = now
            self.stream.write(self.status_line(now) + "\n")
            self.stream.flush()

    def note(self, message: str) -> None:
        if self.quiet:
            return
        if self._bar is not None:
            self._bar.write(message, file=self.stream)
        else:
            self.stream.write(message + "\n")
            self.stream.flush()

    def status_line(self, now: float | None = None) -> str:
        elapsed = max((now or time.monotonic()) - self._started, 1e-9)
        rate = self.done / elapsed
        line = f"chitieu: {self.done}/{self.total} {self.unit}s"
        if self.total:
            line += f" ({100 * self.done // self.total}%)"
        line += f", {rate:.1f} {self.unit}s/s"
        if rate > 0 and self.done < self.total:
            line += f", about {_duration((self.total - self.done) / rate)} left"
        return line

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"
