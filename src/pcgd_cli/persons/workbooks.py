"""Entry workbooks turned into rows for DuckDB, several at once in worker processes.

A worker reads a workbook (calamine), finds its person tables, turns the cells
the queries read into text and writes them to the hand-over folder
(``store.write_rows``); only a summary comes back. Processes, not threads: as much
of the work is Python as is calamine, and threads would share one interpreter
lock. The workers are forked before the caller starts any thread or DuckDB (a
fork copies one thread only); where fork is not available, or for one workbook,
the same work runs in this process.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pcgd_cli.errors import PcgdError
from pcgd_cli.findings import Finding
from pcgd_cli.validation.catalog import ColumnCatalog


@dataclass
class PersonInput:
    path: Path
    sha256: str
    kind: str  # "workbook" or "export"
    sheets: list[str] = field(default_factory=list)
    commune_code: str | None = None  # one-commune files
    survey_year: int | None = None
    rows_read: int = 0
    rows_counted: int = 0


def fixed_units(path: Path, present: set[str], titles: list[str], sheet_year: int | None,
                year: int | None, code: str | None, register,
                record: PersonInput,
                year_cell: tuple[str, str, str] | None = None) -> dict[str, str]:
    """The commune and year a file's rows take when its columns do not say them.
    ``year_cell``: (sheet, cell, text) of a survey-year cell that could not be read."""
    fixed: dict[str, str] = {}
    survey_year = year if year is not None else sheet_year
    if survey_year is not None:
        fixed["year"] = str(survey_year)
        record.survey_year = survey_year
    elif "year" not in present:
        if year_cell is not None:
            sheet, cell, text = year_cell
            raise PcgdError("survey_year_unreadable", path=path, sheet=sheet, cell=cell,
                            value=text, hint="no_survey_year_hint")
        raise PcgdError("no_survey_year", path=path)
    if "commune_code" not in present:
        from pcgd_cli.persons.units import commune_of

        fixed["commune_code"] = code or commune_of(path, titles, register)
        record.commune_code = fixed["commune_code"]
    return fixed


@dataclass
class SheetRows:
    """A person table handed over: where its rows went and what the findings need."""

    sheet: str
    columns: dict[str, int]  # key -> 0-based column of the sheet
    rows: int
    file: Path | None  # the hand-over file (None: no rows)
    plain: bool = True  # cells split by the separator alone (else quoted)


@dataclass
class WorkbookRows:
    record: PersonInput
    sheets: list[SheetRows]
    findings: list[Finding]


@dataclass
class _Context:
    """What every workbook is read with (a worker gets it when forked)."""

    catalog: ColumnCatalog
    written: list[str]  # keys handed over, in the store's order
    year: int | None
    code: str | None
    register: object
    folder: Path
    texts: object = None  # CellTexts, per process
    headers: dict = field(default_factory=dict)


_CONTEXT: _Context | None = None


def _set_context(context: _Context) -> None:
    global _CONTEXT
    from pcgd_cli.persons.entry import CellTexts

    context.texts = CellTexts(blank="")  # the hand-over writes a blank as nothing
    _CONTEXT = context


def workbook_rows(task: tuple[int, Path], sheets: list | None = None) -> WorkbookRows:
    """Read one workbook and hand its person rows over (in a worker, or here).
    ``sheets``: its sheets when the caller has read them already."""
    from pcgd_cli.persons.entry import entry_parts
    from pcgd_cli.persons.store import write_rows
    from pcgd_cli.reading.workbook import read_file

    file_id, path = task
    ctx = _CONTEXT
    assert ctx is not None
    record = PersonInput(path, "", "workbook")
    parts, findings = entry_parts(path, read_file(path) if sheets is None else sheets,
                                  ctx.catalog, set(ctx.written), ctx.texts, ctx.headers)
    if not parts:
        raise PcgdError("no_person_header", path=path)
    present = set().union(*(set(p.header.columns.values()) for p in parts))
    titles = [t for p in parts for t in p.titles]
    sheet_year = next((p.survey_year for p in parts if p.survey_year), None)
    year_cell = next(((p.sheet, *p.year_cell) for p in parts if p.year_cell), None)
    fixed = fixed_units(path, present, titles, sheet_year, ctx.year, ctx.code, ctx.register,
                        record, year_cell)
    sheets = []
    for i, part in enumerate(parts):
        values = dict(part.values)
        for key, value in fixed.items():
            values[key] = [value] * len(part.rows)
        target = ctx.folder / f"rows{file_id}_{i}.txt" if part.rows else None
        plain = write_rows(target, ctx.written, values, file_id, part.sheet,
                           part.rows) if target else True
        sheets.append(SheetRows(part.sheet, {k: c for c, k in part.header.columns.items()},
                                len(part.rows), target, plain))
    record.sheets = [p.sheet for p in parts]
    return WorkbookRows(record, sheets, findings)


def _quiet_worker() -> None:
    """A worker leaves stopping to the parent: Ctrl-C reaches the whole process group,
    and the parent ends its workers (SIGTERM) once it stops; the command line's stop
    handlers (pcgd_cli.stop), inherited by the fork, would print a traceback each."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _can_fork() -> bool:
    # a fork copies the calling thread only: with another thread alive (the read-ahead
    # of pcgd check, say) a lock it held would stay held in the child forever
    import threading

    return (sys.platform.startswith("linux") and threading.active_count() == 1
            and "fork" in multiprocessing.get_all_start_methods())


class WorkbookReader:
    """The workbooks of a run, read in order, by worker processes when it pays."""

    def __init__(self, tasks: list[tuple[int, Path]], catalog: ColumnCatalog,
                 written: list[str], year: int | None, code: str | None, register,
                 processes: int | None = None,
                 read_already: dict[Path, list] | None = None):
        self.folder = Path(tempfile.mkdtemp(prefix="pcgd-rows-"))
        # workbooks pcgd check has read already (to tell them by their headers) are
        # not read again: their rows are found here, from the sheets in memory
        self.read_already = read_already or {}
        tasks = [t for t in tasks if t[1] not in self.read_already]
        self.tasks = tasks
        _set_context(_Context(catalog, written, year, code, register, self.folder))
        workers = min(len(tasks), processes or os.cpu_count() or 1)
        self.pool = None
        self.results: Iterator[WorkbookRows] | None = None
        try:
            self._start(workers)
        except BaseException:
            shutil.rmtree(self.folder, ignore_errors=True)
            raise

    def _start(self, workers: int) -> None:
        if workers > 1 and _can_fork():
            # forked now, before the caller's threads and DuckDB: they inherit the
            # context and every module already imported
            import pcgd_cli.persons.entry  # noqa: F401
            import pcgd_cli.persons.store  # noqa: F401
            import pcgd_cli.reading.workbook  # noqa: F401

            self.pool = multiprocessing.get_context("fork").Pool(workers, _quiet_worker)
            self.results = self.pool.imap(workbook_rows, self.tasks)

    def read(self, file_id: int, path: Path) -> WorkbookRows:
        """The next workbook (in the order of the tasks)."""
        if path in self.read_already:
            return workbook_rows((file_id, path), self.read_already[path])
        if self.results is None:
            return workbook_rows((file_id, path))
        read = next(self.results)
        assert read.record.path == path, (read.record.path, path)
        return read

    def close(self, failed: bool = False) -> None:
        if self.pool is not None:
            if failed:  # the others are not waited for
                self.pool.terminate()
            else:
                self.pool.close()
            self.pool.join()
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> WorkbookReader:
        return self

    def __exit__(self, kind, *exc) -> None:
        self.close(failed=kind is not None)
