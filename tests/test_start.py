"""A one-file convert starts quickly: with the cache folder filled by an earlier run, a text
convert imports neither `regex`'s Python half (its parser and compiler: the programs are
kept) nor OpenSSL (`hashlib`: a small file is hashed by CPython's own SHA-256), and gives
the same output as the run that filled the cache."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_a_second_text_convert_imports_no_regex_compiler_and_no_openssl(tmp_path) -> None:
    sample = next((ROOT / "samples").glob("*.txt"))
    code = ("import sys\n"
            "from chitieu import cli\n"
            f"cli.main(['convert', {str(sample)!r}, '-o', sys.argv[1], '-q'])\n"
            "from chitieu.core import cache; cache.flush()\n"
            "print(sorted(m for m in sys.modules if m.startswith(('regex', 'hashlib'))))\n")
    runs = [subprocess.run([sys.executable, "-c", code, str(tmp_path / f"out{i}")],
                           capture_output=True, text=True, check=True,
                           env={**os.environ, "CHITIEU_CACHE_DIR": str(tmp_path / "cache")})
            for i in (1, 2)]
    assert runs[1].stdout.strip() == "['regex._regex']"
    outputs = [sorted(p for p in (tmp_path / f"out{i}").rglob("*.json")
                      if p.name != "report.json") for i in (1, 2)]  # its time differs
    assert outputs[0] and [p.read_bytes() for p in outputs[0]] == \
        [p.read_bytes() for p in outputs[1]]
