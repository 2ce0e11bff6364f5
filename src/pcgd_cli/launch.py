"""The installed ``pcgd`` command and ``python -m pcgd_cli``.

Before anything else is imported, a ``pcgd check`` starts reading its workbooks
(reading/early.py): on a national file the read is the longest single step, and
importing the command line first delayed it by about 80 ms. Then the command runs
as ``cli.run``.
"""

from __future__ import annotations

import sys


def run() -> None:
    from pcgd_cli.reading import early

    if early.start(sys.argv[1:]):
        from pcgd_cli.heap import keep_until_exit, pause_collector_from_start

        pause_collector_from_start()
        keep_until_exit()
    from pcgd_cli.cli import run as run_command

    run_command()
