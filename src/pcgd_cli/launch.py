"""The installed ``pcgd`` command and ``python -m pcgd_cli``.

Before anything else is imported, a ``pcgd check`` starts reading its workbooks
(reading/early.py): on a national file the read is the longest single step, and
importing the command line first delayed it by about 80 ms. Then the command runs
as ``cli.run``.
"""

from __future__ import annotations

import os
import sys


def run() -> None:
    from pcgd_cli.stop import Stopped, install_stop_handlers

    # first, so that a stop signal during the early read ends the run as one during
    # the check does: one line, the stop's exit code
    install_stop_handlers()
    try:
        from pcgd_cli.reading import early

        started = early.start(sys.argv[1:])
    except Stopped as stop:
        from pcgd_cli.cli import say_stopped

        say_stopped(stop)
        sys.stderr.flush()
        os._exit(stop.exit_code)  # the read thread may be in calamine: no teardown
    if started:
        from pcgd_cli.heap import keep_until_exit, pause_collector_from_start

        pause_collector_from_start()
        keep_until_exit()
    from pcgd_cli.cli import run as run_command

    run_command()
