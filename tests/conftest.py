import sys
from pathlib import Path

# tests import their helper module `support` by name
sys.path.insert(0, str(Path(__file__).parent))

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _neutral_locale(monkeypatch):
    """Help and usage errors follow an English locale: the suite expects Vietnamese
    unless a test asks otherwise, whatever the machine's locale."""
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
