"""The messy fixtures, written once per test session by tests/fixtures/make_messy.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from messy_helpers import make_messy


@pytest.fixture(scope="session")
def messy(tmp_path_factory) -> dict[str, Path]:
    # a folder name with Vietnamese letters and spaces, as users' folders have
    return make_messy.build(tmp_path_factory.mktemp("dữ liệu") / "Biểu mẫu xã")
