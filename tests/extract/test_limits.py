"""Per-file limits: each refusal names its limit and the option that raises it."""

import resource
import time
import zipfile
from pathlib import Path

import pytest

from chitieu.errors import ErrorCode, InputError
from chitieu.extract import limits
from chitieu.extract.limits import FileTimeout, Limits


def test_an_input_past_its_size_limit_names_the_option(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 3000)
    with limits.applied(Limits(max_text_mb=0.002)), pytest.raises(InputError) as caught:
        limits.check_input_size(path, text=True)
    assert caught.value.code == ErrorCode.TOO_LARGE
    assert "over the limit of 0.002 MB (raise it with --max-text-mb)" in str(caught.value)
    limits.check_input_size(path)  # the limit of other inputs is far above


def test_a_zip_inflating_past_the_limit_is_a_decompression_bomb(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w:p/>" * 400_000)
    with limits.applied(Limits(max_inflated_mb=1)), pytest.raises(InputError) as caught:
        limits.check_zip(path)
    assert caught.value.code == ErrorCode.DECOMPRESSION_BOMB
    assert "--max-inflated-mb" in str(caught.value)
    limits.check_zip(path)  # 2.4 MB is fine under the default


def test_pixels_and_cells_past_their_limits() -> None:
    with pytest.raises(InputError, match="--max-megapixels") as caught:
        limits.check_pixels(20_000, 20_000, file_size=100)
    assert caught.value.code == ErrorCode.DECOMPRESSION_BOMB
    with pytest.raises(InputError, match="--max-cells"):
        limits.check_cells(10_000_000)
    limits.check_pixels(7016, 9921)  # an A3 page at 600 dpi


def test_the_time_limit_raises_even_when_it_strikes_inside_a_finalizer(capsys) -> None:
    class Slow:
        def __del__(self) -> None:
            started = time.monotonic()
            while time.monotonic() - started < 0.3:
                pass

    started = time.monotonic()
    with pytest.raises(FileTimeout), limits.time_limited(0.1):
        Slow()  # its __del__ runs at once, while the limit runs out: the exception is lost
        while time.monotonic() - started < 5:
            pass
    # cut short, long before the loop's own end (loose: a loaded machine delays the alarm)
    assert time.monotonic() - started < 4
    assert "Exception ignored" not in capsys.readouterr().err


def test_the_memory_cap_is_lifted_after_the_block() -> None:
    before = resource.getrlimit(resource.RLIMIT_AS)
    status = Path("/proc/self/status").read_text()
    in_use_mb = int(status.split("VmSize:")[1].split()[0]) // 1024
    with limits.memory_capped(in_use_mb + 128), pytest.raises(MemoryError):
        bytearray(512 << 20)
    assert resource.getrlimit(resource.RLIMIT_AS) == before
    bytearray(512 << 20)  # allowed again


def test_a_signal_raises_only_in_the_main_thread() -> None:
    import signal
    import threading

    from chitieu.extract.limits import raising_on

    seen = []

    def elsewhere() -> None:
        with raising_on(signal.SIGUSR1, KeyboardInterrupt) as installed:
            seen.append(installed)

    before = signal.getsignal(signal.SIGUSR1)
    worker = threading.Thread(target=elsewhere)
    worker.start()
    worker.join()
    with raising_on(signal.SIGUSR1, KeyboardInterrupt) as installed:
        seen.append(installed)
        assert signal.getsignal(signal.SIGUSR1) is not before
    assert seen == [False, True]
    assert signal.getsignal(signal.SIGUSR1) is before
