"""Progress on stderr: a bar on a terminal, periodic lines in a log, nothing when quiet."""

import io

from chitieu.progress import Progress, _duration


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_log_gets_plain_lines_with_rate_and_time_left() -> None:
    log = io.StringIO()
    with Progress(4, stream=log, interval=0) as progress:
        progress.advance(1)
        progress.advance(3)
    lines = log.getvalue().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("chitieu: 1/4 files (25%), ")
    assert "files/s, about " in lines[0] and lines[0].endswith(" left")
    assert lines[1].startswith("chitieu: 4/4 files (100%), ") and "left" not in lines[1]


def test_a_log_is_not_flooded() -> None:
    log = io.StringIO()
    progress = Progress(1000, stream=log, interval=3600)
    for _ in range(1000):
        progress.advance()
    assert log.getvalue() == ""
    assert progress.done == 1000


def test_a_terminal_gets_a_bar_with_rate_and_eta() -> None:
    terminal = FakeTerminal()
    with Progress(10, stream=terminal) as progress:
        progress.advance(5)
        progress.note("chitieu: a.txt: the file is empty")
    shown = terminal.getvalue()
    assert "5/10" in shown and "file/s" in shown
    assert "chitieu: a.txt: the file is empty" in shown


def test_quiet_prints_nothing_even_on_a_terminal() -> None:
    terminal = FakeTerminal()
    with Progress(3, stream=terminal, quiet=True, interval=0) as progress:
        progress.advance(3)
        progress.note("failed")
    assert terminal.getvalue() == ""


def test_durations_read_naturally() -> None:
    assert _duration(4.4) == "4 s"
    assert _duration(125) == "2 min 05 s"
    assert _duration(3 * 3600 + 7 * 60) == "3 h 07 min"
