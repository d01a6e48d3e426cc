import os
from pathlib import Path

import pytest
from hypothesis import settings

# The same examples on every run, so a test run is deterministic; HYPOTHESIS_PROFILE=explore
# searches afresh (random examples, no deadline) when hunting for new failures.
settings.register_profile("ci", derandomize=True, deadline=None)
settings.register_profile("explore", deadline=None, max_examples=500)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.exists():
        pytest.fail(f"{SHARED} is missing: the tests need the shared folder beside the repo")
    return SHARED
