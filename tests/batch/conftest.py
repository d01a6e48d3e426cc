from pathlib import Path

import pytest
from batch_helpers import write_inputs


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    write_inputs(folder, 6)
    return folder
