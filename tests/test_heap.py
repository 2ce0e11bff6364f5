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


def test_the_collector_paused_within_and_as_it_was_after() -> None:
    from pcgd_cli.heap import collector_paused

    assert gc.isenabled()
    with imports_frozen():
        with collector_paused():
            assert not gc.isenabled()
        assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # a caller that had it off keeps it off
    finally:
        gc.enable()


def test_paused_from_the_start_it_runs_again_after_the_check(monkeypatch) -> None:
    from pcgd_cli import heap

    monkeypatch.setattr(heap, "_paused_at_start", False)
    try:
        heap.pause_collector_from_start()
        assert not gc.isenabled()
        with imports_frozen(), heap.collector_paused():
            assert not gc.isenabled()
        assert gc.isenabled()
    finally:
        gc.enable()


def test_kept_only_when_the_process_ends_without_teardown(monkeypatch) -> None:
    from pcgd_cli import heap

    monkeypatch.setattr(heap, "_kept", None)
    heap.keep([1])
    assert heap._kept is None  # a library caller frees as usual
    heap.keep_until_exit()
    cells = [[1.0, "a"]]
    heap.keep(cells)
    assert heap._kept == [cells]


def test_the_collector_runs_for_person_rows_even_when_paused() -> None:
    from pcgd_cli.heap import collector_paused, collector_running

    with collector_paused():
        with collector_running():
            assert gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
