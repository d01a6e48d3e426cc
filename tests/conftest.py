import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir
from shared_files import require_shared

# The same examples on every run, so a test run is deterministic; HYPOTHESIS_PROFILE=explore
# searches afresh (random examples, no deadline) when hunting for new failures. No example
# database, and Hypothesis's caches in the temp folder: nothing is written into the tree.
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "chitieu-hypothesis")
settings.register_profile("ci", derandomize=True, deadline=None, database=None)
settings.register_profile("explore", deadline=None, max_examples=500, database=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
# chitieu's data cache (chitieu.core.cache) in the temp folder too, for the CLI's
# subprocesses as well: the tests leave the user's ~/.cache alone
os.environ.setdefault("CHITIEU_CACHE_DIR", str(Path(tempfile.gettempdir()) / "chitieu-test-cache"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared (gold, score.py, real documents); the test is skipped without it."""
    return require_shared()


@pytest.fixture(scope="session")
def real_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder for the real documents as published (see `shared_files.real_file`)."""
    return tmp_path_factory.mktemp("real")
