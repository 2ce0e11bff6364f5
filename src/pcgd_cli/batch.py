"""What a long or scheduled run prints on stderr: a progress bar and one summary line.

stdout is left to the data (``--format json|csv``); the progress bar shows
only on an interactive terminal and never with ``--quiet``, so a cron job's
mail holds nothing but errors.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console

from pcgd_cli.i18n import t
from pcgd_cli.report.terminal import summary_line
from pcgd_cli.report_model import Report


@contextmanager
def file_progress(paths: list[Path], console: Console, quiet: bool,
                  lang: str) -> Iterator[Callable[[Path], None] | None]:
    """A callback advancing a bar after each file read, or None when nothing is shown."""
    if quiet or not console.is_terminal:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[name]}"), console=console,
                  transient=True) as progress:
        task = progress.add_task(t("batch_reading", lang), total=len(paths),
                                 name=paths[0].name if paths else "")

        done = iter(range(1, len(paths) + 1))

        def advance(path: Path) -> None:
            k = next(done, len(paths))
            progress.update(task, advance=1, name=paths[k].name if k < len(paths) else "")

        yield advance


def run_summary(report: Report, lang: str = "vi") -> str:
    """Files, communes, findings and, when targets were asked for, how many are met."""
    line = summary_line(report, lang)
    if report.targets:
        met = sum(1 for target in report.targets if target.met)
        line += t("batch_targets", lang, met=met, n=len(report.targets))
    return line
