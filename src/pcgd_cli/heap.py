"""Python's cyclic garbage collector told to leave alone what lives for the whole run.

After the imports the heap holds a few hundred thousand objects (pandas, numpy, the
rules) that live until the process ends. Every full collection walked all of them
again, one of them (34 ms) in the read thread while calamine's cells were being
made. Freezing them (``gc.freeze``) keeps them out of the collections that follow;
the objects made later are collected as usual: the collector's time on a national
check went from 117 to 88 ms. Turning it off for the run was faster (about 90 ms less
in all) but let cycles pile up: the Parquet output's peak memory went from 399 to
488 MB. A larger young generation (50,000) only made one collection of 60 ms.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def imports_frozen() -> Iterator[None]:
    """Within: what exists now is left out of collections. Unfrozen after, for a caller
    that goes on (the tests call the command in one process)."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


# Reading and judging a table of counts make almost no reference cycles (measured on
# the national file: 104 objects after the read, 14 after the judgement, none after
# validation), yet the collector ran about 270 times in them, 90 ms in all, 20 ms of
# it in the read thread while calamine's cells were made. So it is paused for them
# and runs again for the writers, as before. (A cycle that held the count table and
# every cell, found this way, is gone: engine/communes.py.) The installed command
# pauses it from its first line for a check (launch.py), when the read starts;
# ``collector_paused`` then resumes it.
_paused_at_start = False


def pause_collector_from_start() -> None:
    global _paused_at_start
    if gc.isenabled():
        gc.disable()
        _paused_at_start = True


@contextmanager
def collector_paused() -> Iterator[None]:
    """Within: no automatic collection. After: the collector as it was before, or on
    when the command paused it at its start."""
    global _paused_at_start
    resume = gc.isenabled() or _paused_at_start
    _paused_at_start = False
    gc.disable()
    try:
        yield
    finally:
        if resume:
            # what was made meanwhile is frozen too: else the first young collection
            # walks all of it (26 ms after a national check's judgement, for 534
            # objects found); ``imports_frozen`` unfreezes it with the rest
            gc.freeze()
            gc.enable()


@contextmanager
def collector_running() -> Iterator[None]:
    """Within: the collector on, even inside ``collector_paused``. Person rows are
    counted through pandas and DuckDB, whose objects do make cycles, on inputs of
    millions of people: their memory is not left to the end of the check."""
    was = gc.isenabled()
    gc.enable()
    try:
        yield
    finally:
        if not was:
            gc.disable()


# The installed command ends without the interpreter's teardown (cli.run), so what
# lives until the end is given back to the system at once. The cells a workbook was
# read into (1.4 million Python objects on the national file) are needed only until
# the count table is made; freeing them one by one then took 40-48 ms of a national
# check, in the middle of it. The command keeps them instead (``keep``), at the cost
# of their memory until the end (measured: benchmarks/README.md).
_kept: list[object] | None = None


def keep_until_exit() -> None:
    """From now on, what ``keep`` is given is never freed (the installed command)."""
    global _kept
    if _kept is None:
        _kept = []


def keep(obj: object) -> None:
    """``obj`` held until the process ends, in the installed command; else nothing."""
    if _kept is not None:
        _kept.append(obj)
