"""Read the workbooks in a thread while the command line loads the rest of pcgd.

calamine parses a sheet without holding Python's lock (the GIL), so on a machine
with two cores the read of a large workbook and the import of pandas, the engine
and the reporters take place side by side. The look at the sheet XML that comes
first (reading/xlsx_scan.py) is Python and does hold the GIL: run beside the
imports it took 0.35 s instead of 0.13 s on the national file, so the command
waits for the first workbook's scan before going on. The read is the same
``read_file``; the pipeline still reads first, only sooner. A file the thread could
not read is read again when the pipeline asks for it, so its error is raised where
it always was.
"""

from __future__ import annotations

import threading
from pathlib import Path

from pcgd_cli.heap import keep
from pcgd_cli.reading.workbook import WORKBOOK_SUFFIXES, RawSheet, apply_scans, read_file
from pcgd_cli.reading.xlsx_scan import scan_xlsx


class Prefetch:
    """``read(path)`` gives what ``read_file(path)`` gives, read ahead when it could be."""

    def __init__(self, paths: list[Path]) -> None:
        self._paths = self.workbooks(paths)
        self._done = {p: threading.Event() for p in self._paths}
        self._sheets: dict[Path, list[RawSheet]] = {}
        self._scans: dict[Path, dict] = {}
        self._scanned = threading.Event()
        self._thread = threading.Thread(target=self._run, name="pcgd-read", daemon=True)
        if self._paths:
            self._thread.start()
            self._scanned.wait()

    @staticmethod
    def workbooks(paths: list[Path]) -> list[Path]:
        """The files of ``paths`` that are read ahead: the workbooks."""
        return [p for p in paths if p.suffix.lower() in WORKBOOK_SUFFIXES]

    @property
    def paths(self) -> list[Path]:
        return list(self._paths)

    def _run(self) -> None:
        try:
            for path in self._paths:
                try:
                    self._sheets[path] = read_file(path, scanned=self._scanned.set,
                                                   full_scan=False)
                finally:
                    self._done[path].set()
        except BaseException:  # noqa: BLE001 - said again by the pipeline's own read
            for event in self._done.values():
                event.set()
        finally:
            self._scanned.set()

    def scan_ahead(self) -> None:
        """The rest of each workbook's scan, now, in the calling thread, while the thread
        parses: for a caller that would otherwise have its cells before it can use
        them (the installed command, which still has the command line to import)."""
        for path in self._paths:
            self._scans[path] = self._scan(path)

    @staticmethod
    def _scan(path: Path) -> dict:
        return scan_xlsx(str(path)) if path.suffix.lower() in (".xlsx", ".xlsm") else {}

    def read(self, path: Path) -> list[RawSheet]:
        done = self._done.get(path)
        if done is not None:
            # the rest of the scan, here while the thread parses (see the module's text)
            scans = self._scans.pop(path, None)
            if scans is None:
                scans = self._scan(path)
            done.wait()
            sheets = self._sheets.pop(path, None)
            if sheets is not None:
                apply_scans(sheets, scans)
                keep(sheets)  # not freed cell by cell in the middle of the check
                return sheets
        return read_file(path)

    def wait(self) -> None:
        """Until the thread has finished: a process must not end while calamine runs."""
        if self._thread.is_alive():
            self._thread.join()
