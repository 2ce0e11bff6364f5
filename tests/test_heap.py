"""The check command freezes what exists after its imports (heap.py) and must leave
the collector as it found it: tests and library callers go on in the same process."""

from __future__ import annotations

import gc

from pcgd_cli.heap import imports_frozen


def test_frozen_within_and_unfrozen_after() -> None:
    before = gc.get_freeze_count()
    with imports_frozen():
        assert gc.get_freeze_count() > before
    assert gc.get_freeze_count() == before


def test_unfrozen_after_an_error() -> None:
    before = gc.get_freeze_count()
    try:
        with imports_frozen():
            raise ValueError
    except ValueError:
        pass
    assert gc.get_freeze_count() == before
