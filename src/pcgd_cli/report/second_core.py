"""The second half of a large report encoded in a forked child, on the second core.

Encoding the national JSON report is Python holding the interpreter's lock (the GIL):
a thread would only wait for it. After the read the machine's second core is idle, so
a child process (``fork``: it has the results already, nothing is pickled) encodes the
later part into an in-memory file while this process encodes the first; then the
child's bytes are written after this process's, so the output is the same bytes as
one process writes. Where ``fork`` is missing, or the child fails, this process
encodes both parts, one after the other.
"""

from __future__ import annotations

import os
import signal
import tempfile
from collections.abc import Callable
from typing import IO

from pcgd_cli.stop import STOP_SIGNALS

Write = Callable[[bytes], object]
_COPY = 1 << 20


def _spool() -> IO[bytes]:
    """An in-memory file where the system has one (Linux), else a temporary file."""
    if hasattr(os, "memfd_create"):
        return open(os.memfd_create("pcgd-report"), "w+b")  # noqa: SIM115 - closed by the caller
    return tempfile.TemporaryFile()


def _child(second: Callable[[Write], None], spool: IO[bytes]) -> None:
    """Runs in the child and never returns: the parent's stack above the fork (its open
    output file, its clean-up on a stop signal) is not the child's to unwind."""
    code = 1
    try:
        # a stop signal ends the child at once; the parent says it and cleans up
        for signum in STOP_SIGNALS:
            signal.signal(signum, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
        second(spool.write)
        spool.flush()
        code = 0
    finally:
        os._exit(code)


def write_in_two(first: Callable[[Write], None], second: Callable[[Write], None],
                 write: Write) -> None:
    """``first(write)`` then ``second(write)``, the second computed meanwhile in a child
    process when the system can fork; the bytes written are the same either way."""
    import threading

    # a fork beside another live thread could copy a lock that thread holds (stdout's,
    # an import's) into a child that would then wait on it for ever, and this process
    # on the child: only a process on its own thread forks
    if (not hasattr(os, "fork") or not hasattr(signal, "pthread_sigmask")
            or threading.active_count() != 1):
        first(write)
        second(write)
        return
    try:
        spool = _spool()
    except OSError:
        first(write)
        second(write)
        return
    with spool:
        # no stop signal between the fork and the child's own handling of them
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
        try:
            pid = os.fork()
            if pid == 0:
                _child(second, spool)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        ok = False
        try:
            first(write)
            _, status = os.waitpid(pid, 0)
            ok = os.waitstatus_to_exitcode(status) == 0
        except BaseException:
            _end(pid)
            raise
        if not ok:  # the child failed (e.g. out of memory): encode the part here
            second(write)
            return
        spool.seek(0)
        while data := spool.read(_COPY):
            write(data)


def _end(pid: int) -> None:
    """Stop and reap the child when this process stops first."""
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (OSError, ChildProcessError):
        pass
