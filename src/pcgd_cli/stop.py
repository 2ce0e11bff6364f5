"""A run stopped by SIGTERM (a scheduler's time limit) or SIGINT (Ctrl-C) ends the same
way: the exception below unwinds the stack, so ``write_atomically`` removes its
temporary file, and the command line prints one line and exits 128 + the signal.

Without a handler SIGTERM kills the process on the spot, leaving the temporary
file behind; SIGINT raised KeyboardInterrupt, which typer turns into a silent exit
130 (older versions: click's English "Aborted!", exit 1).
"""

from __future__ import annotations

import signal

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Stopped(BaseException):
    """Raised in the main thread when a stop signal arrives.

    A BaseException, as KeyboardInterrupt is: the ``except Exception`` that turn a
    library's failures into user errors must not swallow it."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum
        self.exit_code = 128 + signum  # what a shell reports for a process it stopped

    @property
    def name(self) -> str:
        return signal.Signals(self.signum).name


def _raise_stopped(signum: int, _frame) -> None:
    # a second signal while the first one's cleanup runs must not cut that cleanup short
    for other in STOP_SIGNALS:
        signal.signal(other, signal.SIG_IGN)
    raise Stopped(signum)


def install_stop_handlers() -> None:
    """For the command line only: a library caller keeps its own signal handling."""
    for signum in STOP_SIGNALS:
        signal.signal(signum, _raise_stopped)

